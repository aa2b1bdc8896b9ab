// Queries and responses of the outbox's /api/v1 operations
// (lib/api/operations/outbox.ts), for lib/data/outbox.ts. A mail's body is
// never in them. tests/integration/outbox-api.test.ts checks the responses
// match the service's types.
import { z } from "zod";

export const OUTBOX_STATUS = ["FAILED", "PENDING", "SENT", "EXPIRED"] as const;

export const OutboxQuerySchema = z.object({
  status: z
    .enum(OUTBOX_STATUS, { error: "validation.invalid" })
    .optional()
    .describe("Which mails to list (default FAILED): FAILED gave up after every retry or was refused, PENDING waits for the worker, SENT was handed to the SMTP server, EXPIRED ran out before it could be sent"),
  after: z.guid({ error: "validation.invalid" }).optional().describe("The id of the last mail of the previous page (nextCursor)"),
});

const dateTime = () => z.iso.datetime({ offset: true });

export const OutboxMailSchema = z.object({
  id: z.guid(),
  kind: z.string().describe("What caused it, e.g. application.receipt, decision.notice, association.invitation, reminder.*"),
  to: z.array(z.string()),
  subject: z.string(),
  status: z.enum(OUTBOX_STATUS),
  attempts: z.number().int().describe("Delivery attempts since it was queued or last sent again"),
  lastError: z.string().nullable().describe("A short code for the last failure, e.g. ECONNREFUSED or EENVELOPE 550; never the server's text"),
  sensitive: z.boolean().describe("It holds a secret link; its body is erased once sent or expired"),
  applicationId: z.guid().nullable(),
  createdAt: dateTime(),
  sentAt: dateTime().nullable(),
  expiresAt: dateTime().nullable(),
  resendable: z.boolean().describe("FAILED, or EXPIRED without a secret link: POST …/resend sends it again"),
});

export const OutboxStateSchema = z.object({
  status: z.enum(OUTBOX_STATUS),
  counts: z.object({ FAILED: z.number().int(), PENDING: z.number().int(), SENT: z.number().int(), EXPIRED: z.number().int() }).describe("Mails in each status"),
  mails: z.array(OutboxMailSchema),
  nextCursor: z.guid().nullable(),
});
