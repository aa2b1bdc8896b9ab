import "server-only";
// Reading the audit log (lib/data/audit.ts writes it): every event of the
// staff member's municipality, filtered by person, case and days, newest
// first, a page at a time. Another municipality's events never show.
import { db } from "@/lib/db";
import { requireMunicipality, requirePermission, type Actor } from "@/lib/auth/actor";
import { isUuid } from "@/lib/data/associations";
import { validationError, type FieldErrors } from "@/lib/errors";
import { changeSummary, startOfDay } from "@/lib/domain/audit-log";
import { compareDateOnly, isDateOnly } from "@/lib/domain/dates";
import type { Prisma } from "@/lib/generated/prisma/client";

export const AUDIT_PAGE_SIZE = 50;
/** Rows in one export; a longer log is exported a period at a time. */
export const AUDIT_EXPORT_MAX = 10_000;
/** People one search text can match; a broader text should be narrowed. */
const PERSON_MATCHES_MAX = 50;
/** Messages and mails of one case whose events are shown with it. */
const RELATED_MAX = 1_000;

export type AuditFilters = {
  /** A user id, "system", or part of a name or e-mail address. */
  person?: string;
  /** A case number (e.g. "INT 2026/0012") or an application id. */
  case?: string;
  /** First and last day, "YYYY-MM-DD", Swedish time, both included. */
  from?: string;
  to?: string;
  /** The id of the last event of the previous page. */
  after?: string;
};

function clean(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}

/** The filters as the service understands them; bad ones are field errors. */
export function parseAuditFilters(input: Record<string, unknown>): Required<AuditFilters> {
  const f = { person: clean(input.person), case: clean(input.case), from: clean(input.from), to: clean(input.to), after: clean(input.after) };
  const errors: FieldErrors = {};
  if (f.person.length > 200) errors.person = ["validation.invalid"];
  if (f.case.length > 100) errors.case = ["validation.invalid"];
  if (f.from && !isDateOnly(f.from)) errors.from = ["validation.date.format"];
  if (f.to && !isDateOnly(f.to)) errors.to = ["validation.date.format"];
  if (!errors.from && !errors.to && f.from && f.to && compareDateOnly(f.from, f.to) > 0) errors.to = ["validation.audit.toBeforeFrom"];
  if (f.after && !/^\d{1,18}$/.test(f.after)) errors.after = ["validation.invalid"];
  if (Object.keys(errors).length) throw validationError(errors);
  return f;
}

/** Events whose entity belongs to the case: the application itself, its report, decisions, messages and mails. */
async function caseEntities(municipalityId: string, query: string) {
  const application = await db.application.findFirst({
    where: { municipalityId, ...(isUuid(query) ? { id: query } : { caseNumber: { equals: query, mode: "insensitive" } }) },
    select: {
      id: true,
      caseNumber: true,
      title: true,
      followUpReport: { select: { id: true } },
      decisions: { select: { id: true } },
      consultationCase: { select: { id: true } },
      messages: { select: { id: true }, take: RELATED_MAX, orderBy: { createdAt: "desc" } },
    },
  });
  if (!application) return null;
  const mails = await db.outboxMail.findMany({ where: { applicationId: application.id }, select: { id: true }, take: RELATED_MAX, orderBy: { createdAt: "desc" } });
  const related: [string, string[]][] = [
    ["Application", [application.id]],
    ["FollowUpReport", application.followUpReport ? [application.followUpReport.id] : []],
    ["Decision", application.decisions.map((d) => d.id)],
    ["ConsultationCase", application.consultationCase ? [application.consultationCase.id] : []],
    ["Message", application.messages.map((m) => m.id)],
    ["OutboxMail", mails.map((m) => m.id)],
  ];
  const where: Prisma.AuditEventWhereInput = {
    OR: related.filter(([, ids]) => ids.length).map(([entityType, ids]) => ({ entityType, entityId: ids.length === 1 ? ids[0]! : { in: ids } })),
  };
  return { application: { id: application.id, caseNumber: application.caseNumber, title: application.title }, where };
}

/** People whose events the person filter means. */
async function personWhere(municipalityId: string, query: string) {
  if (query.toLowerCase() === "system") return { where: { actorKind: "system" } satisfies Prisma.AuditEventWhereInput, people: [] };
  const people = await db.user.findMany({
    where: {
      AND: [
        isUuid(query) ? { id: query } : { OR: [{ email: { contains: query, mode: "insensitive" } }, { name: { contains: query, mode: "insensitive" } }] },
        // Staff of the municipality and members of its associations: the people its events can name.
        { OR: [{ municipalityId }, { memberships: { some: { association: { municipalityId } } } }] },
      ],
    },
    select: { id: true, name: true, email: true },
    orderBy: { email: "asc" },
    take: PERSON_MATCHES_MAX + 1,
  });
  return { where: { actorId: { in: people.slice(0, PERSON_MATCHES_MAX).map((p) => p.id) } } satisfies Prisma.AuditEventWhereInput, people };
}

