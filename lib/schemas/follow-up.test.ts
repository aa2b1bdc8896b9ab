import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { followUp as followUpMessages } from "@/lib/i18n/messages/follow-up";
import { validationMessages } from "@/lib/i18n/validation-messages";
import {
  COMMENT_MAX,
  COST_LINES_MAX,
  FollowUpDraftSchema,
  FollowUpListQuerySchema,
  FollowUpReturnSchema,
  followUpSubmitSchema,
  OUTCOME_MAX,
  PARTICIPANTS_MAX,
  SUMMARY_MAX,
} from "./follow-up";

/** Issues as { "dotted.path": [message keys] }, the shape the forms and the API report. */
function issues(schema: z.ZodType, input: unknown): Record<string, string[]> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of result.error.issues) (out[issue.path.join(".") || "_form"] ??= []).push(issue.message);
  return out;
}

const GOAL_A = "3f2a6c1e-8b4d-4e2a-9c1f-0a1b2c3d4e5f";
const GOAL_B = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
const TODAY = "2026-08-15";
const schema = followUpSubmitSchema({ objectiveIds: [GOAL_A, GOAL_B], today: TODAY });

const report = {
  summary: "En veckas workshop med avslutande konsert.",
  startDate: "2026-06-10",
  endDate: "2026-06-17",
  participantsTotal: 18,
  participantsUnder26: 14,
  outcomes: [
    { objectiveId: GOAL_A, text: "Unga från båda orterna lärde känna varandra." },
    { objectiveId: GOAL_B, text: "Två lokala företag sponsrade konserten." },
  ],
  costLines: [{ label: "Lokalhyra", amount: 4_000 }],
  otherFunding: [],
};

describe("followUpSubmitSchema", () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ["a complete report", {}, { summary: report.summary, participantsTotal: 18 }],
    ["form strings with spaces", { participantsTotal: "18", participantsUnder26: " 14 ", costLines: [{ label: "Lokalhyra", amount: "4 000" }] }, { participantsTotal: 18, costLines: [{ label: "Lokalhyra", amount: 4_000 }] }],
    ["an activity ending today", { startDate: TODAY, endDate: TODAY }, { endDate: TODAY }],
    ["all participants under 26", { participantsUnder26: 18 }, { participantsUnder26: 18 }],
    ["nobody under 26", { participantsUnder26: 0 }, { participantsUnder26: 0 }],
    ["a summary exactly at the limit", { summary: "x".repeat(SUMMARY_MAX) }, { summary: "x".repeat(SUMMARY_MAX) }],
    ["an outcome exactly at the limit", { outcomes: [report.outcomes[0], { objectiveId: GOAL_B, text: "y".repeat(OUTCOME_MAX) }] }, {}],
    ["other funding larger than the costs", { otherFunding: [{ label: "Studieförbundet", amount: 9_000 }] }, {}],
    ["upper-case ids", { outcomes: report.outcomes.map((o) => ({ ...o, objectiveId: o.objectiveId.toUpperCase() })) }, { outcomes: report.outcomes }],
  ])("accepts %s", (_name, change, expected) => {
    expect(schema.parse({ ...report, ...change })).toMatchObject(expected);
  });

  it.each<[string, Record<string, unknown>, Record<string, string[]>]>([
    ["nothing written", { summary: "  ", startDate: "", participantsTotal: "" }, { summary: ["validation.required"], startDate: ["validation.required"], participantsTotal: ["validation.required"] }],
    ["a summary one character over", { summary: "x".repeat(SUMMARY_MAX + 1) }, { summary: ["validation.followUp.summary.tooLong"] }],
    ["an end before the start", { endDate: "2026-06-09" }, { endDate: ["validation.application.endBeforeStart"] }],
    ["an activity ending tomorrow", { startDate: TODAY, endDate: "2026-08-16" }, { endDate: ["validation.followUp.notEnded"] }],
    ["a day that does not exist", { endDate: "2026-02-30" }, { endDate: ["validation.date.format"] }],
    ["more young people than participants", { participantsUnder26: 19 }, { participantsUnder26: ["validation.application.under26ExceedsTotal"] }],
    ["too many participants", { participantsTotal: PARTICIPANTS_MAX + 1 }, { participantsTotal: ["validation.count.tooLarge"] }],
    ["half a participant", { participantsUnder26: "1,5" }, { participantsUnder26: ["validation.count.notInteger"] }],
    ["no cost lines", { costLines: [] }, { costLines: ["validation.followUp.costLinesRequired"] }],
    ["a cost in öre", { costLines: [{ label: "Kost", amount: "100,50" }] }, { "costLines.0.amount": ["validation.amount.notInteger"] }],
    ["a cost line without a label", { costLines: [{ label: "", amount: 100 }] }, { "costLines.0.label": ["validation.required"] }],
    ["too many cost lines", { costLines: Array.from({ length: COST_LINES_MAX + 1 }, () => ({ label: "x", amount: 1 })) }, { costLines: ["validation.application.lines.tooMany"] }],
    ["an objective left blank", { outcomes: [report.outcomes[0], { objectiveId: GOAL_B, text: " " }] }, { "outcomes.1.text": ["validation.required"] }],
    ["an objective missing", { outcomes: [report.outcomes[0]] }, { "outcomes.1.text": ["validation.required"] }],
    ["no outcomes at all", { outcomes: [] }, { "outcomes.0.text": ["validation.required"], "outcomes.1.text": ["validation.required"] }],
    ["outcomes in another order", { outcomes: [report.outcomes[1], report.outcomes[0]] }, { "outcomes.0.objectiveId": ["validation.followUp.outcomeUnknown"], "outcomes.1.objectiveId": ["validation.followUp.outcomeUnknown"] }],
    ["an outcome one character over", { outcomes: [report.outcomes[0], { objectiveId: GOAL_B, text: "y".repeat(OUTCOME_MAX + 1) }] }, { "outcomes.1.text": ["validation.followUp.outcome.tooLong"] }],
  ])("refuses %s, on the field to change", (_name, change, expected) => {
    expect(issues(schema, { ...report, ...change })).toEqual(expected);
  });

  it("needs no outcome when the application named no objective, and refuses one it did not name", () => {
    const none = followUpSubmitSchema({ objectiveIds: [], today: TODAY });
    expect(none.safeParse({ ...report, outcomes: [] }).success).toBe(true);
    expect(issues(none, report)).toEqual({ "outcomes.0.objectiveId": ["validation.followUp.outcomeUnknown"], "outcomes.1.objectiveId": ["validation.followUp.outcomeUnknown"] });
  });

  it("reports every error at once, the rules between fields included", () => {
    expect(issues(schema, { ...report, summary: "", endDate: "2026-06-01", participantsUnder26: 40, costLines: [] })).toEqual({
      summary: ["validation.required"],
      endDate: ["validation.application.endBeforeStart"],
      participantsUnder26: ["validation.application.under26ExceedsTotal"],
      costLines: ["validation.followUp.costLinesRequired"],
    });
  });
});

