// Messages: a member and the coordinator writing on a case, and the public
// contact form (what it concerns, which service, how to reply). Shared by the
// forms, the server actions and the API, so each reports the same key on the
// same field. Field names follow the Message model in prisma/schema.prisma.
import { z } from "zod";
import type { MessagingMessageKey } from "@/lib/i18n/messages/messaging";
import type { ValidationMessageKey } from "@/lib/i18n/validation-messages";
import { EMAIL_MAX, PHONE_MAX_DIGITS, PHONE_MIN_DIGITS } from "./association";
import { key, requiredText, typeError } from "./common";

export const MESSAGE_BODY_MAX = 5_000;
export const CONTACT_TOPIC_MAX = 200;
export const CONTACT_NAME_MAX = 200;
/** Longer than any phone number with spaces; keeps junk out before the real check. */
export const CONTACT_PHONE_MAX = 30;

/**
 * The services ("Vilken verksamhet") a contact message can be about; the
 * municipality's own list is not configurable yet, so "OTHER" catches the rest.
 */
export const CONTACT_SERVICES = ["GRANTS", "TWIN_TOWNS", "SCHOOL", "CULTURE", "SPORT", "BUSINESS", "OTHER"] as const;
export const REPLY_CHANNELS = ["EMAIL", "PHONE"] as const;

export type ContactService = (typeof CONTACT_SERVICES)[number];
export type ReplyChannel = (typeof REPLY_CHANNELS)[number];

/**
 * The messaging area's own keys (lib/i18n/messages/messaging.ts), widened once
 * here after the compiler has checked them, as lib/schemas/admin.ts does.
 */
const mk = (k: MessagingMessageKey): ValidationMessageKey => k as string as ValidationMessageKey;

/** Text kept as written, line breaks and all; only the ends are trimmed. */
const body = () => requiredText(MESSAGE_BODY_MAX, mk("validation.message.body.tooLong"));

/** One line: any run of whitespace (a pasted line break included) becomes one space. */
function singleLine(max: number, tooLong: ValidationMessageKey) {
  return z
    .string(typeError("validation.invalid"))
    .transform((v) => v.replace(/[\s\u0000-\u001F\u007F-\u009F]+/g, " ").trim())
    .pipe(z.string().min(1, key("validation.required")).max(max, tooLong));
}

export const CaseMessageSchema = z.object({ body: body() });

export type CaseMessageInput = z.input<typeof CaseMessageSchema>;

/** "" and absent are the same: not given. */
const optionalString = (max: number, tooLong: ValidationMessageKey) =>
  z
    .string(typeError("validation.invalid"))
    .trim()
    .max(max, tooLong)
    .nullish()
    .transform((v) => v ?? "");

const EMAIL_FORMAT = z.email();

export const ContactMessageSchema = z
  .object({
    topic: singleLine(CONTACT_TOPIC_MAX, mk("validation.contact.topic.tooLong")),
    service: z.enum(CONTACT_SERVICES, typeError(mk("validation.contact.service.invalid"))),
    body: body(),
    replyBy: z.enum(REPLY_CHANNELS, typeError(mk("validation.contact.replyBy.invalid"))),
    name: singleLine(CONTACT_NAME_MAX, mk("validation.contact.name.tooLong")),
    email: optionalString(EMAIL_MAX, key("validation.email.tooLong")).transform((v) => v.toLowerCase()),
    phone: optionalString(CONTACT_PHONE_MAX, key("validation.phone.format")).transform((v) => v.replace(/\s+/g, " ")),
  })
  .superRefine(
    (v, ctx) => {
      // Runs even when other fields failed, so the form shows every error at once;
      // hence the type checks on values that may not have parsed.
      const email: unknown = v.email;
      const phone: unknown = v.phone;
      if (typeof email === "string") {
        if (email !== "" && !EMAIL_FORMAT.safeParse(email).success && email.length <= EMAIL_MAX) {
          ctx.addIssue({ code: "custom", message: key("validation.email.format"), path: ["email"], input: email });
        } else if (email === "" && v.replyBy === "EMAIL") {
          ctx.addIssue({ code: "custom", message: mk("validation.contact.email.requiredForReply"), path: ["email"], input: email });
        }
      }
      if (typeof phone === "string") {
        const digits = phone.replace(/\D/g, "").length;
        const wellFormed = /^\+?[\d -]+$/.test(phone) && digits >= PHONE_MIN_DIGITS && digits <= PHONE_MAX_DIGITS;
        if (phone !== "" && !wellFormed && phone.length <= CONTACT_PHONE_MAX) {
          ctx.addIssue({ code: "custom", message: key("validation.phone.format"), path: ["phone"], input: phone });
        } else if (phone === "" && v.replyBy === "PHONE") {
          ctx.addIssue({ code: "custom", message: mk("validation.contact.phone.requiredForReply"), path: ["phone"], input: phone });
        }
      }
    },
    { when: () => true },
  )
  .transform((v) => ({ ...v, email: v.email || null, phone: v.phone || null }));

export type ContactMessageInput = z.input<typeof ContactMessageSchema>;
export type ContactMessage = z.output<typeof ContactMessageSchema>;

/** The inbox's filter: case messages, contact messages, or both. */
export const INBOX_KINDS = ["case", "contact"] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

export const MarkReadSchema = z.object({
  read: z.boolean(typeError("validation.invalid")).default(true),
});
