// The payout step of /api/v1: associations hand in annual reports, the
// coordinator accepts them or sends them back, approves payouts (refused until
// the last completed activity year's report is accepted), lists them and hands
// finance a CSV; members and the coordinator download the decision letter.
// Route handlers live in app/api/v1/associations/[id]/annual-reports,
// app/api/v1/annual-reports/**, app/api/v1/decisions/[id]/payout,
// app/api/v1/payouts/** and app/api/v1/applications/[id]/decision/letter, and
// call lib/data/annual-reports.ts, lib/data/payouts.ts, lib/data/decisions.ts
// and lib/data/files.ts.
import type { ApiOperation } from "../operation";
import {
  AnnualReportListSchema,
  AnnualReportReviewedSchema,
  AnnualReportsToReviewQuerySchema,
  AnnualReportsToReviewSchema,
  AnnualReportUploadedSchema,
  AnnualReportUploadSchema,
  PayoutApprovedSchema,
  PayoutExportQuerySchema,
  PayoutListSchema,
  PayoutsQuerySchema,
  ReturnAnnualReportSchema,
} from "../payout-schemas";

const PAYOUTS = ["payouts"];

export const payoutOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/associations/{id}/annual-reports",
    operationId: "listAnnualReports",
    summary: "An association's annual reports, newest year first, and the year a payout made today needs (its members and the coordinator)",
    tags: PAYOUTS,
    pathParams: ["id"],
    response: AnnualReportListSchema,
    errors: [404],
  },
  {
    method: "post",
    path: "/associations/{id}/annual-reports",
    operationId: "uploadAnnualReport",
    summary:
      "Hand in the association's annual report for an activity year as a PDF (a member). A year sent back can be handed in again; " +
      "one waiting for review or accepted cannot (409)",
    tags: PAYOUTS,
    pathParams: ["id"],
    requestKind: "multipart",
    requestBody: AnnualReportUploadSchema,
    response: AnnualReportUploadedSchema,
    successStatus: 201,
    errors: [404, 409, 413, 422],
  },
  {
    method: "get",
    path: "/annual-reports",
    operationId: "listAnnualReportsToReview",
    summary: "The municipality's annual reports waiting for review, oldest first (coordinator)",
    tags: PAYOUTS,
    query: AnnualReportsToReviewQuerySchema,
    response: AnnualReportsToReviewSchema,
    errors: [403, 422],
  },
  {
    method: "post",
    path: "/annual-reports/{id}/accept",
    operationId: "acceptAnnualReport",
    summary: "Accept an annual report waiting for review (coordinator)",
    tags: PAYOUTS,
    pathParams: ["id"],
    response: AnnualReportReviewedSchema,
    errors: [403, 404, 409],
  },
  {
    method: "post",
    path: "/annual-reports/{id}/return",
    operationId: "returnAnnualReport",
    summary: "Send an annual report waiting for review back with a reason the association reads; it hands in a new one (coordinator)",
    tags: PAYOUTS,
    pathParams: ["id"],
    requestBody: ReturnAnnualReportSchema,
    response: AnnualReportReviewedSchema,
    errors: [403, 404, 409, 422],
  },
  {
    method: "post",
    path: "/decisions/{id}/payout",
    operationId: "approvePayout",
    summary:
      "Approve payout of an approved, current grant and record the day (coordinator). Refused (409) until the association's annual report " +
      "for its most recently completed activity year is accepted, with that year in error.fields.annualReportYear; refused (409) when already paid",
    tags: PAYOUTS,
    pathParams: ["id"],
    response: PayoutApprovedSchema,
    errors: [403, 404, 409],
  },
  {
    method: "get",
    path: "/payouts",
    operationId: "listPayouts",
    summary: "The program year's approved grants with payment details and where each payout stands: ready, blocked or paid (coordinator)",
    tags: PAYOUTS,
    query: PayoutsQuerySchema,
    response: PayoutListSchema,
    errors: [403, 422],
  },
  {
    method: "get",
    path: "/payouts/export",
    operationId: "exportPayouts",
    summary:
      "The program year's grants ready for payout as a CSV file for the finance department (coordinator). Responds text/csv; charset=utf-8 " +
      "as an attachment: UTF-8 with a byte-order mark, semicolon-separated, a header row first",
    tags: PAYOUTS,
    query: PayoutExportQuerySchema,
    responseMediaType: "text/csv",
    errors: [403, 422],
  },
  {
    method: "get",
    path: "/applications/{id}/decision/letter",
    operationId: "downloadDecisionLetter",
    summary:
      "The letter of the application's current decision as a PDF attachment (application/pdf), for the association's members and the coordinator; " +
      "404 before a letter is issued",
    tags: PAYOUTS,
    pathParams: ["id"],
    responseMediaType: "application/pdf",
    errors: [404],
  },
];
