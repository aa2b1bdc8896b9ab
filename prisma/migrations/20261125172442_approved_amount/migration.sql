-- DropIndex
DROP INDEX "Application_programYearId_partnerTownId_grantKind_status_idx";

-- DropIndex
DROP INDEX "Application_programYearId_status_idx";

-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "approvedAmount" INTEGER;

-- CreateIndex
CREATE INDEX "Application_pool_status_approvedAmount_idx" ON "Application"("programYearId", "partnerTownId", "grantKind", "status", "approvedAmount");

-- CreateIndex
CREATE INDEX "Application_programYearId_status_approvedAmount_idx" ON "Application"("programYearId", "status", "approvedAmount");

-- Hand-written: Application."approvedAmount" is what the application's
-- decision in force approves while it is APPROVED, null otherwise. The
-- database keeps it, whatever writes the application or its decision: an
-- application inserted, or its status or decision changed, reads its
-- decision by key, and a decision whose amount, outcome or supersession
-- changes recomputes the application it is in force for. The deciding
-- transactions sum it under their locks from the indexes above instead of
-- fetching every approved application's decision
-- (docs/decisions/0012-approved-amount-by-trigger.md). The same rule about
-- semicolons holds here as in 20261125113000_outbox_notify.
CREATE FUNCTION "application_approved_amount"() RETURNS trigger
LANGUAGE plpgsql AS E'BEGIN
  NEW."approvedAmount" := CASE WHEN NEW.status = ''APPROVED'' THEN (
    SELECT d.amount FROM "Decision" d
    WHERE d.id = NEW."currentDecisionId" AND d.outcome = ''APPROVED'' AND d."supersededAt" IS NULL
  ) END\073
  RETURN NEW\073
END';

CREATE TRIGGER "Application_approved_amount"
BEFORE INSERT OR UPDATE OF status, "currentDecisionId", "approvedAmount" ON "Application"
FOR EACH ROW
EXECUTE FUNCTION "application_approved_amount"();

CREATE FUNCTION "decision_approved_amount"() RETURNS trigger
LANGUAGE plpgsql AS E'BEGIN
  UPDATE "Application" SET "approvedAmount" = NULL WHERE "currentDecisionId" = NEW.id\073
  RETURN NULL\073
END';

-- Setting the column on the application fires the trigger above, which computes it afresh.
CREATE TRIGGER "Decision_approved_amount"
AFTER UPDATE OF amount, outcome, "supersededAt" ON "Decision"
FOR EACH ROW
WHEN (OLD.amount IS DISTINCT FROM NEW.amount OR OLD.outcome IS DISTINCT FROM NEW.outcome OR OLD."supersededAt" IS DISTINCT FROM NEW."supersededAt")
EXECUTE FUNCTION "decision_approved_amount"();

-- The applications there already (the trigger computes each one).
UPDATE "Application" SET "approvedAmount" = NULL WHERE status = 'APPROVED';
