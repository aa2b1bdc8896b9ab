import { describe, expect, it } from "vitest";
import {
  baseAllocation,
  checkActivityApproval,
  checkBudget,
  maxActivityApproval,
  type ActivityApprovalCheck,
  type ActivityApprovalFacts,
  type BaseAllocation,
  type BudgetCheck,
  type SplitRule,
} from "./decisions";

const CAP = 10_000;

describe("baseAllocation", () => {
  it.each<[SplitRule, number, number, BaseAllocation]>([
    // edges first: nobody, one, a remainder
    ["EQUAL_SPLIT", CAP, 0, { share: 0, total: 0 }],
    ["EQUAL_SPLIT", CAP, 1, { share: 10_000, total: 10_000 }],
    ["EQUAL_SPLIT", CAP, 3, { share: 3_333, total: 9_999 }],
    ["EQUAL_SPLIT", CAP, 2, { share: 5_000, total: 10_000 }],
    ["EQUAL_SPLIT", CAP, 7, { share: 1_428, total: 9_996 }],
    ["EQUAL_SPLIT", CAP, 10_000, { share: 1, total: 10_000 }],
    ["EQUAL_SPLIT", CAP, 10_001, { share: 0, total: 0 }],
    ["EQUAL_SPLIT", 10_001, 2, { share: 5_000, total: 10_000 }],
    ["EQUAL_SPLIT", 0, 3, { share: 0, total: 0 }],
    ["EQUAL_SPLIT", 1, 2, { share: 0, total: 0 }],
    // NONE: the cap still bounds the pool's total
    ["NONE", CAP, 0, { share: 0, total: 0 }],
    ["NONE", CAP, 1, { share: 10_000, total: 10_000 }],
    ["NONE", CAP, 2, { share: 5_000, total: 10_000 }],
    ["NONE", CAP, 3, { share: 3_333, total: 9_999 }],
    ["NONE", 0, 1, { share: 0, total: 0 }],
  ])("%s, cap %i, %i approved → %j", (splitRule, cap, approvedCount, expected) => {
    expect(baseAllocation({ cap, approvedCount, splitRule })).toEqual(expected);
  });

  it.each<[string, number, number]>([
    ["fractional cap", 10_000.5, 2],
    ["negative cap", -1, 2],
    ["NaN cap", Number.NaN, 2],
    ["fractional count", CAP, 1.5],
    ["negative count", CAP, -1],
    ["infinite count", CAP, Number.POSITIVE_INFINITY],
  ])("throws on %s", (_name, cap, approvedCount) => {
    expect(() => baseAllocation({ cap, approvedCount, splitRule: "EQUAL_SPLIT" })).toThrow();
  });

  it.each<SplitRule>(["EQUAL_SPLIT", "NONE"])(
    "%s: total ≤ cap, total = share × count, under one krona each left over, for every cap 0..20 000 and count 1..60",
    (splitRule) => {
      const failures: string[] = [];
      for (let cap = 0; cap <= 20_000; cap++) {
        for (let approvedCount = 1; approvedCount <= 60; approvedCount++) {
          const { share, total } = baseAllocation({ cap, approvedCount, splitRule });
          const wholeKronor = Number.isSafeInteger(share) && share >= 0 && Number.isSafeInteger(total);
          if (!wholeKronor || total > cap || total !== share * approvedCount || cap - total >= approvedCount) {
            failures.push(`cap ${cap}, count ${approvedCount}: share ${share}, total ${total}`);
            if (failures.length >= 10) break;
          }
        }
        if (failures.length >= 10) break;
      }
      expect(failures).toEqual([]);
    },
  );
});

const facts = (over: Partial<ActivityApprovalFacts> = {}): ActivityApprovalFacts => ({
  requested: CAP,
  netCosts: 20_000,
  poolCap: CAP,
  poolApproved: 0,
  budget: null,
  budgetApproved: 0,
  ...over,
});

