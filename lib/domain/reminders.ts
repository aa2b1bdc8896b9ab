// Reminders (påminnelser): which reminder occasions are due on a day. Pure:
// the caller loads the facts and passes `today` ("YYYY-MM-DD", Swedish time).
//
// Every occasion has a key that names it once and for all (the Reminder row's
// unique `occasion`), so however often the hourly job runs, and however many
// workers run it at once, each occasion goes out at most once.
//
// Windows, all days inclusive:
// - REPORT_DUE_SOON: from REPORT_DUE_SOON_DAYS before the report's due date up
//   to the due date, while the next step is the association's (no report, a
//   draft, or one sent back). One occasion per decision.
// - REPORT_OVERDUE: from the day after the due date, one occasion a week
//   (days 1–7 after the due date are occasion 1, days 8–14 occasion 2, …), at
//   most MAX_OVERDUE_REMINDERS, while the report is overdue (reportObligation).
//   An occasion is due only within its own week: a job that did not run for a
//   while sends the latest occasion reached, never a burst of old ones, and
//   nothing after the last week.
// - ANNUAL_REPORT_MISSING: in January (ANNUAL_REPORT_REMINDER_MONTH), once per
//   association and year just ended, for a verified association with a grant
//   approved in that year or still to be paid, whose annual report for that
//   year is not on file (submitted or accepted; one sent back does not count).
// - CONSULTATION_CLOSING: from CONSULTATION_CLOSING_DAYS before the closing
//   date up to the closing date, to each committee member who has not
//   answered every case still open (a declared conflict is an answer), unless
//   the consultation was closed early.
import { consultationState, type EarlyClose } from "./consultation";
import { isDateOnly } from "./dates";
import { daysUntil, isAssociationsTurn, reportObligation, type FollowUpStatus } from "./follow-up";

export const REPORT_DUE_SOON_DAYS = 7;
export const OVERDUE_REMINDER_INTERVAL_DAYS = 7;
export const MAX_OVERDUE_REMINDERS = 3;
/** January. */
export const ANNUAL_REPORT_REMINDER_MONTH = 1;
export const CONSULTATION_CLOSING_DAYS = 2;
/** The last day after a report's due date that can still bring a reminder. */
export const LAST_OVERDUE_REMINDER_DAY = OVERDUE_REMINDER_INTERVAL_DAYS * MAX_OVERDUE_REMINDERS;

export const REMINDER_KINDS = ["REPORT_DUE_SOON", "REPORT_OVERDUE", "ANNUAL_REPORT_MISSING", "CONSULTATION_CLOSING"] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export type AnnualReportStatus = "SUBMITTED" | "ACCEPTED" | "RETURNED";

/** A follow-up report obligation: the application's current approved decision and its report's status. */
export type ReportFacts = {
  decisionId: string;
  applicationId: string;
  associationId: string;
  /** The decision's reportDueOn. */
  dueOn: string;
  /** The follow-up report's status; null: not started. */
  status: FollowUpStatus | null;
};

export type AnnualReportFacts = {
  associationId: string;
  verified: boolean;
  /** The association's applications whose current decision is an approval. */
  approvedGrants: readonly { decidedOn: string; amount: number; paid: boolean }[];
  /** Its annual reports, any year and status. */
  annualReports: readonly { activityYear: number; status: AnnualReportStatus }[];
};

export type ConsultationFacts = {
  consultationId: string;
  closesOn: string;
  closedEarly: EarlyClose | null;
  /** The committee as it is now (the members the consultation waits for). */
  memberIds: readonly string[];
  /** Each case: the members with a recommendation of any kind, a declared conflict included. */
  cases: readonly { answeredMemberIds: readonly string[] }[];
};

export type ConsultationOccasion = {
  kind: "CONSULTATION_CLOSING";
  key: string;
  consultationId: string;
  memberId: string;
  closesOn: string;
  daysLeft: number;
  /** The cases still open that the member has not answered. */
  unanswered: number;
};

export type Occasion =
  | { kind: "REPORT_DUE_SOON"; key: string; decisionId: string; applicationId: string; associationId: string; dueOn: string; daysLeft: number }
  | { kind: "REPORT_OVERDUE"; key: string; decisionId: string; applicationId: string; associationId: string; dueOn: string; round: number; daysLate: number }
  | { kind: "ANNUAL_REPORT_MISSING"; key: string; associationId: string; year: number }
  | ConsultationOccasion;

