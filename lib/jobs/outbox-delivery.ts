import "server-only";
// What the worker does with OutboxMail rows, in SQL over its own pg pool:
// hand them to the job queue (relay and sweep) and deliver one (claim, send,
// record). See docs/decisions/0007-mail-outbox.md.
import { getSystemErrorName } from "node:util";
import type pg from "pg";
import { sendMail, type OutgoingMail, type SentMail } from "@/lib/mail/send";
import { MailNotConfiguredError } from "@/lib/mail/transport";
import { CLAIM_ABANDONED_SECONDS, CLAIM_STALE_SECONDS } from "./config";

export type Queryable = Pick<pg.Pool | pg.PoolClient, "query">;

// ---------------------------------------------------------------- relay

/** Marks the rows handed over and returns them; run it in the transaction that creates their jobs. */
export async function takeNotified(q: Queryable, ids: string[]): Promise<string[]> {
  const valid = ids.filter((id) => UUID.test(id));
  if (!valid.length) return [];
  const { rows } = await q.query<{ id: string }>(
    `UPDATE "OutboxMail" SET "queuedAt" = now()
     WHERE id = ANY($1::uuid[]) AND status = 'PENDING' AND "queuedAt" IS NULL
     RETURNING id`,
    [valid],
  );
  return rows.map((r) => r.id);
}

export const SWEEP_BATCH = 500;

/**
 * Rows that need a job: never handed over (the notice was missed), claimed by a
 * worker that died and whose job did not come back, or handed over longer ago
 * than every retry could take (the job is gone). Marks and returns one batch.
 */
export async function takeSwept(q: Queryable, horizonSeconds: number): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(
    `UPDATE "OutboxMail" SET "queuedAt" = now(), "claimedAt" = NULL
     WHERE id IN (
       SELECT id FROM "OutboxMail"
       WHERE status = 'PENDING' AND (
         "queuedAt" IS NULL
         OR "claimedAt" < now() - $1 * interval '1 second'
         OR ("claimedAt" IS NULL AND "queuedAt" < now() - $2 * interval '1 second')
       )
       ORDER BY "createdAt"
       LIMIT ${SWEEP_BATCH}
       FOR UPDATE SKIP LOCKED
     )
     RETURNING id`,
    [CLAIM_ABANDONED_SECONDS, horizonSeconds],
  );
  return rows.map((r) => r.id);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// ---------------------------------------------------------------- delivery

/** A retryable failure; its message is only the safe code stored as lastError. */
export class DeliveryFailed extends Error {
  constructor(readonly code: string) {
    super(code);
    this.name = "DeliveryFailed";
  }
}

/** Another attempt holds the mail right now; the job looks again later. */
export class ClaimedElsewhere extends Error {
  constructor() {
    super("CLAIMED_ELSEWHERE");
    this.name = "ClaimedElsewhere";
  }
}

export type DeliveryResult =
  | { outcome: "sent"; messageId: string }
  | { outcome: "expired" }
  /** Not waiting any more (sent, failed, expired or gone): nothing to do. */
  | { outcome: "done" }
  /** Refused for good (an SMTP 5xx for the message or its recipients): FAILED now. */
  | { outcome: "failed"; code: string };

/**
 * A short code for a failed send that is safe to show staff: never the
 * server's text (it may echo addresses or configuration). Permanent when the
 * server refused the message or its recipients with a 5xx; a refused login or
 * an unreachable server is something an operator fixes, so it is retried.
 */
