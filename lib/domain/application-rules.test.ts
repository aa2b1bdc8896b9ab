import { describe, expect, it } from "vitest";
import {
  checkBudgetLines,
  checkObjectives,
  checkParticipants,
  checkPeriod,
  checkRequestedAmount,
  netCosts,
  netCostsFromTotals,
  OBJECTIVE_MOTIVATION_MIN,
  sumAmounts,
  type GrantKind,
  type RequestedAmountCheck,
} from "./application-rules";

const lines = (...amounts: number[]) => amounts.map((amount, i) => ({ label: `line ${i + 1}`, amount }));

describe("sumAmounts / netCosts", () => {
  it.each<[number[], number[], number, number]>([
    [[], [], 0, 0],
    [[10_000], [], 10_000, 10_000],
    [[6_000, 4_000], [2_500], 10_000, 7_500],
    [[5_000], [5_000], 5_000, 0],
    [[5_000], [5_001], 5_000, 0], // funding beyond the costs: net is zero, not negative
    [[0, 0], [0], 0, 0],
  ])("costs %j, funding %j → sum %i, net %i", (costs, funding, sum, net) => {
    expect(sumAmounts(lines(...costs))).toBe(sum);
    expect(netCosts(lines(...costs), lines(...funding))).toBe(net);
  });

  it.each<[number, number, number]>([
    [10_000, 0, 10_000],
    [10_000, 9_999, 1],
    [10_000, 10_000, 0],
    [10_000, 10_001, 0],
  ])("netCostsFromTotals(%i, %i) = %i", (costs, funding, net) => {
    expect(netCostsFromTotals(costs, funding)).toBe(net);
  });

  it.each([[[1500.5]], [[-1]], [[Number.NaN]]])("throws on amounts %j", (amounts) => {
    expect(() => sumAmounts(lines(...amounts))).toThrow();
  });
});

describe("checkRequestedAmount", () => {
  it.each<[GrantKind, number, number[], number[], RequestedAmountCheck]>([
    // edges first: exactly the net costs, one krona over
    ["ACTIVITY", 7_500, [6_000, 4_000], [2_500], { ok: true }],
    ["ACTIVITY", 7_501, [6_000, 4_000], [2_500], { ok: false, reason: "EXCEEDS_NET_COSTS", netCosts: 7_500, excess: 1 }],
    ["ACTIVITY", 7_499, [6_000, 4_000], [2_500], { ok: true }],
    ["ACTIVITY", 10_000, [10_000], [], { ok: true }],
    ["ACTIVITY", 10_001, [10_000], [], { ok: false, reason: "EXCEEDS_NET_COSTS", netCosts: 10_000, excess: 1 }],
    ["ACTIVITY", 1, [5_000], [5_000], { ok: false, reason: "EXCEEDS_NET_COSTS", netCosts: 0, excess: 1 }],
    ["ACTIVITY", 1, [5_000], [6_000], { ok: false, reason: "EXCEEDS_NET_COSTS", netCosts: 0, excess: 1 }],
    ["ACTIVITY", 0, [], [], { ok: true }],
    ["ACTIVITY", 500, [], [], { ok: false, reason: "EXCEEDS_NET_COSTS", netCosts: 0, excess: 500 }],
    // a base grant is not measured against a budget
    ["BASE", 10_000, [], [], { ok: true }],
    ["BASE", 10_000, [100], [5_000], { ok: true }],
  ])("%s requesting %i with costs %j and funding %j", (grantKind, requestedAmount, costs, funding, expected) => {
    expect(checkRequestedAmount({ grantKind, requestedAmount, budgetLines: lines(...costs), otherFunding: lines(...funding) })).toEqual(expected);
  });

  it.each([1500.5, -1, Number.NaN])("throws on requestedAmount %s", (requestedAmount) => {
    expect(() => checkRequestedAmount({ grantKind: "BASE", requestedAmount, budgetLines: [], otherFunding: [] })).toThrow();
  });
});

describe("checkBudgetLines", () => {
  it.each<[GrantKind, number, boolean]>([
    ["ACTIVITY", 0, false],
    ["ACTIVITY", 1, true],
    ["BASE", 0, true],
    ["BASE", 1, true],
  ])("%s with %i line(s) → ok %s", (kind, count, ok) => {
    expect(checkBudgetLines(kind, lines(...Array<number>(count).fill(100))).ok).toBe(ok);
  });
});

describe("checkObjectives", () => {
  const exactly = "x".repeat(OBJECTIVE_MOTIVATION_MIN);
  it.each<[string[], string, boolean, string]>([
    [[], exactly, true, "motivation exactly at the minimum"],
    [[], exactly.slice(1), false, "one character short"],
    [[], `  ${exactly.slice(1)}  `, false, "surrounding spaces do not count"],
    [[], "å".repeat(OBJECTIVE_MOTIVATION_MIN), true, "Swedish letters count once each"],
    [[], "", false, "neither"],
    [["7d9f2a4e-3b1c-4e8a-9f6d-2c5b8a1e4f70"], "", true, "one objective"],
    [["7d9f2a4e-3b1c-4e8a-9f6d-2c5b8a1e4f70"], "short", true, "objective plus a short motivation"],
  ])("%j + %j → ok %s (%s)", (ids, motivation, ok) => {
    expect(checkObjectives(ids, motivation)).toEqual(ok ? { ok: true } : { ok: false, reason: "OBJECTIVE_OR_MOTIVATION_REQUIRED" });
  });
});

describe("checkPeriod", () => {
  it.each<[string, string, boolean]>([
    ["2027-06-15", "2027-06-15", true],
    ["2027-06-15", "2027-06-14", false],
    ["2027-06-15", "2027-06-16", true],
    ["2027-12-31", "2028-01-01", true],
    ["2028-01-01", "2027-12-31", false],
    ["2028-02-29", "2028-03-01", true],
  ])("%s – %s → ok %s", (start, end, ok) => {
    expect(checkPeriod(start, end)).toEqual(ok ? { ok: true } : { ok: false, reason: "END_BEFORE_START" });
  });
});

describe("checkParticipants", () => {
  it.each<[number, number, boolean]>([
    [10, 10, true],
    [10, 11, false],
    [10, 9, true],
    [0, 0, true],
    [0, 1, false],
  ])("total %i, under 26 %i → ok %s", (total, under26, ok) => {
    expect(checkParticipants(total, under26)).toEqual(ok ? { ok: true } : { ok: false, reason: "UNDER_26_EXCEEDS_TOTAL" });
  });
});
