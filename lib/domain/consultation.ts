// Consultation (samråd) with the international committee before the
// coordinator decides (Piteå rule 7). Members recommend; they never decide.
import { compareDateOnly } from "./dates";

export type ConsultationClosedReason = "ALL_ANSWERED" | "CLOSING_DATE_PASSED" | "CLOSED_EARLY";

export type ConsultationState = {
  closed: boolean;
  reason: ConsultationClosedReason | null;
  /** Members who have not answered, in memberIds order; still listed once closed, so the record shows who never answered. */
  waitingFor: string[];
};

export type EarlyClose = { reason: string };

/** The coordinator may close a consultation before its closing day only with a reason on record. */
export function checkEarlyClose(reason: string): { ok: true } | { ok: false; reason: "EARLY_CLOSE_REASON_REQUIRED" } {
  return reason.trim().length > 0 ? { ok: true } : { ok: false, reason: "EARLY_CLOSE_REASON_REQUIRED" };
}

/**
 * Whether a consultation is closed on `today` ("YYYY-MM-DD", Swedish time).
 *
 * - ALL_ANSWERED: every member has answered. A declared conflict is an answer
 *   (a CONFLICT recommendation), so pass every member with a recommendation of
 *   any kind in answeredMemberIds. Answers from non-members are ignored. A
 *   consultation without members is never closed this way: nobody was heard,
 *   so it waits for its closing day or an early close.
 * - CLOSED_EARLY: the coordinator closed it with a reason. An early close whose
 *   reason is empty or whitespace is not a valid early close and is ignored
 *   (the consultation stays open), rather than throwing on every page that
 *   shows it; the close action rejects such a reason with checkEarlyClose.
 * - CLOSING_DATE_PASSED: today is after closesOn; the closing day itself is
 *   still open.
 *
 * When several hold, the reason is the first of that list: everyone having
 * answered says most about how the committee was heard.
 */
export function consultationState(input: {
  memberIds: readonly string[];
  answeredMemberIds: readonly string[];
  closesOn: string;
  today: string;
  closedEarly: EarlyClose | null;
}): ConsultationState {
  const datePassed = compareDateOnly(input.today, input.closesOn) > 0;
  const answered = new Set(input.answeredMemberIds);
  const members = [...new Set(input.memberIds)];
  const waitingFor = members.filter((id) => !answered.has(id));

  let reason: ConsultationClosedReason | null = null;
  if (members.length > 0 && waitingFor.length === 0) reason = "ALL_ANSWERED";
  else if (input.closedEarly !== null && checkEarlyClose(input.closedEarly.reason).ok) reason = "CLOSED_EARLY";
  else if (datePassed) reason = "CLOSING_DATE_PASSED";

  return { closed: reason !== null, reason, waitingFor };
}

/** A member who declared a conflict of interest in a case no longer sees its recommendations. */
export function canSeeRecommendations(input: { memberHasConflict: boolean }): boolean {
  return !input.memberHasConflict;
}

/** Only a member without a conflict records a recommendation, and nobody after closing. */
export function canRecommend(input: { memberHasConflict: boolean; closed: boolean }): boolean {
  return !input.memberHasConflict && !input.closed;
}
