import { describe, expect, it } from "vitest";
import { countOverdue, parseOutcomes, percentOf, yearFigures, type ObligationBucket, type YearFactsInput } from "./figures";

describe("percentOf", () => {
  it.each<[number, number | null, number | null]>([
    [0, 10_000, 0],
    [10_000, 10_000, 100],
    [9_999, 10_000, 100],
    [9_949, 10_000, 99],
    [9_950, 10_000, 100],
    [1, 3, 33],
    [12_000, 10_000, 120],
    [5, 0, null],
    [5, null, null],
  ])("%i of %s is %s %", (part, whole, expected) => {
    expect(percentOf(part, whole)).toBe(expected);
  });
});

describe("parseOutcomes", () => {
  it("keeps texts against objectives, trimmed, and leaves out empty and malformed entries", () => {
    expect(
      parseOutcomes([
        { objectiveId: "o1", text: "  Nya kontakter mellan skolorna. " },
        { objectiveId: "o2", text: "   " },
        { objectiveId: 3, text: "Fel id" },
        null,
        { text: "Utan mål" },
      ]),
    ).toEqual([{ objectiveId: "o1", text: "Nya kontakter mellan skolorna." }]);
    expect(parseOutcomes("text")).toEqual([]);
  });
});

const grindavik = { id: "t1", name: "Grindavík" };
const stBarth = { id: "t2", name: "Saint-Barthélemy" };
const culture = { id: "o1", textSv: "Förståelse mellan kulturer", textEn: "Understanding between cultures" };
const business = { id: "o2", textSv: "Näringsliv", textEn: "Business" };

const facts: YearFactsInput = {
  year: 2026,
  budget: 50_000,
  pools: [
    { partnerTown: grindavik, grantKind: "BASE", cap: 10_000, decided: 10_000, approvedCount: 2 },
    { partnerTown: grindavik, grantKind: "ACTIVITY", cap: 10_000, decided: 9_000, approvedCount: 1 },
    { partnerTown: stBarth, grantKind: "BASE", cap: 8_000, decided: 0, approvedCount: 0 },
    { partnerTown: stBarth, grantKind: "ACTIVITY", cap: 10_000, decided: 2_500, approvedCount: 1 },
  ],
  towns: [grindavik, stBarth],
  objectives: [culture, business],
  planned: [
    { partnerTownId: "t1", applications: 3, participantsTotal: 40, participantsUnder26: 25 },
    { partnerTownId: "t2", applications: 1, participantsTotal: 6, participantsUnder26: 0 },
  ],
  reported: [{ partnerTownId: "t1", reports: 2, participantsTotal: 31, participantsUnder26: 20, actualCosts: 21_000, otherFunding: 3_000, granted: 14_000 }],
  objectiveGrants: [{ objectiveId: "o1", applications: 3, granted: 19_000 }],
  objectiveReports: [{ objectiveId: "o1", reports: 2, participantsTotal: 31, participantsUnder26: 20, actualCosts: 21_000 }],
  outcomes: [
    { objectiveId: "o1", applicationId: "a1", caseNumber: "INT 2026/0001", association: "Föreningen", partnerTown: "Grindavík", text: "Körer sjöng ihop." },
    { objectiveId: "o1", applicationId: "a2", caseNumber: "INT 2026/0002", association: "Sällskapet", partnerTown: "Grindavík", text: "Elever bytte brev." },
  ],
  outcomesTruncated: false,
};

