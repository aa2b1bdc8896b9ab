-- The outbox's relay (docs/decisions/0007-mail-outbox.md): a mail waiting to be
-- handed to the job queue wakes the workers listening on "outbox_mail". NOTIFY
-- is delivered only when the transaction that wrote the mail commits, so a
-- rolled-back change never wakes anyone. A worker that missed the notice finds
-- the row in its sweep. Hand-written: Prisma's schema has no triggers.
--
-- No semicolon may appear in this file except between statements: the Prisma
-- pg adapter that builds the drift test's shadow database splits scripts at
-- every one. So the function body is an escape string with \073 for each.
CREATE FUNCTION "outbox_mail_notify"() RETURNS trigger
LANGUAGE plpgsql AS E'BEGIN PERFORM pg_notify(''outbox_mail'', NEW.id::text)\073 RETURN NULL\073 END';

-- A new mail.
CREATE TRIGGER "OutboxMail_notify_insert"
AFTER INSERT ON "OutboxMail"
FOR EACH ROW
WHEN (NEW.status = 'PENDING' AND NEW."queuedAt" IS NULL)
EXECUTE FUNCTION "outbox_mail_notify"();

-- A mail sent again by staff: it becomes PENDING with no job yet.
CREATE TRIGGER "OutboxMail_notify_update"
AFTER UPDATE OF status, "queuedAt" ON "OutboxMail"
FOR EACH ROW
WHEN (NEW.status = 'PENDING' AND NEW."queuedAt" IS NULL AND (OLD.status <> 'PENDING' OR OLD."queuedAt" IS NOT NULL))
EXECUTE FUNCTION "outbox_mail_notify"();
