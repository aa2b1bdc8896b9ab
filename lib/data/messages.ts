import "server-only";
// Messages: a case's thread between the association's members and the
// municipality's coordinator, and case-less messages from the contact form.
// Members of the association and the coordinator (message:staff) of the
// municipality read and write a case's thread from submission on (a draft has
// none); anyone else, another association's members and the committee
// included, finds no such case. Each new message queues a notice to the other
// side in the same transaction (lib/mail/outbox.ts).
import { db, type Db, type Tx } from "@/lib/db";
import { requireMunicipality, requirePermission, type Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { normalizeEmailIdentifier } from "@/lib/auth/email-identifier";
import { audit } from "@/lib/data/audit";
import { isUuid } from "@/lib/data/associations";
import { takeRateLimit } from "@/lib/data/rate-limit";
import { getMunicipality } from "@/lib/data/reference";
import { conflict, notFound, ServiceError, validationError, zodFieldErrors } from "@/lib/errors";
import { appUrl } from "@/lib/env";
import { translate } from "@/lib/i18n/translate";
import { queueMail, type QueuedMail } from "@/lib/mail/outbox";
import type { Locale } from "@/lib/mail/templates";
import { caseMessageNotice, contactMessageNotice, contactReceipt } from "@/lib/mail/templates-messaging";
import { CaseMessageSchema, ContactMessageSchema, type InboxKind } from "@/lib/schemas/message";
import type { Prisma } from "@/lib/generated/prisma/client";

/** A case's thread shows its latest messages, oldest of them first. */
export const THREAD_LIMIT = 200;
export const INBOX_PAGE_SIZE = 25;
/** Per writer: enough for any conversation, too few to flood the other side's mailbox. */
export const CASE_MESSAGES_PER_HOUR = 30;
/** The contact form, per client address and per e-mail address given (the receipt goes there). */
export const CONTACT_LIMIT_PER_IP = 10;
export const CONTACT_LIMIT_PER_ADDRESS = 3;
export const CONTACT_LIMIT_WINDOW = 3600;
/** Bounds the recipients of one notice; a municipality has a handful of coordinators, an association a few members. */
const RECIPIENTS_MAX = 100;

type Recipient = { email: string; locale: Locale };

/** One message of a case's thread as the page and the API show it. */
export type ThreadMessage = {
  id: string;
  body: string;
  fromStaff: boolean;
  /** The writer's name; null when they gave none (the page shows their role). */
  authorName: string | null;
  mine: boolean;
  createdAt: Date;
  /** The other side read it (for the viewer's own side's messages), or the viewer did (for the other side's). */
  readAt: Date | null;
  /** The other side's message, unread until this opening of the thread. */
  unread: boolean;
};

/**
 * The client's address as the rate limit counts it: the last X-Forwarded-For
 * entry, the one a reverse proxy appends (the sign-in route's rule).
 */
export function clientIpOf(headers: { get(name: string): string | null }): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",").map((s) => s.trim()).filter(Boolean);
  return forwarded?.at(-1) ?? headers.get("x-real-ip") ?? "unknown";
}

/** The municipality whose coordinator the actor is, or null. */
function staffMunicipality(actor: Actor): string | null {
  return can(actor, "message:staff") ? actor.municipalityId : null;
}

/**
 * The case as the actor may message on it: the coordinator of its municipality
 * (once submitted) or a member of its association; anyone else gets "not found".
 * A coordinator who is also a member writes as the coordinator.
 */
async function findCase(client: Db | Tx, actor: Actor, id: string) {
  if (!isUuid(id)) throw notFound();
  const staffOf = staffMunicipality(actor);
  const a = await client.application.findFirst({
    where: {
      id,
      OR: [
        ...(staffOf ? [{ municipalityId: staffOf, status: { not: "DRAFT" as const } }] : []),
        { association: { memberships: { some: { userId: actor.userId } } } },
      ],
    },
    select: { id: true, municipalityId: true, status: true, caseNumber: true, title: true, associationId: true, association: { select: { name: true } } },
  });
  if (!a) throw notFound();
  if (a.status === "DRAFT") throw conflict("errors.message.notSubmitted");
  return { ...a, staff: staffOf !== null && a.municipalityId === staffOf };
}