describe("FollowUpDraftSchema", () => {
  it.each<[string, unknown, Record<string, unknown>]>([
    ["nothing at all", {}, {}],
    ["empty form fields as null", { startDate: "", participantsTotal: " ", summary: null }, { startDate: null, participantsTotal: null, summary: "" }],
    ["a half-written line", { costLines: [{ label: "", amount: "" }] }, { costLines: [{ label: "", amount: null }] }],
    ["an outcome not yet written", { outcomes: [{ objectiveId: GOAL_A, text: null }] }, { outcomes: [{ objectiveId: GOAL_A, text: "" }] }],
    ["an end before the start (checked on submit)", { startDate: "2026-06-10", endDate: "2026-06-01" }, { endDate: "2026-06-01" }],
  ])("saves %s", (_name, input, expected) => {
    expect(FollowUpDraftSchema.parse(input)).toMatchObject(expected);
  });

  it.each<[string, unknown, Record<string, string[]>]>([
    ["a date that is not one", { startDate: "15/6" }, { startDate: ["validation.date.format"] }],
    ["a count that is not one", { participantsTotal: "många" }, { participantsTotal: ["validation.count.invalid"] }],
    ["an objective id that is not one", { outcomes: [{ objectiveId: "x", text: "" }] }, { "outcomes.0.objectiveId": ["validation.id.invalid"] }],
    ["lines that are not a list", { otherFunding: "x" }, { otherFunding: ["validation.invalid"] }],
    ["a summary one character over", { summary: "x".repeat(SUMMARY_MAX + 1) }, { summary: ["validation.followUp.summary.tooLong"] }],
  ])("refuses %s", (_name, input, expected) => {
    expect(issues(FollowUpDraftSchema, input)).toEqual(expected);
  });
});

describe("FollowUpReturnSchema", () => {
  it.each<[unknown, Record<string, string[]>]>([
    [{ comment: "Kvitton saknas." }, {}],
    [{ comment: "x".repeat(COMMENT_MAX) }, {}],
    [{ comment: "   " }, { comment: ["validation.required"] }],
    [{}, { comment: ["validation.required"] }],
    [{ comment: "x".repeat(COMMENT_MAX + 1) }, { comment: ["validation.followUp.comment.tooLong"] }],
  ])("%j → %j", (input, expected) => {
    expect(issues(FollowUpReturnSchema, input)).toEqual(expected);
  });
});

describe("FollowUpListQuerySchema", () => {
  it("lists the reports waiting for review unless told otherwise", () => {
    expect(FollowUpListQuerySchema.parse({})).toEqual({ status: "AWAITING_REVIEW", year: null, associationId: null, after: null });
    expect(FollowUpListQuerySchema.parse({ status: "OVERDUE", year: "2026", after: "" })).toMatchObject({ status: "OVERDUE", year: 2026, after: null });
  });

  it.each<[unknown, string[]]>([
    [{ status: "LATE" }, ["status"]],
    [{ year: "i år" }, ["year"]],
    [{ year: "1999" }, ["year"]],
    [{ after: "x", associationId: "y" }, ["after", "associationId"]],
  ])("refuses %j on its field", (input, fields) => {
    expect(Object.keys(issues(FollowUpListQuerySchema, input)).sort()).toEqual(fields.sort());
  });
});

describe("message keys", () => {
  it("every key the schemas can produce has a text in both languages", () => {
    const produced = new Set<string>();
    for (const [s, input] of [
      [schema, { ...report, summary: "x".repeat(SUMMARY_MAX + 1), endDate: "2099-01-01", costLines: [], outcomes: [{ objectiveId: GOAL_B, text: "y".repeat(OUTCOME_MAX + 1) }] }],
      [FollowUpDraftSchema, { outcomes: Array.from({ length: 100 }, () => ({ objectiveId: GOAL_A, text: "" })) }],
      [FollowUpReturnSchema, { comment: "x".repeat(COMMENT_MAX + 1) }],
    ] as const) {
      for (const list of Object.values(issues(s as z.ZodType, input))) list.forEach((k) => produced.add(k));
    }
    const texts = { ...validationMessages.sv, ...followUpMessages.sv } as Record<string, string>;
    const english = { ...validationMessages.en, ...followUpMessages.en } as Record<string, string>;
    expect([...produced].filter((k) => !texts[k] || !english[k])).toEqual([]);
    expect(produced).toContain("validation.followUp.outcomes.tooMany");
    expect(produced).toContain("validation.followUp.notEnded");
  });
});
