-- CreateIndex
CREATE INDEX "Application_associationId_status_idx" ON "Application"("associationId", "status");
