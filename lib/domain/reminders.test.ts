import { describe, expect, it } from "vitest";
import type { FollowUpStatus } from "./follow-up";
import {
  addDays,
  annualReportReminder,
  annualReportReminderYear,
  closesOnRange,
  consultationReminders,
  dueReminders,
  LAST_OVERDUE_REMINDER_DAY,
  MAX_OVERDUE_REMINDERS,
  overdueRound,
  reportDueOnRange,
  reportReminder,
  upcomingReminders,
  type AnnualReportFacts,
  type ConsultationFacts,
  type ReportFacts,
} from "./reminders";

describe("addDays", () => {
  it.each<[string, number, string]>([
    ["2026-07-31", 1, "2026-08-01"],
    ["2026-12-31", 1, "2027-01-01"],
    ["2027-01-01", -1, "2026-12-31"],
    ["2028-02-28", 1, "2028-02-29"],
    ["2027-02-28", 1, "2027-03-01"],
    ["2026-03-28", 2, "2026-03-30"], // across the switch to summer time
    ["2026-07-31", 0, "2026-07-31"],
    ["2026-07-31", -21, "2026-07-10"],
  ])("%s + %i is %s", (day, days, expected) => {
    expect(addDays(day, days)).toBe(expected);
  });

  it("refuses what is not a day", () => {
    expect(() => addDays("2026-02-30", 1)).toThrow(RangeError);
    expect(() => addDays("2026-02-01", 1.5)).toThrow(RangeError);
  });
});

describe("overdueRound", () => {
  it.each([
    [1, 1],
    [7, 1],
    [8, 2],
    [14, 2],
    [15, 3],
    [21, 3],
    [22, 4],
  ])("%i days late is round %i", (daysLate, round) => {
    expect(overdueRound(daysLate)).toBe(round);
  });
});

describe("reportReminder", () => {
  const facts = (status: FollowUpStatus | null): ReportFacts => ({
    decisionId: "d1",
    applicationId: "a1",
    associationId: "s1",
    dueOn: "2026-07-31",
    status,
  });

  it.each<[string, FollowUpStatus | null, string, string | null]>([
    ["eight days before: too early", null, "2026-07-23", null],
    ["seven days before: due soon", null, "2026-07-24", "report-due:d1"],
    ["the day before", null, "2026-07-30", "report-due:d1"],
    ["the due date itself: still due soon, not overdue", null, "2026-07-31", "report-due:d1"],
    ["a draft is the association's turn", "DRAFT", "2026-07-28", "report-due:d1"],
    ["one sent back is the association's turn", "RETURNED", "2026-07-28", "report-due:d1"],
    ["submitted: the coordinator's turn", "SUBMITTED", "2026-07-28", null],
    ["accepted: done", "ACCEPTED", "2026-07-28", null],
    ["the day after: first overdue", null, "2026-08-01", "report-overdue:d1:1"],
    ["end of the first week", "DRAFT", "2026-08-07", "report-overdue:d1:1"],
    ["a week after the first: second", null, "2026-08-08", "report-overdue:d1:2"],
    ["end of the second week", null, "2026-08-14", "report-overdue:d1:2"],
    ["third", "RETURNED", "2026-08-15", "report-overdue:d1:3"],
    ["last day of the third week", null, "2026-08-21", "report-overdue:d1:3"],
    ["after the bound: nothing more", null, "2026-08-22", null],
    ["long after: nothing", null, "2026-12-01", null],
    ["submitted after the due date: not overdue", "SUBMITTED", "2026-08-01", null],
    ["accepted after the due date: nothing", "ACCEPTED", "2026-08-08", null],
  ])("%s (%s on %s) → %s", (_, status, today, key) => {
    expect(reportReminder(facts(status), today)?.key ?? null).toBe(key);
  });

  it("says how many days are left and how late it is", () => {
    expect(reportReminder(facts(null), "2026-07-24")).toMatchObject({ kind: "REPORT_DUE_SOON", daysLeft: 7, dueOn: "2026-07-31" });
    expect(reportReminder(facts(null), "2026-07-31")).toMatchObject({ kind: "REPORT_DUE_SOON", daysLeft: 0 });
    expect(reportReminder(facts(null), "2026-08-09")).toMatchObject({ kind: "REPORT_OVERDUE", round: 2, daysLate: 9 });
  });

  it("a job that did not run for weeks sends only the latest occasion reached", () => {
    // Down from the due date until the third week: the third occasion, not the first two as well.
    expect(reportReminder(facts(null), "2026-08-16")?.key).toBe("report-overdue:d1:3");
  });

  it("a due date at a year's end runs into the next year", () => {
    const f = { ...facts(null), dueOn: "2026-12-31" };
    expect(reportReminder(f, "2026-12-24")?.key).toBe("report-due:d1");
    expect(reportReminder(f, "2027-01-01")?.key).toBe("report-overdue:d1:1");
    expect(reportReminder(f, "2027-01-08")?.key).toBe("report-overdue:d1:2");
  });

  it(`the bound is ${MAX_OVERDUE_REMINDERS} occasions: over ${LAST_OVERDUE_REMINDER_DAY + 10} days, that many distinct keys`, () => {
    const keys = new Set<string>();
    for (let i = 1; i <= LAST_OVERDUE_REMINDER_DAY + 10; i++) {
      const o = reportReminder(facts(null), addDays("2026-07-31", i));
      if (o) keys.add(o.key);
    }
    expect([...keys]).toEqual(["report-overdue:d1:1", "report-overdue:d1:2", "report-overdue:d1:3"]);
  });
});

