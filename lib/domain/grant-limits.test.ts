import { describe, expect, it } from "vitest";
import { equalShare, grantLimit, type GrantLimit, type GrantLimitInput } from "./grant-limits";

const CAP = 10_000;

describe("equalShare", () => {
  it.each<[number, number, number]>([
    [CAP, 0, CAP],
    [CAP, 1, CAP],
    [CAP, 2, 5_000],
    [CAP, 3, 3_333],
    [10_001, 2, 5_000],
    [CAP, 10_000, 1],
    [CAP, 10_001, 0],
    [1, 2, 0],
    [0, 5, 0],
  ])("equalShare(%i, %i) = %i", (cap, count, share) => {
    expect(equalShare(cap, count)).toBe(share);
  });

  it.each<[number, number]>([
    [10_000.5, 2],
    [CAP, 1.5],
    [-1, 1],
    [CAP, -1],
    [Number.NaN, 1],
  ])("throws on (%s, %s)", (cap, count) => {
    expect(() => equalShare(cap, count)).toThrow();
  });
});

const base = (over: Partial<Extract<GrantLimitInput, { grantKind: "BASE" }>> = {}): GrantLimitInput => ({
  grantKind: "BASE",
  cap: CAP,
  splitRule: "EQUAL_SPLIT",
  otherLiveBaseApplications: 0,
  hasLiveBaseApplication: false,
  ...over,
});

const activity = (over: Partial<Extract<GrantLimitInput, { grantKind: "ACTIVITY" }>> = {}): GrantLimitInput => ({
  grantKind: "ACTIVITY",
  cap: CAP,
  splitRule: "EQUAL_SPLIT",
  approvedFromPool: 0,
  ...over,
});

describe("grantLimit — base grant", () => {
  it.each<[string, GrantLimitInput, GrantLimit]>([
    ["alone with the town: the whole cap", base(), { maxAmount: 10_000, reason: "TOWN_CAP", shareCount: 1 }],
    ["one other association: half", base({ otherLiveBaseApplications: 1 }), { maxAmount: 5_000, reason: "EQUAL_SHARE", shareCount: 2 }],
    ["two others: a third, rounded down", base({ otherLiveBaseApplications: 2 }), { maxAmount: 3_333, reason: "EQUAL_SHARE", shareCount: 3 }],
    ["9 999 others: one krona each", base({ otherLiveBaseApplications: 9_999 }), { maxAmount: 1, reason: "EQUAL_SHARE", shareCount: 10_000 }],
    ["10 000 others: the share rounds to zero", base({ otherLiveBaseApplications: 10_000 }), { maxAmount: 0, reason: "EQUAL_SHARE", shareCount: 10_001 }],
    ["already applied", base({ hasLiveBaseApplication: true }), { maxAmount: 0, reason: "ALREADY_APPLIED" }],
    ["already applied, others too", base({ hasLiveBaseApplication: true, otherLiveBaseApplications: 2 }), { maxAmount: 0, reason: "ALREADY_APPLIED" }],
    ["cap zero", base({ cap: 0 }), { maxAmount: 0, reason: "TOWN_CAP", shareCount: 1 }],
    ["no split: everyone may get the cap", base({ splitRule: "NONE", otherLiveBaseApplications: 5 }), { maxAmount: 10_000, reason: "TOWN_CAP" }],
    // budget edges against a share of 3 333
    ["budget left exactly the share: share wins the tie", base({ otherLiveBaseApplications: 2, programBudget: 100_000, programApprovedTotal: 96_667 }), { maxAmount: 3_333, reason: "EQUAL_SHARE", shareCount: 3 }],
    ["budget left one under the share", base({ otherLiveBaseApplications: 2, programBudget: 100_000, programApprovedTotal: 96_668 }), { maxAmount: 3_332, reason: "BUDGET_REMAINING", shareCount: 3 }],
    ["budget left one over the share", base({ otherLiveBaseApplications: 2, programBudget: 100_000, programApprovedTotal: 96_666 }), { maxAmount: 3_333, reason: "EQUAL_SHARE", shareCount: 3 }],
    ["budget fully approved", base({ programBudget: 100_000, programApprovedTotal: 100_000 }), { maxAmount: 0, reason: "BUDGET_EXHAUSTED", shareCount: 1 }],
    ["budget overspent: still zero, not negative", base({ programBudget: 100_000, programApprovedTotal: 120_000 }), { maxAmount: 0, reason: "BUDGET_EXHAUSTED", shareCount: 1 }],
    ["budget without approvals yet", base({ programBudget: 4_000 }), { maxAmount: 4_000, reason: "BUDGET_REMAINING", shareCount: 1 }],
    ["no budget configured", base({ programBudget: null, programApprovedTotal: 5_000_000 }), { maxAmount: 10_000, reason: "TOWN_CAP", shareCount: 1 }],
  ])("%s", (_name, input, expected) => {
    expect(grantLimit(input)).toEqual(expected);
  });
});

