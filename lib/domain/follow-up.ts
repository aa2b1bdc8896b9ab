// The follow-up report obligation (Piteå: a report at the latest one month
// after a granted activity ends). Pure: the caller passes today.
//
// "Overdue" means past the due date with the next step the association's: no
// report, a draft, or one sent back for completion. A report submitted and
// waiting for the coordinator is not overdue, even past its due date: the
// association has done what it can (docs/decisions/0008-follow-up-reports.md).

export type FollowUpStatus = "DRAFT" | "SUBMITTED" | "RETURNED" | "ACCEPTED";

export type Obligation =
  /** Accepted by the coordinator. */
  | "DONE"
  /** Submitted; the coordinator's turn. */
  | "AWAITING_REVIEW"
  /** The association's turn, due date not passed. */
  | "OPEN"
  /** The association's turn, due date passed. */
  | "OVERDUE";

export function reportObligation(input: { dueOn: string; status: FollowUpStatus | null; today: string }): Obligation {
  if (input.status === "ACCEPTED") return "DONE";
  if (input.status === "SUBMITTED") return "AWAITING_REVIEW";
  return input.today > input.dueOn ? "OVERDUE" : "OPEN";
}

/** Whether a status leaves the next step with the association (it may edit and submit). */
export function isAssociationsTurn(status: FollowUpStatus | null): boolean {
  return status === null || status === "DRAFT" || status === "RETURNED";
}

/** Whole days from `today` to `dueOn` (negative once passed); both "YYYY-MM-DD". */
export function daysUntil(dueOn: string, today: string): number {
  return Math.round((Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

export type ReportPeriodCheck = { ok: true } | { ok: false; reason: "END_BEFORE_START" | "NOT_ENDED" };

/**
 * The activity's actual dates as the report gives them: it ends on or after it
 * starts, and it has ended (a report is submitted from the activity's last day
 * on, so an activity that ended early can be reported at once).
 */
export function checkReportPeriod(input: { startDate: string; endDate: string; today: string }): ReportPeriodCheck {
  if (input.endDate < input.startDate) return { ok: false, reason: "END_BEFORE_START" };
  if (input.endDate > input.today) return { ok: false, reason: "NOT_ENDED" };
  return { ok: true };
}

/** Only overdue reports block, and only where the program year says so. */
export function blocksNewApplications(input: { blockOnOverdueReport: boolean; overdueCount: number }): boolean {
  return input.blockOnOverdueReport && input.overdueCount > 0;
}
