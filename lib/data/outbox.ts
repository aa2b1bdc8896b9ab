import "server-only";
// Staff's view of the mail outbox (docs/decisions/0007-mail-outbox.md): the
// municipality's mails by status with how many of each, and sending a failed
// one again. A mail's body is never shown: sign-in and invitation links are
// secrets, and the rest says nothing the case pages do not.
import { db } from "@/lib/db";
import { requireMunicipality, requirePermission, type Actor } from "@/lib/auth/actor";
import { audit } from "@/lib/data/audit";
import { isUuid } from "@/lib/data/associations";
import { conflict, notFound } from "@/lib/errors";
import type { OutboxStatus, Prisma } from "@/lib/generated/prisma/client";

/** In the order the page shows them: what needs staff first. */
export const OUTBOX_STATUSES = ["FAILED", "PENDING", "SENT", "EXPIRED"] as const satisfies readonly OutboxStatus[];
export const OUTBOX_PAGE_SIZE = 50;

export function isOutboxStatus(value: unknown): value is OutboxStatus {
  return typeof value === "string" && (OUTBOX_STATUSES as readonly string[]).includes(value);
}

const mailSelect = {
  id: true,
  kind: true,
  to: true,
  subject: true,
  status: true,
  attempts: true,
  lastError: true,
  sensitive: true,
  applicationId: true,
  createdAt: true,
  sentAt: true,
  expiresAt: true,
} satisfies Prisma.OutboxMailSelect;

export type OutboxMailView = Prisma.OutboxMailGetPayload<{ select: typeof mailSelect }> & { resendable: boolean };

/** A failed mail can be sent again; an expired one too unless it held a secret link (gone with its body). */
function isResendable(mail: { status: OutboxStatus; sensitive: boolean }): boolean {
  return mail.status === "FAILED" || (mail.status === "EXPIRED" && !mail.sensitive);
}

function view(mail: Prisma.OutboxMailGetPayload<{ select: typeof mailSelect }>): OutboxMailView {
  return { ...mail, resendable: isResendable(mail) };
}

/**
 * The municipality's mails in one status, newest first, a page at a time
 * (keyset: `after` is the last id of the previous page), and how many mails
 * are in each status. Failed ones are the default: they need staff.
 */
export async function listOutbox(actor: Actor, opts: { status?: OutboxStatus; after?: string } = {}) {
  requirePermission(actor, "outbox:manage");
  const municipalityId = requireMunicipality(actor);
  const status = opts.status ?? "FAILED";
  let cursor: Prisma.OutboxMailWhereInput = {};
  if (opts.after && isUuid(opts.after)) {
    const last = await db.outboxMail.findFirst({ where: { id: opts.after, municipalityId, status }, select: { id: true, createdAt: true } });
    if (last) cursor = { OR: [{ createdAt: { lt: last.createdAt } }, { createdAt: last.createdAt, id: { lt: last.id } }] };
  }
  const [grouped, rows] = await Promise.all([
    db.outboxMail.groupBy({ by: ["status"], where: { municipalityId }, _count: { _all: true } }),
    db.outboxMail.findMany({
      where: { municipalityId, status, ...cursor },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: OUTBOX_PAGE_SIZE + 1,
      select: mailSelect,
    }),
  ]);
  const counts = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, grouped.find((g) => g.status === s)?._count._all ?? 0])) as Record<OutboxStatus, number>;
  const page = rows.slice(0, OUTBOX_PAGE_SIZE);
  return {
    status,
    counts,
    mails: page.map(view),
    nextCursor: rows.length > OUTBOX_PAGE_SIZE ? (page.at(-1)?.id ?? null) : null,
  };
}

/**
 * Sends a failed (or expired, not secret) mail again: it waits for the worker
 * as if new, with its attempts counted from zero. The worker is woken by the
 * outbox trigger when this commits.
 */
export async function resendMail(actor: Actor, id: string): Promise<OutboxMailView> {
  requirePermission(actor, "outbox:manage");
  const municipalityId = requireMunicipality(actor);
  if (!isUuid(id)) throw notFound();
  return db.$transaction(async (tx) => {
    // Two staff pressing the button at once: the second finds it waiting already.
    const locked = await tx.$queryRaw<{ id: string }[]>`
      select id from "OutboxMail" where id = ${id}::uuid and "municipalityId" = ${municipalityId}::uuid for update`;
    if (!locked.length) throw notFound();
    const before = await tx.outboxMail.findUniqueOrThrow({ where: { id }, select: mailSelect });
    if (!isResendable(before)) throw conflict("errors.outbox.notResendable");
    const after = await tx.outboxMail.update({
      where: { id },
      data: {
        status: "PENDING",
        attempts: 0,
        queuedAt: null,
        claimedAt: null,
        lastError: null,
        // An expired mail is sent now or not at all: its time limit no longer applies.
        ...(before.status === "EXPIRED" ? { expiresAt: null } : {}),
      },
      select: mailSelect,
    });
    await audit(tx, actor, {
      action: "outbox.mail-resent",
      entityType: "OutboxMail",
      entityId: id,
      municipalityId,
      before: { status: before.status, attempts: before.attempts, lastError: before.lastError, kind: before.kind, to: before.to, subject: before.subject },
      after: { status: after.status },
    });
    return view(after);
  });
}
