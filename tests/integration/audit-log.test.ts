// The audit log as staff read it: the municipality's events newest first, a
// page at a time; filtered by person, case (with its report's, messages' and
// mails' events) and Swedish days; readable changes; exported as CSV and
// XLSX; and never another municipality's events.
import { strFromU8, unzipSync } from "fflate";
import { createElement, type ComponentProps, type ReactNode } from "react";
import { NextRequest } from "next/server";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { createApplication, submitApplication, updateDraft } from "@/lib/data/applications";
import { verifyAssociation } from "@/lib/data/associations";
import { AUDIT_PAGE_SIZE, exportAuditEvents, listAuditEvents, type AuditEventRow } from "@/lib/data/audit-log";
import { I18nProvider } from "@/components/i18n/provider";
import { sv } from "@/lib/i18n/messages";
import { withMailAndUploads } from "../fixtures/mail-and-uploads";
import { actorOf, buildWorld, completeDraft, orgNumber, type World } from "../fixtures/world";
import { buildElsewhere, insertApprovedGrant, insertFollowUpReport, type Elsewhere } from "../fixtures/overview";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({
  getSessionActor: async () => session.actor,
  requireSessionActor: async () => {
    if (!session.actor) throw new Error("no actor");
    return session.actor;
  },
}));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));
vi.mock("next/navigation", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/navigation")>()),
  useRouter: () => ({ refresh: () => undefined, push: () => undefined }),
}));

import * as exportRoute from "@/app/coordinator/audit/export/route";
import AuditPage from "@/app/coordinator/audit/page";

withMailAndUploads();
let world: World;
let elsewhere: Elsewhere;
/** A submitted application of the applicant's, through the services. */
let applicationId: string;
let caseNumber: string;

const coordinator = () => actorOf(world.users.coordinator);
const applicant = () => actorOf(world.users.applicant);

beforeAll(async () => {
  world = await buildWorld();
  elsewhere = await buildElsewhere();
  const draft = await createApplication(applicant(), { associationId: world.associations.mine.id, programYearId: world.program.id, grantKind: "ACTIVITY" });
  await updateDraft(applicant(), draft.id, completeDraft(world, { title: "Körutbyte i loggen" }));
  const sent = await submitApplication(applicant(), draft.id);
  applicationId = draft.id;
  caseNumber = sent.caseNumber!;
  await verifyAssociation(coordinator(), world.associations.pending.id);
});

async function all(filters: Parameters<typeof listAuditEvents>[1] = {}, actor = coordinator()): Promise<AuditEventRow[]> {
  const rows: AuditEventRow[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await listAuditEvents(actor, { ...filters, after });
    rows.push(...page.items);
    if (!page.nextCursor) return rows;
    after = page.nextCursor;
  }
}

