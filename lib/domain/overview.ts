// One pool of the year's allocation overview: a partner town's cap for one
// grant kind, what is decided from it, what remains, and how it is shared.
import { baseAllocation, type SplitRule } from "./decisions";
import { assertWholeKronor } from "./money";

export type PoolFacts = {
  grantKind: "BASE" | "ACTIVITY";
  cap: number;
  /** Sum of the current approvals from the pool. */
  decided: number;
  /** Current approvals from the pool. */
  approvedCount: number;
  /** Associations with a submitted or approved application for the pool. */
  liveAssociations: number;
  splitRule: SplitRule;
};

export type PoolOverview = PoolFacts & {
  remaining: number;
  /** Base grants: how many share the cap, and the equal share each gets (decided, or as it would be now). */
  sharing: number | null;
  share: number | null;
};

export function poolOverview(f: PoolFacts): PoolOverview {
  assertWholeKronor(f.cap, "cap");
  assertWholeKronor(f.decided, "decided");
  const remaining = Math.max(0, f.cap - f.decided);
  if (f.grantKind === "ACTIVITY") return { ...f, remaining, sharing: null, share: null };
  // Once decided, the allocation's approvals share the cap; before, everyone who applied would.
  const sharing = f.approvedCount > 0 ? f.approvedCount : f.liveAssociations;
  const { share } = baseAllocation({ cap: f.cap, approvedCount: sharing, splitRule: f.splitRule });
  return { ...f, remaining, sharing, share: sharing ? share : null };
}