describe("annualReportReminder", () => {
  const base: AnnualReportFacts = {
    associationId: "s1",
    verified: true,
    approvedGrants: [{ decidedOn: "2026-05-10", amount: 5_000, paid: true }],
    annualReports: [],
  };

  it.each<[string, string, Partial<AnnualReportFacts>, string | null]>([
    ["31 December: not yet", "2026-12-31", {}, null],
    ["1 January: the year just ended", "2027-01-01", {}, "annual-report:s1:2026"],
    ["31 January: still", "2027-01-31", {}, "annual-report:s1:2026"],
    ["1 February: the window is over", "2027-02-01", {}, null],
    ["July: not the month", "2027-07-01", {}, null],
    ["not verified", "2027-01-10", { verified: false }, null],
    ["no grant at all", "2027-01-10", { approvedGrants: [] }, null],
    ["granted and paid the year before: nothing", "2027-01-10", { approvedGrants: [{ decidedOn: "2025-05-10", amount: 5_000, paid: true }] }, null],
    ["granted earlier but still to be paid", "2027-01-10", { approvedGrants: [{ decidedOn: "2025-05-10", amount: 5_000, paid: false }] }, "annual-report:s1:2026"],
    ["granted this January, still to be paid", "2027-01-10", { approvedGrants: [{ decidedOn: "2027-01-05", amount: 5_000, paid: false }] }, "annual-report:s1:2026"],
    ["an approval of nothing, earlier, unpaid: nothing to pay", "2027-01-10", { approvedGrants: [{ decidedOn: "2025-05-10", amount: 0, paid: false }] }, null],
    ["granted 31 December of the year just ended", "2027-01-10", { approvedGrants: [{ decidedOn: "2026-12-31", amount: 5_000, paid: true }] }, "annual-report:s1:2026"],
    ["report submitted: on file", "2027-01-10", { annualReports: [{ activityYear: 2026, status: "SUBMITTED" }] }, null],
    ["report accepted: on file", "2027-01-10", { annualReports: [{ activityYear: 2026, status: "ACCEPTED" }] }, null],
    ["report sent back: missing", "2027-01-10", { annualReports: [{ activityYear: 2026, status: "RETURNED" }] }, "annual-report:s1:2026"],
    ["another year's report: missing", "2027-01-10", { annualReports: [{ activityYear: 2025, status: "ACCEPTED" }] }, "annual-report:s1:2026"],
    [
      "one sent back and a new one submitted: on file",
      "2027-01-10",
      { annualReports: [{ activityYear: 2026, status: "RETURNED" }, { activityYear: 2026, status: "SUBMITTED" }] },
      null,
    ],
  ])("%s (%s)", (_, today, patch, key) => {
    expect(annualReportReminder({ ...base, ...patch }, today)?.key ?? null).toBe(key);
  });

  it.each([
    ["2027-01-01", 2026],
    ["2027-01-31", 2026],
    ["2027-02-01", null],
    ["2026-12-31", null],
  ])("on %s the reminder asks for %s", (today, year) => {
    expect(annualReportReminderYear(today)).toBe(year);
  });
});