type EntityLabels = Map<string, { label: string; applicationId: string | null }>;

/** A readable name for each entity on the page: one query per kind of entity, never one per row. */
async function entityLabels(municipalityId: string, events: { entityType: string; entityId: string }[]): Promise<EntityLabels> {
  const idsOf = (type: string) => [...new Set(events.filter((e) => e.entityType === type && isUuid(e.entityId)).map((e) => e.entityId))];
  const labels: EntityLabels = new Map();
  const put = (type: string, id: string, label: string, applicationId: string | null = null) => labels.set(`${type}:${id}`, { label, applicationId });
  const caseLabel = (a: { caseNumber: string | null; title: string }) => a.caseNumber ?? (a.title || "–");
  const loads: Promise<void>[] = [];
  const load = <T>(type: string, query: (ids: string[]) => Promise<T[]>, each: (row: T) => void) => {
    const ids = idsOf(type);
    if (ids.length) loads.push(query(ids).then((rows) => rows.forEach(each)));
  };
  load(
    "Application",
    (ids) => db.application.findMany({ where: { id: { in: ids }, municipalityId }, select: { id: true, caseNumber: true, title: true } }),
    (a) => put("Application", a.id, caseLabel(a), a.id),
  );
  load(
    "FollowUpReport",
    (ids) => db.followUpReport.findMany({ where: { id: { in: ids }, application: { municipalityId } }, select: { id: true, application: { select: { id: true, caseNumber: true, title: true } } } }),
    (r) => put("FollowUpReport", r.id, caseLabel(r.application), r.application.id),
  );
  load(
    "Decision",
    (ids) => db.decision.findMany({ where: { id: { in: ids }, application: { municipalityId } }, select: { id: true, application: { select: { id: true, caseNumber: true, title: true } } } }),
    (d) => put("Decision", d.id, caseLabel(d.application), d.application.id),
  );
  load(
    "Association",
    (ids) => db.association.findMany({ where: { id: { in: ids }, municipalityId }, select: { id: true, name: true } }),
    (a) => put("Association", a.id, a.name),
  );
  load(
    "AnnualReport",
    (ids) => db.annualReport.findMany({ where: { id: { in: ids }, association: { municipalityId } }, select: { id: true, activityYear: true, association: { select: { name: true } } } }),
    (r) => put("AnnualReport", r.id, `${r.association.name} ${r.activityYear}`),
  );
  load(
    "User",
    (ids) => db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } }),
    (u) => put("User", u.id, u.name ? `${u.name} <${u.email}>` : u.email),
  );
  load(
    "CommitteeMember",
    (ids) => db.committeeMember.findMany({ where: { id: { in: ids }, municipalityId }, select: { id: true, title: true, user: { select: { email: true } } } }),
    (m) => put("CommitteeMember", m.id, `${m.title} <${m.user.email}>`),
  );
  load(
    "PartnerTown",
    (ids) => db.partnerTown.findMany({ where: { id: { in: ids }, municipalityId }, select: { id: true, name: true } }),
    (t) => put("PartnerTown", t.id, t.name),
  );
  load(
    "PolicyObjective",
    (ids) => db.policyObjective.findMany({ where: { id: { in: ids }, municipalityId }, select: { id: true, textSv: true } }),
    (o) => put("PolicyObjective", o.id, o.textSv),
  );
  load(
    "ProgramYear",
    (ids) => db.programYear.findMany({ where: { id: { in: ids }, municipalityId }, select: { id: true, year: true } }),
    (p) => put("ProgramYear", p.id, String(p.year)),
  );
  load(
    "Message",
    (ids) => db.message.findMany({ where: { id: { in: ids }, municipalityId }, select: { id: true, application: { select: { id: true, caseNumber: true, title: true } } } }),
    (m) => m.application && put("Message", m.id, caseLabel(m.application), m.application.id),
  );
  load(
    "OutboxMail",
    (ids) => db.outboxMail.findMany({ where: { id: { in: ids }, municipalityId }, select: { id: true, subject: true, applicationId: true } }),
    (m) => put("OutboxMail", m.id, m.subject, m.applicationId),
  );
  await Promise.all(loads);
  return labels;
}