/** `days` calendar days after (or, if negative, before) `day`. */
export function addDays(day: string, days: number): string {
  if (!isDateOnly(day)) throw new RangeError(`addDays: not a date (YYYY-MM-DD): ${JSON.stringify(day)}`);
  if (!Number.isSafeInteger(days)) throw new RangeError(`addDays: days must be an integer, got ${days}`);
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The overdue occasion (1, 2, …) whose week `daysLate` (≥ 1) falls in, unbounded. */
export function overdueRound(daysLate: number): number {
  return Math.floor((daysLate - 1) / OVERDUE_REMINDER_INTERVAL_DAYS) + 1;
}

/** The report reminder due on `today` for one obligation, if any. */
export function reportReminder(facts: ReportFacts, today: string): Occasion | null {
  const { decisionId, applicationId, associationId, dueOn, status } = facts;
  if (!isAssociationsTurn(status)) return null;
  const daysLeft = daysUntil(dueOn, today);
  if (daysLeft >= 0 && daysLeft <= REPORT_DUE_SOON_DAYS) {
    return { kind: "REPORT_DUE_SOON", key: `report-due:${decisionId}`, decisionId, applicationId, associationId, dueOn, daysLeft };
  }
  if (reportObligation({ dueOn, status, today }) !== "OVERDUE") return null;
  const daysLate = -daysLeft;
  const round = overdueRound(daysLate);
  if (round > MAX_OVERDUE_REMINDERS) return null;
  return { kind: "REPORT_OVERDUE", key: `report-overdue:${decisionId}:${round}`, decisionId, applicationId, associationId, dueOn, round, daysLate };
}

/** The activity year whose annual report is asked for on `today`: the year just ended, in the reminder month only. */
export function annualReportReminderYear(today: string): number | null {
  if (!isDateOnly(today)) throw new RangeError(`annualReportReminderYear: not a date (YYYY-MM-DD): ${JSON.stringify(today)}`);
  return Number(today.slice(5, 7)) === ANNUAL_REPORT_REMINDER_MONTH ? Number(today.slice(0, 4)) - 1 : null;
}

/** The annual report reminder due on `today` for one association, if any. */
export function annualReportReminder(facts: AnnualReportFacts, today: string): Occasion | null {
  const year = annualReportReminderYear(today);
  if (year === null || !facts.verified) return null;
  const needsReport = facts.approvedGrants.some((g) => Number(g.decidedOn.slice(0, 4)) === year || (!g.paid && g.amount > 0));
  if (!needsReport) return null;
  const onFile = facts.annualReports.some((r) => r.activityYear === year && (r.status === "SUBMITTED" || r.status === "ACCEPTED"));
  if (onFile) return null;
  return { kind: "ANNUAL_REPORT_MISSING", key: `annual-report:${facts.associationId}:${year}`, associationId: facts.associationId, year };
}

/** The committee reminders due on `today` for one consultation: one per member still to answer. */
export function consultationReminders(facts: ConsultationFacts, today: string): ConsultationOccasion[] {
  const daysLeft = daysUntil(facts.closesOn, today);
  if (daysLeft < 0 || daysLeft > CONSULTATION_CLOSING_DAYS) return [];
  const unanswered = new Map<string, number>();
  for (const c of facts.cases) {
    const state = consultationState({
      memberIds: facts.memberIds,
      answeredMemberIds: c.answeredMemberIds,
      closesOn: facts.closesOn,
      today,
      closedEarly: facts.closedEarly,
    });
    // Closed early, or closed because everyone answered: nobody to remind about this case.
    if (state.closed) continue;
    for (const memberId of state.waitingFor) unanswered.set(memberId, (unanswered.get(memberId) ?? 0) + 1);
  }
  return [...new Set(facts.memberIds)]
    .filter((memberId) => unanswered.has(memberId))
    .map((memberId) => ({
      kind: "CONSULTATION_CLOSING" as const,
      key: `consultation-closing:${facts.consultationId}:${memberId}`,
      consultationId: facts.consultationId,
      memberId,
      closesOn: facts.closesOn,
      daysLeft,
      unanswered: unanswered.get(memberId)!,
    }));
}

export type ReminderFacts = {
  reports: readonly ReportFacts[];
  associations: readonly AnnualReportFacts[];
  consultations: readonly ConsultationFacts[];
};

/** Every occasion due on `today`. */
export function dueReminders(facts: ReminderFacts, today: string): Occasion[] {
  return [
    ...facts.reports.map((r) => reportReminder(r, today)),
    ...facts.associations.map((a) => annualReportReminder(a, today)),
    ...facts.consultations.flatMap((c) => consultationReminders(c, today)),
  ].filter((o): o is Occasion => o !== null);
}

/**
 * What would go out on each day from `today` through `days` days later if
 * nothing changes meanwhile, each occasion on the first day it is due, minus
 * those already sent (their keys in `sent`).
 */
export function upcomingReminders(facts: ReminderFacts, today: string, days: number, sent: ReadonlySet<string>): { on: string; occasion: Occasion }[] {
  const seen = new Set(sent);
  const result: { on: string; occasion: Occasion }[] = [];
  for (let i = 0; i <= days; i++) {
    const on = addDays(today, i);
    for (const occasion of dueReminders(facts, on)) {
      if (seen.has(occasion.key)) continue;
      seen.add(occasion.key);
      result.push({ on, occasion });
    }
  }
  return result;
}

/**
 * The range of report due dates that can bring a reminder on some day from
 * `from` through `to`: what the loader needs to look at.
 */
export function reportDueOnRange(from: string, to: string): { from: string; to: string } {
  return { from: addDays(from, -LAST_OVERDUE_REMINDER_DAY), to: addDays(to, REPORT_DUE_SOON_DAYS) };
}

/** The range of closing dates that can bring a committee reminder on some day from `from` through `to`. */
export function closesOnRange(from: string, to: string): { from: string; to: string } {
  return { from, to: addDays(to, CONSULTATION_CLOSING_DAYS) };
}
