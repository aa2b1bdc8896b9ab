// Building blocks shared by the schemas. Every issue message is a key from
// lib/i18n/validation-messages.ts; the client translates it.
import { z } from "zod";
import { isDateOnly } from "@/lib/domain/dates";
import type { ValidationMessageKey } from "@/lib/i18n/validation-messages";

/** Typed identity: a misspelt key is a compile error, not a raw key on screen. */
export const key = (k: ValidationMessageKey): ValidationMessageKey => k;

/** Largest amount a form accepts (whole kronor); far above any grant, far below float trouble. */
export const AMOUNT_MAX = 100_000_000;

const REQUIRED = key("validation.required");

/** zod error callback: missing → "required", anything else of the wrong type → `otherwise`. */
export function typeError(otherwise: ValidationMessageKey) {
  return { error: (issue: { input?: unknown }) => (issue.input === undefined || issue.input === null ? REQUIRED : otherwise) };
}

/** Trimmed text, at least one character. */
export function requiredText(max: number, tooLong: ValidationMessageKey) {
  return z.string(typeError("validation.invalid")).trim().min(1, REQUIRED).max(max, tooLong);
}

/** Trimmed text that may be empty. */
export function optionalText(max: number, tooLong: ValidationMessageKey) {
  return z.string(typeError("validation.invalid")).trim().max(max, tooLong);
}

/** Any 8-4-4-4-12 hex id (what a PostgreSQL uuid column holds), lower-cased. */
export function id() {
  return z.guid(typeError("validation.id.invalid")).transform((v) => v.toLowerCase());
}

/** Distinct ids, at least `min`, at most `max`. */
export function idList(opts: { min: number; max: number; tooFew: ValidationMessageKey; tooMany: ValidationMessageKey }) {
  return z
    .array(id(), typeError("validation.invalid"))
    .min(opts.min, opts.tooFew)
    .max(opts.max, opts.tooMany)
    .transform((ids) => [...new Set(ids)]);
}

/** "YYYY-MM-DD", a real calendar day (what <input type="date"> sends). */
export function dateOnly() {
  return z
    .string(typeError("validation.date.format"))
    .trim()
    .superRefine((v, ctx) => {
      if (v === "") ctx.addIssue({ code: "custom", message: REQUIRED, input: v });
      else if (!isDateOnly(v)) ctx.addIssue({ code: "custom", message: key("validation.date.format"), input: v });
    });
}

type WholeNumberKeys = {
  invalid: ValidationMessageKey;
  notInteger: ValidationMessageKey;
  tooSmall: ValidationMessageKey;
  tooLarge: ValidationMessageKey;
};

// "1 500" with an ordinary, a no-break or a narrow no-break space (what sv-SE
// number formatting produces) all mean 1500; JavaScript's \s covers all three.
const SPACES = /\s+/g;

/**
 * A whole number from a number or a form string. Strings lose their spaces;
 * decimals ("1500.50", "1500,50") are refused, not rounded — öre are not paid.
 */
export function wholeNumber(min: number, max: number, keys: WholeNumberKeys) {
  return z
    .custom<number | string>((v) => typeof v === "number" || typeof v === "string", typeError(keys.invalid))
    .transform((v, ctx): number => {
      if (typeof v === "number") return v;
      const s = v.replace(SPACES, "");
      if (s === "") {
        ctx.issues.push({ code: "custom", message: REQUIRED, input: v });
        return z.NEVER;
      }
      if (/^[+-]?\d+$/.test(s)) return Number(s);
      ctx.issues.push({ code: "custom", message: /^[+-]?\d*[.,]\d+$/.test(s) ? keys.notInteger : keys.invalid, input: v });
      return z.NEVER;
    })
    .pipe(z.number({ error: keys.invalid }).int(keys.notInteger).min(min, keys.tooSmall).max(max, keys.tooLarge));
}

const AMOUNT_KEYS = {
  invalid: key("validation.amount.invalid"),
  notInteger: key("validation.amount.notInteger"),
  tooSmall: key("validation.amount.negative"),
  tooLarge: key("validation.amount.tooLarge"),
} as const;

/** Whole kronor >= `min` (0 unless told). */
export function kronor(min = 0, tooSmall: ValidationMessageKey = AMOUNT_KEYS.tooSmall) {
  return wholeNumber(min, AMOUNT_MAX, { ...AMOUNT_KEYS, tooSmall });
}

/** A count of people or things. */
export function count(max: number) {
  return wholeNumber(0, max, {
    invalid: key("validation.count.invalid"),
    notInteger: key("validation.count.notInteger"),
    tooSmall: key("validation.count.negative"),
    tooLarge: key("validation.count.tooLarge"),
  });
}

/**
 * Optional in a draft: absent stays absent, and null or an empty form field
 * ("", "   ") becomes null, so a half-filled form saves.
 */
export function orNull<T extends z.ZodType>(schema: T) {
  return z
    .custom<z.input<T> | null>(() => true)
    // `any`: zod cannot relate input<T> to the input of T's nullable twin for a generic T.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    .transform((v): any => (typeof v === "string" && v.trim() === "" ? null : v))
    .pipe(schema.nullable())
    .optional();
}
