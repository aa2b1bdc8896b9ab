// An application for a base or activity grant. The draft schema lets a
// half-filled form save; the submit schema requires everything and applies the
// cross-field rules from lib/domain/application-rules.ts, each reported on the
// field the volunteer has to change. Field names follow the Application model.
import { z } from "zod";
import {
  checkBudgetLines,
  checkObjectives,
  checkParticipants,
  checkPeriod,
  checkRequestedAmount,
  OBJECTIVE_MOTIVATION_MIN,
} from "@/lib/domain/application-rules";
import { isDateOnly } from "@/lib/domain/dates";
import { isWholeKronor } from "@/lib/domain/money";
import { count, dateOnly, id, idList, key, kronor, optionalText, orNull, requiredText, typeError } from "./common";

export { OBJECTIVE_MOTIVATION_MIN };
export const TITLE_MAX = 200;
export const PURPOSE_MAX = 2_000;
export const DESCRIPTION_MAX = 10_000;
export const OBJECTIVE_MOTIVATION_MAX = 2_000;
export const OBJECTIVES_MAX = 50;
export const PARTICIPANTS_MAX = 100_000;
export const LINE_LABEL_MAX = 200;
export const BUDGET_LINES_MAX = 50;
export const OTHER_FUNDING_MAX = 20;

export const GRANT_KINDS = ["BASE", "ACTIVITY"] as const;
export const GrantKindSchema = z.enum(GRANT_KINDS, typeError("validation.grantKind.invalid"));

const lineLabel = () => requiredText(LINE_LABEL_MAX, "validation.application.lineLabel.tooLong");

export const AmountLineSchema = z.object({ label: lineLabel(), amount: kronor() });
/** A line being typed: label may still be empty, amount may still be missing. */
export const DraftAmountLineSchema = z.object({
  label: optionalText(LINE_LABEL_MAX, "validation.application.lineLabel.tooLong").default(""),
  amount: orNull(kronor()).transform((v) => v ?? null),
});

function lines<T extends z.ZodType>(line: T, max: number) {
  return z.array(line, typeError("validation.invalid")).max(max, key("validation.application.lines.tooMany"));
}

const requestedAmount = () => kronor(1, "validation.application.requestedAmount.notPositive");

export const ApplicationSubmitSchema = z
  .object({
    programYearId: id(),
    grantKind: GrantKindSchema,
    partnerTownId: id(),
    title: requiredText(TITLE_MAX, "validation.application.title.tooLong"),
    purpose: requiredText(PURPOSE_MAX, "validation.application.purpose.tooLong"),
    description: requiredText(DESCRIPTION_MAX, "validation.application.description.tooLong"),
    objectiveIds: idList({
      min: 0,
      max: OBJECTIVES_MAX,
      tooFew: "validation.application.objectivesRequired",
      tooMany: "validation.application.objectiveIds.tooMany",
    }).default([]),
    objectiveMotivation: orNull(optionalText(OBJECTIVE_MOTIVATION_MAX, "validation.application.objectiveMotivation.tooLong")).transform(
      (v) => v ?? "",
    ),
    startDate: dateOnly(),
    endDate: dateOnly(),
    participantsTotal: count(PARTICIPANTS_MAX),
    participantsUnder26: count(PARTICIPANTS_MAX),
    budgetLines: lines(AmountLineSchema, BUDGET_LINES_MAX).default([]),
    otherFunding: lines(AmountLineSchema, OTHER_FUNDING_MAX).default([]),
    requestedAmount: requestedAmount(),
  })
  .superRefine(
    (v, ctx) => {
      // Runs even when some fields failed so the form shows every error at
      // once; each rule runs only when the fields it reads parsed cleanly.
      const kind: unknown = v.grantKind;
      const isKind = kind === "BASE" || kind === "ACTIVITY";

      if (Array.isArray(v.objectiveIds) && typeof v.objectiveMotivation === "string") {
        if (!checkObjectives(v.objectiveIds, v.objectiveMotivation).ok) {
          ctx.addIssue({ code: "custom", message: key("validation.application.objectivesRequired"), path: ["objectiveIds"] });
        }
      }

      if (isDateOnly(v.startDate) && isDateOnly(v.endDate) && !checkPeriod(v.startDate, v.endDate).ok) {
        ctx.addIssue({ code: "custom", message: key("validation.application.endBeforeStart"), path: ["endDate"] });
      }

      if (
        isWholeKronor(v.participantsTotal) &&
        isWholeKronor(v.participantsUnder26) &&
        !checkParticipants(v.participantsTotal, v.participantsUnder26).ok
      ) {
        ctx.addIssue({ code: "custom", message: key("validation.application.under26ExceedsTotal"), path: ["participantsUnder26"] });
      }

      if (!isKind || !Array.isArray(v.budgetLines)) return;
      if (!checkBudgetLines(kind, v.budgetLines).ok) {
        ctx.addIssue({ code: "custom", message: key("validation.application.budgetLinesRequired"), path: ["budgetLines"] });
        return;
      }

      const amountsParsed = (xs: unknown) => Array.isArray(xs) && xs.every((l: { amount?: unknown }) => isWholeKronor(l?.amount));
      if (isWholeKronor(v.requestedAmount) && amountsParsed(v.budgetLines) && amountsParsed(v.otherFunding)) {
        const check = checkRequestedAmount({
          grantKind: kind,
          requestedAmount: v.requestedAmount,
          budgetLines: v.budgetLines,
          otherFunding: v.otherFunding,
        });
        if (!check.ok) {
          ctx.addIssue({
            code: "custom",
            message: key("validation.application.requestedExceedsNetCosts"),
            path: ["requestedAmount"],
            params: { netCosts: check.netCosts },
          });
        }
      }
    },
    { when: () => true },
  );