describe("checkActivityApproval", () => {
  it.each<[string, ActivityApprovalFacts, number, ActivityApprovalCheck]>([
    // the pool: exactly what remains, one krona over, exhausted
    ["exactly the pool remaining", facts({ poolApproved: 6_000 }), 4_000, { ok: true }],
    ["one krona over the pool remaining", facts({ poolApproved: 6_000 }), 4_001, { ok: false, reason: "ABOVE_POOL_REMAINING", limit: 4_000 }],
    ["one krona left in the pool", facts({ poolApproved: 9_999 }), 1, { ok: true }],
    ["pool exhausted", facts({ poolApproved: 10_000 }), 1, { ok: false, reason: "ABOVE_POOL_REMAINING", limit: 0 }],
    ["pool over-approved (cap lowered later)", facts({ poolApproved: 12_000 }), 1, { ok: false, reason: "ABOVE_POOL_REMAINING", limit: 0 }],
    ["pool cap zero", facts({ poolCap: 0 }), 1, { ok: false, reason: "ABOVE_POOL_REMAINING", limit: 0 }],
    ["the whole cap, nothing approved yet", facts(), 10_000, { ok: true }],
    ["one krona over the cap", facts({ requested: 20_000 }), 10_001, { ok: false, reason: "ABOVE_POOL_REMAINING", limit: 10_000 }],
    // positive whole number
    ["zero", facts(), 0, { ok: false, reason: "NOT_POSITIVE", limit: 10_000 }],
    ["negative", facts(), -1, { ok: false, reason: "NOT_POSITIVE", limit: 10_000 }],
    ["zero with the pool exhausted: the limit says none is possible", facts({ poolApproved: 10_000 }), 0, { ok: false, reason: "NOT_POSITIVE", limit: 0 }],
    ["one krona", facts(), 1, { ok: true }],
    // requested
    ["exactly the requested amount", facts({ requested: 6_000 }), 6_000, { ok: true }],
    ["one krona over the requested amount", facts({ requested: 6_000 }), 6_001, { ok: false, reason: "ABOVE_REQUESTED", limit: 6_000 }],
    ["less than requested", facts({ requested: 6_000 }), 3_000, { ok: true }],
    // net costs
    ["exactly the net costs", facts({ netCosts: 7_500 }), 7_500, { ok: true }],
    ["one krona over the net costs", facts({ netCosts: 7_500 }), 7_501, { ok: false, reason: "ABOVE_NET_COSTS", limit: 7_500 }],
    ["no net costs: other funding covers everything", facts({ netCosts: 0 }), 1, { ok: false, reason: "ABOVE_NET_COSTS", limit: 0 }],
    // budget
    ["no budget: no budget limit", facts({ budget: null, budgetApproved: 5_000_000 }), 10_000, { ok: true }],
    ["exactly the budget remaining", facts({ budget: 50_000, budgetApproved: 47_000 }), 3_000, { ok: true }],
    ["one krona over the budget remaining", facts({ budget: 50_000, budgetApproved: 47_000 }), 3_001, { ok: false, reason: "ABOVE_BUDGET_REMAINING", limit: 3_000 }],
    ["budget exhausted", facts({ budget: 50_000, budgetApproved: 50_000 }), 1, { ok: false, reason: "ABOVE_BUDGET_REMAINING", limit: 0 }],
    ["budget overspent", facts({ budget: 50_000, budgetApproved: 60_000 }), 1, { ok: false, reason: "ABOVE_BUDGET_REMAINING", limit: 0 }],
    ["budget zero", facts({ budget: 0 }), 1, { ok: false, reason: "ABOVE_BUDGET_REMAINING", limit: 0 }],
    // several limits exceeded: the tightest is named
    ["above everything: the tightest (budget) is named", facts({ requested: 9_000, netCosts: 8_000, poolApproved: 3_000, budget: 50_000, budgetApproved: 44_000 }), 9_500, { ok: false, reason: "ABOVE_BUDGET_REMAINING", limit: 6_000 }],
    ["above requested and pool: the pool is tighter", facts({ requested: 8_000, poolApproved: 5_000 }), 8_500, { ok: false, reason: "ABOVE_POOL_REMAINING", limit: 5_000 }],
    ["above net costs and pool: net costs are tighter", facts({ netCosts: 2_000, poolApproved: 5_000 }), 6_000, { ok: false, reason: "ABOVE_NET_COSTS", limit: 2_000 }],
    // ties: the application's own figures first, then pool, then budget
    ["requested = net costs = pool = budget left", facts({ requested: 4_000, netCosts: 4_000, poolApproved: 6_000, budget: 10_000, budgetApproved: 6_000 }), 4_001, { ok: false, reason: "ABOVE_REQUESTED", limit: 4_000 }],
    ["net costs = pool remaining", facts({ netCosts: 4_000, poolApproved: 6_000 }), 4_001, { ok: false, reason: "ABOVE_NET_COSTS", limit: 4_000 }],
    ["pool remaining = budget remaining", facts({ poolApproved: 6_000, budget: 10_000, budgetApproved: 6_000 }), 4_001, { ok: false, reason: "ABOVE_POOL_REMAINING", limit: 4_000 }],
    ["net costs 0 and pool exhausted: net costs named", facts({ netCosts: 0, poolApproved: 10_000 }), 1, { ok: false, reason: "ABOVE_NET_COSTS", limit: 0 }],
  ])("%s", (_name, input, amount, expected) => {
    expect(checkActivityApproval({ ...input, amount })).toEqual(expected);
  });

  it.each<[string, ActivityApprovalFacts, number]>([
    ["fractional amount", facts(), 1_000.5],
    ["NaN amount", facts(), Number.NaN],
    ["infinite amount", facts(), Number.POSITIVE_INFINITY],
    ["fractional requested", facts({ requested: 0.5 }), 1],
    ["negative net costs", facts({ netCosts: -1 }), 1],
    ["fractional pool cap", facts({ poolCap: 10_000.5 }), 1],
    ["negative pool approved", facts({ poolApproved: -1 }), 1],
    ["fractional budget", facts({ budget: 1.5 }), 1],
    ["negative budget approved", facts({ budget: 100, budgetApproved: -1 }), 1],
    ["fractional budget approved without budget", facts({ budgetApproved: 0.5 }), 1],
  ])("throws on %s", (_name, input, amount) => {
    expect(() => checkActivityApproval({ ...input, amount })).toThrow();
  });
});

