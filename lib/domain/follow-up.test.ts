import { describe, expect, it } from "vitest";
import { blocksNewApplications, checkReportPeriod, daysUntil, isAssociationsTurn, reportObligation, type FollowUpStatus } from "./follow-up";

describe("reportObligation", () => {
  const due = "2026-07-31";
  it.each<[FollowUpStatus | null, string, string]>([
    [null, "2026-07-30", "OPEN"],
    [null, "2026-07-31", "OPEN"], // the due date itself is still in time
    [null, "2026-08-01", "OVERDUE"],
    ["DRAFT", "2026-07-31", "OPEN"],
    ["DRAFT", "2026-08-01", "OVERDUE"],
    ["RETURNED", "2026-07-15", "OPEN"],
    ["RETURNED", "2026-09-01", "OVERDUE"],
    ["SUBMITTED", "2026-07-01", "AWAITING_REVIEW"],
    ["SUBMITTED", "2026-12-31", "AWAITING_REVIEW"],
    ["ACCEPTED", "2026-07-01", "DONE"],
    ["ACCEPTED", "2027-01-01", "DONE"],
  ])("status %s on %s is %s", (status, today, expected) => {
    expect(reportObligation({ dueOn: due, status, today })).toBe(expected);
  });
});

describe("isAssociationsTurn", () => {
  it.each<[FollowUpStatus | null, boolean]>([
    [null, true],
    ["DRAFT", true],
    ["RETURNED", true],
    ["SUBMITTED", false],
    ["ACCEPTED", false],
  ])("%s → %s", (status, expected) => {
    expect(isAssociationsTurn(status)).toBe(expected);
  });
});

describe("daysUntil", () => {
  it.each([
    ["2026-07-31", "2026-07-24", 7],
    ["2026-07-31", "2026-07-31", 0],
    ["2026-07-31", "2026-08-07", -7],
    ["2026-03-30", "2026-03-28", 2], // across the switch to summer time
  ])("from %s back to %s is %i", (due, today, expected) => {
    expect(daysUntil(due, today)).toBe(expected);
  });
});

describe("checkReportPeriod", () => {
  const today = "2026-08-15";
  it.each<[string, string, ReturnType<typeof checkReportPeriod>]>([
    ["2026-06-10", "2026-06-17", { ok: true }],
    ["2026-08-15", "2026-08-15", { ok: true }], // one day, ending today: reportable today
    ["2026-08-10", "2026-08-16", { ok: false, reason: "NOT_ENDED" }], // ends tomorrow
    ["2026-06-17", "2026-06-10", { ok: false, reason: "END_BEFORE_START" }],
    ["2026-08-20", "2026-08-18", { ok: false, reason: "END_BEFORE_START" }], // both wrong: the order is reported first
  ])("%s – %s", (startDate, endDate, expected) => {
    expect(checkReportPeriod({ startDate, endDate, today })).toEqual(expected);
  });
});

describe("blocksNewApplications", () => {
  it.each<[boolean, number, boolean]>([
    [true, 1, true],
    [true, 3, true],
    [true, 0, false],
    [false, 1, false],
    [false, 0, false],
  ])("block %s with %i overdue → %s", (blockOnOverdueReport, overdueCount, expected) => {
    expect(blocksNewApplications({ blockOnOverdueReport, overdueCount })).toBe(expected);
  });
});