export function deliveryError(error: unknown): { code: string; permanent: boolean } {
  if (error instanceof MailNotConfiguredError) return { code: "SMTP_NOT_CONFIGURED", permanent: false };
  const e = (error ?? {}) as { code?: unknown; responseCode?: unknown; message?: unknown; errno?: unknown };
  // nodemailer calls every socket failure ESOCKET; the system's name (ECONNREFUSED, ETIMEDOUT …) says more.
  if (typeof e.errno === "number" && e.errno < 0) {
    try {
      return { code: getSystemErrorName(e.errno), permanent: false };
    } catch {
      // not a system error number
    }
  }
  const code = typeof e.code === "string" && /^[A-Z][A-Z0-9_]{1,30}$/.test(e.code) ? e.code : null;
  const response = typeof e.responseCode === "number" && e.responseCode >= 400 && e.responseCode < 600 ? e.responseCode : null;
  if (typeof e.message === "string" && e.message.startsWith("Not a single e-mail address")) return { code: "INVALID_ADDRESS", permanent: true };
  if (response) {
    const permanent = response >= 500 && (code === "EENVELOPE" || code === "EMESSAGE");
    return { code: `${code ?? "SMTP"} ${response}`, permanent };
  }
  return { code: code ?? "SEND_FAILED", permanent: false };
}

type ClaimedRow = { to: string[]; replyTo: string | null; subject: string; text: string; html: string };

const ERASE_IF_SENSITIVE = `text = CASE WHEN sensitive THEN '' ELSE text END, html = CASE WHEN sensitive THEN '' ELSE html END`;
const CLAIMABLE = `status = 'PENDING' AND ("claimedAt" IS NULL OR "claimedAt" < now() - ${CLAIM_STALE_SECONDS} * interval '1 second')`;

/**
 * Delivers one outbox mail at most once: claims it (one attempt at a time
 * across every worker), expires it when its time has passed, sends it and
 * records the outcome. Throws DeliveryFailed (after recording it) when the send
 * failed and may succeed later, or ClaimedElsewhere; the job queue retries.
 * On the last attempt a failure makes the mail FAILED for staff to see.
 */
export async function deliverOutboxMail(
  q: Queryable,
  id: string,
  opts: { lastAttempt: boolean; send?: (mail: OutgoingMail) => Promise<SentMail>; onFailure?: (failure: { code: string; final: boolean; error: unknown }) => void },
): Promise<DeliveryResult> {
  if (!UUID.test(id)) return { outcome: "done" };
  const expired = await q.query(
    `UPDATE "OutboxMail" SET status = 'EXPIRED', "claimedAt" = NULL, ${ERASE_IF_SENSITIVE}
     WHERE id = $1 AND ${CLAIMABLE} AND "expiresAt" <= now()
     RETURNING id`,
    [id],
  );
  if (expired.rowCount) return { outcome: "expired" };

  const claimed = await q.query<ClaimedRow>(
    `UPDATE "OutboxMail" SET "claimedAt" = now(), attempts = attempts + 1
     WHERE id = $1 AND ${CLAIMABLE} AND ("expiresAt" IS NULL OR "expiresAt" > now())
     RETURNING "to", "replyTo", subject, text, html`,
    [id],
  );
  const mail = claimed.rows[0];
  if (!mail) {
    const { rows } = await q.query<{ status: string }>(`SELECT status FROM "OutboxMail" WHERE id = $1`, [id]);
    if (rows[0]?.status === "PENDING") throw new ClaimedElsewhere();
    return { outcome: "done" };
  }

  let sent: SentMail;
  try {
    sent = await (opts.send ?? sendMail)({ to: mail.to, replyTo: mail.replyTo ?? undefined, subject: mail.subject, text: mail.text, html: mail.html });
  } catch (error) {
    const { code, permanent } = deliveryError(error);
    const fail = permanent || opts.lastAttempt;
    await q.query(
      `UPDATE "OutboxMail" SET "claimedAt" = NULL, "lastError" = $2, status = CASE WHEN $3 THEN 'FAILED'::"OutboxStatus" ELSE status END
       WHERE id = $1`,
      [id, code, fail],
    );
    opts.onFailure?.({ code, final: fail, error });
    if (permanent) return { outcome: "failed", code };
    throw new DeliveryFailed(code);
  }
  // The SMTP server has the mail now; a crash before this update sends it again (at least once, here only).
  await q.query(
    `UPDATE "OutboxMail" SET status = 'SENT', "sentAt" = now(), "messageId" = $2, "claimedAt" = NULL, "lastError" = NULL, ${ERASE_IF_SENSITIVE}
     WHERE id = $1`,
    [id, sent.messageId ?? null],
  );
  return { outcome: "sent", messageId: sent.messageId };
}
