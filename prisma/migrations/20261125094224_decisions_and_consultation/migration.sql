/*
  Warnings:

  - A unique constraint covering the columns `[currentDecisionId]` on the table `Application` will be added. If there are existing duplicate values, this will fail.
  - A unique constraint covering the columns `[letterFileId]` on the table `Decision` will be added. If there are existing duplicate values, this will fail.

*/
-- CreateEnum
CREATE TYPE "RecommendationKind" AS ENUM ('APPROVE', 'REJECT', 'ABSTAIN', 'CONFLICT');

-- CreateEnum
CREATE TYPE "AnnualReportStatus" AS ENUM ('SUBMITTED', 'ACCEPTED', 'RETURNED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "FileKind" ADD VALUE 'ANNUAL_REPORT';
ALTER TYPE "FileKind" ADD VALUE 'DECISION_LETTER';

-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "currentDecisionId" UUID;

-- AlterTable
ALTER TABLE "Decision" ADD COLUMN     "allocationId" UUID,
ADD COLUMN     "letterFileId" UUID,
ADD COLUMN     "paidAt" TIMESTAMP(3),
ADD COLUMN     "paidById" UUID,
ADD COLUMN     "reportDueOn" DATE;

-- AlterTable
ALTER TABLE "Municipality" ADD COLUMN     "delegation" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "BaseAllocation" (
    "id" UUID NOT NULL,
    "programYearId" UUID NOT NULL,
    "partnerTownId" UUID NOT NULL,
    "cap" INTEGER NOT NULL,
    "share" INTEGER NOT NULL,
    "approvedCount" INTEGER NOT NULL,
    "decidedById" UUID NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "supersededAt" TIMESTAMP(3),
    "reopenReason" TEXT,

    CONSTRAINT "BaseAllocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Consultation" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "closesOn" DATE NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedEarlyAt" TIMESTAMP(3),
    "closedEarlyById" UUID,
    "closedEarlyReason" TEXT,

    CONSTRAINT "Consultation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsultationCase" (
    "id" UUID NOT NULL,
    "consultationId" UUID NOT NULL,
    "applicationId" UUID NOT NULL,

    CONSTRAINT "ConsultationCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Recommendation" (
    "id" UUID NOT NULL,
    "consultationCaseId" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "kind" "RecommendationKind" NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Recommendation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnualReport" (
    "id" UUID NOT NULL,
    "associationId" UUID NOT NULL,
    "activityYear" INTEGER NOT NULL,
    "fileId" UUID NOT NULL,
    "status" "AnnualReportStatus" NOT NULL DEFAULT 'SUBMITTED',
    "returnReason" TEXT,
    "uploadedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewedById" UUID,
    "reviewedAt" TIMESTAMP(3),

    CONSTRAINT "AnnualReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BaseAllocation_programYearId_partnerTownId_decidedAt_idx" ON "BaseAllocation"("programYearId", "partnerTownId", "decidedAt");

-- CreateIndex
CREATE INDEX "Consultation_municipalityId_createdAt_idx" ON "Consultation"("municipalityId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ConsultationCase_applicationId_key" ON "ConsultationCase"("applicationId");

-- CreateIndex
CREATE INDEX "ConsultationCase_consultationId_idx" ON "ConsultationCase"("consultationId");

-- CreateIndex
CREATE UNIQUE INDEX "Recommendation_consultationCaseId_memberId_key" ON "Recommendation"("consultationCaseId", "memberId");

-- CreateIndex
CREATE UNIQUE INDEX "AnnualReport_fileId_key" ON "AnnualReport"("fileId");

-- CreateIndex
CREATE INDEX "AnnualReport_associationId_activityYear_idx" ON "AnnualReport"("associationId", "activityYear");

-- CreateIndex
CREATE UNIQUE INDEX "Application_currentDecisionId_key" ON "Application"("currentDecisionId");

-- CreateIndex
CREATE UNIQUE INDEX "Decision_letterFileId_key" ON "Decision"("letterFileId");

-- CreateIndex
CREATE INDEX "Decision_allocationId_idx" ON "Decision"("allocationId");

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_currentDecisionId_fkey" FOREIGN KEY ("currentDecisionId") REFERENCES "Decision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_allocationId_fkey" FOREIGN KEY ("allocationId") REFERENCES "BaseAllocation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationCase" ADD CONSTRAINT "ConsultationCase_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationCase" ADD CONSTRAINT "ConsultationCase_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_consultationCaseId_fkey" FOREIGN KEY ("consultationCaseId") REFERENCES "ConsultationCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnualReport" ADD CONSTRAINT "AnnualReport_associationId_fkey" FOREIGN KEY ("associationId") REFERENCES "Association"("id") ON DELETE CASCADE ON UPDATE CASCADE;