describe("grantLimit — activity grant", () => {
  it.each<[string, GrantLimitInput, GrantLimit]>([
    ["nothing approved: the cap", activity(), { maxAmount: 10_000, reason: "TOWN_CAP" }],
    ["1 krona approved", activity({ approvedFromPool: 1 }), { maxAmount: 9_999, reason: "POOL_REMAINING" }],
    ["one krona left", activity({ approvedFromPool: 9_999 }), { maxAmount: 1, reason: "POOL_REMAINING" }],
    ["pool exactly used up", activity({ approvedFromPool: 10_000 }), { maxAmount: 0, reason: "POOL_EXHAUSTED" }],
    ["pool over-approved (cap lowered later)", activity({ approvedFromPool: 12_000 }), { maxAmount: 0, reason: "POOL_EXHAUSTED" }],
    ["the split rule does not split the activity pool", activity({ splitRule: "NONE" }), { maxAmount: 10_000, reason: "TOWN_CAP" }],
    // costs minus other funding
    ["costs below the cap", activity({ costs: 8_000 }), { maxAmount: 8_000, reason: "COSTS_MINUS_FUNDING" }],
    ["costs exactly the cap: the cap wins the tie", activity({ costs: 10_000 }), { maxAmount: 10_000, reason: "TOWN_CAP" }],
    ["costs one under the cap", activity({ costs: 9_999 }), { maxAmount: 9_999, reason: "COSTS_MINUS_FUNDING" }],
    ["costs one over the cap", activity({ costs: 10_001 }), { maxAmount: 10_000, reason: "TOWN_CAP" }],
    ["other funding covers part", activity({ costs: 12_000, otherFunding: 5_000 }), { maxAmount: 7_000, reason: "COSTS_MINUS_FUNDING" }],
    ["other funding covers everything", activity({ costs: 8_000, otherFunding: 8_000 }), { maxAmount: 0, reason: "COSTS_MINUS_FUNDING" }],
    ["other funding beyond the costs", activity({ costs: 8_000, otherFunding: 9_000 }), { maxAmount: 0, reason: "COSTS_MINUS_FUNDING" }],
    ["other funding without costs is not a limit yet", activity({ otherFunding: 9_000 }), { maxAmount: 10_000, reason: "TOWN_CAP" }],
    ["costs null: no budget yet", activity({ costs: null, otherFunding: null }), { maxAmount: 10_000, reason: "TOWN_CAP" }],
    ["pool remaining below costs", activity({ approvedFromPool: 6_000, costs: 5_000 }), { maxAmount: 4_000, reason: "POOL_REMAINING" }],
    ["costs below pool remaining", activity({ approvedFromPool: 6_000, costs: 3_000 }), { maxAmount: 3_000, reason: "COSTS_MINUS_FUNDING" }],
    ["pool exhausted and no net costs: the pool is named", activity({ approvedFromPool: 10_000, costs: 0 }), { maxAmount: 0, reason: "POOL_EXHAUSTED" }],
    // budget
    ["budget equal to the pool remaining: the pool wins the tie", activity({ approvedFromPool: 6_000, programBudget: 50_000, programApprovedTotal: 46_000 }), { maxAmount: 4_000, reason: "POOL_REMAINING" }],
    ["budget one under the pool remaining", activity({ approvedFromPool: 6_000, programBudget: 50_000, programApprovedTotal: 46_001 }), { maxAmount: 3_999, reason: "BUDGET_REMAINING" }],
    ["budget exhausted", activity({ programBudget: 50_000, programApprovedTotal: 50_000 }), { maxAmount: 0, reason: "BUDGET_EXHAUSTED" }],
    ["budget limit below costs and pool", activity({ costs: 9_000, programBudget: 50_000, programApprovedTotal: 48_000 }), { maxAmount: 2_000, reason: "BUDGET_REMAINING" }],
  ])("%s", (_name, input, expected) => {
    expect(grantLimit(input)).toEqual(expected);
  });
});

describe("grantLimit — refuses what is not whole kronor", () => {
  it.each<[string, GrantLimitInput]>([
    ["fractional cap", base({ cap: 10_000.5 })],
    ["negative cap", base({ cap: -1 })],
    ["fractional count", base({ otherLiveBaseApplications: 1.5 })],
    ["negative count", base({ otherLiveBaseApplications: -1 })],
    ["fractional pool sum", activity({ approvedFromPool: 0.5 })],
    ["negative pool sum", activity({ approvedFromPool: -1 })],
    ["fractional budget", base({ programBudget: 1.5 })],
    ["negative approved total", base({ programBudget: 100, programApprovedTotal: -1 })],
    ["fractional approved total without budget", base({ programApprovedTotal: 0.5 })],
    ["fractional costs", activity({ costs: 1.5 })],
    ["fractional other funding", activity({ costs: 100, otherFunding: 0.5 })],
    ["fractional other funding without costs", activity({ otherFunding: 0.5 })],
    ["NaN", activity({ approvedFromPool: Number.NaN })],
  ])("%s", (_name, input) => {
    expect(() => grantLimit(input)).toThrow();
  });
});
