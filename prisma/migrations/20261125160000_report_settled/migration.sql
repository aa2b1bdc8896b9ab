-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "reportSettled" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "Application_municipalityId_status_reportSettled_idx" ON "Application"("municipalityId", "status", "reportSettled");

-- Hand-written: Application."reportSettled" says whether the application's
-- follow-up report is handed in or accepted. The database keeps it, whatever
-- writes the report: a report inserted, moved to another status or deleted
-- sets it on its application. The start page counts the open obligations by
-- the index above instead of reading every accepted report of ten years
-- (docs/decisions/0011-report-settled-by-trigger.md). The same rule about
-- semicolons holds here as in 20261125113000_outbox_notify.
CREATE FUNCTION "follow_up_report_settled"() RETURNS trigger
LANGUAGE plpgsql AS E'BEGIN
  IF TG_OP = ''DELETE'' OR (TG_OP = ''UPDATE'' AND OLD."applicationId" <> NEW."applicationId") THEN
    UPDATE "Application" SET "reportSettled" = false WHERE id = OLD."applicationId" AND "reportSettled"\073
  END IF\073
  IF TG_OP <> ''DELETE'' THEN
    UPDATE "Application" SET "reportSettled" = (NEW.status IN (''SUBMITTED'', ''ACCEPTED''))
    WHERE id = NEW."applicationId" AND "reportSettled" IS DISTINCT FROM (NEW.status IN (''SUBMITTED'', ''ACCEPTED''))\073
  END IF\073
  RETURN NULL\073
END';

CREATE TRIGGER "FollowUpReport_settled_insert_delete"
AFTER INSERT OR DELETE ON "FollowUpReport"
FOR EACH ROW
EXECUTE FUNCTION "follow_up_report_settled"();

CREATE TRIGGER "FollowUpReport_settled_update"
AFTER UPDATE OF status, "applicationId" ON "FollowUpReport"
FOR EACH ROW
WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD."applicationId" IS DISTINCT FROM NEW."applicationId")
EXECUTE FUNCTION "follow_up_report_settled"();

-- The reports there already.
UPDATE "Application" a SET "reportSettled" = true
WHERE EXISTS (SELECT 1 FROM "FollowUpReport" r WHERE r."applicationId" = a.id AND r.status IN ('SUBMITTED', 'ACCEPTED'));
