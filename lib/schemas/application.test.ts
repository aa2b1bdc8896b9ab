import { describe, expect, it } from "vitest";
import {
  ApplicationCreateSchema,
  ApplicationDraftSchema,
  ApplicationSubmitSchema,
  BUDGET_LINES_MAX,
  DESCRIPTION_MAX,
  LINE_LABEL_MAX,
  OBJECTIVE_MOTIVATION_MIN,
  OBJECTIVES_MAX,
  OTHER_FUNDING_MAX,
  PARTICIPANTS_MAX,
  TITLE_MAX,
} from "./application";
import { AMOUNT_MAX } from "./common";
import { issuesOf } from "./test-helpers";

const YEAR = "15cfd45e-57e7-4ba4-b931-9ee07feb8f2f";
const TOWN = "024d3fe7-b1f2-4f0d-91e9-4bc7b9d5c80e";
const GOAL = "41dd1c54-62bb-4542-beac-b534b7a80e69";
const ASSOCIATION = "cce6f1cf-4d0c-4259-a2aa-3e73d88a3ba9";

const activity = {
  programYearId: YEAR,
  grantKind: "ACTIVITY",
  partnerTownId: TOWN,
  title: "Ungdomsutbyte med Tromsø",
  purpose: "Unga musiker möts och spelar tillsammans.",
  description: "Tio ungdomar reser till Tromsø i fyra dagar.",
  objectiveIds: [GOAL],
  objectiveMotivation: "",
  startDate: "2027-06-15",
  endDate: "2027-06-18",
  participantsTotal: 12,
  participantsUnder26: 10,
  budgetLines: [
    { label: "Resor", amount: 6_000 },
    { label: "Mat", amount: 4_000 },
  ],
  otherFunding: [{ label: "Egen insats", amount: 2_500 }],
  requestedAmount: 7_500,
};
const base = { ...activity, grantKind: "BASE", budgetLines: [], otherFunding: [], requestedAmount: 10_000 };

const ids = (n: number) => Array.from({ length: n }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
const lines = (n: number) => Array.from({ length: n }, (_, i) => ({ label: `Rad ${i + 1}`, amount: 0 }));

describe("ApplicationSubmitSchema — accepted", () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ["activity, requested exactly costs minus funding", activity, { requestedAmount: 7_500 }],
    ["activity, one krona under", { ...activity, requestedAmount: 7_499 }, { requestedAmount: 7_499 }],
    ["base grant without a budget", base, { budgetLines: [], requestedAmount: 10_000 }],
    ["base grant may exceed its (optional) budget", { ...base, budgetLines: [{ label: "Porto", amount: 100 }] }, {}],
    ["one-day activity: end = start", { ...activity, endDate: "2027-06-15" }, { endDate: "2027-06-15" }],
    ["leap day", { ...activity, startDate: "2028-02-29", endDate: "2028-02-29" }, { startDate: "2028-02-29" }],
    ["all participants under 26", { ...activity, participantsUnder26: 12 }, { participantsUnder26: 12 }],
    ["no participants under 26", { ...activity, participantsUnder26: 0 }, { participantsUnder26: 0 }],
    ["motivation exactly at the minimum, no objective", { ...activity, objectiveIds: [], objectiveMotivation: "m".repeat(OBJECTIVE_MOTIVATION_MIN) }, { objectiveIds: [] }],
    ["objectives omitted, motivation given", { ...activity, objectiveIds: undefined, objectiveMotivation: "m".repeat(OBJECTIVE_MOTIVATION_MIN) }, { objectiveIds: [] }],
    ["motivation null → empty", { ...activity, objectiveMotivation: null }, { objectiveMotivation: "" }],
    ["amounts typed with spaces", { ...activity, requestedAmount: "7 500", budgetLines: [{ label: "Resor", amount: "10 000" }], otherFunding: [{ label: "Egen", amount: "2\u00a0500" }] }, { requestedAmount: 7_500, budgetLines: [{ label: "Resor", amount: 10_000 }] }],
    ["narrow no-break space (sv-SE formatting)", { ...activity, requestedAmount: "7\u202f500" }, { requestedAmount: 7_500 }],
    ["participants as form strings", { ...activity, participantsTotal: "12", participantsUnder26: " 10 " }, { participantsTotal: 12, participantsUnder26: 10 }],
    ["a zero-krona budget line", { ...activity, budgetLines: [...activity.budgetLines, { label: "Lokal (lånad)", amount: 0 }] }, {}],
    ["other funding omitted", { ...activity, otherFunding: undefined, requestedAmount: 10_000 }, { otherFunding: [] }],
    ["budget lines exactly at the limit", { ...activity, budgetLines: [...lines(BUDGET_LINES_MAX - 1), { label: "Resor", amount: 10_000 }] }, {}],
    ["other funding exactly at the limit", { ...activity, otherFunding: lines(OTHER_FUNDING_MAX) }, {}],
    ["title at the limit", { ...activity, title: "t".repeat(TITLE_MAX) }, {}],
    ["description at the limit", { ...activity, description: "d".repeat(DESCRIPTION_MAX) }, {}],
    ["line label at the limit", { ...activity, budgetLines: [{ label: "l".repeat(LINE_LABEL_MAX), amount: 10_000 }] }, {}],
    ["participants at the limit", { ...activity, participantsTotal: PARTICIPANTS_MAX }, {}],
    ["requested amount at the limit (base)", { ...base, requestedAmount: AMOUNT_MAX }, {}],
    ["objectives exactly at the limit", { ...activity, objectiveIds: ids(OBJECTIVES_MAX) }, {}],
    ["duplicate objectives collapse", { ...activity, objectiveIds: [GOAL, GOAL.toUpperCase()] }, { objectiveIds: [GOAL] }],
    ["texts trimmed", { ...activity, title: "  Utbyte  " }, { title: "Utbyte" }],
  ])("%s", (_name, input, expected) => {
    expect(issuesOf(ApplicationSubmitSchema, input)).toEqual([]);
    expect(ApplicationSubmitSchema.parse(input)).toMatchObject(expected);
  });
});

