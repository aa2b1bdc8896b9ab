// Registering an association, and inviting another contact person to it.
// Field names follow the Association model in prisma/schema.prisma.
import { z } from "zod";
import { parsePaymentAccount, type GiroReason } from "@/lib/domain/giro";
import { parseOrgNumber, type OrgNumberReason } from "@/lib/domain/org-number";
import { idList, key, requiredText, typeError } from "./common";
import type { ValidationMessageKey } from "@/lib/i18n/validation-messages";

export const NAME_MAX = 200;
export const STREET_ADDRESS_MAX = 200;
export const CITY_MAX = 100;
export const CONTACT_NAME_MAX = 200;
/** RFC 5321's limit for a whole address. */
export const EMAIL_MAX = 254;
export const PHONE_MIN_DIGITS = 7;
export const PHONE_MAX_DIGITS = 15;
/** Longer than any giro number with spaces; keeps junk out before the real check. */
export const PAYMENT_ACCOUNT_MAX = 30;
export const PARTNER_TOWNS_MIN = 1;
export const PARTNER_TOWNS_MAX = 50;

export const PAYMENT_METHODS = ["BANKGIRO", "PLUSGIRO"] as const;

const ORG_NUMBER_KEYS: Record<OrgNumberReason, ValidationMessageKey> = {
  FORMAT: "validation.orgNumber.format",
  CHECKSUM: "validation.orgNumber.checksum",
  PERSONAL_IDENTITY_NUMBER: "validation.orgNumber.personalIdentityNumber",
};

const PAYMENT_ACCOUNT_KEYS: Record<(typeof PAYMENT_METHODS)[number], Record<GiroReason, ValidationMessageKey>> = {
  BANKGIRO: { FORMAT: "validation.paymentAccount.bankgiro.format", CHECKSUM: "validation.paymentAccount.bankgiro.checksum" },
  PLUSGIRO: { FORMAT: "validation.paymentAccount.plusgiro.format", CHECKSUM: "validation.paymentAccount.plusgiro.checksum" },
};

/** "802002-4280", "8020024280" or "16802002-4280" → "802002-4280". */
export const OrgNumberSchema = z
  .string(typeError("validation.invalid"))
  .trim()
  .transform((v, ctx) => {
    if (v === "") {
      ctx.issues.push({ code: "custom", message: key("validation.required"), input: v });
      return z.NEVER;
    }
    const result = parseOrgNumber(v);
    if (result.ok) return result.value;
    ctx.issues.push({ code: "custom", message: ORG_NUMBER_KEYS[result.reason], input: v });
    return z.NEVER;
  });

/** Swedish postcode, "NNN NN" (first digit 1–9); "97231", "972 31" and "SE-972 31" are accepted. */
export const PostalCodeSchema = z
  .string(typeError("validation.invalid"))
  .trim()
  .transform((v, ctx) => {
    if (v === "") {
      ctx.issues.push({ code: "custom", message: key("validation.required"), input: v });
      return z.NEVER;
    }
    const m = /^(?:SE-?)?([1-9]\d{2})(\d{2})$/i.exec(v.replace(/\s+/g, ""));
    if (m) return `${m[1]} ${m[2]}`;
    ctx.issues.push({ code: "custom", message: key("validation.postalCode.format"), input: v });
    return z.NEVER;
  });

export const EmailSchema = z
  .string(typeError("validation.invalid"))
  .trim()
  .toLowerCase()
  .min(1, key("validation.required"))
  .max(EMAIL_MAX, key("validation.email.tooLong"))
  .pipe(z.email({ error: key("validation.email.format") }));

/**
 * Lenient on purpose: volunteers write "070-123 45 67", "+46 70 123 45 67" or
 * "0911-69 60 00". Only digits, spaces, dashes and a leading "+", 7–15 digits.
 * Kept as written (trimmed, single spaces) so it reads the way they wrote it.
 */
export const PhoneSchema = z
  .string(typeError("validation.invalid"))
  .trim()
  .transform((v) => v.replace(/\s+/g, " "))
  .superRefine((v, ctx) => {
    if (v === "") return ctx.addIssue({ code: "custom", message: key("validation.required"), input: v });
    const digits = v.replace(/\D/g, "").length;
    if (!/^\+?[\d -]+$/.test(v) || digits < PHONE_MIN_DIGITS || digits > PHONE_MAX_DIGITS) {
      ctx.addIssue({ code: "custom", message: key("validation.phone.format"), input: v });
    }
  });

export const PaymentMethodSchema = z.enum(PAYMENT_METHODS, typeError("validation.paymentMethod.invalid"));

export const AssociationRegistrationSchema = z
  .object({
    name: requiredText(NAME_MAX, "validation.name.tooLong"),
    orgNumber: OrgNumberSchema,
    streetAddress: requiredText(STREET_ADDRESS_MAX, "validation.streetAddress.tooLong"),
    postalCode: PostalCodeSchema,
    city: requiredText(CITY_MAX, "validation.city.tooLong"),
    contactName: requiredText(CONTACT_NAME_MAX, "validation.contactName.tooLong"),
    email: EmailSchema,
    phone: PhoneSchema,
    paymentMethod: PaymentMethodSchema,
    // Checked against paymentMethod below; the issue still lands on this field.
    paymentAccount: requiredText(PAYMENT_ACCOUNT_MAX, "validation.paymentAccount.tooLong"),
    partnerTownIds: idList({
      min: PARTNER_TOWNS_MIN,
      max: PARTNER_TOWNS_MAX,
      tooFew: "validation.partnerTownIds.required",
      tooMany: "validation.partnerTownIds.tooMany",
    }),
  })
  .superRefine(
    (v, ctx) => {
      // Runs even when other fields failed, so the form shows every error at once;
      // hence the type checks on values that may not have parsed.
      const method: unknown = v.paymentMethod;
      const account: unknown = v.paymentAccount;
      if ((method !== "BANKGIRO" && method !== "PLUSGIRO") || typeof account !== "string") return;
      if (account === "" || account.length > PAYMENT_ACCOUNT_MAX) return; // already reported on the field
      const result = parsePaymentAccount(method, account);
      if (!result.ok) {
        ctx.addIssue({ code: "custom", message: PAYMENT_ACCOUNT_KEYS[method][result.reason], path: ["paymentAccount"], input: account });
      }
    },
    { when: () => true },
  )
  .transform((v) => {
    const account = parsePaymentAccount(v.paymentMethod, v.paymentAccount);
    // The refinement above guarantees ok; keep the input rather than throw if it ever is not.
    return { ...v, paymentAccount: account.ok ? account.value : v.paymentAccount };
  });

export type AssociationRegistration = z.infer<typeof AssociationRegistrationSchema>;
export type AssociationRegistrationInput = z.input<typeof AssociationRegistrationSchema>;

export const InvitationSchema = z.object({ email: EmailSchema });

export type Invitation = z.infer<typeof InvitationSchema>;

export const REASON_MIN = 5;
export const REASON_MAX = 2_000;

/** A reason given to an association (rejection now; sending back later): sent to it, so it must say something. */
export const ReasonSchema = z.object({
  reason: z
    .string(typeError("validation.invalid"))
    .trim()
    .min(REASON_MIN, key("validation.reason.length"))
    .max(REASON_MAX, key("validation.reason.length")),
});
