-- CreateIndex
CREATE INDEX "Application_programYearId_status_idx" ON "Application"("programYearId", "status");

-- CreateIndex
CREATE INDEX "Application_municipalityId_submittedAt_id_idx" ON "Application"("municipalityId", "submittedAt", "id");

-- CreateIndex
CREATE INDEX "Decision_paidAt_outcome_idx" ON "Decision"("paidAt", "outcome");