export type AuditEventRow = {
  id: string;
  at: Date;
  actor: { kind: "user" | "api-token" | "system"; id: string | null; name: string | null; email: string | null };
  action: string;
  entityType: string;
  entityId: string;
  /** A readable name of the entity (a case number, an association's name), null when it is gone. */
  entityLabel: string | null;
  /** The case the entity belongs to, for a link; null when there is none (or it is gone, like a deleted draft). */
  applicationId: string | null;
  changes: { field: string; before: string | null; after: string | null }[];
  before: unknown;
  after: unknown;
};

function actorKind(kind: string): AuditEventRow["actor"]["kind"] {
  return kind === "api-token" || kind === "system" ? kind : "user";
}

/**
 * One page of the municipality's audit log, newest first. Keyset pagination:
 * pass the last row's id as `after` for the next page; the order is the
 * event's time, then its id, which the (municipalityId, at), (actorId, at) and
 * (entityType, entityId, at) indexes serve.
 */
export async function listAuditEvents(actor: Actor, input: AuditFilters, opts: { take?: number } = {}) {
  requirePermission(actor, "audit:read");
  const municipalityId = requireMunicipality(actor);
  const filters = parseAuditFilters(input);
  const take = Math.min(Math.max(1, opts.take ?? AUDIT_PAGE_SIZE), 1_000);

  const and: Prisma.AuditEventWhereInput[] = [{ municipalityId }];
  let person: { query: string; matches: { id: string; name: string | null; email: string }[]; tooMany: boolean } | null = null;
  let caseFilter: { query: string; application: { id: string; caseNumber: string | null; title: string } | null } | null = null;
  let nothing = false;

  if (filters.person) {
    const found = await personWhere(municipalityId, filters.person);
    and.push(found.where);
    person = { query: filters.person, matches: found.people.slice(0, PERSON_MATCHES_MAX), tooMany: found.people.length > PERSON_MATCHES_MAX };
    if (filters.person.toLowerCase() !== "system" && found.people.length === 0) nothing = true;
  }
  if (filters.case) {
    const found = await caseEntities(municipalityId, filters.case);
    caseFilter = { query: filters.case, application: found?.application ?? null };
    if (found) and.push(found.where);
    else nothing = true;
  }
  if (filters.from) and.push({ at: { gte: startOfDay(filters.from) } });
  if (filters.to) and.push({ at: { lt: startOfDay(nextDay(filters.to)) } });
  if (filters.after) {
    const last = await db.auditEvent.findFirst({ where: { id: BigInt(filters.after), municipalityId }, select: { id: true, at: true } });
    if (last) and.push({ OR: [{ at: { lt: last.at } }, { at: last.at, id: { lt: last.id } }] });
  }

  const events = nothing
    ? []
    : await db.auditEvent.findMany({
        where: { AND: and },
        orderBy: [{ at: "desc" }, { id: "desc" }],
        take: take + 1,
        include: { actor: { select: { name: true, email: true } } },
      });
  const page = events.slice(0, take);
  const labels = await entityLabels(municipalityId, page);
  const items: AuditEventRow[] = page.map((e) => {
    const entity = labels.get(`${e.entityType}:${e.entityId}`);
    return {
      id: e.id.toString(),
      at: e.at,
      actor: { kind: actorKind(e.actorKind), id: e.actorId, name: e.actor?.name ?? null, email: e.actor?.email ?? null },
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      entityLabel: entity?.label ?? null,
      applicationId: entity?.applicationId ?? null,
      changes: changeSummary(e.before, e.after),
      before: e.before,
      after: e.after,
    };
  });
  return {
    filters: { person: filters.person, case: filters.case, from: filters.from, to: filters.to },
    person,
    case: caseFilter,
    items,
    nextCursor: events.length > take ? items.at(-1)!.id : null,
  };
}

/** The calendar day after `day`. */
function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** The filtered log for export, newest first, at most AUDIT_EXPORT_MAX rows (`truncated` says there were more). */
export async function exportAuditEvents(actor: Actor, input: AuditFilters) {
  const rows: AuditEventRow[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await listAuditEvents(actor, { ...input, after }, { take: 1_000 });
    rows.push(...page.items);
    if (!page.nextCursor || rows.length >= AUDIT_EXPORT_MAX) return { rows: rows.slice(0, AUDIT_EXPORT_MAX), truncated: rows.length > AUDIT_EXPORT_MAX || !!page.nextCursor };
    after = page.nextCursor;
  }
}
