// Follow-up reports (återrapporter) in /api/v1: the association's members read,
// draft, attach PDFs to and submit the report on an approved grant; the
// coordinator lists, reads, accepts or returns it with a comment. Route
// handlers live in app/api/v1/applications/[id]/report/** and
// app/api/v1/reports, and call lib/data/follow-up.ts. Also the annual report's
// PDF (app/api/v1/annual-reports/[id]/file, lib/data/annual-reports.ts), which
// the rest of the annual-report operations (lib/api/operations/payouts.ts) lacked.
// tests/integration/api-follow-up.test.ts checks the responses against the services' types.
import { z } from "zod";
import type { ApiOperation } from "../operation";
import { FollowUpDraftSchema, FollowUpListQuerySchema, FollowUpReturnSchema } from "@/lib/schemas/follow-up";

const uuid = () => z.guid();
const dateTime = () => z.iso.datetime({ offset: true });
/** A calendar day, YYYY-MM-DD. */
const day = () => z.iso.date();
const int = () => z.number().int();

export const FOLLOW_UP_STATUS = ["DRAFT", "SUBMITTED", "RETURNED", "ACCEPTED"] as const;
/** lib/domain/follow-up.ts Obligation. */
export const OBLIGATION = ["DONE", "AWAITING_REVIEW", "OPEN", "OVERDUE"] as const;
export const REVIEW_OUTCOME = ["ACCEPTED", "RETURNED"] as const;

/** A line being written: its amount may still be missing. */
const DraftLineSchema = z.object({ label: z.string(), amount: int().nullable() });
const LineSchema = z.object({ label: z.string(), amount: int() });

/** lib/data/follow-up.ts FollowUpContent: one round exactly as submitted. */
export const FollowUpContentSchema = z.object({
  summary: z.string(),
  startDate: day(),
  endDate: day(),
  participantsTotal: int(),
  participantsUnder26: int(),
  outcomes: z.array(z.object({ objectiveId: uuid(), objectiveSv: z.string(), objectiveEn: z.string(), text: z.string() })),
  costLines: z.array(LineSchema),
  otherFunding: z.array(LineSchema),
  attachments: z.array(z.object({ id: uuid(), name: z.string(), size: int() })),
});

/** lib/data/follow-up.ts getFollowUpReport (and what every change returns). */
export const FollowUpReportSchema = z.object({
  application: z.object({
    id: uuid(),
    caseNumber: z.string().nullable(),
    title: z.string(),
    grantKind: z.enum(["BASE", "ACTIVITY"]),
    programYear: int(),
    partnerTown: z.string().nullable(),
    association: z.object({ id: uuid(), name: z.string() }),
    approvedAmount: int(),
    /** What the application planned, for comparison. */
    planned: z.object({
      startDate: day().nullable(),
      endDate: day().nullable(),
      participantsTotal: int().nullable(),
      participantsUnder26: int().nullable(),
      budgetLines: z.array(DraftLineSchema),
      otherFunding: z.array(DraftLineSchema),
    }),
  }),
  /** The objectives the application named; outcome i answers objective i. */
  objectives: z.array(z.object({ id: uuid(), textSv: z.string(), textEn: z.string() })),
  dueOn: day(),
  /** Days from today to the due date; negative once passed. */
  daysLeft: int(),
  obligation: z.enum(OBLIGATION),
  /** null: not started. */
  status: z.enum(FOLLOW_UP_STATUS).nullable(),
  viewer: z.object({ member: z.boolean(), reviewer: z.boolean() }),
  /** The caller is a member and the next step is the association's. */
  canEdit: z.boolean(),
  /** The caller is the coordinator and a round waits for review. */
  canReview: z.boolean(),
  submittedAt: dateTime().nullable(),
  acceptedAt: dateTime().nullable(),
  /** The working copy: only the association's members see it (null for the coordinator). */
  draft: z
    .object({
      summary: z.string(),
      startDate: day().nullable(),
      endDate: day().nullable(),
      participantsTotal: int().nullable(),
      participantsUnder26: int().nullable(),
      outcomes: z.array(z.object({ objectiveId: uuid(), text: z.string() })),
      costLines: z.array(DraftLineSchema),
      otherFunding: z.array(DraftLineSchema),
      /** submitted: part of a submitted round, kept in the history and not removable. */
      attachments: z.array(z.object({ id: uuid(), name: z.string(), size: int(), submitted: z.boolean() })),
      updatedAt: dateTime().nullable(),
    })
    .nullable(),
  /** Every submitted round, oldest first, with the coordinator's review. */
  rounds: z.array(
    z.object({
      round: int(),
      submittedAt: dateTime(),
      submittedBy: z.string().nullable(),
      content: FollowUpContentSchema,
      outcome: z.enum(REVIEW_OUTCOME).nullable(),
      comment: z.string().nullable(),
      reviewedAt: dateTime().nullable(),
      reviewedBy: z.string().nullable(),
    }),
  ),
});

