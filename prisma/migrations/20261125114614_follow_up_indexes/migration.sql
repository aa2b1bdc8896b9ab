-- CreateIndex
CREATE INDEX "Decision_reportDueOn_idx" ON "Decision"("reportDueOn");

-- CreateIndex
CREATE INDEX "Message_municipalityId_fromStaff_readAt_createdAt_idx" ON "Message"("municipalityId", "fromStaff", "readAt", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxMail_municipalityId_createdAt_idx" ON "OutboxMail"("municipalityId", "createdAt");