export type ApplicationSubmit = z.infer<typeof ApplicationSubmitSchema>;
export type ApplicationSubmitInput = z.input<typeof ApplicationSubmitSchema>;

/**
 * Every field optional; empty ids, dates and numbers become null and empty
 * texts stay "" (the columns' default). Only each field's own shape is checked —
 * the rules between fields wait for submit, so nothing blocks saving.
 * programYearId and grantKind may be omitted on update but never cleared:
 * their columns are not nullable.
 */
export const ApplicationDraftSchema = z.object({
  programYearId: id().optional(),
  grantKind: GrantKindSchema.optional(),
  partnerTownId: orNull(id()),
  title: orText(TITLE_MAX, "validation.application.title.tooLong"),
  purpose: orText(PURPOSE_MAX, "validation.application.purpose.tooLong"),
  description: orText(DESCRIPTION_MAX, "validation.application.description.tooLong"),
  objectiveIds: idList({
    min: 0,
    max: OBJECTIVES_MAX,
    tooFew: "validation.application.objectivesRequired",
    tooMany: "validation.application.objectiveIds.tooMany",
  }).nullish(),
  objectiveMotivation: orText(OBJECTIVE_MOTIVATION_MAX, "validation.application.objectiveMotivation.tooLong"),
  startDate: orNull(dateOnly()),
  endDate: orNull(dateOnly()),
  participantsTotal: orNull(count(PARTICIPANTS_MAX)),
  participantsUnder26: orNull(count(PARTICIPANTS_MAX)),
  budgetLines: lines(DraftAmountLineSchema, BUDGET_LINES_MAX).nullish(),
  otherFunding: lines(DraftAmountLineSchema, OTHER_FUNDING_MAX).nullish(),
  requestedAmount: orNull(requestedAmount()),
});

function orText(max: number, tooLong: Parameters<typeof optionalText>[1]) {
  // null clears the text; the column stores "" for "not written yet".
  return optionalText(max, tooLong)
    .nullable()
    .optional()
    .transform((v) => (v === null ? "" : v));
}

export type ApplicationDraft = z.infer<typeof ApplicationDraftSchema>;
export type ApplicationDraftInput = z.input<typeof ApplicationDraftSchema>;

/** Starting a draft: which association applies, in which program year, for which kind of grant. */
export const ApplicationCreateSchema = z.object({
  associationId: id(),
  programYearId: id(),
  grantKind: GrantKindSchema,
});
export type ApplicationCreate = z.infer<typeof ApplicationCreateSchema>;