/** lib/data/follow-up.ts listFollowUpReports. */
export const FollowUpListSchema = z.object({
  items: z.array(
    z.object({
      applicationId: uuid(),
      caseNumber: z.string().nullable(),
      title: z.string(),
      association: z.object({ id: uuid(), name: z.string() }),
      programYear: int(),
      dueOn: day(),
      status: z.enum(FOLLOW_UP_STATUS).nullable(),
      obligation: z.enum(OBLIGATION),
      rounds: int(),
      submittedAt: dateTime().nullable(),
      acceptedAt: dateTime().nullable(),
    }),
  ),
  /** Pass as `after` for the next page; null on the last. */
  nextCursor: uuid().nullable(),
});

export const FollowUpAttachmentUploadSchema = z.object({
  file: z.file().mime("application/pdf").describe("A PDF attachment to the report (receipts, programme, list of participants), at most 10 MB"),
});

const TAGS = ["follow-up"];

export const followUpOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/applications/{id}/report",
    operationId: "getFollowUpReport",
    summary:
      "The follow-up report on an approved grant: due date, where it stands, every submitted round with its review, and for the association's members " +
      "the working copy (the association's members and the coordinator; 404 for an application without a report obligation)",
    tags: TAGS,
    pathParams: ["id"],
    response: FollowUpReportSchema,
    errors: [404],
  },
  {
    method: "patch",
    path: "/applications/{id}/report",
    operationId: "saveFollowUpReportDraft",
    summary:
      "Save the working copy, however incomplete; absent fields stay as they are (a member, while the report is a draft or returned for completion; " +
      "409 once submitted or accepted)",
    tags: TAGS,
    pathParams: ["id"],
    requestBody: FollowUpDraftSchema,
    response: FollowUpReportSchema,
    errors: [404, 409, 422],
  },
  {
    method: "post",
    path: "/applications/{id}/report/submit",
    operationId: "submitFollowUpReport",
    summary:
      "Submit the working copy as a new round (a member). Every field is required, with one outcome per objective the application named; " +
      "the actual end date must be today or earlier (422 with the fields named)",
    tags: TAGS,
    pathParams: ["id"],
    response: FollowUpReportSchema,
    errors: [404, 409, 422],
  },
  {
    method: "post",
    path: "/applications/{id}/report/attachments",
    operationId: "addFollowUpReportAttachment",
    summary: "Attach a PDF to the working copy (a member; at most 10 files, each at most 10 MB, checked by content)",
    tags: TAGS,
    pathParams: ["id"],
    requestKind: "multipart",
    requestBody: FollowUpAttachmentUploadSchema,
    response: FollowUpReportSchema,
    successStatus: 201,
    errors: [404, 409, 413, 422],
  },
  {
    method: "get",
    path: "/applications/{id}/report/attachments/{fileId}",
    operationId: "downloadFollowUpReportAttachment",
    summary: "One of the report's attachments as a PDF attachment (application/pdf), for the association's members and the coordinator",
    tags: TAGS,
    pathParams: ["id", "fileId"],
    responseMediaType: "application/pdf",
    errors: [404],
  },
  {
    method: "delete",
    path: "/applications/{id}/report/attachments/{fileId}",
    operationId: "removeFollowUpReportAttachment",
    summary: "Remove an attachment added since the last submission (a member); one already submitted stays in the history (409)",
    tags: TAGS,
    pathParams: ["id", "fileId"],
    response: FollowUpReportSchema,
    errors: [404, 409],
  },
  {
    method: "post",
    path: "/applications/{id}/report/accept",
    operationId: "acceptFollowUpReport",
    summary: "Accept the submitted round (coordinator); the association's members are mailed. 409 unless a round waits for review",
    tags: TAGS,
    pathParams: ["id"],
    response: FollowUpReportSchema,
    errors: [403, 404, 409],
  },
  {
    method: "post",
    path: "/applications/{id}/report/return",
    operationId: "returnFollowUpReport",
    summary:
      "Send the submitted round back for completion with a required comment (coordinator); the members are mailed the comment and complete and resubmit. " +
      "409 unless a round waits for review",
    tags: TAGS,
    pathParams: ["id"],
    requestBody: FollowUpReturnSchema,
    response: FollowUpReportSchema,
    errors: [403, 404, 409, 422],
  },
  {
    method: "get",
    path: "/reports",
    operationId: "listFollowUpReports",
    summary:
      "The municipality's follow-up reports by due date, a page at a time (coordinator): by default those waiting for review; " +
      "status OVERDUE (past due, the association's turn), OPEN, DONE or ALL; by program year or association",
    tags: TAGS,
    query: FollowUpListQuerySchema,
    response: FollowUpListSchema,
    errors: [403, 422],
  },
  {
    method: "get",
    path: "/annual-reports/{id}/file",
    operationId: "downloadAnnualReport",
    summary: "An annual report's PDF as an attachment (application/pdf), for the association's members and the coordinator",
    tags: ["payouts"],
    pathParams: ["id"],
    responseMediaType: "application/pdf",
    errors: [404],
  },
];