describe("maxActivityApproval", () => {
  it.each<[string, ActivityApprovalFacts, number]>([
    ["the cap", facts(), 10_000],
    ["the pool remaining", facts({ poolApproved: 6_000 }), 4_000],
    ["pool exhausted", facts({ poolApproved: 10_000 }), 0],
    ["pool over-approved", facts({ poolApproved: 12_000 }), 0],
    ["requested", facts({ requested: 2_500 }), 2_500],
    ["net costs", facts({ netCosts: 1_200 }), 1_200],
    ["budget remaining", facts({ budget: 50_000, budgetApproved: 49_001 }), 999],
    ["budget exhausted", facts({ budget: 50_000, budgetApproved: 50_000 }), 0],
    ["nothing requested", facts({ requested: 0 }), 0],
  ])("%s → %i", (_name, input, expected) => {
    expect(maxActivityApproval(input)).toBe(expected);
  });

  it("is always the highest amount checkActivityApproval accepts", () => {
    const failures: string[] = [];
    for (const requested of [0, 1, 4_000, 10_000, 12_000]) {
      for (const netCosts of [0, 1, 3_999, 4_000, 20_000]) {
        for (const poolApproved of [0, 5_999, 6_000, 9_999, 10_000, 11_000]) {
          for (const [budget, budgetApproved] of [[null, 0], [50_000, 46_000], [50_000, 50_000], [0, 0]] as const) {
            const input = facts({ requested, netCosts, poolApproved, budget, budgetApproved });
            const max = maxActivityApproval(input);
            const atMax = checkActivityApproval({ ...input, amount: max });
            const overMax = checkActivityApproval({ ...input, amount: max + 1 });
            const okAtMax = max === 0 ? !atMax.ok && atMax.reason === "NOT_POSITIVE" : atMax.ok;
            if (!okAtMax || overMax.ok || overMax.limit !== max) failures.push(JSON.stringify({ input, max, atMax, overMax }));
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });
});

describe("checkBudget", () => {
  it.each<[number | null, number, number, BudgetCheck]>([
    // edges first: exactly what remains, one krona over
    [50_000, 46_000, 4_000, { ok: true }],
    [50_000, 46_000, 4_001, { ok: false, reason: "EXCEEDS_BUDGET", remaining: 4_000 }],
    [50_000, 50_000, 0, { ok: true }],
    [50_000, 50_000, 1, { ok: false, reason: "EXCEEDS_BUDGET", remaining: 0 }],
    [50_000, 60_000, 1, { ok: false, reason: "EXCEEDS_BUDGET", remaining: 0 }],
    [50_000, 0, 10_000, { ok: true }],
    [0, 0, 1, { ok: false, reason: "EXCEEDS_BUDGET", remaining: 0 }],
    // no budget: always within
    [null, 0, 10_000, { ok: true }],
    [null, 5_000_000, 10_000, { ok: true }],
  ])("budget %s, approved %i, adding %i → %j", (budget, budgetApproved, adding, expected) => {
    expect(checkBudget({ budget, budgetApproved, adding })).toEqual(expected);
  });

  it.each<[string, number | null, number, number]>([
    ["fractional adding", 50_000, 0, 0.5],
    ["negative adding", 50_000, 0, -1],
    ["fractional budget", 1.5, 0, 1],
    ["negative approved", 50_000, -1, 1],
    ["fractional approved without budget", null, 0.5, 1],
  ])("throws on %s", (_name, budget, budgetApproved, adding) => {
    expect(() => checkBudget({ budget, budgetApproved, adding })).toThrow();
  });
});
