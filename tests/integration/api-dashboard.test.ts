// The coordinator's overview through /api/v1: the start page's counts, the
// year in figures with the board's summary (JSON, CSV, XLSX) and the audit log
// (JSON with its cursor, CSV, XLSX); the same services and permissions as the
// pages, every operation from every role, and another municipality's rows never.
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import { db } from "@/lib/db";
import { buildOpenApi } from "@/lib/api/openapi";
import {
  AuditEventListSchema,
  DashboardSchema,
  dashboardOperations,
  YearFiguresSchema,
} from "@/lib/api/operations/dashboard";
import type { getDashboard } from "@/lib/data/dashboard";
import type { getYearFigures } from "@/lib/data/figures";
import type { listAuditEvents } from "@/lib/data/audit-log";
import { routeCaller, type Reply, type Result } from "../fixtures/api-routes";
import { buildWorld, type World } from "../fixtures/world";
import { buildElsewhere, insertApprovedGrant, insertFollowUpReport, type Elsewhere } from "../fixtures/overview";

import * as dashboardRoute from "@/app/api/v1/dashboard/route";
import * as figuresRoute from "@/app/api/v1/figures/route";
import * as figuresCsvRoute from "@/app/api/v1/figures/export/csv/route";
import * as figuresXlsxRoute from "@/app/api/v1/figures/export/xlsx/route";
import * as auditRoute from "@/app/api/v1/audit-events/route";
import * as auditCsvRoute from "@/app/api/v1/audit-events/export/csv/route";
import * as auditXlsxRoute from "@/app/api/v1/audit-events/export/xlsx/route";

// ---------------------------------------------------------------- the schemas mirror the services

expectTypeOf<z.output<typeof DashboardSchema>>().toEqualTypeOf<Result<typeof getDashboard>>();
expectTypeOf<z.output<typeof YearFiguresSchema>>().toEqualTypeOf<Result<typeof getYearFigures>>();
expectTypeOf<z.output<typeof AuditEventListSchema>>().toEqualTypeOf<Result<typeof listAuditEvents>>();

// ---------------------------------------------------------------- calling the handlers

const HANDLERS = {
  getDashboard: { path: "/dashboard", module: dashboardRoute },
  getYearFigures: { path: "/figures", module: figuresRoute },
  exportYearFiguresCsv: { path: "/figures/export/csv", module: figuresCsvRoute },
  exportYearFiguresXlsx: { path: "/figures/export/xlsx", module: figuresXlsxRoute },
  listAuditEvents: { path: "/audit-events", module: auditRoute },
  exportAuditEventsCsv: { path: "/audit-events/export/csv", module: auditCsvRoute },
  exportAuditEventsXlsx: { path: "/audit-events/export/xlsx", module: auditXlsxRoute },
} satisfies Record<string, { path: string; module: { GET: unknown } }>;
type OperationId = keyof typeof HANDLERS;

const call = routeCaller(HANDLERS);

let world: World;
let elsewhere: Elsewhere;
let YEAR: string;

beforeAll(async () => {
  world = await buildWorld();
  elsewhere = await buildElsewhere();
  YEAR = String(world.program.year);
  const grant = await insertApprovedGrant(world, { amount: 6_000, participantsTotal: 12, participantsUnder26: 9, objectiveIds: [world.objectives[0]!.id] });
  await insertFollowUpReport(world, grant.applicationId, {
    status: "ACCEPTED",
    participantsTotal: 11,
    participantsUnder26: 8,
    costLines: [{ label: "Resor", amount: 6_500 }],
    outcomes: [{ objectiveId: world.objectives[0]!.id, text: "Ungdomarna planerar ett återbesök." }],
  });
  await db.auditEvent.createMany({
    data: Array.from({ length: 60 }, (_, i) => ({
      at: new Date(Date.UTC(2022, 0, 10, 12, 0, i)),
      actorId: world.users.coordinator.id,
      actorKind: "api-token",
      action: "application.submitted",
      entityType: "Application",
      entityId: grant.applicationId,
      municipalityId: world.municipality.id,
      before: { status: "DRAFT" },
      after: { status: "SUBMITTED", n: i },
    })),
  });
});

const token = (role: keyof World["users"]) => world.users[role].token;

describe("the operations", () => {
  it("are documented with their operationIds and file media types", () => {
    const doc = buildOpenApi() as { paths: Record<string, Record<string, { operationId: string; responses: Record<string, { content?: Record<string, unknown> }> }>> };
    for (const op of dashboardOperations) {
      expect(HANDLERS[op.operationId as OperationId], op.operationId).toBeDefined();
      expect(HANDLERS[op.operationId as OperationId].path).toBe(op.path);
      const documented = doc.paths[op.path]!.get!;
      expect(documented.operationId).toBe(op.operationId);
      if (op.responseMediaType) expect(Object.keys(documented.responses["200"]!.content!)).toEqual([op.responseMediaType]);
    }
    expect(Object.keys(HANDLERS).sort()).toEqual(dashboardOperations.map((o) => o.operationId).sort());
  });

  const QUERY: Record<OperationId, Record<string, string>> = {
    getDashboard: {},
    getYearFigures: { year: "" },
    exportYearFiguresCsv: { year: "" },
    exportYearFiguresXlsx: { year: "", part: "summary" },
    listAuditEvents: {},
    exportAuditEventsCsv: {},
    exportAuditEventsXlsx: {},
  };
  const AUDIT = new Set<OperationId>(["listAuditEvents", "exportAuditEventsCsv", "exportAuditEventsXlsx"]);
  const ROLES = ["applicant", "otherApplicant", "committee", "admin", "coordinator"] as const;

  it.each(Object.keys(HANDLERS) as OperationId[])("%s: 401 without a token; the coordinator's (the audit log also the administrator's); 403 for the rest", async (operationId) => {
    const query = Object.fromEntries(Object.entries(QUERY[operationId]).map(([k, v]) => [k, k === "year" ? YEAR : v]));
    expect((await call(operationId, { query })).status).toBe(401);
    for (const role of ROLES) {
      const allowed = role === "coordinator" || (role === "admin" && AUDIT.has(operationId));
      const res = await call(operationId, { token: token(role), query });
      expect(res.status, role).toBe(allowed ? 200 : 403);
      if (!allowed) expect(res.body.error).toMatchObject({ code: "FORBIDDEN", message: expect.any(String) });
      expect(res.headers.get("cache-control"), role).toBe("no-store");
    }
  });
});

