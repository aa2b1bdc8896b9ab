// The year in figures and the board's follow-up summary against a program
// year with known approvals and reports: amounts in force against caps and
// budget, participants planned and reported, objectives served; the exports
// (CSV and XLSX, through the page's download route); the pages; and who may
// see them.
import { strFromU8, unzipSync } from "fflate";
import { createElement, type ComponentProps, type ReactNode } from "react";
import { NextRequest } from "next/server";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { getYearFigures, type YearFiguresResult } from "@/lib/data/figures";
import { I18nProvider } from "@/components/i18n/provider";
import { sv } from "@/lib/i18n/messages";
import { actorOf, buildWorld, type World } from "../fixtures/world";
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

import * as exportRoute from "@/app/coordinator/figures/export/route";
import FiguresPage from "@/app/coordinator/figures/page";
import SummaryPage from "@/app/coordinator/figures/summary/page";

let world: World;
let elsewhere: Elsewhere;
/** A program year of its own, so nothing else in the file lands in it. */
let YEAR: number;
let figures: YearFiguresResult;
const ids: Record<string, string> = {};

beforeAll(async () => {
  world = await buildWorld();
  elsewhere = await buildElsewhere();
  YEAR = world.program.year + 7;
  const program = await db.programYear.create({
    data: {
      municipalityId: world.municipality.id,
      year: YEAR,
      opensOn: new Date(`${YEAR}-01-01`),
      closesOn: new Date(`${YEAR}-12-31`),
      baseCapPerTown: 10_000,
      activityCapPerTown: 8_000,
      budget: 60_000,
      reportDeadlineMonths: 1,
      // The second town's activity pool is smaller this year.
      caps: { create: { partnerTownId: world.towns.second.id, grantKind: "ACTIVITY", amount: 5_000 } },
    },
  });
  const [o1, o2] = world.objectives.map((o) => o.id) as [string, string];
  const { first: t1, second: t2 } = world.towns;
  const grant = (opts: Omit<Parameters<typeof insertApprovedGrant>[1], "programYearId">) => insertApprovedGrant(world, { programYearId: program.id, ...opts });

  // Base grants: the first town's cap shared by two associations.
  const base1 = await grant({ grantKind: "BASE", partnerTownId: t1.id, associationId: world.associations.mine.id, amount: 5_000, participantsTotal: 5, participantsUnder26: 5 });
  await grant({ grantKind: "BASE", partnerTownId: t1.id, associationId: world.associations.other.id, amount: 5_000 });
  // Activity grants.
  const act1 = await grant({ partnerTownId: t1.id, amount: 6_000, participantsTotal: 20, participantsUnder26: 12, objectiveIds: [o1, o2] });
  const act2 = await grant({ partnerTownId: t2.id, associationId: world.associations.other.id, amount: 3_000, participantsTotal: 8, participantsUnder26: 2, objectiveIds: [o1] });
  // Not in force: a rejection, and an approval superseded by a later rejection.
  await grant({ partnerTownId: t2.id, amount: 4_000, participantsTotal: 50, objectiveIds: [o2], outcome: "REJECTED" });
  const superseded = await grant({ partnerTownId: t2.id, amount: 2_000, participantsTotal: 40, objectiveIds: [o2] });
  const rejection = await db.decision.create({ data: { applicationId: superseded.applicationId, outcome: "REJECTED", decidedById: world.users.coordinator.id } });
  await db.decision.update({ where: { id: superseded.decisionId }, data: { supersededAt: new Date() } });
  await db.application.update({ where: { id: superseded.applicationId }, data: { currentDecisionId: rejection.id, status: "REJECTED" } });
  // Another year's approval is not this year's.
  await insertApprovedGrant(world, { partnerTownId: t1.id, amount: 7_000, participantsTotal: 99, objectiveIds: [o1] });

  // Accepted reports count; a submitted one does not yet.
  await insertFollowUpReport(world, act1.applicationId, {
    status: "ACCEPTED",
    participantsTotal: 18,
    participantsUnder26: 11,
    costLines: [
      { label: "Resor", amount: 7_000 },
      { label: "Kost", amount: 1_500 },
      { label: "Ej ifyllt", amount: null },
    ],
    otherFunding: [{ label: "Studieförbundet", amount: 2_000 }],
    outcomes: [
      { objectiveId: o1, text: "Körerna sjöng tillsammans i Grindavíks kyrka." },
      { objectiveId: o2, text: "Två företag knöt kontakter." },
    ],
  });
  await insertFollowUpReport(world, base1.applicationId, { status: "ACCEPTED", participantsTotal: 4, participantsUnder26: 1, costLines: [{ label: "Möte", amount: 5_000 }] });
  await insertFollowUpReport(world, act2.applicationId, { status: "SUBMITTED", participantsTotal: 8, participantsUnder26: 2, costLines: [{ label: "Resor", amount: 3_000 }], outcomes: [{ objectiveId: o1, text: "Inte godkänd ännu." }] });
  Object.assign(ids, { o1, o2, t1: t1.id, t2: t2.id, act1: act1.applicationId, base1: base1.applicationId });
  figures = await getYearFigures(actorOf(world.users.coordinator), { year: YEAR });
});

