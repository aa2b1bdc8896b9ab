// The mail outbox's state for staff (outbox:manage: coordinator and
// administrator): how many mails wait, were sent, failed or expired, the
// mails of one status, and sending a failed one again. Route handlers in
// app/api/v1/outbox/**, calling lib/data/outbox.ts.
import type { ApiOperation } from "../operation";
import { OutboxMailSchema, OutboxQuerySchema, OutboxStateSchema } from "../outbox-schemas";

const OUTBOX = ["outbox"];

export const outboxOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/outbox",
    operationId: "getOutbox",
    summary:
      "The municipality's outgoing mail: how many are in each status, and the mails of one status (default FAILED), newest first, " +
      "50 a page (coordinator, administrator). Bodies are never included",
    tags: OUTBOX,
    query: OutboxQuerySchema,
    response: OutboxStateSchema,
    errors: [403, 422],
  },
  {
    method: "post",
    path: "/outbox/{id}/resend",
    operationId: "resendOutboxMail",
    summary:
      "Send a FAILED mail again, or an EXPIRED one without a secret link (coordinator, administrator): it waits for the worker as if new. " +
      "409 for a mail in any other status",
    tags: OUTBOX,
    pathParams: ["id"],
    response: OutboxMailSchema,
    errors: [403, 404, 409],
  },
];
