// The coordinator's overview in /api/v1: the start page's counts, the year in
// figures with the board's follow-up summary (JSON, CSV, XLSX), and the audit
// log with its filters (JSON, CSV, XLSX). Route handlers live in
// app/api/v1/dashboard, app/api/v1/figures/** and app/api/v1/audit-events/**
// and call lib/data/dashboard.ts, lib/data/figures.ts and lib/data/audit-log.ts,
// the services the pages call. tests/integration/api-dashboard.test.ts checks
// that these schemas describe what the services return.
import { z } from "zod";
import type { ApiOperation } from "../operation";

const int = () => z.number().int();
const uuid = () => z.guid();
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" as const;

/** A program year in a query string. */
const yearParam = () =>
  z
    .string({ error: "validation.invalid" })
    .regex(/^\d{4}$/, { error: "validation.invalid" })
    .transform(Number);

// ---------------------------------------------------------------- the start page

/** lib/data/dashboard.ts getDashboard. */
export const DashboardSchema = z.object({
  /** Today in Swedish time, the day the counts are for. */
  today: z.iso.date(),
  associationsToVerify: int().describe("Registered associations waiting to be verified"),
  applicationsToConsult: int().describe("Submitted applications not yet put to the committee"),
  consultationsReady: int().describe("Submitted applications whose consultation is closed: ready for a decision"),
  reportsToReview: int().describe("Follow-up reports submitted and waiting for review"),
  annualReportsToReview: int().describe("Annual reports handed in and waiting for review"),
  payoutsReady: z
    .object({ count: int(), amount: int(), byYear: z.array(z.object({ year: int(), count: int(), amount: int() })) })
    .describe("Approved, unpaid grants whose annual report requirement is met, per program year (newest first)"),
  overdueReports: int().describe("Approved grants whose follow-up report is past its due day and the association's turn"),
  missingAnnualReports: z
    .object({
      /** The activity year whose accepted annual report a payout today needs. */
      year: int(),
      associations: int(),
      /** Of those, associations that handed the report in and wait for review. */
      handedIn: int(),
      byYear: z.array(z.object({ year: int(), associations: int() })),
    })
    .describe("Associations with an approved, unpaid grant waiting for the last completed year's annual report"),
  unreadMessages: int().describe("Messages from associations and the contact form that nobody has read"),
  failedMails: int().describe("Mails the outbox gave up sending after its retries; they can be sent again"),
});

// ---------------------------------------------------------------- the year in figures

export const FiguresQuerySchema = z.object({ year: yearParam().describe("The program year") });

export const FIGURES_PART = ["figures", "summary"] as const;
export const FiguresExportQuerySchema = z.object({
  year: yearParam().describe("The program year"),
  part: z
    .enum(FIGURES_PART, { error: "validation.invalid" })
    .default("figures")
    .describe("figures: granted against caps and budget, participants and objectives; summary: the follow-up summary for the municipal board"),
});

const TownSchema = z.object({ id: uuid(), name: z.string() });
const ObjectiveSchema = z.object({ id: uuid(), textSv: z.string(), textEn: z.string() });
const GRANT_KIND = ["BASE", "ACTIVITY"] as const;

/** lib/data/figures.ts getYearFigures. */
export const YearFiguresSchema = z.object({
  programYearId: uuid(),
  year: int(),
  granted: z.object({
    total: int(),
    /** The towns' caps added up. */
    caps: int(),
    budget: int().nullable(),
    budgetRemaining: int().nullable(),
    percentOfBudget: int().nullable(),
    byKind: z.array(z.object({ grantKind: z.enum(GRANT_KIND), cap: int(), granted: int(), approvedCount: int(), percentOfCap: int().nullable() })),
    pools: z.array(
      z.object({
        partnerTown: TownSchema,
        grantKind: z.enum(GRANT_KIND),
        cap: int(),
        granted: int(),
        remaining: int(),
        approvedCount: int(),
        percentOfCap: int().nullable(),
      }),
    ),
  }),
  participants: z.object({
    planned: z.object({ applications: int(), total: int(), under26: int() }),
    actual: z.object({ reports: int(), total: int(), under26: int() }),
    byTown: z.array(
      z.object({
        partnerTown: TownSchema,
        planned: z.object({ applications: int(), total: int(), under26: int() }),
        actual: z.object({ reports: int(), total: int(), under26: int() }),
      }),
    ),
  }),
  objectives: z.array(z.object({ objective: ObjectiveSchema, applications: int(), granted: int() })),
  summary: z.object({
    totals: z.object({ reports: int(), participantsTotal: int(), participantsUnder26: int(), actualCosts: int(), otherFunding: int(), granted: int() }),
    towns: z.array(
      z.object({
        partnerTown: TownSchema,
        reports: int(),
        participantsTotal: int(),
        participantsUnder26: int(),
        actualCosts: int(),
        otherFunding: int(),
        granted: int(),
      }),
    ),
    objectives: z.array(
      z.object({
        objective: ObjectiveSchema,
        reports: int(),
        participantsTotal: int(),
        participantsUnder26: int(),
        actualCosts: int(),
        outcomes: z.array(z.object({ applicationId: uuid(), caseNumber: z.string().nullable(), association: z.string(), partnerTown: z.string(), text: z.string() })),
      }),
    ),
    /** Outcome texts are quoted for the first 1 000 accepted reports; the sums cover all. */
    outcomesTruncated: z.boolean(),
  }),
});