describe("the year in figures", () => {
  it("puts what is granted and in force against each pool's cap, and the whole against the budget", () => {
    const pools = figures.granted.pools.filter((p) => [ids.t1, ids.t2].includes(p.partnerTown.id));
    expect(pools.map((p) => [p.partnerTown.id, p.grantKind, p.cap, p.granted, p.remaining, p.approvedCount, p.percentOfCap])).toEqual([
      [ids.t1, "BASE", 10_000, 10_000, 0, 2, 100],
      [ids.t1, "ACTIVITY", 8_000, 6_000, 2_000, 1, 75],
      [ids.t2, "BASE", 10_000, 0, 10_000, 0, 0],
      [ids.t2, "ACTIVITY", 5_000, 3_000, 2_000, 1, 60],
    ]);
    // The inactive town with nothing granted is left out, as in the allocation overview.
    expect(figures.granted.pools.some((p) => p.partnerTown.id === world.towns.inactive.id)).toBe(false);
    expect(figures.granted).toMatchObject({ total: 19_000, budget: 60_000, budgetRemaining: 41_000, percentOfBudget: 32 });
    expect(figures.granted.byKind).toEqual([
      { grantKind: "BASE", cap: 20_000, granted: 10_000, approvedCount: 2, percentOfCap: 50 },
      { grantKind: "ACTIVITY", cap: 13_000, granted: 9_000, approvedCount: 2, percentOfCap: 69 },
    ]);
  });

  it("counts participants planned in the approvals and reported in accepted reports", () => {
    expect(figures.participants.planned).toEqual({ applications: 4, total: 33, under26: 19 });
    expect(figures.participants.actual).toEqual({ reports: 2, total: 22, under26: 12 });
    expect(figures.participants.byTown).toEqual([
      { partnerTown: { id: ids.t1, name: world.towns.first.name }, planned: { applications: 3, total: 25, under26: 17 }, actual: { reports: 2, total: 22, under26: 12 } },
      { partnerTown: { id: ids.t2, name: world.towns.second.name }, planned: { applications: 1, total: 8, under26: 2 }, actual: { reports: 0, total: 0, under26: 0 } },
    ]);
  });

  it("counts the approvals naming each objective and what they were granted", () => {
    expect(figures.objectives.map((o) => [o.objective.id, o.applications, o.granted])).toEqual([
      [ids.o1, 2, 9_000],
      [ids.o2, 1, 6_000],
    ]);
  });

  it("summarises accepted reports per town and per objective for the board, with the outcomes against each objective", () => {
    expect(figures.summary.towns).toEqual([
      { partnerTown: { id: ids.t1, name: world.towns.first.name }, reports: 2, participantsTotal: 22, participantsUnder26: 12, actualCosts: 13_500, otherFunding: 2_000, granted: 11_000 },
    ]);
    expect(figures.summary.totals).toEqual({ reports: 2, participantsTotal: 22, participantsUnder26: 12, actualCosts: 13_500, otherFunding: 2_000, granted: 11_000 });
    const [first, second] = figures.summary.objectives;
    expect(first).toMatchObject({ objective: { id: ids.o1 }, reports: 1, participantsTotal: 18, participantsUnder26: 11, actualCosts: 8_500 });
    expect(first!.outcomes).toEqual([expect.objectContaining({ applicationId: ids.act1, text: "Körerna sjöng tillsammans i Grindavíks kyrka.", partnerTown: world.towns.first.name })]);
    expect(second!.outcomes.map((o) => o.text)).toEqual(["Två företag knöt kontakter."]);
    expect(figures.summary.outcomesTruncated).toBe(false);
  });

  it("is the coordinator's: others are refused, another municipality has no such year, a missing year is not found", async () => {
    for (const role of ["applicant", "committee", "admin"] as const) {
      await expect(getYearFigures(actorOf(world.users[role]), { year: YEAR }), role).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(getYearFigures(elsewhere.coordinator, { year: YEAR })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getYearFigures(actorOf(world.users.coordinator), { year: 1990 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the exports", () => {
  const download = (query: Record<string, string>) => exportRoute.GET(new NextRequest(`http://localhost:3000/coordinator/figures/export?${new URLSearchParams(query)}`));

  it("give the figures as a CSV with Swedish headers, semicolons and a byte-order mark", async () => {
    session.actor = actorOf(world.users.coordinator);
    const res = await download({ year: String(YEAR), part: "figures", format: "csv" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toContain(`filename="aret-i-siffror-${YEAR}.csv"`);
    const text = Buffer.from(await res.arrayBuffer()).toString("utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    const lines = text.slice(1).split("\r\n");
    expect(lines[0]).toBe(`Beviljat per ort ${YEAR}`);
    expect(lines[1]).toBe("Ort;Bidragstyp;Tak (kr);Beviljat (kr);Kvar (kr);Andel av taket (%);Beviljade ansökningar");
    expect(lines).toContain(`${world.towns.first.name};Grundbidrag;10000;10000;0;100;2`);
    expect(lines).toContain("Alla bidrag mot årets budget;60000;19000;41000;32");
    expect(lines).toContain(`${world.objectives[0]!.textSv};2;9000`);
  });

  it("give the board's summary as an XLSX whose sheets hold the numbers as numbers", async () => {
    session.actor = actorOf(world.users.coordinator);
    const res = await download({ year: String(YEAR), part: "summary", format: "xlsx" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers.get("content-disposition")).toContain(`filename="uppfoljning-${YEAR}.xlsx"`);
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const workbook = strFromU8(files["xl/workbook.xml"]!);
    expect(workbook).toContain(`name="Uppföljning per ort ${YEAR}"`);
    const strings = strFromU8(files["xl/sharedStrings.xml"]!);
    expect(strings).toContain("Faktiska kostnader (kr)");
    expect(strings).toContain("Körerna sjöng tillsammans i Grindavíks kyrka.");
    const sheet = strFromU8(files["xl/worksheets/sheet1.xml"]!);
    // Row 2 is the first town: reports 2, participants 22, under 26 12, costs 13 500, funding 2 000, granted 11 000.
    const row2 = /<row r="2">(.*?)<\/row>/.exec(sheet)![1]!;
    expect([...row2.matchAll(/<c r="([B-G])2"><v>(\d+)<\/v><\/c>/g)].map((m) => [m[1], Number(m[2])])).toEqual([
      ["B", 2],
      ["C", 22],
      ["D", 12],
      ["E", 13_500],
      ["F", 2_000],
      ["G", 11_000],
    ]);
  });

  it("are not found for anyone else, nor for a bad query", async () => {
    for (const role of ["applicant", "committee", "admin"] as const) {
      session.actor = actorOf(world.users[role]);
      expect((await download({ year: String(YEAR), format: "csv" })).status, role).toBe(404);
    }
    session.actor = elsewhere.coordinator;
    expect((await download({ year: String(YEAR), format: "csv" })).status).toBe(404);
    session.actor = actorOf(world.users.coordinator);
    expect((await download({ year: "20x6", format: "csv" })).status).toBe(404);
    expect((await download({ year: String(YEAR), format: "pdf" })).status).toBe(404);
    expect((await download({ year: String(YEAR), part: "allt", format: "csv" })).status).toBe(404);
    session.actor = null;
    expect((await download({ year: String(YEAR), format: "csv" })).status).toBe(404);
  });
});

describe("the pages", () => {
  const render = async (node: Promise<ReactNode>) => {
    const props = { locale: "sv", messages: sv } as ComponentProps<typeof I18nProvider>;
    return renderToStaticMarkup(createElement(I18nProvider, props, await node));
  };

  it("the year in figures: a chart hidden from screen readers beside each table that holds the same figures", async () => {
    session.actor = actorOf(world.users.coordinator);
    const html = await render(FiguresPage({ searchParams: Promise.resolve({ year: String(YEAR) }) }));
    expect(html.match(/<h1/g)).toHaveLength(1);
    expect(html).toContain(`Året i siffror ${YEAR}`);
    expect(html.match(/<figure class="chart">/g)).toHaveLength(3);
    expect(html.match(/<div class="chart-bars" aria-hidden="true">/g)).toHaveLength(3);
    expect(html.match(/<table class="stack/g)).toHaveLength(3);
    expect(html).toContain(`href="/coordinator/figures/export?year=${YEAR}&amp;part=figures&amp;format=xlsx"`);
    expect(html).toContain(`href="/coordinator/figures/summary?year=${YEAR}"`);
    expect(html).toMatch(/data-label="Andel av taket"[^>]*>100 %</);
  });

  it("the board's summary: printable, with the outcomes per objective", async () => {
    session.actor = actorOf(world.users.coordinator);
    const html = await render(SummaryPage({ searchParams: Promise.resolve({ year: String(YEAR) }) }));
    expect(html).toContain(`Uppföljning av bidragen till föreningar ${YEAR}`);
    expect(html).toContain("Körerna sjöng tillsammans i Grindavíks kyrka.");
    expect(html).not.toContain("Inte godkänd ännu.");
    expect(html).toContain('class="actions no-print"');
    expect(html).toContain("Skriv ut");
  });

  it("say so when the year does not exist, and are not found for others", async () => {
    session.actor = actorOf(world.users.coordinator);
    expect(await render(FiguresPage({ searchParams: Promise.resolve({ year: "1990" }) }))).toContain("Det finns inget bidragsår 1990.");
    for (const role of ["applicant", "committee", "admin"] as const) {
      session.actor = actorOf(world.users[role]);
      await expect(render(FiguresPage({ searchParams: Promise.resolve({}) })), role).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK|NEXT_NOT_FOUND/);
      await expect(render(SummaryPage({ searchParams: Promise.resolve({}) })), role).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK|NEXT_NOT_FOUND/);
    }
  });
});
