import { describe, expect, it } from "vitest";
import { daysUntil, isAssociationsTurn, reportObligation, type FollowUpStatus } from "./follow-up";

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