describe("ApplicationSubmitSchema — refused, on the field to change", () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    // requested amount against costs minus other funding
    ["activity, one krona over costs minus funding", { ...activity, requestedAmount: 7_501 }, ["requestedAmount: validation.application.requestedExceedsNetCosts"]],
    ["activity, funding covers all costs", { ...activity, otherFunding: [{ label: "Sponsor", amount: 10_000 }], requestedAmount: 1 }, ["requestedAmount: validation.application.requestedExceedsNetCosts"]],
    ["activity, funding beyond costs", { ...activity, otherFunding: [{ label: "Sponsor", amount: 12_000 }], requestedAmount: 1 }, ["requestedAmount: validation.application.requestedExceedsNetCosts"]],
    ["activity without budget lines", { ...activity, budgetLines: [], otherFunding: [] }, ["budgetLines: validation.application.budgetLinesRequired"]],
    ["activity, budget lines omitted", { ...activity, budgetLines: undefined, otherFunding: [] }, ["budgetLines: validation.application.budgetLinesRequired"]],
    ["bad line amount: only the line is reported", { ...activity, budgetLines: [{ label: "Resor", amount: "mycket" }] }, ["budgetLines.0.amount: validation.amount.invalid"]],
    // amounts
    ["requested 1500.50", { ...base, requestedAmount: "1500.50" }, ["requestedAmount: validation.amount.notInteger"]],
    ["requested 1500,50", { ...base, requestedAmount: "1500,50" }, ["requestedAmount: validation.amount.notInteger"]],
    ["requested 1500.5 as a number", { ...base, requestedAmount: 1500.5 }, ["requestedAmount: validation.amount.notInteger"]],
    ["requested 0", { ...base, requestedAmount: 0 }, ["requestedAmount: validation.application.requestedAmount.notPositive"]],
    ["requested -1", { ...base, requestedAmount: "-1" }, ["requestedAmount: validation.application.requestedAmount.notPositive"]],
    ["requested one over the maximum", { ...base, requestedAmount: AMOUNT_MAX + 1 }, ["requestedAmount: validation.amount.tooLarge"]],
    ["requested in words", { ...base, requestedAmount: "tiotusen" }, ["requestedAmount: validation.amount.invalid"]],
    ["requested with currency", { ...base, requestedAmount: "1500 kr" }, ["requestedAmount: validation.amount.invalid"]],
    ["requested empty", { ...base, requestedAmount: "" }, ["requestedAmount: validation.required"]],
    ["requested null", { ...base, requestedAmount: null }, ["requestedAmount: validation.required"]],
    ["requested NaN", { ...base, requestedAmount: Number.NaN }, ["requestedAmount: validation.amount.invalid"]],
    ["requested Infinity", { ...base, requestedAmount: Number.POSITIVE_INFINITY }, ["requestedAmount: validation.amount.invalid"]],
    ["negative budget line", { ...activity, budgetLines: [{ label: "Resor", amount: -1 }] }, ["budgetLines.0.amount: validation.amount.negative"]],
    ["budget line without label", { ...activity, budgetLines: [{ label: " ", amount: 10_000 }] }, ["budgetLines.0.label: validation.required"]],
    ["line label one over", { ...activity, budgetLines: [{ label: "l".repeat(LINE_LABEL_MAX + 1), amount: 10_000 }] }, ["budgetLines.0.label: validation.application.lineLabel.tooLong"]],
    ["budget lines one over the limit", { ...activity, budgetLines: [...lines(BUDGET_LINES_MAX), { label: "Resor", amount: 10_000 }] }, ["budgetLines: validation.application.lines.tooMany"]],
    ["other funding one over the limit", { ...activity, otherFunding: lines(OTHER_FUNDING_MAX + 1) }, ["otherFunding: validation.application.lines.tooMany"]],
    // dates
    ["end one day before start", { ...activity, endDate: "2027-06-14" }, ["endDate: validation.application.endBeforeStart"]],
    ["end in the previous year", { ...activity, startDate: "2028-01-01", endDate: "2027-12-31" }, ["endDate: validation.application.endBeforeStart"]],
    ["29 February in a common year", { ...activity, startDate: "2027-02-29" }, ["startDate: validation.date.format"]],
    ["31 April", { ...activity, endDate: "2027-04-31" }, ["endDate: validation.date.format"]],
    ["Swedish short date", { ...activity, startDate: "15/6 2027" }, ["startDate: validation.date.format"]],
    ["date with time", { ...activity, startDate: "2027-06-15T10:00:00Z" }, ["startDate: validation.date.format"]],
    ["date empty", { ...activity, startDate: "" }, ["startDate: validation.required"]],
    ["end date broken: no comparison reported", { ...activity, endDate: "2027-13-01", startDate: "2027-06-15" }, ["endDate: validation.date.format"]],
    // participants
    ["under 26 one over the total", { ...activity, participantsUnder26: 13 }, ["participantsUnder26: validation.application.under26ExceedsTotal"]],
    ["participants one over the limit", { ...activity, participantsTotal: PARTICIPANTS_MAX + 1 }, ["participantsTotal: validation.count.tooLarge"]],
    ["negative participants", { ...activity, participantsUnder26: -1 }, ["participantsUnder26: validation.count.negative"]],
    ["half a participant", { ...activity, participantsTotal: "12.5" }, ["participantsTotal: validation.count.notInteger"]],
    ["participants in words", { ...activity, participantsTotal: "tolv" }, ["participantsTotal: validation.count.invalid"]],
    // objectives
    ["neither objective nor motivation", { ...activity, objectiveIds: [] }, ["objectiveIds: validation.application.objectivesRequired"]],
    ["motivation one character short", { ...activity, objectiveIds: [], objectiveMotivation: "m".repeat(OBJECTIVE_MOTIVATION_MIN - 1) }, ["objectiveIds: validation.application.objectivesRequired"]],
    ["objectives one over the limit (an oversized list stops the other rules)", { ...activity, objectiveIds: ids(OBJECTIVES_MAX + 1), endDate: "2027-06-01" }, ["objectiveIds: validation.application.objectiveIds.tooMany"]],
    ["objective not an id", { ...activity, objectiveIds: ["miljö"] }, ["objectiveIds.0: validation.id.invalid"]],
    // texts and ids
    ["title one over", { ...activity, title: "t".repeat(TITLE_MAX + 1) }, ["title: validation.application.title.tooLong"]],
    ["description one over", { ...activity, description: "d".repeat(DESCRIPTION_MAX + 1) }, ["description: validation.application.description.tooLong"]],
    ["purpose blank", { ...activity, purpose: "  " }, ["purpose: validation.required"]],
    ["partner town missing", { ...activity, partnerTownId: null }, ["partnerTownId: validation.required"]],
    ["partner town not an id", { ...activity, partnerTownId: "Tromsø" }, ["partnerTownId: validation.id.invalid"]],
    ["unknown grant kind: kind rules skipped", { ...activity, grantKind: "TRAVEL" }, ["grantKind: validation.grantKind.invalid"]],
    [
      "everything wrong at once",
      { ...activity, title: "", endDate: "2027-06-01", participantsUnder26: 20, objectiveIds: [], requestedAmount: 9_000 },
      [
        "title: validation.required",
        "objectiveIds: validation.application.objectivesRequired",
        "endDate: validation.application.endBeforeStart",
        "participantsUnder26: validation.application.under26ExceedsTotal",
        "requestedAmount: validation.application.requestedExceedsNetCosts",
      ],
    ],
  ])("%s", (_name, input, expected) => {
    expect(issuesOf(ApplicationSubmitSchema, input)).toEqual(expected);
  });

  it("reports every missing field of an empty object as required", () => {
    expect(issuesOf(ApplicationSubmitSchema, {}).every((i) => i.endsWith(": validation.required"))).toBe(true);
  });
});

