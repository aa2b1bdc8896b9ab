-- CreateEnum
CREATE TYPE "FollowUpReportStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED');

-- CreateEnum
CREATE TYPE "ReviewOutcome" AS ENUM ('ACCEPTED', 'RETURNED');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('PENDING', 'SENT', 'FAILED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "ReminderKind" AS ENUM ('REPORT_DUE_SOON', 'REPORT_OVERDUE', 'ANNUAL_REPORT_MISSING', 'CONSULTATION_CLOSING');

-- CreateEnum
CREATE TYPE "ReplyChannel" AS ENUM ('EMAIL', 'PHONE');

-- AlterEnum
ALTER TYPE "FileKind" ADD VALUE 'FOLLOW_UP_ATTACHMENT';

-- AlterTable
ALTER TABLE "ProgramYear" ADD COLUMN     "blockOnOverdueReport" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "FollowUpReport" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "status" "FollowUpReportStatus" NOT NULL DEFAULT 'DRAFT',
    "summary" TEXT NOT NULL DEFAULT '',
    "startDate" DATE,
    "endDate" DATE,
    "participantsTotal" INTEGER,
    "participantsUnder26" INTEGER,
    "outcomes" JSONB NOT NULL DEFAULT '[]',
    "costLines" JSONB NOT NULL DEFAULT '[]',
    "otherFunding" JSONB NOT NULL DEFAULT '[]',
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "acceptedAt" TIMESTAMP(3),
    "acceptedById" UUID,

    CONSTRAINT "FollowUpReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowUpReportRound" (
    "id" UUID NOT NULL,
    "reportId" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "submittedById" UUID NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "outcome" "ReviewOutcome",
    "comment" TEXT,
    "reviewedById" UUID,
    "reviewedAt" TIMESTAMP(3),

    CONSTRAINT "FollowUpReportRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMail" (
    "id" UUID NOT NULL,
    "municipalityId" UUID,
    "kind" TEXT NOT NULL,
    "to" TEXT[],
    "replyTo" TEXT,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "sensitive" BOOLEAN NOT NULL DEFAULT false,
    "applicationId" UUID,
    "reminderId" UUID,
    "status" "OutboxStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "queuedAt" TIMESTAMP(3),
    "claimedAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "messageId" TEXT,
    "expiresAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxMail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Reminder" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "kind" "ReminderKind" NOT NULL,
    "occasion" TEXT NOT NULL,
    "applicationId" UUID,
    "associationId" UUID,
    "consultationId" UUID,
    "userId" UUID,
    "dueOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Reminder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Message" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "applicationId" UUID,
    "authorId" UUID,
    "fromStaff" BOOLEAN NOT NULL DEFAULT false,
    "body" TEXT NOT NULL,
    "topic" TEXT,
    "service" TEXT,
    "replyBy" "ReplyChannel",
    "senderName" TEXT,
    "senderEmail" TEXT,
    "senderPhone" TEXT,
    "readAt" TIMESTAMP(3),
    "readById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Message_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "FollowUpReport_applicationId_key" ON "FollowUpReport"("applicationId");

-- CreateIndex
CREATE INDEX "FollowUpReport_status_submittedAt_idx" ON "FollowUpReport"("status", "submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "FollowUpReportRound_reportId_round_key" ON "FollowUpReportRound"("reportId", "round");

-- CreateIndex
CREATE INDEX "OutboxMail_status_createdAt_idx" ON "OutboxMail"("status", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxMail_municipalityId_status_createdAt_idx" ON "OutboxMail"("municipalityId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxMail_applicationId_idx" ON "OutboxMail"("applicationId");

-- CreateIndex
CREATE INDEX "OutboxMail_reminderId_idx" ON "OutboxMail"("reminderId");

-- CreateIndex
CREATE UNIQUE INDEX "Reminder_occasion_key" ON "Reminder"("occasion");

-- CreateIndex
CREATE INDEX "Reminder_municipalityId_createdAt_idx" ON "Reminder"("municipalityId", "createdAt");

-- CreateIndex
CREATE INDEX "Reminder_applicationId_idx" ON "Reminder"("applicationId");

-- CreateIndex
CREATE INDEX "Message_applicationId_createdAt_idx" ON "Message"("applicationId", "createdAt");

-- CreateIndex
CREATE INDEX "Message_municipalityId_applicationId_createdAt_idx" ON "Message"("municipalityId", "applicationId", "createdAt");

-- AddForeignKey
ALTER TABLE "FollowUpReport" ADD CONSTRAINT "FollowUpReport_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpReportRound" ADD CONSTRAINT "FollowUpReportRound_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "FollowUpReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxMail" ADD CONSTRAINT "OutboxMail_reminderId_fkey" FOREIGN KEY ("reminderId") REFERENCES "Reminder"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE SET NULL ON UPDATE CASCADE;
