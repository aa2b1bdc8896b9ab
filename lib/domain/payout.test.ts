import { describe, expect, it } from "vitest";
import { reportDueDate as reportDueDateFromDates } from "./dates";
import { checkPayout, mostRecentlyCompletedActivityYear, reportDueDate, type DecisionOutcome, type PayoutCheck } from "./payout";

describe("mostRecentlyCompletedActivityYear — calendar year", () => {
  it.each<[string, number]>([
    // edges first: the last day of the year, the first day of the next
    ["2026-12-31", 2025],
    ["2027-01-01", 2026],
    ["2026-01-01", 2025],
    ["2025-12-31", 2024],
    ["2026-11-25", 2025],
    ["2028-02-29", 2027],
    ["9999-12-31", 9998],
  ])("on %s → %i", (today, year) => {
    expect(mostRecentlyCompletedActivityYear(today)).toBe(year);
    expect(mostRecentlyCompletedActivityYear(today, "12-31")).toBe(year);
  });
});

describe("mostRecentlyCompletedActivityYear — broken activity year", () => {
  it.each<[string, string, number]>([
    // ending 06-30: named by the year in which it ended
    ["06-30", "2026-06-30", 2025],
    ["06-30", "2026-07-01", 2026],
    ["06-30", "2026-11-25", 2026],
    ["06-30", "2026-12-31", 2026],
    ["06-30", "2027-01-01", 2026],
    ["06-30", "2027-06-30", 2026],
    ["06-30", "2027-07-01", 2027],
    // ending 08-31
    ["08-31", "2026-08-31", 2025],
    ["08-31", "2026-09-01", 2026],
    // ending at a month end in February, leap years
    ["02-28", "2028-02-28", 2027],
    ["02-28", "2028-02-29", 2028],
    ["02-29", "2028-02-29", 2027],
    ["02-29", "2028-03-01", 2028],
    ["02-29", "2027-02-28", 2026],
    ["02-29", "2027-03-01", 2027],
    // ending 01-01
    ["01-01", "2027-01-01", 2026],
    ["01-01", "2027-01-02", 2027],
  ])("ending %s, on %s → %i", (end, today, year) => {
    expect(mostRecentlyCompletedActivityYear(today, end)).toBe(year);
  });

  it.each<[string, string]>([
    ["2027-02-29", "12-31"],
    ["2027-01-01T00:00", "12-31"],
    ["", "12-31"],
    ["2027-01-01", "13-01"],
    ["2027-01-01", "00-10"],
    ["2027-01-01", "06-31"],
    ["2027-01-01", "02-30"],
    ["2027-01-01", "06-00"],
    ["2027-01-01", "6-30"],
    ["2027-01-01", "2026-06-30"],
    ["2027-01-01", ""],
  ])("throws on today %j, end %j", (today, end) => {
    expect(() => mostRecentlyCompletedActivityYear(today, end)).toThrow(RangeError);
  });
});

type PayoutCase = [name: string, outcome: DecisionOutcome | null, amount: number, alreadyPaid: boolean, accepted: number[], expected: PayoutCheck];

