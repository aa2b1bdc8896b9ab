-- CreateTable
CREATE TABLE "PendingLetter" (
    "decisionId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastAttemptAt" TIMESTAMP(3),

    CONSTRAINT "PendingLetter_pkey" PRIMARY KEY ("decisionId")
);

-- AddForeignKey
ALTER TABLE "PendingLetter" ADD CONSTRAINT "PendingLetter_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: a letter to write wakes the workers listening on
-- "decision_letter" when the deciding transaction commits (as
-- 20261125113000_outbox_notify does for mail, and the same rule about semicolons
-- holds here). A worker that missed the notice finds the row in its sweep.
CREATE FUNCTION "pending_letter_notify"() RETURNS trigger
LANGUAGE plpgsql AS E'BEGIN PERFORM pg_notify(''decision_letter'', NEW."decisionId"::text)\073 RETURN NULL\073 END';

CREATE TRIGGER "PendingLetter_notify_insert"
AFTER INSERT ON "PendingLetter"
FOR EACH ROW
EXECUTE FUNCTION "pending_letter_notify"();