// ---------------------------------------------------------------- the audit log

const auditFilterShape = {
  person: z.string().max(200).optional().describe('A user id, "system", or part of a name or e-mail address'),
  case: z.string().max(100).optional().describe("A case number (e.g. INT 2026/0012) or an application id: the case's events, its report's, decisions', messages' and mails'"),
  from: z.iso.date().optional().describe("First day (YYYY-MM-DD, Swedish time), included"),
  to: z.iso.date().optional().describe("Last day (YYYY-MM-DD, Swedish time), included"),
};

export const AuditEventsQuerySchema = z.object({
  ...auditFilterShape,
  after: z
    .string()
    .regex(/^\d+$/)
    .optional()
    .describe("nextCursor of the previous page"),
});

export const AuditExportQuerySchema = z.object(auditFilterShape);

/** lib/data/audit-log.ts listAuditEvents. */
export const AuditEventListSchema = z.object({
  filters: z.object({ person: z.string(), case: z.string(), from: z.string(), to: z.string() }),
  /** Who the person filter matched (at most 50; tooMany when more did). */
  person: z.object({ query: z.string(), matches: z.array(z.object({ id: uuid(), name: z.string().nullable(), email: z.string() })), tooMany: z.boolean() }).nullable(),
  /** The case the case filter found, or null in application when none. */
  case: z.object({ query: z.string(), application: z.object({ id: uuid(), caseNumber: z.string().nullable(), title: z.string() }).nullable() }).nullable(),
  /** Newest first. */
  items: z.array(
    z.object({
      id: z.string().describe("The event's id (a number as a string); the cursor"),
      at: z.iso.datetime({ offset: true }),
      actor: z.object({ kind: z.enum(["user", "api-token", "system"]), id: uuid().nullable(), name: z.string().nullable(), email: z.string().nullable() }),
      action: z.string(),
      entityType: z.string(),
      entityId: z.string(),
      entityLabel: z.string().nullable().describe("A readable name of the entity (a case number, an association's name)"),
      applicationId: uuid().nullable().describe("The case the entity belongs to"),
      changes: z.array(z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() })).describe("What changed, before → after, shortened"),
      before: z.unknown(),
      after: z.unknown(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

const OVERVIEW = ["overview"];

export const dashboardOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/dashboard",
    operationId: "getDashboard",
    summary: "The coordinator's day: how many associations, applications, consultations, reports, payouts and messages wait (coordinator)",
    tags: OVERVIEW,
    response: DashboardSchema,
    errors: [403],
  },
  {
    method: "get",
    path: "/figures",
    operationId: "getYearFigures",
    summary:
      "The program year in figures: granted (approved, in force) per partner town and grant kind against the caps and in all against the budget, " +
      "participants planned and reported, objectives served, and the follow-up summary per town and objective for the municipal board (coordinator)",
    tags: OVERVIEW,
    query: FiguresQuerySchema,
    response: YearFiguresSchema,
    errors: [403, 404, 422],
  },
  {
    method: "get",
    path: "/figures/export/csv",
    operationId: "exportYearFiguresCsv",
    summary:
      "The year in figures or the board's follow-up summary as a CSV attachment (text/csv; charset=utf-8): UTF-8 with a byte-order mark, " +
      "semicolon-separated, Swedish headers; several tables each under a title line, an empty line between (coordinator)",
    tags: OVERVIEW,
    query: FiguresExportQuerySchema,
    responseMediaType: "text/csv",
    errors: [403, 404, 422],
  },
  {
    method: "get",
    path: "/figures/export/xlsx",
    operationId: "exportYearFiguresXlsx",
    summary: "The year in figures or the board's follow-up summary as an Excel workbook attachment, one sheet per table, amounts as numbers (coordinator)",
    tags: OVERVIEW,
    query: FiguresExportQuerySchema,
    responseMediaType: XLSX,
    errors: [403, 404, 422],
  },
  {
    method: "get",
    path: "/audit-events",
    operationId: "listAuditEvents",
    summary:
      "The municipality's audit log, newest first, 50 a page: filter by person, case and days; pass nextCursor as after for the next page " +
      "(coordinator and administrator)",
    tags: OVERVIEW,
    query: AuditEventsQuerySchema,
    response: AuditEventListSchema,
    errors: [403, 422],
  },
  {
    method: "get",
    path: "/audit-events/export/csv",
    operationId: "exportAuditEventsCsv",
    summary: "The filtered audit log as a CSV attachment (text/csv; charset=utf-8, byte-order mark, semicolons), at most 10 000 events, newest first (coordinator and administrator)",
    tags: OVERVIEW,
    query: AuditExportQuerySchema,
    responseMediaType: "text/csv",
    errors: [403, 422],
  },
  {
    method: "get",
    path: "/audit-events/export/xlsx",
    operationId: "exportAuditEventsXlsx",
    summary: "The filtered audit log as an Excel workbook attachment, at most 10 000 events, newest first (coordinator and administrator)",
    tags: OVERVIEW,
    query: AuditExportQuerySchema,
    responseMediaType: XLSX,
    errors: [403, 422],
  },
];