async function authorNames(client: Db | Tx, ids: (string | null)[]): Promise<Map<string, string | null>> {
  const unique = [...new Set(ids.filter((i): i is string => i !== null))];
  if (!unique.length) return new Map();
  const users = await client.user.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

/** The municipality's active coordinators; its contact address when it has none. */
async function coordinatorsOf(tx: Tx, municipalityId: string): Promise<Recipient[]> {
  const users = await tx.user.findMany({
    where: { municipalityId, active: true, roles: { has: "COORDINATOR" } },
    select: { email: true, locale: true },
    orderBy: { email: "asc" },
    take: RECIPIENTS_MAX,
  });
  if (users.length) return users;
  const m = await tx.municipality.findUniqueOrThrow({ where: { id: municipalityId }, select: { contactEmail: true } });
  return m.contactEmail.trim() ? [{ email: m.contactEmail.trim(), locale: "sv" }] : [];
}

/** The association's active members but the writer, each in their own language. */
async function membersOf(tx: Tx, associationId: string, exceptUserId: string): Promise<Recipient[]> {
  return tx.user.findMany({
    where: { active: true, id: { not: exceptUserId }, memberships: { some: { associationId } } },
    select: { email: true, locale: true },
    orderBy: { email: "asc" },
    take: RECIPIENTS_MAX,
  });
}

/**
 * A case's thread, oldest first (the latest THREAD_LIMIT messages). Opening it
 * marks the other side's messages read; those that were unread until now
 * come with `unread`, so the page can point them out once.
 */
export async function listCaseMessages(actor: Actor, applicationId: string, now = new Date()) {
  const c = await findCase(db, actor, applicationId);
  const rows = await db.message.findMany({
    where: { applicationId: c.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: THREAD_LIMIT + 1,
    select: { id: true, body: true, fromStaff: true, authorId: true, createdAt: true, readAt: true },
  });
  await db.message.updateMany({
    where: { applicationId: c.id, fromStaff: !c.staff, readAt: null },
    data: { readAt: now, readById: actor.userId },
  });
  const names = await authorNames(db, rows.map((r) => r.authorId));
  const shown = rows.slice(0, THREAD_LIMIT).reverse();
  return {
    application: { id: c.id, caseNumber: c.caseNumber, title: c.title, status: c.status, associationName: c.association.name },
    viewerIsStaff: c.staff,
    truncated: rows.length > THREAD_LIMIT,
    messages: shown.map((m): ThreadMessage => ({
      id: m.id,
      body: m.body,
      fromStaff: m.fromStaff,
      authorName: m.authorId ? (names.get(m.authorId) ?? null) : null,
      mine: m.authorId === actor.userId,
      createdAt: m.createdAt,
      readAt: m.readAt ?? (m.fromStaff !== c.staff ? now : null),
      unread: m.readAt === null && m.fromStaff !== c.staff,
    })),
  };
}

/**
 * Writes on a case's thread, and queues a notice to the other side: to the
 * municipality's coordinators (or its contact address) when a member writes,
 * to every active member of the association when the coordinator does.
 */
export async function postCaseMessage(actor: Actor, applicationId: string, input: unknown, now = new Date()): Promise<ThreadMessage> {
  await findCase(db, actor, applicationId);
  const parsed = CaseMessageSchema.safeParse(input ?? {});
  if (!parsed.success) throw validationError(zodFieldErrors(parsed.error));
  if (!(await takeRateLimit(`message:${actor.userId}`, CASE_MESSAGES_PER_HOUR, 3600))) {
    throw new ServiceError("RATE_LIMITED", "errors.message.rateLimited");
  }
  return db.$transaction(async (tx) => {
    const c = await findCase(tx, actor, applicationId);
    const message = await tx.message.create({
      data: { municipalityId: c.municipalityId, applicationId: c.id, authorId: actor.userId, fromStaff: c.staff, body: parsed.data.body, createdAt: now },
    });
    const recipients = c.staff ? await membersOf(tx, c.associationId, actor.userId) : await coordinatorsOf(tx, c.municipalityId);
    const url = `${appUrl()}/applications/${c.id}#messages`;
    await queueMail(
      tx,
      recipients.map((r) => ({
        ...caseMessageNotice({
          caseNumber: c.caseNumber ?? "",
          title: c.title,
          associationName: c.association.name,
          toStaff: !c.staff,
          url,
          locale: r.locale,
        }),
        to: r.email,
        kind: "message.case",
        municipalityId: c.municipalityId,
        applicationId: c.id,
      })),
    );
    await audit(tx, actor, {
      action: "message.posted",
      entityType: "Message",
      entityId: message.id,
      municipalityId: c.municipalityId,
      after: { applicationId: c.id, fromStaff: c.staff, length: message.body.length, notified: recipients.length },
    });
    return {
      id: message.id,
      body: message.body,
      fromStaff: message.fromStaff,
      authorName: actor.name,
      mine: true,
      createdAt: message.createdAt,
      readAt: null,
      unread: false,
    };
  });
}

/**
 * A message through the public contact form: a case-less message for the
 * coordinator, a notice to the coordinators (or the municipality's contact
 * address) and, when the sender gave an e-mail address, a receipt to it.
 * Limited per client address and per e-mail address; valid input only counts.
 */
export async function postContactMessage(
  actor: Actor | null,
  input: unknown,
  opts: { ip: string; locale: Locale; now?: Date },
) {
  const parsed = ContactMessageSchema.safeParse(input ?? {});
  if (!parsed.success) throw validationError(zodFieldErrors(parsed.error));
  const v = parsed.data;
  const now = opts.now ?? new Date();
  const limited = () => new ServiceError("RATE_LIMITED", "errors.contact.rateLimited");
  if (!(await takeRateLimit(`contact:ip:${opts.ip}`, CONTACT_LIMIT_PER_IP, CONTACT_LIMIT_WINDOW))) throw limited();
  const address = v.email ? normalizeEmailIdentifier(v.email) : null;
  if (address && !(await takeRateLimit(`contact:email:${address}`, CONTACT_LIMIT_PER_ADDRESS, CONTACT_LIMIT_WINDOW))) throw limited();
  const m = await getMunicipality();
  const locale = actor?.locale ?? opts.locale;
  return db.$transaction(async (tx) => {
    const message = await tx.message.create({
      data: {
        municipalityId: m.id,
        applicationId: null,
        authorId: actor?.userId ?? null,
        fromStaff: false,
        body: v.body,
        topic: v.topic,
        service: v.service,
        replyBy: v.replyBy,
        senderName: v.name,
        senderEmail: v.email,
        senderPhone: v.phone,
        createdAt: now,
      },
    });
    const mails: QueuedMail[] = (await coordinatorsOf(tx, m.id)).map((r) => ({
      ...contactMessageNotice({
        topic: v.topic,
        service: translate(r.locale, `contact.service.${v.service}`),
        replyBy: v.replyBy,
        name: v.name,
        email: v.email,
        phone: v.phone,
        body: v.body,
        url: `${appUrl()}/coordinator/messages`,
        locale: r.locale,
      }),
      to: r.email,
      // Only the bare address, checked by the schema and again by the outbox: a reply goes straight to the sender.
      replyTo: v.email ?? undefined,
      kind: "message.contact",
      municipalityId: m.id,
    }));
    if (v.email) {
      mails.push({ ...contactReceipt({ municipalityName: m.name, replyBy: v.replyBy, locale }), to: v.email, kind: "message.contact-receipt", municipalityId: m.id });
    }
    await queueMail(tx, mails);
    await audit(tx, actor ?? "system", {
      action: "message.contact-received",
      entityType: "Message",
      entityId: message.id,
      municipalityId: m.id,
      after: { service: v.service, replyBy: v.replyBy, signedIn: actor !== null },
    });
    return { id: message.id, receiptTo: v.email };
  });
}

// ---------------------------------------------------------------- the coordinator's inbox

export type InboxFilters = { kind?: InboxKind; after?: string };

/** Where a page ended: in the unread part or the read part, and the last row's place in it. */
type Cursor = { unread: boolean; createdAt: Date; id: string };

function encodeCursor(c: Cursor): string {
  return `${c.unread ? "u" : "r"}_${c.createdAt.toISOString()}_${c.id}`;
}

function decodeCursor(value: string | undefined): Cursor | null {
  const m = /^([ur])_(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)_([0-9a-f-]{36})$/i.exec(value ?? "");
  if (!m || !isUuid(m[3]!)) return null;
  const createdAt = new Date(m[2]!);
  return Number.isNaN(createdAt.getTime()) ? null : { unread: m[1] === "u", createdAt, id: m[3]!.toLowerCase() };
}

const after = (c: Cursor | null): Prisma.MessageWhereInput =>
  c ? { OR: [{ createdAt: { lt: c.createdAt } }, { createdAt: c.createdAt, id: { lt: c.id } }] } : {};

/**
 * The coordinator's inbox: members' messages on the municipality's cases and
 * contact messages, unread first, newest first within each; a page at a time
 * (keyset over unread, then read; no counting).
 */
export async function listInbox(actor: Actor, filters: InboxFilters = {}) {
  requirePermission(actor, "message:staff");
  const municipalityId = requireMunicipality(actor);
  const where: Prisma.MessageWhereInput = {
    municipalityId,
    fromStaff: false,
    ...(filters.kind === "case" ? { applicationId: { not: null } } : filters.kind === "contact" ? { applicationId: null } : {}),
  };
  const cursor = decodeCursor(filters.after);
  const take = INBOX_PAGE_SIZE + 1;
  const query = (read: boolean, c: Cursor | null, n: number) =>
    db.message.findMany({
      where: { AND: [where, read ? { readAt: { not: null } } : { readAt: null }, after(c)] },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: n,
      include: { application: { select: { id: true, caseNumber: true, title: true, association: { select: { name: true } } } } },
    });
  let rows = !cursor || cursor.unread ? await query(false, cursor, take) : [];
  if (rows.length < take) rows = rows.concat(await query(true, cursor && !cursor.unread ? cursor : null, take - rows.length));
  const page = rows.slice(0, INBOX_PAGE_SIZE);
  const last = page.at(-1);
  const names = await authorNames(db, page.map((r) => (r.applicationId ? r.authorId : null)));
  return {
    items: page.map((r) => ({
      id: r.id,
      kind: (r.application ? "case" : "contact") as InboxKind,
      createdAt: r.createdAt,
      readAt: r.readAt,
      body: r.body,
      fromName: r.application ? (r.authorId ? (names.get(r.authorId) ?? null) : null) : r.senderName,
      application: r.application
        ? { id: r.application.id, caseNumber: r.application.caseNumber, title: r.application.title, associationName: r.application.association.name }
        : null,
      contact: r.application
        ? null
        : { topic: r.topic, service: r.service, replyBy: r.replyBy, email: r.senderEmail, phone: r.senderPhone },
    })),
    nextCursor: rows.length > INBOX_PAGE_SIZE && last ? encodeCursor({ unread: last.readAt === null, createdAt: last.createdAt, id: last.id }) : null,
  };
}

/** The coordinator marks a message in the inbox handled (read), or unread again. */
export async function setMessageRead(actor: Actor, id: string, read = true, now = new Date()) {
  requirePermission(actor, "message:staff");
  const municipalityId = requireMunicipality(actor);
  if (!isUuid(id)) throw notFound();
  return db.$transaction(async (tx) => {
    // Locked: two coordinators marking at once leave one consistent state and one audit record.
    const locked = await tx.$queryRaw<{ id: string }[]>`
      select id from "Message" where id = ${id}::uuid and "municipalityId" = ${municipalityId}::uuid and "fromStaff" = false for update`;
    if (!locked.length) throw notFound();
    const before = await tx.message.findUniqueOrThrow({ where: { id }, select: { readAt: true } });
    if ((before.readAt !== null) === read) return { id, readAt: before.readAt };
    const after = await tx.message.update({
      where: { id },
      data: read ? { readAt: now, readById: actor.userId } : { readAt: null, readById: null },
      select: { readAt: true },
    });
    await audit(tx, actor, {
      action: read ? "message.read" : "message.unread",
      entityType: "Message",
      entityId: id,
      municipalityId,
      before: { readAt: before.readAt },
      after: { readAt: after.readAt },
    });
    return { id, readAt: after.readAt };
  });
}

/**
 * Unread messages waiting for the actor: for the coordinator, the inbox's
 * unread ones; for a member, the coordinator's unread messages on their
 * associations' cases. Anyone else has none.
 */
export async function unreadMessageCount(actor: Actor): Promise<number> {
  const staffOf = staffMunicipality(actor);
  if (staffOf) return db.message.count({ where: { municipalityId: staffOf, fromStaff: false, readAt: null } });
  return db.message.count({
    where: { fromStaff: true, readAt: null, application: { association: { memberships: { some: { userId: actor.userId } } } } },
  });
}