describe("yearFigures", () => {
  const f = yearFigures(facts);

  it("puts each pool's granted amount against its cap", () => {
    expect(f.granted.pools.map((p) => [p.partnerTown.name, p.grantKind, p.granted, p.cap, p.remaining, p.percentOfCap])).toEqual([
      ["Grindavík", "BASE", 10_000, 10_000, 0, 100],
      ["Grindavík", "ACTIVITY", 9_000, 10_000, 1_000, 90],
      ["Saint-Barthélemy", "BASE", 0, 8_000, 8_000, 0],
      ["Saint-Barthélemy", "ACTIVITY", 2_500, 10_000, 7_500, 25],
    ]);
  });

  it("totals per grant kind and against the budget", () => {
    expect(f.granted.byKind).toEqual([
      { grantKind: "BASE", cap: 18_000, granted: 10_000, approvedCount: 2, percentOfCap: 56 },
      { grantKind: "ACTIVITY", cap: 20_000, granted: 11_500, approvedCount: 2, percentOfCap: 58 },
    ]);
    expect(f.granted).toMatchObject({ total: 21_500, caps: 38_000, budget: 50_000, budgetRemaining: 28_500, percentOfBudget: 43 });
  });

  it("has no budget share without a budget, and never a negative remainder", () => {
    expect(yearFigures({ ...facts, budget: null }).granted).toMatchObject({ budget: null, budgetRemaining: null, percentOfBudget: null });
    expect(yearFigures({ ...facts, budget: 20_000 }).granted).toMatchObject({ budgetRemaining: 0, percentOfBudget: 108 });
  });

  it("counts planned participants from approvals and actual ones from accepted reports, per town", () => {
    expect(f.participants.planned).toEqual({ applications: 4, total: 46, under26: 25 });
    expect(f.participants.actual).toEqual({ reports: 2, total: 31, under26: 20 });
    expect(f.participants.byTown).toEqual([
      { partnerTown: grindavik, planned: { applications: 3, total: 40, under26: 25 }, actual: { reports: 2, total: 31, under26: 20 } },
      { partnerTown: stBarth, planned: { applications: 1, total: 6, under26: 0 }, actual: { reports: 0, total: 0, under26: 0 } },
    ]);
  });

  it("lists every objective, those nobody named with zero", () => {
    expect(f.objectives).toEqual([
      { objective: culture, applications: 3, granted: 19_000 },
      { objective: business, applications: 0, granted: 0 },
    ]);
  });

  it("summarises accepted reports per town (only towns reported on) and per objective with its outcome texts", () => {
    expect(f.summary.towns).toEqual([
      { partnerTown: grindavik, reports: 2, participantsTotal: 31, participantsUnder26: 20, actualCosts: 21_000, otherFunding: 3_000, granted: 14_000 },
    ]);
    expect(f.summary.totals).toEqual({ reports: 2, participantsTotal: 31, participantsUnder26: 20, actualCosts: 21_000, otherFunding: 3_000, granted: 14_000 });
    expect(f.summary.objectives[0]).toMatchObject({ objective: culture, reports: 2, actualCosts: 21_000 });
    expect(f.summary.objectives[0]!.outcomes.map((o) => o.text)).toEqual(["Körer sjöng ihop.", "Elever bytte brev."]);
    expect(f.summary.objectives[1]).toEqual({ objective: business, reports: 0, participantsTotal: 0, participantsUnder26: 0, actualCosts: 0, outcomes: [] });
  });

  it("names a town with figures that is not in the overview, and is empty for an empty year", () => {
    const other = yearFigures({ ...facts, towns: [...facts.towns, { id: "t3", name: "Kandalaksja" }], planned: [{ partnerTownId: "t3", applications: 1, participantsTotal: 2, participantsUnder26: 1 }] });
    expect(other.participants.byTown.map((r) => r.partnerTown.name)).toEqual(["Grindavík", "Kandalaksja"]);
    const empty = yearFigures({ ...facts, pools: [], planned: [], reported: [], objectiveGrants: [], objectiveReports: [], outcomes: [] });
    expect(empty.granted).toMatchObject({ total: 0, caps: 0, percentOfBudget: 0 });
    expect(empty.participants.byTown).toEqual([]);
    expect(empty.summary.towns).toEqual([]);
    expect(empty.summary.totals.reports).toBe(0);
  });
});

describe("countOverdue", () => {
  const today = "2026-11-25";
  const bucket = (status: ObligationBucket["status"], earliestDueOn: string, count: number): ObligationBucket => ({
    status,
    duePassed: earliestDueOn < today,
    earliestDueOn,
    count,
  });

  it.each<[string, ObligationBucket[], number]>([
    ["nothing due", [], 0],
    ["no report, due yesterday", [bucket(null, "2026-11-24", 3)], 3],
    ["no report, due today (still on time)", [bucket(null, today, 3)], 0],
    ["a draft past due", [bucket("DRAFT", "2026-10-01", 2)], 2],
    ["sent back for completion past due", [bucket("RETURNED", "2026-10-01", 1)], 1],
    ["submitted past due is the coordinator's turn, not overdue", [bucket("SUBMITTED", "2026-10-01", 4)], 0],
    ["accepted is done", [bucket("ACCEPTED", "2026-01-01", 9)], 0],
    [
      "buckets add up",
      [bucket(null, "2026-11-01", 2), bucket("DRAFT", "2026-11-20", 1), bucket("DRAFT", "2026-12-01", 5), bucket("SUBMITTED", "2026-09-01", 1)],
      3,
    ],
  ])("%s", (_name, buckets, expected) => {
    expect(countOverdue(buckets, today)).toBe(expected);
  });
});
