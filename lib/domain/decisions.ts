// What the coordinator may approve (Piteå rules 2, 3 and 7). The caps, split
// rule and budget are the program year's configuration; the counts and sums
// are facts lib/data loads inside the transaction that writes the decision, so
// two coordinators cannot both spend the last kronor of a pool.
import type { SplitRule } from "./grant-limits";
import { assertWholeKronor } from "./money";

export type { SplitRule };

function assertCount(value: number, name: string): void {
  if (!Number.isSafeInteger(value)) throw new TypeError(`${name} must be an integer, got ${value}`);
  if (value < 0) throw new RangeError(`${name} must not be negative, got ${value}`);
}

export type BaseAllocation = {
  /** What each approved base grant of the town and year gets, whole kronor. */
  share: number;
  /** share × approvedCount; never above the cap. */
  total: number;
};

/**
 * The base grants of one partner town and year, decided together.
 *
 * EQUAL_SPLIT (rule 2): every approved association gets the cap split equally,
 * rounded down to whole kronor: 10 000 / 3 = 3 333 each, 9 999 in all.
 *
 * NONE: the cap is "at most 10 000 SEK per partner town and year", so it bounds
 * the pool's total whatever the split rule says. With one approved association
 * that association gets the whole cap; with more, NONE cannot let each of them
 * have the cap, so the allocation falls back to the equal split. The two rules
 * therefore give the same allocation; NONE only differs in what an applicant is
 * shown before applying (grantLimit), where nothing is yet approved.
 *
 * Nobody approved: share 0, total 0.
 */
export function baseAllocation(input: { cap: number; approvedCount: number; splitRule: SplitRule }): BaseAllocation {
  assertWholeKronor(input.cap, "cap");
  assertCount(input.approvedCount, "approvedCount");
  if (input.approvedCount === 0) return { share: 0, total: 0 };
  const share =
    input.splitRule === "NONE" && input.approvedCount === 1 ? input.cap : Math.floor(input.cap / input.approvedCount);
  return { share, total: share * input.approvedCount };
}

/**
 * Facts for approving an activity grant. poolApproved and budgetApproved are
 * the current approvals WITHOUT this application's own (when a decision is
 * remade, lib/data leaves the superseded one out).
 */
export type ActivityApprovalFacts = {
  /** What the association asked for. */
  requested: number;
  /** The application's costs minus its other funding ("not financed otherwise", rule 3). */
  netCosts: number;
  /** The town's activity cap for the year (rule 3). */
  poolCap: number;
  /** Already approved from the town's activity pool this year. */
  poolApproved: number;
  /** The program's budget for the year; null: no budget. */
  budget: number | null;
  /** Already approved in the program year, all towns and kinds. */
  budgetApproved: number;
};

export type ActivityApprovalReason =
  | "NOT_POSITIVE"
  | "ABOVE_REQUESTED"
  | "ABOVE_NET_COSTS"
  | "ABOVE_POOL_REMAINING"
  | "ABOVE_BUDGET_REMAINING";

export type ActivityApprovalCheck =
  | { ok: true }
  | {
      ok: false;
      reason: ActivityApprovalReason;
      /** The highest amount that would be accepted (0: none). */
      limit: number;
    };

/**
 * The tightest limit and the rule behind it. On a tie the earlier limit is
 * named: the application's own figures (requested, net costs) first, since
 * they do not move, then the pool and the budget, which shrink as other
 * applications are decided.
 */
function bindingLimit(facts: ActivityApprovalFacts): { limit: number; reason: Exclude<ActivityApprovalReason, "NOT_POSITIVE"> } {
  assertWholeKronor(facts.requested, "requested");
  assertWholeKronor(facts.netCosts, "netCosts");
  assertWholeKronor(facts.poolCap, "poolCap");
  assertWholeKronor(facts.poolApproved, "poolApproved");
  assertWholeKronor(facts.budgetApproved, "budgetApproved");
  if (facts.budget !== null) assertWholeKronor(facts.budget, "budget");

  const candidates: { limit: number; reason: Exclude<ActivityApprovalReason, "NOT_POSITIVE"> }[] = [
    { limit: facts.requested, reason: "ABOVE_REQUESTED" },
    { limit: facts.netCosts, reason: "ABOVE_NET_COSTS" },
    // Over-approved (the cap lowered afterwards): nothing left, never negative.
    { limit: Math.max(0, facts.poolCap - facts.poolApproved), reason: "ABOVE_POOL_REMAINING" },
  ];
  if (facts.budget !== null) {
    candidates.push({ limit: Math.max(0, facts.budget - facts.budgetApproved), reason: "ABOVE_BUDGET_REMAINING" });
  }
  let best = candidates[0]!;
  for (const c of candidates) if (c.limit < best.limit) best = c;
  return best;
}

/** The highest amount checkActivityApproval accepts, to pre-fill the decision form; 0 when none. */
export function maxActivityApproval(facts: ActivityApprovalFacts): number {
  return bindingLimit(facts).limit;
}

/**
 * An approved activity grant is a positive whole number of kronor no higher
 * than any of the limits. When the amount is above several, the tightest one
 * is named, so approving `limit` instead passes every check.
 *
 * `amount` must already be an integer (the zod schema parses the form field as
 * one); anything else is a programming error and throws, like every money
 * value in lib/domain.
 */
export function checkActivityApproval(input: ActivityApprovalFacts & { amount: number }): ActivityApprovalCheck {
  if (!Number.isSafeInteger(input.amount)) throw new TypeError(`amount must be whole kronor (an integer), got ${input.amount}`);
  const binding = bindingLimit(input);
  if (input.amount < 1) return { ok: false, reason: "NOT_POSITIVE", limit: binding.limit };
  if (input.amount > binding.limit) return { ok: false, reason: binding.reason, limit: binding.limit };
  return { ok: true };
}

export type BudgetCheck = { ok: true } | { ok: false; reason: "EXCEEDS_BUDGET"; remaining: number };

/**
 * Whether adding `adding` kronor stays within the year's budget (rule 7: the
 * coordinator decides applications "inom befintlig budget"); used to mark an
 * application that would exceed it. No budget (null): always within.
 */
export function checkBudget(input: { budget: number | null; budgetApproved: number; adding: number }): BudgetCheck {
  assertWholeKronor(input.budgetApproved, "budgetApproved");
  assertWholeKronor(input.adding, "adding");
  if (input.budget === null) return { ok: true };
  assertWholeKronor(input.budget, "budget");
  const remaining = Math.max(0, input.budget - input.budgetApproved);
  return input.adding <= remaining ? { ok: true } : { ok: false, reason: "EXCEEDS_BUDGET", remaining };
}
