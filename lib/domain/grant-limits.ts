// The most an association can be granted from one partner town's pool in a
// program year, shown on the form before it submits. Caps, split rule and
// budget are the program's configuration (ProgramYear/ProgramCap rows); the
// counts and sums are facts lib/data loads.
import { netCostsFromTotals, type GrantKind } from "./application-rules";
import { assertWholeKronor } from "./money";

export type { GrantKind };
export type SplitRule = "EQUAL_SPLIT" | "NONE";

export type GrantLimitReason =
  /** The town's cap for this grant kind is the limit. */
  | "TOWN_CAP"
  /** The base grant is split equally between the associations working with the town. */
  | "EQUAL_SHARE"
  /** This association already has a live base-grant application for the town and year. */
  | "ALREADY_APPLIED"
  /** Part of the town's activity pool is already approved; the rest is the limit. */
  | "POOL_REMAINING"
  /** The town's activity pool is fully approved. */
  | "POOL_EXHAUSTED"
  /** What is left of the program's budget for the year is the limit. */
  | "BUDGET_REMAINING"
  /** The program's budget for the year is fully approved. */
  | "BUDGET_EXHAUSTED"
  /** The application's costs minus its other funding is the limit. */
  | "COSTS_MINUS_FUNDING";

type CommonInput = {
  /** Cap for this town and grant kind, whole kronor. */
  cap: number;
  /** How the base pool is shared. The activity pool is first come, first served whatever the rule. */
  splitRule: SplitRule;
  /** The program's budget for the year; null/undefined: no budget limit. */
  programBudget?: number | null;
  /** Everything already approved in the program year, all towns and kinds. */
  programApprovedTotal?: number;
};

export type BaseGrantLimitInput = CommonInput & {
  grantKind: "BASE";
  /** OTHER associations with a submitted or approved base-grant application for the same town and year. */
  otherLiveBaseApplications: number;
  /** This association already has a submitted or approved base-grant application for the same town and year. */
  hasLiveBaseApplication: boolean;
};

export type ActivityGrantLimitInput = CommonInput & {
  grantKind: "ACTIVITY";
  /** Sum already approved from the town's activity pool this year. */
  approvedFromPool: number;
  /** The application's total costs, once the form has a budget. */
  costs?: number | null;
  /** The application's other funding; counts only together with costs. */
  otherFunding?: number | null;
};

export type GrantLimitInput = BaseGrantLimitInput | ActivityGrantLimitInput;

export type GrantLimit = {
  /** Whole kronor, never negative. */
  maxAmount: number;
  reason: GrantLimitReason;
  /** Associations sharing the base pool (this one included) under EQUAL_SPLIT. */
  shareCount?: number;
};

function assertCount(value: number, name: string): void {
  if (!Number.isSafeInteger(value)) throw new TypeError(`${name} must be an integer, got ${value}`);
  if (value < 0) throw new RangeError(`${name} must not be negative, got ${value}`);
}

/** The cap split `count` ways, rounded down to whole kronor (10 000 / 3 = 3 333); count 0 → the whole cap. */
export function equalShare(cap: number, count: number): number {
  assertWholeKronor(cap, "cap");
  assertCount(count, "count");
  return count === 0 ? cap : Math.floor(cap / count);
}

/**
 * The tightest of the limits that apply. Limits are considered in the order
 * town cap/share → pool → budget → costs; on a tie the earlier one is the
 * reason, so the form names the rule a volunteer recognises first.
 */
export function grantLimit(input: GrantLimitInput): GrantLimit {
  assertWholeKronor(input.cap, "cap");
  const candidates: { amount: number; reason: GrantLimitReason }[] = [];
  let shareCount: number | undefined;

  if (input.grantKind === "BASE") {
    assertCount(input.otherLiveBaseApplications, "otherLiveBaseApplications");
    if (input.hasLiveBaseApplication) return { maxAmount: 0, reason: "ALREADY_APPLIED" };
    if (input.splitRule === "EQUAL_SPLIT") {
      shareCount = input.otherLiveBaseApplications + 1;
      candidates.push(
        shareCount === 1
          ? { amount: input.cap, reason: "TOWN_CAP" }
          : { amount: equalShare(input.cap, shareCount), reason: "EQUAL_SHARE" },
      );
    } else {
      candidates.push({ amount: input.cap, reason: "TOWN_CAP" });
    }
  } else {
    assertWholeKronor(input.approvedFromPool, "approvedFromPool");
    candidates.push({ amount: input.cap, reason: "TOWN_CAP" });
    const poolRemaining = Math.max(0, input.cap - input.approvedFromPool);
    candidates.push({ amount: poolRemaining, reason: poolRemaining === 0 ? "POOL_EXHAUSTED" : "POOL_REMAINING" });
  }

  if (input.programBudget != null) {
    assertWholeKronor(input.programBudget, "programBudget");
    const approved = input.programApprovedTotal ?? 0;
    assertWholeKronor(approved, "programApprovedTotal");
    const budgetRemaining = Math.max(0, input.programBudget - approved);
    candidates.push({ amount: budgetRemaining, reason: budgetRemaining === 0 ? "BUDGET_EXHAUSTED" : "BUDGET_REMAINING" });
  } else if (input.programApprovedTotal !== undefined) {
    assertWholeKronor(input.programApprovedTotal, "programApprovedTotal");
  }

  if (input.grantKind === "ACTIVITY" && input.costs != null) {
    candidates.push({ amount: netCostsFromTotals(input.costs, input.otherFunding ?? 0), reason: "COSTS_MINUS_FUNDING" });
  } else if (input.grantKind === "ACTIVITY" && input.otherFunding != null) {
    assertWholeKronor(input.otherFunding, "otherFunding");
  }

  let best = candidates[0]!;
  for (const c of candidates) if (c.amount < best.amount) best = c;
  return shareCount === undefined
    ? { maxAmount: best.amount, reason: best.reason }
    : { maxAmount: best.amount, reason: best.reason, shareCount };
}