describe("ApplicationDraftSchema — a half-filled form saves", () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ["nothing at all", {}, {}],
    ["blank form fields become null", { partnerTownId: "", startDate: "", endDate: " ", participantsTotal: "", requestedAmount: "" }, { partnerTownId: null, startDate: null, endDate: null, participantsTotal: null, requestedAmount: null }],
    ["null texts become empty texts", { title: null, purpose: null, objectiveMotivation: null }, { title: "", purpose: "", objectiveMotivation: "" }],
    ["texts trimmed", { title: "  Utbyte " }, { title: "Utbyte" }],
    ["lines still being typed", { budgetLines: [{ amount: "" }, { label: "Resor", amount: "1 500" }] }, { budgetLines: [{ label: "", amount: null }, { label: "Resor", amount: 1_500 }] }],
    ["cross-field rules wait for submit", { startDate: "2027-06-15", endDate: "2027-06-01", participantsTotal: 1, participantsUnder26: 5, grantKind: "ACTIVITY", requestedAmount: 9_000, budgetLines: [] }, { endDate: "2027-06-01" }],
    ["objectives cleared", { objectiveIds: null }, { objectiveIds: null }],
    ["a full application is a valid draft", activity, { requestedAmount: 7_500 }],
  ])("%s", (_name, input, expected) => {
    expect(issuesOf(ApplicationDraftSchema, input)).toEqual([]);
    expect(ApplicationDraftSchema.parse(input)).toMatchObject(expected);
  });

  it("leaves absent fields absent (an update changes only what it names)", () => {
    expect(ApplicationDraftSchema.parse({ title: "Utbyte" })).toEqual({ title: "Utbyte" });
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ["decimals are still refused", { requestedAmount: "1500.50" }, ["requestedAmount: validation.amount.notInteger"]],
    ["an impossible date is still refused", { startDate: "2027-02-29" }, ["startDate: validation.date.format"]],
    ["a title over the limit is still refused", { title: "t".repeat(TITLE_MAX + 1) }, ["title: validation.application.title.tooLong"]],
    ["a bad id is still refused", { partnerTownId: "Tromsø" }, ["partnerTownId: validation.id.invalid"]],
    ["program year cannot be cleared", { programYearId: null }, ["programYearId: validation.required"]],
    ["grant kind cannot be cleared", { grantKind: null }, ["grantKind: validation.required"]],
    ["negative line amount", { otherFunding: [{ label: "Sponsor", amount: -5 }] }, ["otherFunding.0.amount: validation.amount.negative"]],
  ])("%s", (_name, input, expected) => {
    expect(issuesOf(ApplicationDraftSchema, input)).toEqual(expected);
  });
});

describe("ApplicationCreateSchema", () => {
  it.each<[Record<string, unknown>, string[]]>([
    [{ associationId: ASSOCIATION, programYearId: YEAR, grantKind: "BASE" }, []],
    [{ associationId: ASSOCIATION, programYearId: YEAR }, ["grantKind: validation.required"]],
    [{ associationId: "x", programYearId: YEAR, grantKind: "ACTIVITY" }, ["associationId: validation.id.invalid"]],
  ])("%j", (input, expected) => {
    expect(issuesOf(ApplicationCreateSchema, input)).toEqual(expected);
  });
});
