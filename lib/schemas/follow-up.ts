// The follow-up report (återrapport) on a granted activity. The draft schema
// lets a half-written report save; the submit schema requires everything and
// applies the rules between fields, each reported on the field to change. It
// is built for one application: one outcome per objective the application
// named (in the order the form shows them), and "today" for "has the activity
// ended". Shared by the form, the server actions, the API and the services.
import { z } from "zod";
import { checkParticipants } from "@/lib/domain/application-rules";
import { isDateOnly } from "@/lib/domain/dates";
import { checkReportPeriod } from "@/lib/domain/follow-up";
import { isWholeKronor } from "@/lib/domain/money";
import type { FollowUpMessageKey } from "@/lib/i18n/messages/follow-up";
import type { ValidationMessageKey } from "@/lib/i18n/validation-messages";
import { AmountLineSchema, DraftAmountLineSchema, PARTICIPANTS_MAX } from "./application";
import { count, dateOnly, id, key, optionalText, orNull, requiredText, typeError, wholeNumber } from "./common";

export { PARTICIPANTS_MAX };
export const SUMMARY_MAX = 10_000;
export const OUTCOME_MAX = 3_000;
export const OUTCOMES_MAX = 50;
export const COST_LINES_MAX = 50;
export const OTHER_FUNDING_MAX = 20;
export const COMMENT_MAX = 5_000;
/** Attachments on one report (PDF, each at most lib/files/storage MAX_UPLOAD_BYTES). */
export const FOLLOW_UP_FILES_MAX = 10;

/**
 * The follow-up area's own message keys (lib/i18n/messages/follow-up.ts),
 * widened once, after the compiler has checked them, for the helpers in
 * ./common that type their keys against the shared validation dictionary.
 */
const fk = (k: FollowUpMessageKey): ValidationMessageKey => k as string as ValidationMessageKey;

function lines<T extends z.ZodType>(line: T, max: number) {
  return z.array(line, typeError("validation.invalid")).max(max, key("validation.application.lines.tooMany"));
}

/** null clears a text; the column stores "" for "not written yet". */
function orText(max: number, tooLong: ValidationMessageKey) {
  return optionalText(max, tooLong)
    .nullable()
    .optional()
    .transform((v) => (v === null ? "" : v));
}

const summaryTooLong = fk("validation.followUp.summary.tooLong");
const outcomeTooLong = fk("validation.followUp.outcome.tooLong");

export const DraftOutcomeSchema = z.object({
  objectiveId: id(),
  text: orNull(optionalText(OUTCOME_MAX, outcomeTooLong)).transform((v) => v ?? ""),
});

/**
 * Every field optional (absent stays as it is); empty dates and numbers become
 * null. Only each field's own shape is checked, so nothing blocks saving.
 */
export const FollowUpDraftSchema = z.object({
  summary: orText(SUMMARY_MAX, summaryTooLong),
  startDate: orNull(dateOnly()),
  endDate: orNull(dateOnly()),
  participantsTotal: orNull(count(PARTICIPANTS_MAX)),
  participantsUnder26: orNull(count(PARTICIPANTS_MAX)),
  outcomes: z.array(DraftOutcomeSchema, typeError("validation.invalid")).max(OUTCOMES_MAX, fk("validation.followUp.outcomes.tooMany")).nullish(),
  costLines: lines(DraftAmountLineSchema, COST_LINES_MAX).nullish(),
  otherFunding: lines(DraftAmountLineSchema, OTHER_FUNDING_MAX).nullish(),
});
export type FollowUpDraft = z.infer<typeof FollowUpDraftSchema>;
export type FollowUpDraftInput = z.input<typeof FollowUpDraftSchema>;

const SubmitObject = z.object({
  summary: requiredText(SUMMARY_MAX, summaryTooLong),
  startDate: dateOnly(),
  endDate: dateOnly(),
  participantsTotal: count(PARTICIPANTS_MAX),
  participantsUnder26: count(PARTICIPANTS_MAX),
  outcomes: z
    .array(z.object({ objectiveId: id(), text: requiredText(OUTCOME_MAX, outcomeTooLong) }), typeError("validation.invalid"))
    .max(OUTCOMES_MAX, fk("validation.followUp.outcomes.tooMany"))
    .default([]),
  costLines: lines(AmountLineSchema, COST_LINES_MAX).default([]),
  otherFunding: lines(AmountLineSchema, OTHER_FUNDING_MAX).default([]),
});
export type FollowUpSubmit = z.infer<typeof SubmitObject>;
export type FollowUpSubmitInput = z.input<typeof SubmitObject>;

