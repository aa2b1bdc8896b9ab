// Bodies, queries and responses of the messaging operations of /api/v1
// (lib/api/operations/messaging.ts): a case's thread, the coordinator's
// inbox, marking a message handled, and the contact form. Request bodies are
// the web forms' schemas (lib/schemas/message.ts), which the services check
// themselves. tests/integration/api-messages.test.ts checks that the
// responses match the services' types.
import { z } from "zod";
import { APPLICATION_STATUS } from "@/lib/api/schemas";
import { INBOX_KINDS, REPLY_CHANNELS } from "@/lib/schemas/message";

export { CaseMessageSchema as CaseMessageBodySchema, ContactMessageSchema as ContactMessageBodySchema, MarkReadSchema as MarkReadBodySchema } from "@/lib/schemas/message";

const uuid = () => z.guid();
const dateTime = () => z.iso.datetime({ offset: true });

// ---------------------------------------------------------------- requests

export const InboxQuerySchema = z.object({
  kind: z.enum(INBOX_KINDS, { error: "validation.invalid" }).optional().describe("case: members' messages on cases; contact: messages through the contact form; absent: both"),
  after: z.string({ error: "validation.invalid" }).max(200, { error: "validation.invalid" }).optional().describe("nextCursor of the previous page"),
});

// ---------------------------------------------------------------- responses

/** lib/data/messages.ts ThreadMessage. */
export const ThreadMessageSchema = z.object({
  id: uuid(),
  body: z.string(),
  /** Written by the coordinator's side. */
  fromStaff: z.boolean(),
  authorName: z.string().nullable(),
  /** Written by the caller. */
  mine: z.boolean(),
  createdAt: dateTime(),
  /** When the other side read it (the caller's side's messages), or when the caller did (the other side's). */
  readAt: dateTime().nullable(),
  /** The other side's message, unread until this request (which marks it read). */
  unread: z.boolean(),
});

/** lib/data/messages.ts listCaseMessages. */
export const CaseThreadSchema = z.object({
  application: z.object({
    id: uuid(),
    caseNumber: z.string().nullable(),
    title: z.string(),
    status: z.enum(APPLICATION_STATUS),
    associationName: z.string(),
  }),
  /** The caller writes as the municipality's coordinator. */
  viewerIsStaff: z.boolean(),
  /** Older messages than those listed exist. */
  truncated: z.boolean(),
  /** Oldest first. */
  messages: z.array(ThreadMessageSchema),
});

/** lib/data/messages.ts listInbox. */
export const InboxPageSchema = z.object({
  items: z.array(
    z.object({
      id: uuid(),
      kind: z.enum(INBOX_KINDS),
      createdAt: dateTime(),
      /** When a coordinator read or marked it handled; null: unread. */
      readAt: dateTime().nullable(),
      body: z.string(),
      /** The member who wrote on the case, or the name the visitor gave. */
      fromName: z.string().nullable(),
      application: z
        .object({ id: uuid(), caseNumber: z.string().nullable(), title: z.string(), associationName: z.string() })
        .nullable(),
      contact: z
        .object({
          topic: z.string().nullable(),
          service: z.string().nullable(),
          replyBy: z.enum(REPLY_CHANNELS).nullable(),
          email: z.string().nullable(),
          phone: z.string().nullable(),
        })
        .nullable(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

/** lib/data/messages.ts setMessageRead. */
export const MessageReadStateSchema = z.object({ id: uuid(), readAt: dateTime().nullable() });

/** lib/data/messages.ts postContactMessage. */
export const ContactMessageSentSchema = z.object({
  id: uuid(),
  /** Where the receipt goes; null when no e-mail address was given. */
  receiptTo: z.string().nullable(),
});
