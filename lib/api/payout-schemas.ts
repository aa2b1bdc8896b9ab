// Bodies, queries and responses of the payout step's /api/v1 operations
// (lib/api/operations/payouts.ts): annual reports handed in and reviewed,
// payouts approved and listed, the finance department's CSV and the decision
// letter. The services in lib/data/annual-reports.ts and lib/data/payouts.ts
// check every input themselves; these schemas document what they accept, with
// the same limits and message keys. tests/integration/api-payouts.test.ts
// checks that the responses match the services' types.
import { z } from "zod";
import { ASSOCIATION_STATUS } from "@/lib/api/schemas";

const uuid = () => z.guid();
const dateTime = () => z.iso.datetime({ offset: true });
/** A calendar day, YYYY-MM-DD. */
const day = () => z.iso.date();

export const ANNUAL_REPORT_STATUS = ["SUBMITTED", "ACCEPTED", "RETURNED"] as const;
/** lib/data/payouts.ts PAYOUT_STATUSES. */
export const PAYOUT_STATUS = ["ready", "paid", "blocked"] as const;
export const PAYMENT_METHOD = ["BANKGIRO", "PLUSGIRO"] as const;
/** lib/data/annual-reports.ts ANNUAL_REPORT_FIRST_YEAR. */
export const ANNUAL_REPORT_FIRST_YEAR = 2000;

/** A program or activity year in a query string. */
const yearParam = () =>
  z
    .string({ error: "validation.invalid" })
    .regex(/^\d{4}$/, { error: "validation.invalid" })
    .transform(Number);

// ---------------------------------------------------------------- requests

export const AnnualReportUploadSchema = z.object({
  activityYear: z
    .string()
    .regex(/^\d{4}$/)
    .describe(`The activity year the report covers: ${ANNUAL_REPORT_FIRST_YEAR} through the current year`),
  file: z.file().mime("application/pdf").describe("The annual report (verksamhetsberättelse) as a PDF"),
});

/** The reason is checked by the service (returnAnnualReport); this documents it. */
export { ReasonSchema as ReturnAnnualReportSchema } from "@/lib/schemas/association";

export const AnnualReportsToReviewQuerySchema = z.object({
  /** Only reports waiting for review are listed, so far. */
  status: z.enum(["SUBMITTED"], { error: "validation.invalid" }).default("SUBMITTED"),
});

export const PayoutsQuerySchema = z.object({
  year: yearParam().describe("The program year of the grants"),
  status: z
    .enum(PAYOUT_STATUS, { error: "validation.invalid" })
    .optional()
    .describe("ready: the annual report requirement is met; blocked: it is not; paid: payout approved"),
});

export const PayoutExportQuerySchema = z.object({ year: yearParam().describe("The program year of the grants") });

// ---------------------------------------------------------------- responses

const FileRefSchema = z.object({ id: uuid(), originalName: z.string(), size: z.number().int() });

/** lib/data/annual-reports.ts uploadAnnualReport. */
export const AnnualReportUploadedSchema = z.object({
  id: uuid(),
  activityYear: z.number().int(),
  status: z.enum(ANNUAL_REPORT_STATUS),
  file: FileRefSchema,
});

/** lib/data/annual-reports.ts listAnnualReports. */
export const AnnualReportListSchema = z.object({
  association: z.object({ id: uuid(), name: z.string(), status: z.enum(ASSOCIATION_STATUS) }),
  /** The caller is a member (and may upload), not staff reading. */
  isMember: z.boolean(),
  /** The activity year whose accepted report a payout made today needs. */
  requiredYear: z.number().int(),
  requiredYearStatus: z.enum(ANNUAL_REPORT_STATUS).nullable(),
  /** Newest year first; within a year the current report first, then those sent back. */
  reports: z.array(
    z.object({
      id: uuid(),
      activityYear: z.number().int(),
      status: z.enum(ANNUAL_REPORT_STATUS),
      /** Why the coordinator sent it back. */
      returnReason: z.string().nullable(),
      uploadedAt: dateTime(),
      reviewedAt: dateTime().nullable(),
      file: FileRefSchema.nullable(),
    }),
  ),
});

/** lib/data/annual-reports.ts listAnnualReportsToReview: oldest first. */
export const AnnualReportsToReviewSchema = z.array(
  z.object({
    id: uuid(),
    activityYear: z.number().int(),
    uploadedAt: dateTime(),
    association: z.object({ id: uuid(), name: z.string(), orgNumber: z.string() }),
    file: FileRefSchema.nullable(),
  }),
);

/** lib/data/annual-reports.ts acceptAnnualReport and returnAnnualReport. */
export const AnnualReportReviewedSchema = z.object({
  id: uuid(),
  activityYear: z.number().int(),
  status: z.enum(ANNUAL_REPORT_STATUS),
  returnReason: z.string().nullable(),
});

/** lib/data/payouts.ts approvePayout. */
export const PayoutApprovedSchema = z.object({
  decisionId: uuid(),
  applicationId: uuid(),
  /** Whole kronor. */
  amount: z.number().int(),
  paidAt: dateTime(),
  /** The activity year whose accepted annual report allowed the payout. */
  annualReportYear: z.number().int(),
});

/** lib/data/payouts.ts PayoutRow. */
export const PayoutRowSchema = z.object({
  decisionId: uuid(),
  applicationId: uuid(),
  caseNumber: z.string().nullable(),
  association: z.object({ id: uuid(), name: z.string(), orgNumber: z.string(), paymentMethod: z.enum(PAYMENT_METHOD), paymentAccount: z.string() }),
  amount: z.number().int(),
  /** The day of the decision in Swedish time. */
  decidedOn: day(),
  paidOn: day().nullable(),
  /** The association's annual report for requiredYear is accepted. */
  annualReportAccepted: z.boolean(),
  status: z.enum(PAYOUT_STATUS),
});

/** lib/data/payouts.ts listPayouts. */
export const PayoutListSchema = z.object({
  year: z.number().int(),
  /** The activity year whose accepted annual report a payout made today needs. */
  requiredYear: z.number().int(),
  rows: z.array(PayoutRowSchema),
});