describe("GET /dashboard", () => {
  it("gives the counts the start page shows", async () => {
    const res = await call("getDashboard", { token: token("coordinator") });
    const body = DashboardSchema.parse(res.body);
    expect(body.associationsToVerify).toBeGreaterThanOrEqual(1);
    expect(body.missingAnnualReports.associations).toBeGreaterThanOrEqual(1);
  });
});

describe("GET /figures", () => {
  it("gives the year in figures and the board's summary", async () => {
    const res = await call("getYearFigures", { token: token("coordinator"), query: { year: YEAR } });
    expect(res.status).toBe(200);
    const body = YearFiguresSchema.parse(res.body);
    expect(body.year).toBe(world.program.year);
    expect(body.participants.actual).toEqual({ reports: 1, total: 11, under26: 8 });
    expect(body.summary.objectives[0]!.outcomes.map((o) => o.text)).toContain("Ungdomarna planerar ett återbesök.");
  });

  it("is 422 for a year that is not one, 404 for a year without a program, in the caller's language", async () => {
    const bad = await call("getYearFigures", { token: token("coordinator"), query: { year: "förra" }, headers: { "accept-language": "sv" } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields.year).toEqual([expect.any(String)]);
    expect((await call("getYearFigures", { token: token("coordinator"), query: {} })).status).toBe(422);
    expect((await call("getYearFigures", { token: token("coordinator"), query: { year: "1990" } })).status).toBe(404);
    // Another municipality's coordinator has no such program year.
    expect((await call("getYearFigures", { token: elsewhere.coordinator.token, query: { year: YEAR } })).status).toBe(404);
  });

  it("exports the figures as CSV and the summary as XLSX, as attachments", async () => {
    const csv = await call("exportYearFiguresCsv", { token: token("coordinator"), query: { year: YEAR } });
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toBe(`attachment; filename="aret-i-siffror-${YEAR}.csv"; filename*=UTF-8''aret-i-siffror-${YEAR}.csv`);
    expect(csv.bytes.toString("utf8")).toContain("Ort;Bidragstyp;Tak (kr);Beviljat (kr)");

    const xlsx = await call("exportYearFiguresXlsx", { token: token("coordinator"), query: { year: YEAR, part: "summary" } });
    expect(xlsx.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(xlsx.headers.get("content-disposition")).toContain(`filename="uppfoljning-${YEAR}.xlsx"`);
    const files = unzipSync(new Uint8Array(xlsx.bytes));
    expect(strFromU8(files["xl/sharedStrings.xml"]!)).toContain("Ungdomarna planerar ett återbesök.");
    expect(strFromU8(files["xl/worksheets/sheet1.xml"]!)).toMatch(/<c r="E2"><v>6500<\/v><\/c>/);

    expect((await call("exportYearFiguresCsv", { token: token("coordinator"), query: { year: YEAR, part: "allt" } })).status).toBe(422);
  });
});

describe("GET /audit-events", () => {
  it("pages through the filtered log with the cursor, newest first", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const res: Reply = await call("listAuditEvents", { token: token("coordinator"), query: { from: "2022-01-10", to: "2022-01-10", ...(after ? { after } : {}) } });
      expect(res.status).toBe(200);
      const body = AuditEventListSchema.parse(res.body);
      seen.push(...body.items.map((e) => e.id));
      for (const e of body.items) expect(e).toMatchObject({ actor: { kind: "api-token", name: "Sara Samordnare" }, changes: [{ field: "status", before: "DRAFT", after: "SUBMITTED" }, { field: "n" }] });
      after = body.nextCursor;
      pages++;
    } while (after);
    expect(pages).toBe(2);
    expect(seen).toHaveLength(60);
    expect([...seen].sort((a, b) => Number(b) - Number(a))).toEqual(seen);
  });

  it("is 422 with the field for a bad filter", async () => {
    const res = await call("listAuditEvents", { token: token("coordinator"), query: { to: "31/12/2022" } });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.error.fields)).toEqual(["to"]);
  });

  it("shows another municipality only its own events", async () => {
    const res = await call("listAuditEvents", { token: elsewhere.admin.token });
    expect(res.body.items.map((e: { entityId: string }) => e.entityId)).toEqual([elsewhere.associationId]);
  });

  it("exports the filtered log as CSV and XLSX", async () => {
    const csv = await call("exportAuditEventsCsv", { token: token("admin"), query: { from: "2022-01-10", to: "2022-01-10" } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="handelselogg-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = csv.bytes.toString("utf8").trimEnd().split("\r\n");
    expect(lines).toHaveLength(61);
    expect(lines[1]).toContain(";API-token;Ansökan inskickad;application.submitted;");
    const xlsx = await call("exportAuditEventsXlsx", { token: token("coordinator"), query: { from: "2022-01-10", to: "2022-01-10" } });
    expect(strFromU8(unzipSync(new Uint8Array(xlsx.bytes))["xl/worksheets/sheet1.xml"]!).match(/<row /g)).toHaveLength(61);
  });
});