/**
 * The complete report for an application that named `objectiveIds`, submitted
 * on `today` ("YYYY-MM-DD"). Outcome i answers objective i.
 */
export function followUpSubmitSchema(context: { objectiveIds: readonly string[]; today: string }) {
  const wanted = context.objectiveIds.map((o) => o.toLowerCase());
  return SubmitObject.superRefine(
    (v, ctx) => {
      // Runs even when some fields failed, so the form shows every error at
      // once; each rule reads only values that parsed.
      if (isDateOnly(v.startDate) && isDateOnly(v.endDate)) {
        const period = checkReportPeriod({ startDate: v.startDate, endDate: v.endDate, today: context.today });
        if (!period.ok) {
          const message = period.reason === "END_BEFORE_START" ? key("validation.application.endBeforeStart") : fk("validation.followUp.notEnded");
          ctx.addIssue({ code: "custom", message, path: ["endDate"] });
        }
      }
      if (isWholeKronor(v.participantsTotal) && isWholeKronor(v.participantsUnder26) && !checkParticipants(v.participantsTotal, v.participantsUnder26).ok) {
        ctx.addIssue({ code: "custom", message: key("validation.application.under26ExceedsTotal"), path: ["participantsUnder26"] });
      }
      if (Array.isArray(v.costLines) && v.costLines.length === 0) {
        ctx.addIssue({ code: "custom", message: fk("validation.followUp.costLinesRequired"), path: ["costLines"] });
      }
      if (!Array.isArray(v.outcomes)) return;
      const outcomes = v.outcomes as { objectiveId?: unknown; text?: unknown }[];
      outcomes.forEach((o, i) => {
        if (typeof o?.objectiveId === "string" && o.objectiveId.toLowerCase() !== wanted[i]) {
          ctx.addIssue({ code: "custom", message: fk("validation.followUp.outcomeUnknown"), path: ["outcomes", i, "objectiveId"] });
        }
      });
      // An objective without an outcome at its place: the text to write is missing.
      for (let i = outcomes.length; i < wanted.length; i++) {
        ctx.addIssue({ code: "custom", message: key("validation.required"), path: ["outcomes", i, "text"] });
      }
    },
    { when: () => true },
  );
}

/** Sending a report back: what the association has to complete. */
export const FollowUpReturnSchema = z.object({
  comment: requiredText(COMMENT_MAX, fk("validation.followUp.comment.tooLong")),
});
export type FollowUpReturn = z.infer<typeof FollowUpReturnSchema>;

/** Where an obligation stands (lib/domain/follow-up.ts reportObligation); ALL: every one. */
export const FOLLOW_UP_LIST_STATUSES = ["AWAITING_REVIEW", "OVERDUE", "OPEN", "DONE", "ALL"] as const;
export type FollowUpListStatus = (typeof FOLLOW_UP_LIST_STATUSES)[number];

const INVALID = key("validation.invalid");
const PROGRAM_YEAR_MIN = 2000;
const PROGRAM_YEAR_MAX = 2100;

/** The coordinator's list of reports: filters and a keyset cursor (an application id). */
export const FollowUpListQuerySchema = z.object({
  status: z.enum(FOLLOW_UP_LIST_STATUSES, typeError("validation.invalid")).default("AWAITING_REVIEW"),
  year: orNull(wholeNumber(PROGRAM_YEAR_MIN, PROGRAM_YEAR_MAX, { invalid: INVALID, notInteger: INVALID, tooSmall: INVALID, tooLarge: INVALID })).transform((v) => v ?? null),
  associationId: orNull(id()).transform((v) => v ?? null),
  after: orNull(id()).transform((v) => v ?? null),
});
export type FollowUpListQuery = z.infer<typeof FollowUpListQuerySchema>;