describe("the audit log", () => {
  it("shows the municipality's events newest first, who did them, and a readable summary of the change", async () => {
    const page = await listAuditEvents(coordinator(), {});
    const actions = page.items.map((e) => e.action);
    expect(actions.slice(0, 4)).toEqual(["association.verified", "application.submitted", "application.draft-updated", "application.created"]);
    const verified = page.items[0]!;
    expect(verified).toMatchObject({
      actor: { kind: "user", id: world.users.coordinator.id, name: "Sara Samordnare", email: world.users.coordinator.email },
      entityType: "Association",
      entityId: world.associations.pending.id,
      entityLabel: world.associations.pending.name,
      applicationId: null,
    });
    expect(verified.changes).toContainEqual({ field: "status", before: "PENDING", after: "VERIFIED" });
    const submitted = page.items[1]!;
    expect(submitted).toMatchObject({ entityType: "Application", entityId: applicationId, entityLabel: caseNumber, applicationId });
    expect(submitted.changes).toContainEqual({ field: "status", before: "DRAFT", after: "SUBMITTED" });
    for (let i = 1; i < page.items.length; i++) expect(page.items[i - 1]!.at.getTime()).toBeGreaterThanOrEqual(page.items[i]!.at.getTime());
  });

  it("never shows another municipality's events, and theirs never ours", async () => {
    const ours = await all();
    expect(ours.some((e) => e.entityId === elsewhere.associationId)).toBe(false);
    const theirs = await all({}, elsewhere.coordinator);
    expect(theirs.map((e) => e.entityId)).toEqual([elsewhere.associationId]);
    // Their event's id as our cursor does not reach their log.
    const page = await listAuditEvents(coordinator(), { after: theirs[0]!.id });
    expect(page.items.some((e) => e.entityId === elsewhere.associationId)).toBe(false);
  });

  it("is for the coordinator and the administrator", async () => {
    await expect(listAuditEvents(actorOf(world.users.admin), {})).resolves.toMatchObject({ items: expect.any(Array) });
    for (const role of ["applicant", "otherApplicant", "committee"] as const) {
      await expect(listAuditEvents(actorOf(world.users[role]), {}), role).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(exportAuditEvents(actorOf(world.users[role]), {}), role).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("pages by keyset: every event once, in order, however many there are", async () => {
    const at = new Date("2020-05-05T10:00:00Z");
    await db.auditEvent.createMany({
      data: Array.from({ length: AUDIT_PAGE_SIZE * 2 + 7 }, (_, i) => ({
        // Several share an instant: the id breaks the tie.
        at: new Date(at.getTime() + Math.floor(i / 3) * 1000),
        actorKind: "system",
        action: "test.bulk",
        entityType: "ProgramYear",
        entityId: world.program.id,
        municipalityId: world.municipality.id,
        after: { n: i },
      })),
    });
    const rows = await all({ from: "2020-05-05", to: "2020-05-05" });
    expect(rows).toHaveLength(AUDIT_PAGE_SIZE * 2 + 7);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(rows.map((r) => (r.after as { n: number }).n)).toEqual(Array.from({ length: rows.length }, (_, i) => rows.length - 1 - i));
    expect(rows[0]).toMatchObject({ actor: { kind: "system", id: null }, entityLabel: String(world.program.year) });
  });

  it("filters by Swedish days, both ends included", async () => {
    const event = (at: string, n: string) =>
      db.auditEvent.create({ data: { at: new Date(at), actorKind: "system", action: `test.day-${n}`, entityType: "X", entityId: n, municipalityId: world.municipality.id } });
    await event("2021-03-01T22:59:59Z", "mar1-end"); // 23:59:59 on 1 March (winter time, +01)
    await event("2021-03-01T23:00:00Z", "mar2-start"); // 00:00 on 2 March
    await event("2021-03-02T22:59:59Z", "mar2-end"); // 23:59:59 on 2 March
    await event("2021-03-02T23:00:00Z", "mar3-start"); // 00:00 on 3 March
    const on = async (from: string, to: string) => (await all({ from, to })).filter((e) => e.action.startsWith("test.day-")).map((e) => e.entityId);
    expect(await on("2021-03-02", "2021-03-02")).toEqual(["mar2-end", "mar2-start"]);
    expect(await on("2021-03-01", "2021-03-02")).toEqual(["mar2-end", "mar2-start", "mar1-end"]);
    expect(await on("2021-03-03", "2021-03-31")).toEqual(["mar3-start"]);
  });

  it("refuses a bad filter on its field", async () => {
    await expect(listAuditEvents(coordinator(), { from: "2021-02-30" })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { from: ["validation.date.format"] } });
    await expect(listAuditEvents(coordinator(), { from: "2021-03-02", to: "2021-03-01" })).rejects.toMatchObject({ fieldErrors: { to: ["validation.audit.toBeforeFrom"] } });
    await expect(listAuditEvents(coordinator(), { after: "12abc" })).rejects.toMatchObject({ fieldErrors: { after: ["validation.invalid"] } });
  });

  it("filters by person: part of the e-mail or name, the user's id, or the system", async () => {
    const byMail = await all({ person: world.users.applicant.email.slice(0, 12).toUpperCase() });
    expect(byMail.length).toBeGreaterThanOrEqual(3);
    expect(new Set(byMail.map((e) => e.actor.id))).toEqual(new Set([world.users.applicant.id]));
    const byName = await listAuditEvents(coordinator(), { person: "Sara Samord" });
    expect(byName.person?.matches.map((p) => p.id)).toEqual([world.users.coordinator.id]);
    expect(byName.items.map((e) => e.action)).toEqual(["association.verified"]);
    expect((await all({ person: world.users.coordinator.id })).map((e) => e.action)).toEqual(["association.verified"]);
    expect((await all({ person: "system" })).every((e) => e.actor.kind === "system")).toBe(true);
    // Someone of another municipality is nobody here.
    const outsider = await listAuditEvents(coordinator(), { person: elsewhere.coordinator.email });
    expect(outsider).toMatchObject({ items: [], person: { matches: [] } });
  });

  it("filters by case, by number or id, with its report's, messages' and mails' events", async () => {
    const grant = await insertApprovedGrant(world, { amount: 2_000 });
    const report = await insertFollowUpReport(world, grant.applicationId, { status: "SUBMITTED" });
    const message = await db.message.create({ data: { municipalityId: world.municipality.id, applicationId: grant.applicationId, authorId: world.users.applicant.id, body: "Hej" } });
    const other = await insertApprovedGrant(world, { amount: 1_000 });
    const event = (entityType: string, entityId: string, action: string) =>
      db.auditEvent.create({ data: { actorId: world.users.applicant.id, actorKind: "user", action, entityType, entityId, municipalityId: world.municipality.id } });
    await event("Application", grant.applicationId, "application.submitted");
    await event("FollowUpReport", report.id, "report.submitted");
    await event("Message", message.id, "message.posted");
    await event("Application", other.applicationId, "application.submitted");

    const byNumber = await listAuditEvents(coordinator(), { case: grant.caseNumber.toLowerCase() });
    expect(byNumber.case).toEqual({ query: grant.caseNumber.toLowerCase(), application: { id: grant.applicationId, caseNumber: grant.caseNumber, title: expect.any(String) } });
    expect(byNumber.items.map((e) => e.action)).toEqual(["message.posted", "report.submitted", "application.submitted"]);
    // Each row leads to the case, named by its number.
    expect(new Set(byNumber.items.map((e) => e.applicationId))).toEqual(new Set([grant.applicationId]));
    expect(new Set(byNumber.items.map((e) => e.entityLabel))).toEqual(new Set([grant.caseNumber]));
    const byId = await listAuditEvents(coordinator(), { case: grant.applicationId });
    expect(byId.items.map((e) => e.id)).toEqual(byNumber.items.map((e) => e.id));

    // The submitted application made through the services has its own history.
    expect((await all({ case: caseNumber })).map((e) => e.action)).toEqual(["application.submitted", "application.draft-updated", "application.created"]);
    // Another municipality's case is no case here; an unknown number is said so.
    expect(await listAuditEvents(coordinator(), { case: "INT 1999/0001" })).toMatchObject({ items: [], case: { application: null } });
    const theirApplication = await db.application.create({
      data: {
        municipalityId: elsewhere.municipalityId,
        programYearId: (await db.programYear.create({ data: { municipalityId: elsewhere.municipalityId, year: 2030, opensOn: new Date("2030-01-01"), closesOn: new Date("2030-12-31"), baseCapPerTown: 1, activityCapPerTown: 1, reportDeadlineMonths: 1 } })).id,
        associationId: elsewhere.associationId,
        grantKind: "ACTIVITY",
        createdById: elsewhere.coordinator.userId,
      },
    });
    expect(await listAuditEvents(coordinator(), { case: theirApplication.id })).toMatchObject({ items: [], case: { application: null } });
  });

  it("combines filters", async () => {
    const rows = await all({ person: world.users.applicant.email, case: caseNumber, from: "2000-01-01" });
    expect(rows.map((e) => e.action)).toEqual(["application.submitted", "application.draft-updated", "application.created"]);
    expect(await all({ person: world.users.coordinator.email, case: caseNumber })).toEqual([]);
  });
});

describe("the export", () => {
  const download = (query: Record<string, string>) => exportRoute.GET(new NextRequest(`http://localhost:3000/coordinator/audit/export?${new URLSearchParams(query)}`));

  it("gives the filtered log as a CSV with Swedish headers and readable names", async () => {
    session.actor = coordinator();
    const res = await download({ case: caseNumber, format: "csv" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="handelselogg-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = Buffer.from(await res.arrayBuffer()).toString("utf8").slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe("Tidpunkt;Vem;E-post;Via;Händelse;Händelsekod;Objekttyp;Objekt;Objekt-id;Ändringar;Före;Efter");
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(`;Anna Andersson;${world.users.applicant.email};Inloggad;Ansökan inskickad;application.submitted;Application;${caseNumber};${applicationId};`);
    expect(lines[1]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2};/);
  });

  it("gives it as an XLSX too", async () => {
    session.actor = coordinator();
    const res = await download({ case: caseNumber, format: "xlsx" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(strFromU8(files["xl/sharedStrings.xml"]!)).toContain("Ansökan inskickad");
    expect(strFromU8(files["xl/worksheets/sheet1.xml"]!).match(/<row /g)).toHaveLength(4);
  });

  it("is not found for anyone who may not read the log, nor for a bad filter", async () => {
    for (const role of ["applicant", "committee"] as const) {
      session.actor = actorOf(world.users[role]);
      expect((await download({ format: "csv" })).status, role).toBe(404);
    }
    session.actor = coordinator();
    expect((await download({ format: "csv", from: "igår" })).status).toBe(404);
    expect((await download({ format: "ods" })).status).toBe(404);
    session.actor = null;
    expect((await download({ format: "csv" })).status).toBe(404);
  });
});

describe("the page", () => {
  const render = async (node: Promise<ReactNode>) => {
    const props = { locale: "sv", messages: sv } as ComponentProps<typeof I18nProvider>;
    return renderToStaticMarkup(createElement(I18nProvider, props, await node));
  };

  it("shows one case's history with readable actions, a link back to the case, and export links with the filter", async () => {
    session.actor = coordinator();
    const html = await render(AuditPage({ searchParams: Promise.resolve({ case: caseNumber }) }));
    expect(html.match(/<h1/g)).toHaveLength(1);
    expect(html).toContain(`Händelselogg för ${caseNumber}`);
    expect(html).toContain(`href="/applications/${applicationId}"`);
    expect(html).toContain("Ansökan inskickad");
    expect(html).toContain("Visa detaljer");
    expect(html).toContain(`href="/coordinator/audit/export?${new URLSearchParams({ case: caseNumber, format: "csv" }).toString().replace(/&/g, "&amp;")}"`);
    expect(html).toMatch(/<td data-label="Ändringar">.*status: <\/span>DRAFT → SUBMITTED/s);
  });

  it("shows a bad date on its field and pages with a link to older events", async () => {
    session.actor = coordinator();
    const bad = await render(AuditPage({ searchParams: Promise.resolve({ from: "2021-13-01" }) }));
    expect(bad).toContain('id="audit-from-error"');
    expect(bad).toContain(sv["validation.date.format"]);
    const first = await render(AuditPage({ searchParams: Promise.resolve({ from: "2020-05-05", to: "2020-05-05" }) }));
    expect(first).toMatch(/href="\/coordinator\/audit\?from=2020-05-05&amp;to=2020-05-05&amp;after=\d+">Äldre händelser</);
  });

  it("is not found for the applicant and the committee", async () => {
    for (const role of ["applicant", "committee"] as const) {
      session.actor = actorOf(world.users[role]);
      await expect(render(AuditPage({ searchParams: Promise.resolve({}) })), role).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK|NEXT_NOT_FOUND/);
    }
  });
});

// A registered association in the log is named, not just numbered.
describe("entity names", () => {
  it("name associations, annual reports and people; an entity that is gone keeps its id", async () => {
    const gone = crypto.randomUUID();
    const association = await db.association.create({
      data: {
        municipalityId: world.municipality.id,
        name: "Loggföreningen",
        orgNumber: orgNumber(),
        streetAddress: "Storgatan 1",
        postalCode: "941 31",
        city: "Piteå",
        contactName: "Anna",
        email: "anna@example.se",
        phone: "070-1",
        paymentMethod: "BANKGIRO",
        paymentAccount: "5050-1055",
        createdById: world.users.applicant.id,
      },
    });
    const event = (entityType: string, entityId: string) =>
      db.auditEvent.create({ data: { at: new Date("2019-01-01T12:00:00Z"), actorKind: "system", action: "test.name", entityType, entityId, municipalityId: world.municipality.id } });
    await event("Association", association.id);
    await event("User", world.users.committee.id);
    await event("Application", gone);
    const rows = await all({ from: "2019-01-01", to: "2019-01-01" });
    expect(rows.map((r) => [r.entityType, r.entityLabel, r.applicationId])).toEqual([
      // A deleted draft: its id, and no link to a case that is not there.
      ["Application", null, null],
      ["User", `Karin Fors <${world.users.committee.email}>`, null],
      ["Association", "Loggföreningen", null],
    ]);
  });
});