describe("checkPayout", () => {
  const REQUIRED = 2025;
  it.each<PayoutCase>([
    // edges first: the required year accepted, the year before only, the year after only
    ["the required year's report accepted", "APPROVED", 3_333, false, [2025], { ok: true }],
    ["only the year before accepted", "APPROVED", 3_333, false, [2024], { ok: false, reason: "ANNUAL_REPORT_MISSING", year: 2025 }],
    ["only the year after accepted", "APPROVED", 3_333, false, [2026], { ok: false, reason: "ANNUAL_REPORT_MISSING", year: 2025 }],
    ["no report accepted", "APPROVED", 3_333, false, [], { ok: false, reason: "ANNUAL_REPORT_MISSING", year: 2025 }],
    ["several years accepted, the required among them", "APPROVED", 3_333, false, [2023, 2024, 2025], { ok: true }],
    ["one krona", "APPROVED", 1, false, [2025], { ok: true }],
    ["the whole cap", "APPROVED", 10_000, false, [2025], { ok: true }],
    // nothing to pay
    ["approved with zero", "APPROVED", 0, false, [2025], { ok: false, reason: "NOTHING_TO_PAY" }],
    // not approved comes first
    ["rejected", "REJECTED", 0, false, [2025], { ok: false, reason: "NOT_APPROVED" }],
    ["rejected with an amount on record", "REJECTED", 5_000, false, [2025], { ok: false, reason: "NOT_APPROVED" }],
    ["not decided", null, 0, false, [2025], { ok: false, reason: "NOT_APPROVED" }],
    ["rejected and no report", "REJECTED", 0, false, [], { ok: false, reason: "NOT_APPROVED" }],
    // paid once only
    ["already paid", "APPROVED", 3_333, true, [2025], { ok: false, reason: "ALREADY_PAID" }],
    ["already paid, report since missing: still already paid", "APPROVED", 3_333, true, [], { ok: false, reason: "ALREADY_PAID" }],
  ])("%s", (_name, decisionOutcome, amount, alreadyPaid, acceptedAnnualReportYears, expected) => {
    expect(checkPayout({ decisionOutcome, amount, alreadyPaid, annualReportYear: REQUIRED, acceptedAnnualReportYears })).toEqual(expected);
  });

  it("asks for the year mostRecentlyCompletedActivityYear names", () => {
    const input = { decisionOutcome: "APPROVED" as const, amount: 3_333, alreadyPaid: false, acceptedAnnualReportYears: [2025] };
    expect(checkPayout({ ...input, annualReportYear: mostRecentlyCompletedActivityYear("2026-12-31") })).toEqual({ ok: true });
    expect(checkPayout({ ...input, annualReportYear: mostRecentlyCompletedActivityYear("2027-01-01") })).toEqual({
      ok: false,
      reason: "ANNUAL_REPORT_MISSING",
      year: 2026,
    });
  });

  it.each<[string, number, number, number[]]>([
    ["fractional amount", 3_333.5, 2025, [2025]],
    ["negative amount", -1, 2025, [2025]],
    ["NaN amount", Number.NaN, 2025, [2025]],
    ["fractional year", 3_333, 2025.5, [2025]],
    ["fractional accepted year", 3_333, 2025, [2025.5]],
  ])("throws on %s", (_name, amount, annualReportYear, acceptedAnnualReportYears) => {
    expect(() => checkPayout({ decisionOutcome: "APPROVED", amount, alreadyPaid: false, annualReportYear, acceptedAnnualReportYears })).toThrow();
  });
});

describe("reportDueDate (re-exported from dates)", () => {
  it("is the same function", () => {
    expect(reportDueDate).toBe(reportDueDateFromDates);
  });

  // Cases dates.test.ts does not have: century years, February ends, 30-day months.
  it.each<[string, number, string]>([
    ["2100-01-31", 1, "2100-02-28"],
    ["2000-01-31", 1, "2000-02-29"],
    ["2027-01-29", 1, "2027-02-28"],
    ["2028-01-29", 1, "2028-02-29"],
    ["2028-01-30", 1, "2028-02-29"],
    ["2028-02-29", 1, "2028-03-29"],
    ["2027-02-28", 1, "2027-03-28"],
    ["2027-03-31", 1, "2027-04-30"],
    ["2027-05-31", 1, "2027-06-30"],
    ["2027-04-30", 1, "2027-05-30"],
    ["2027-11-30", 3, "2028-02-29"],
    ["2027-12-31", 2, "2028-02-29"],
    ["2028-12-31", 2, "2029-02-28"],
  ])("activity ends %s, %i month(s) → %s", (end, months, due) => {
    expect(reportDueDate(end, months)).toBe(due);
  });

  it.each<[string, number]>([
    ["2027-02-29", 1],
    ["2027-06-15", -1],
    ["2027-06-15", 1.5],
  ])("throws on %j + %s", (end, months) => {
    expect(() => reportDueDate(end, months)).toThrow(RangeError);
  });
});
