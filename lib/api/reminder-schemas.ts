// Queries and responses of the reminders' /api/v1 operations
// (lib/api/operations/reminders.ts): the reminders that went out, with their
// mails' delivery, and those coming in the next days.
// tests/integration/api-reminders.test.ts checks that the responses match the
// services' types (lib/data/reminders.ts).
import { z } from "zod";
import { REMINDER_KINDS } from "@/lib/domain/reminders";

const uuid = () => z.guid();
const dateTime = () => z.iso.datetime({ offset: true });
/** A calendar day, YYYY-MM-DD. */
const day = () => z.iso.date();

/** lib/generated/prisma OutboxStatus. */
export const OUTBOX_STATUS = ["PENDING", "SENT", "FAILED", "EXPIRED"] as const;

export const RemindersQuerySchema = z.object({
  kind: z
    .enum(REMINDER_KINDS, { error: "validation.invalid" })
    .optional()
    .describe(
      "REPORT_DUE_SOON: a follow-up report due within 7 days; REPORT_OVERDUE: overdue (weekly, at most 3 times); " +
        "ANNUAL_REPORT_MISSING: January, the annual report for the year just ended; CONSULTATION_CLOSING: a committee member's unanswered cases",
    ),
  after: z.guid({ error: "validation.invalid" }).optional().describe("The nextCursor of the previous page"),
});

const concerning = {
  /** The case reminded about; null for the annual report and the committee, and for a caller who does not handle cases (administrator). */
  application: z.object({ id: uuid(), caseNumber: z.string().nullable(), title: z.string() }).nullable(),
  /** The association reminded; null for the committee, and for a caller who does not handle cases. */
  association: z.object({ id: uuid(), name: z.string() }).nullable(),
  consultationId: uuid().nullable(),
  /** The committee member reminded. */
  member: z.object({ id: uuid(), name: z.string() }).nullable(),
};

/** lib/data/reminders.ts listReminders. */
export const ReminderPageSchema = z.object({
  items: z.array(
    z.object({
      id: uuid(),
      kind: z.enum(REMINDER_KINDS),
      /** The occasion's unique key: each goes out at most once. */
      occasion: z.string(),
      /** The report's due date or the consultation's closing date; null for the annual report. */
      dueOn: day().nullable(),
      createdAt: dateTime(),
      ...concerning,
      /** One mail per recipient, with where its delivery stands. */
      mails: z.array(
        z.object({
          id: uuid(),
          to: z.array(z.string()),
          subject: z.string(),
          status: z.enum(OUTBOX_STATUS),
          attempts: z.number().int(),
          sentAt: dateTime().nullable(),
        }),
      ),
    }),
  ),
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: uuid().nullable(),
});

/** lib/data/reminders.ts upcomingReminders. */
export const UpcomingRemindersSchema = z.object({
  /** Today, Swedish time. */
  from: day(),
  /** The last day looked at. */
  to: day(),
  /** By day, then kind. */
  items: z.array(
    z.object({
      /** The first day it would go out; today for one the hourly job has yet to send. */
      on: day(),
      kind: z.enum(REMINDER_KINDS),
      occasion: z.string(),
      dueOn: day().nullable(),
      ...concerning,
      /** How many would get it, as things stand. */
      recipients: z.number().int(),
    }),
  ),
  /** More were coming than listed. */
  truncated: z.boolean(),
});
