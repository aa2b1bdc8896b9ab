import { describe, expect, it } from "vitest";
import { isWithinPeriod, todayIn } from "./dates";
import { checkRequestedWithinCap } from "./application-rules";

describe("todayIn (Swedish time)", () => {
  it.each<[string, string]>([
    // Summer time, UTC+2: 22:30 UTC on 31 March is already 1 April in Piteå.
    ["2027-03-31T22:30:00Z", "2027-04-01"],
    ["2027-03-31T21:59:59Z", "2027-03-31"],
    // Winter time, UTC+1.
    ["2026-12-31T23:00:00Z", "2027-01-01"],
    ["2026-12-31T22:59:59Z", "2026-12-31"],
  ])("%s is %s", (instant, day) => {
    expect(todayIn(new Date(instant))).toBe(day);
  });
});

describe("isWithinPeriod", () => {
  it.each<[string, boolean]>([
    ["2026-12-31", false],
    ["2027-01-01", true],
    ["2027-06-15", true],
    ["2027-11-30", true],
    ["2027-12-01", false],
  ])("%s in 2027-01-01..2027-11-30: %s", (day, expected) => {
    expect(isWithinPeriod(day, "2027-01-01", "2027-11-30")).toBe(expected);
  });
});

describe("checkRequestedWithinCap", () => {
  it.each<[number, number, boolean]>([
    [10_000, 10_000, true],
    [10_001, 10_000, false],
    [1, 0, false],
    [0, 0, true],
  ])("%i kr against a cap of %i kr: %s", (requested, cap, ok) => {
    expect(checkRequestedWithinCap(requested, cap).ok).toBe(ok);
  });
});
