import { describe, expect, it } from "vitest";
import { poolOverview, type PoolFacts } from "./overview";

const base: PoolFacts = { grantKind: "BASE", cap: 10_000, decided: 0, approvedCount: 0, liveAssociations: 0, splitRule: "EQUAL_SPLIT" };

describe("poolOverview", () => {
  it.each<[string, Partial<PoolFacts>, { remaining: number; sharing: number | null; share: number | null }]>([
    ["an untouched base pool", {}, { remaining: 10_000, sharing: 0, share: null }],
    ["three applying, none decided yet", { liveAssociations: 3 }, { remaining: 10_000, sharing: 3, share: 3_333 }],
    ["three approved", { decided: 9_999, approvedCount: 3, liveAssociations: 3 }, { remaining: 1, sharing: 3, share: 3_333 }],
    ["two approved of three applying", { decided: 10_000, approvedCount: 2, liveAssociations: 3 }, { remaining: 0, sharing: 2, share: 5_000 }],
    ["an activity pool partly used", { grantKind: "ACTIVITY", decided: 9_500, approvedCount: 1 }, { remaining: 500, sharing: null, share: null }],
    ["an activity pool used up exactly", { grantKind: "ACTIVITY", decided: 10_000, approvedCount: 3 }, { remaining: 0, sharing: null, share: null }],
  ])("%s", (_name, facts, expected) => {
    expect(poolOverview({ ...base, ...facts })).toMatchObject(expected);
  });
});