describe("consultationReminders", () => {
  const base: ConsultationFacts = {
    consultationId: "c1",
    closesOn: "2026-10-15",
    closedEarly: null,
    memberIds: ["m1", "m2", "m3"],
    cases: [{ answeredMemberIds: ["m1"] }, { answeredMemberIds: ["m1", "m2"] }],
  };
  const keys = (facts: ConsultationFacts, today: string) => consultationReminders(facts, today).map((o) => o.key);

  it.each<[string, string, string[]]>([
    ["three days before: too early", "2026-10-12", []],
    ["two days before", "2026-10-13", ["consultation-closing:c1:m2", "consultation-closing:c1:m3"]],
    ["the closing date itself", "2026-10-15", ["consultation-closing:c1:m2", "consultation-closing:c1:m3"]],
    ["the day after: closed", "2026-10-16", []],
  ])("%s (%s)", (_, today, expected) => {
    expect(keys(base, today)).toEqual(expected);
  });

  it("counts the cases each member has left", () => {
    expect(consultationReminders(base, "2026-10-14").map((o) => [o.memberId, o.unanswered, o.daysLeft])).toEqual([
      ["m2", 1, 1],
      ["m3", 2, 1],
    ]);
  });

  it("a declared conflict is an answer (the caller passes it as one)", () => {
    expect(keys({ ...base, cases: [{ answeredMemberIds: ["m1", "m2", "m3"] }] }, "2026-10-14")).toEqual([]);
  });

  it("closed early: nobody is reminded", () => {
    expect(keys({ ...base, closedEarly: { reason: "Brådskande beslut" } }, "2026-10-14")).toEqual([]);
  });

  it("an early close without a reason is no early close", () => {
    expect(keys({ ...base, closedEarly: { reason: "  " } }, "2026-10-14")).toHaveLength(2);
  });

  it("answers from someone no longer on the committee do not count, and a new member is reminded", () => {
    expect(keys({ ...base, memberIds: ["m1", "m4"], cases: [{ answeredMemberIds: ["m1", "m2"] }] }, "2026-10-14")).toEqual([
      "consultation-closing:c1:m4",
    ]);
  });

  it("no committee: nobody to remind", () => {
    expect(keys({ ...base, memberIds: [] }, "2026-10-14")).toEqual([]);
  });
});

describe("dueReminders and upcomingReminders", () => {
  const facts = {
    reports: [{ decisionId: "d1", applicationId: "a1", associationId: "s1", dueOn: "2026-12-31", status: null }],
    associations: [{ associationId: "s1", verified: true, approvedGrants: [{ decidedOn: "2026-03-01", amount: 1_000, paid: false }], annualReports: [] }],
    consultations: [{ consultationId: "c1", closesOn: "2026-12-27", closedEarly: null, memberIds: ["m1"], cases: [{ answeredMemberIds: [] }] }],
  } satisfies Parameters<typeof dueReminders>[0];

  it("collects every kind due on a day", () => {
    expect(dueReminders(facts, "2026-12-25").map((o) => o.key)).toEqual(["report-due:d1", "consultation-closing:c1:m1"]);
    expect(dueReminders(facts, "2027-01-01").map((o) => o.key)).toEqual(["report-overdue:d1:1", "annual-report:s1:2026"]);
  });

  it("lists each coming occasion once, on its first day, without those already sent", () => {
    const upcoming = upcomingReminders(facts, "2026-12-24", 8, new Set(["report-due:d1"]));
    expect(upcoming.map((u) => [u.on, u.occasion.key])).toEqual([
      ["2026-12-25", "consultation-closing:c1:m1"],
      ["2027-01-01", "report-overdue:d1:1"],
      ["2027-01-01", "annual-report:s1:2026"],
    ]);
  });
});

describe("the ranges the loader looks at", () => {
  it("reaches back to the last overdue occasion and ahead to the first due-soon one", () => {
    expect(reportDueOnRange("2026-08-21", "2026-08-21")).toEqual({ from: "2026-07-31", to: "2026-08-28" });
    expect(reportReminder({ decisionId: "d", applicationId: "a", associationId: "s", dueOn: "2026-07-31", status: null }, "2026-08-21")).not.toBeNull();
    expect(reportReminder({ decisionId: "d", applicationId: "a", associationId: "s", dueOn: "2026-07-30", status: null }, "2026-08-21")).toBeNull();
    expect(reportReminder({ decisionId: "d", applicationId: "a", associationId: "s", dueOn: "2026-08-28", status: null }, "2026-08-21")).not.toBeNull();
    expect(reportReminder({ decisionId: "d", applicationId: "a", associationId: "s", dueOn: "2026-08-29", status: null }, "2026-08-21")).toBeNull();
  });

  it("closing dates from the first day to two days after the last", () => {
    expect(closesOnRange("2026-10-13", "2026-10-20")).toEqual({ from: "2026-10-13", to: "2026-10-22" });
  });
});
