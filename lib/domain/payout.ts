// Payout (utbetalning) of a granted amount and the follow-up that comes after
// it. Piteå rule 6: "för alla bidrag gäller att utbetalning förutsätter att
// föreningens verksamhetsberättelse för senast avslutade verksamhetsår är
// inlämnad" — here: accepted by the coordinator.
import { compareDateOnly, daysInMonth, isDateOnly } from "./dates";
import { assertWholeKronor } from "./money";

// Rule 5: the follow-up report is due `months` after the activity's last day,
// clamped to the month's end (2027-01-31 + 1 → 2027-02-28).
export { reportDueDate } from "./dates";

export type DecisionOutcome = "APPROVED" | "REJECTED";

const MONTH_DAY = /^(\d{2})-(\d{2})$/;

/**
 * The association's most recently completed activity year on `today`, named
 * by the year in which it ended. A year ending on its end day is completed
 * the day after: calendar-year associations on 2026-12-31 → 2025, on
 * 2027-01-01 → 2026. A broken year ending "06-30": on 2026-11-25 → 2026 (the
 * year 2025-07-01 – 2026-06-30). An end day of "02-29" is 02-28 in other years.
 */
export function mostRecentlyCompletedActivityYear(today: string, activityYearEndMonthDay: string = "12-31"): number {
  if (!isDateOnly(today)) throw new RangeError(`mostRecentlyCompletedActivityYear: not a date (YYYY-MM-DD): ${JSON.stringify(today)}`);
  const m = MONTH_DAY.exec(activityYearEndMonthDay);
  const month = m ? Number(m[1]) : 0;
  const day = m ? Number(m[2]) : 0;
  // 2000 is a leap year: "02-29" is a valid end day.
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(2000, month)) {
    throw new RangeError(`mostRecentlyCompletedActivityYear: not a month and day (MM-DD): ${JSON.stringify(activityYearEndMonthDay)}`);
  }
  const year = Number(today.slice(0, 4));
  const endThisYear = `${today.slice(0, 4)}-${String(month).padStart(2, "0")}-${String(Math.min(day, daysInMonth(year, month))).padStart(2, "0")}`;
  return compareDateOnly(endThisYear, today) < 0 ? year : year - 1;
}

export type PayoutCheck =
  | { ok: true }
  | { ok: false; reason: "NOT_APPROVED" | "NOTHING_TO_PAY" | "ALREADY_PAID" }
  | { ok: false; reason: "ANNUAL_REPORT_MISSING"; year: number };

/**
 * Whether the coordinator may pay out a decision now. `annualReportYear` is
 * the year whose annual report is required (mostRecentlyCompletedActivityYear
 * on the payout day); only that year's accepted report counts — a submitted or
 * returned one, or another year's, does not.
 */
export function checkPayout(input: {
  /** The current decision's outcome; null: not decided. */
  decisionOutcome: DecisionOutcome | null;
  /** The approved amount, whole kronor. */
  amount: number;
  alreadyPaid: boolean;
  annualReportYear: number;
  /** Activity years of the association's ACCEPTED annual reports. */
  acceptedAnnualReportYears: readonly number[];
}): PayoutCheck {
  assertWholeKronor(input.amount, "amount");
  if (!Number.isSafeInteger(input.annualReportYear)) throw new TypeError(`annualReportYear must be an integer, got ${input.annualReportYear}`);
  for (const [i, year] of input.acceptedAnnualReportYears.entries()) {
    if (!Number.isSafeInteger(year)) throw new TypeError(`acceptedAnnualReportYears[${i}] must be an integer, got ${year}`);
  }

  if (input.decisionOutcome !== "APPROVED") return { ok: false, reason: "NOT_APPROVED" };
  if (input.amount === 0) return { ok: false, reason: "NOTHING_TO_PAY" };
  if (input.alreadyPaid) return { ok: false, reason: "ALREADY_PAID" };
  if (!input.acceptedAnnualReportYears.includes(input.annualReportYear)) {
    return { ok: false, reason: "ANNUAL_REPORT_MISSING", year: input.annualReportYear };
  }
  return { ok: true };
}
