import "server-only";
// Reminders: the hourly job queues the occasions due today (lib/domain/reminders.ts
// decides which), each at most once, with one mail per recipient through the
// outbox in the same transaction as the Reminder row that records it. Staff
// read what went out and what is coming.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { requirePermission, requireMunicipality, type Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { isUuid } from "@/lib/data/associations";
import { dateOnlyOf, todayIn } from "@/lib/domain/dates";
import {
  addDays,
  annualReportReminderYear,
  closesOnRange,
  dueReminders,
  MAX_OVERDUE_REMINDERS,
  reportDueOnRange,
  upcomingReminders as upcomingOccasions,
  type Occasion,
  type ReminderFacts,
  type ReminderKind,
} from "@/lib/domain/reminders";
import { appUrl } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Locale, OutboxStatus } from "@/lib/generated/prisma/enums";
import { logError } from "@/lib/log";
import { queueMail, type QueuedMail } from "@/lib/mail/outbox";
import { annualReportMissing, consultationClosing, reportDueSoon, reportOverdue } from "@/lib/mail/templates-reminders";

export const REMINDERS_PAGE_SIZE = 50;
/** Days after today that the upcoming list looks ahead. */
export const UPCOMING_DAYS = 7;
/** The most upcoming occasions listed at once. */
export const UPCOMING_LIMIT = 500;

/** The mail kind of each reminder kind, "reminder.<kind>" as the outbox shows it. */
export const REMINDER_MAIL_KIND: Record<ReminderKind, string> = {
  REPORT_DUE_SOON: "reminder.report-due-soon",
  REPORT_OVERDUE: "reminder.report-overdue",
  ANNUAL_REPORT_MISSING: "reminder.annual-report-missing",
  CONSULTATION_CLOSING: "reminder.consultation-closing",
};

const dateColumn = (day: string) => new Date(`${day}T00:00:00.000Z`);

type Recipient = { userId: string; email: string; name: string | null; locale: Locale };

/** What the rules need, and what the mails and lists say about each candidate. */
type Loaded = {
  facts: ReminderFacts;
  applications: Map<string, { municipalityId: string; caseNumber: string | null; title: string; associationId: string }>;
  associations: Map<string, { municipalityId: string; name: string }>;
  consultations: Map<string, { municipalityId: string }>;
  committee: Map<string, Recipient>;
};

/**
 * Loads, with a handful of set-based queries, every fact that can make an
 * occasion due on some day from `from` through `to`: report obligations whose
 * due date is near enough, associations in January's annual-report round, and
 * consultations closing soon with the committee. Scoped to one municipality
 * when given.
 */
async function loadFacts(from: string, to: string, municipalityId?: string): Promise<Loaded> {
  const inMunicipality = municipalityId ? { municipalityId } : {};
  const dueRange = reportDueOnRange(from, to);
  const closeRange = closesOnRange(from, to);
  const years = new Set<number>();
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const year = annualReportReminderYear(day);
    if (year !== null) years.add(year);
  }

  const [decisions, grantees, consultations] = await Promise.all([
    db.decision.findMany({
      where: {
        outcome: "APPROVED",
        supersededAt: null,
        current: { isNot: null },
        reportDueOn: { gte: dateColumn(dueRange.from), lte: dateColumn(dueRange.to) },
        application: inMunicipality,
      },
      select: {
        id: true,
        reportDueOn: true,
        application: {
          select: {
            id: true,
            municipalityId: true,
            caseNumber: true,
            title: true,
            associationId: true,
            association: { select: { name: true } },
            followUpReport: { select: { status: true } },
          },
        },
      },
    }),
    years.size === 0 ? Promise.resolve([]) : loadGrantees([...years], inMunicipality),
    db.consultation.findMany({
      where: { closesOn: { gte: dateColumn(closeRange.from), lte: dateColumn(closeRange.to) }, ...inMunicipality },
      select: {
        id: true,
        municipalityId: true,
        closesOn: true,
        closedEarlyReason: true,
        cases: { select: { recommendations: { select: { memberId: true } } } },
      },
    }),
  ]);

  // The committee as it is now: the members each consultation waits for (as lib/data/consultations.ts counts them).
  const members = consultations.length
    ? await db.committeeMember.findMany({
        where: { municipalityId: { in: [...new Set(consultations.map((c) => c.municipalityId))] }, user: { active: true } },
        select: { userId: true, municipalityId: true, user: { select: { email: true, name: true, locale: true } } },
        orderBy: { createdAt: "asc" },
      })
    : [];
  const committee = new Map(members.map((m) => [m.userId, { userId: m.userId, email: m.user.email, name: m.user.name, locale: m.user.locale }]));

  const applications: Loaded["applications"] = new Map();
  const associations: Loaded["associations"] = new Map();
  for (const d of decisions) {
    const a = d.application;
    applications.set(a.id, { municipalityId: a.municipalityId, caseNumber: a.caseNumber, title: a.title, associationId: a.associationId });
    associations.set(a.associationId, { municipalityId: a.municipalityId, name: a.association.name });
  }
  for (const g of grantees) associations.set(g.id, { municipalityId: g.municipalityId, name: g.name });

  return {
    facts: {
      reports: decisions.map((d) => ({
        decisionId: d.id,
        applicationId: d.application.id,
        associationId: d.application.associationId,
        dueOn: dateOnlyOf(d.reportDueOn!),
        status: d.application.followUpReport?.status ?? null,
      })),
      associations: grantees.map((g) => ({
        associationId: g.id,
        verified: g.status === "VERIFIED",
        approvedGrants: g.applications.flatMap((a) =>
          a.currentDecision ? [{ decidedOn: todayIn(a.currentDecision.decidedAt), amount: a.currentDecision.amount, paid: a.currentDecision.paidAt !== null }] : [],
        ),
        annualReports: g.annualReports,
      })),
      consultations: consultations.map((c) => ({
        consultationId: c.id,
        closesOn: dateOnlyOf(c.closesOn),
        closedEarly: c.closedEarlyReason ? { reason: c.closedEarlyReason } : null,
        memberIds: members.filter((m) => m.municipalityId === c.municipalityId).map((m) => m.userId),
        cases: c.cases.map((cc) => ({ answeredMemberIds: cc.recommendations.map((r) => r.memberId) })),
      })),
    },
    applications,
    associations,
    consultations: new Map(consultations.map((c) => [c.id, { municipalityId: c.municipalityId }])),
    committee,
  };
}

/**
 * Verified associations with a grant that can call for an annual report in
 * `years`' round: approved (current decision) since the start of the earliest
 * year, or approved and not yet paid. The rule checks the exact year.
 */
function loadGrantees(years: number[], inMunicipality: { municipalityId?: string }) {
  // A day early: the start of the year in Swedish time is the evening before in UTC.
  const since = new Date(`${Math.min(...years) - 1}-12-31T00:00:00.000Z`);
  const grant: Prisma.DecisionWhereInput = {
    outcome: "APPROVED",
    supersededAt: null,
    OR: [{ decidedAt: { gte: since } }, { paidAt: null, amount: { gt: 0 } }],
  };
  return db.association.findMany({
    where: { status: "VERIFIED", ...inMunicipality, applications: { some: { currentDecision: grant } } },
    select: {
      id: true,
      name: true,
      status: true,
      municipalityId: true,
      applications: {
        where: { currentDecision: grant },
        select: { currentDecision: { select: { decidedAt: true, amount: true, paidAt: true } } },
      },
      annualReports: { where: { activityYear: { in: years } }, select: { activityYear: true, status: true } },
    },
  });
}

/** The active members of each association, for the association's reminders. */
async function membersOf(associationIds: string[]): Promise<Map<string, Recipient[]>> {
  const byAssociation = new Map<string, Recipient[]>();
  if (!associationIds.length) return byAssociation;
  const rows = await db.membership.findMany({
    where: { associationId: { in: associationIds }, user: { active: true } },
    select: { associationId: true, user: { select: { id: true, email: true, name: true, locale: true } } },
    orderBy: { createdAt: "asc" },
  });
  for (const r of rows) {
    const list = byAssociation.get(r.associationId) ?? [];
    list.push({ userId: r.user.id, email: r.user.email, name: r.user.name, locale: r.user.locale });
    byAssociation.set(r.associationId, list);
  }
  return byAssociation;
}

/** Whether the program of `year` stops new applications from an association with an overdue report, per municipality. */
async function blockingMunicipalities(municipalityIds: string[], year: number): Promise<Set<string>> {
  if (!municipalityIds.length) return new Set();
  const rows = await db.programYear.findMany({
    where: { municipalityId: { in: municipalityIds }, year, blockOnOverdueReport: true },
    select: { municipalityId: true },
  });
  return new Set(rows.map((r) => r.municipalityId));
}

function municipalityOf(o: Occasion, loaded: Loaded): string | undefined {
  switch (o.kind) {
    case "REPORT_DUE_SOON":
    case "REPORT_OVERDUE":
      return loaded.applications.get(o.applicationId)?.municipalityId;
    case "ANNUAL_REPORT_MISSING":
      return loaded.associations.get(o.associationId)?.municipalityId;
    case "CONSULTATION_CLOSING":
      return loaded.consultations.get(o.consultationId)?.municipalityId;
  }
}

function recipientsOf(o: Occasion, loaded: Loaded, members: Map<string, Recipient[]>): Recipient[] {
  if (o.kind === "CONSULTATION_CLOSING") {
    const member = loaded.committee.get(o.memberId);
    return member ? [member] : [];
  }
  return members.get(o.associationId) ?? [];
}

function mailFor(o: Occasion, loaded: Loaded, locale: Locale, blocks: boolean) {
  switch (o.kind) {
    case "REPORT_DUE_SOON":
    case "REPORT_OVERDUE": {
      const app = loaded.applications.get(o.applicationId)!;
      const report = {
        caseNumber: app.caseNumber ?? "",
        title: app.title,
        associationName: loaded.associations.get(o.associationId)?.name ?? "",
        dueOn: o.dueOn,
        url: `${appUrl()}/applications/${o.applicationId}/report`,
        locale,
      };
      return o.kind === "REPORT_DUE_SOON"
        ? reportDueSoon({ ...report, daysLeft: o.daysLeft })
        : reportOverdue({ ...report, round: o.round, lastRound: MAX_OVERDUE_REMINDERS, blocksNewApplications: blocks });
    }
    case "ANNUAL_REPORT_MISSING":
      return annualReportMissing({
        associationName: loaded.associations.get(o.associationId)?.name ?? "",
        year: o.year,
        url: `${appUrl()}/associations/${o.associationId}/annual-reports`,
        locale,
      });
    case "CONSULTATION_CLOSING":
      return consultationClosing({ closesOn: o.closesOn, daysLeft: o.daysLeft, unanswered: o.unanswered, url: `${appUrl()}/committee`, locale });
  }
}

function reminderRow(o: Occasion, municipalityId: string, now: Date): Prisma.ReminderCreateManyInput {
  const base = { id: randomUUID(), municipalityId, kind: o.kind, occasion: o.key, createdAt: now };
  switch (o.kind) {
    case "REPORT_DUE_SOON":
    case "REPORT_OVERDUE":
      return { ...base, applicationId: o.applicationId, associationId: o.associationId, dueOn: dateColumn(o.dueOn) };
    case "ANNUAL_REPORT_MISSING":
      return { ...base, associationId: o.associationId };
    case "CONSULTATION_CLOSING":
      return { ...base, consultationId: o.consultationId, userId: o.memberId, dueOn: dateColumn(o.closesOn) };
  }
}

/**
 * Queues every reminder due at `now` (the worker calls this hourly). Each
 * occasion is its own transaction: the Reminder row (its occasion key is
 * unique) and one outbox mail per recipient, in the recipient's language.
 * The mails are queued only by the call that inserted the row, so runs on
 * the same day, or two workers at once, send each occasion once. An occasion
 * with nobody to tell is left for a later run (a member may join meanwhile).
 */
export async function queueDueReminders(now: Date): Promise<{ reminders: number; mails: number }> {
  const today = todayIn(now);
  const loaded = await loadFacts(today, today);
  const occasions = dueReminders(loaded.facts, today);
  if (!occasions.length) return { reminders: 0, mails: 0 };

  const already = new Set(
    (await db.reminder.findMany({ where: { occasion: { in: occasions.map((o) => o.key) } }, select: { occasion: true } })).map((r) => r.occasion),
  );
  const pending = occasions.filter((o) => !already.has(o.key));
  const members = await membersOf([...new Set(pending.flatMap((o) => (o.kind === "CONSULTATION_CLOSING" ? [] : [o.associationId])))]);
  const blocking = pending.some((o) => o.kind === "REPORT_OVERDUE")
    ? await blockingMunicipalities([...new Set(Array.from(loaded.applications.values(), (a) => a.municipalityId))], Number(today.slice(0, 4)))
    : new Set<string>();

  let reminders = 0;
  let mails = 0;
  for (const o of pending) {
    const municipalityId = municipalityOf(o, loaded);
    const recipients = recipientsOf(o, loaded, members);
    if (!municipalityId || !recipients.length) continue;
    try {
      const queued = await db.$transaction(async (tx) => {
        const { count } = await tx.reminder.createMany({ data: [reminderRow(o, municipalityId, now)], skipDuplicates: true });
        // Another run has it already (or is writing it and has just committed): it sends the mails.
        if (count === 0) return null;
        const row = await tx.reminder.findUniqueOrThrow({ where: { occasion: o.key }, select: { id: true } });
        const batch: QueuedMail[] = recipients.map((r) => ({
          to: r.email,
          ...mailFor(o, loaded, r.locale, blocking.has(municipalityId)),
          kind: REMINDER_MAIL_KIND[o.kind],
          municipalityId,
          applicationId: "applicationId" in o ? o.applicationId : null,
          reminderId: row.id,
        }));
        return queueMail(tx, batch);
      });
      if (queued) {
        reminders += 1;
        mails += queued.length;
      }
    } catch (error) {
      // One occasion that cannot be written (say, a member's address is refused) must not stop the others; the next run tries again.
      logError(`queueing reminder ${o.key} failed`, error);
    }
  }
  return { reminders, mails };
}

// ---------------------------------------------------------------- staff: what went out, what is coming

export type ReminderFilters = {
  kind?: ReminderKind;
  /** Keyset cursor: the id of the last row of the previous page. */
  after?: string;
};

type Concerning = {
  application: { id: string; caseNumber: string | null; title: string } | null;
  association: { id: string; name: string } | null;
  consultationId: string | null;
  /** The committee member reminded. */
  member: { id: string; name: string } | null;
};

/**
 * What each reminder is about, for staff. Cases and associations are the
 * coordinator's: an administrator (who may read reminders to see that mail
 * goes out) gets the kind, dates and delivery, not whose case it is.
 */
async function concerning(
  actor: Actor,
  municipalityId: string,
  refs: { applicationId: string | null; associationId: string | null; consultationId: string | null; userId: string | null }[],
): Promise<(r: (typeof refs)[number]) => Concerning> {
  const seesCases = can(actor, "application:review");
  const ids = (pick: (r: (typeof refs)[number]) => string | null) => [...new Set(refs.map(pick).filter((id): id is string => id !== null))];
  const [applications, associations, users] = await Promise.all([
    seesCases ? db.application.findMany({ where: { id: { in: ids((r) => r.applicationId) }, municipalityId }, select: { id: true, caseNumber: true, title: true } }) : [],
    seesCases ? db.association.findMany({ where: { id: { in: ids((r) => r.associationId) }, municipalityId }, select: { id: true, name: true } }) : [],
    db.user.findMany({ where: { id: { in: ids((r) => r.userId) }, committeeMember: { municipalityId } }, select: { id: true, name: true, email: true } }),
  ]);
  const app = new Map(applications.map((a) => [a.id, a]));
  const assoc = new Map(associations.map((a) => [a.id, a]));
  const user = new Map(users.map((u) => [u.id, { id: u.id, name: u.name ?? u.email }]));
  return (r) => ({
    application: r.applicationId ? (app.get(r.applicationId) ?? null) : null,
    association: r.associationId ? (assoc.get(r.associationId) ?? null) : null,
    consultationId: r.consultationId,
    member: r.userId ? (user.get(r.userId) ?? null) : null,
  });
}

export type SentReminder = Concerning & {
  id: string;
  kind: ReminderKind;
  occasion: string;
  /** The report's due date or the consultation's closing date; null for the annual report. */
  dueOn: string | null;
  createdAt: Date;
  mails: { id: string; to: string[]; subject: string; status: OutboxStatus; attempts: number; sentAt: Date | null }[];
};

/** The municipality's reminders that went out, newest first, with their mails' delivery; a page at a time (keyset). */
export async function listReminders(actor: Actor, filters: ReminderFilters = {}): Promise<{ items: SentReminder[]; nextCursor: string | null }> {
  requirePermission(actor, "reminder:read");
  const municipalityId = requireMunicipality(actor);
  const where: Prisma.ReminderWhereInput = { municipalityId, ...(filters.kind ? { kind: filters.kind } : {}) };
  let cursorWhere: Prisma.ReminderWhereInput = {};
  if (filters.after && isUuid(filters.after)) {
    const last = await db.reminder.findFirst({ where: { id: filters.after, municipalityId }, select: { id: true, createdAt: true } });
    if (last) cursorWhere = { OR: [{ createdAt: { lt: last.createdAt } }, { createdAt: last.createdAt, id: { lt: last.id } }] };
  }
  const rows = await db.reminder.findMany({
    where: { AND: [where, cursorWhere] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: REMINDERS_PAGE_SIZE + 1,
    select: {
      id: true,
      kind: true,
      occasion: true,
      dueOn: true,
      createdAt: true,
      applicationId: true,
      associationId: true,
      consultationId: true,
      userId: true,
      mails: {
        select: { id: true, to: true, subject: true, status: true, attempts: true, sentAt: true },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      },
    },
  });
  const hasMore = rows.length > REMINDERS_PAGE_SIZE;
  const page = rows.slice(0, REMINDERS_PAGE_SIZE);
  const about = await concerning(actor, municipalityId, page);
  const items = page.map(
    (r): SentReminder => ({
      id: r.id,
      kind: r.kind,
      occasion: r.occasion,
      dueOn: r.dueOn ? dateOnlyOf(r.dueOn) : null,
      createdAt: r.createdAt,
      ...about(r),
      mails: r.mails,
    }),
  );
  return { items, nextCursor: hasMore ? items.at(-1)!.id : null };
}

export type UpcomingReminder = Concerning & {
  /** The first day it would go out, "YYYY-MM-DD". */
  on: string;
  kind: ReminderKind;
  occasion: string;
  dueOn: string | null;
  /** How many would get it, as things stand. */
  recipients: number;
};

/**
 * What would go out from today through UPCOMING_DAYS days later if nothing
 * changes meanwhile (a report handed in or an answer given removes its
 * reminder), by the same rules the job uses; those already sent are left out.
 */
export async function upcomingReminders(
  actor: Actor,
  now = new Date(),
): Promise<{ from: string; to: string; items: UpcomingReminder[]; truncated: boolean }> {
  requirePermission(actor, "reminder:read");
  const municipalityId = requireMunicipality(actor);
  const from = todayIn(now);
  const to = addDays(from, UPCOMING_DAYS);
  const loaded = await loadFacts(from, to, municipalityId);
  const candidates = upcomingOccasions(loaded.facts, from, UPCOMING_DAYS, new Set());
  const sent = new Set(
    (await db.reminder.findMany({ where: { occasion: { in: candidates.map((c) => c.occasion.key) } }, select: { occasion: true } })).map((r) => r.occasion),
  );
  const all = candidates.filter((c) => !sent.has(c.occasion.key));
  const truncated = all.length > UPCOMING_LIMIT;
  const shown = all.slice(0, UPCOMING_LIMIT);
  const members = await membersOf([...new Set(shown.flatMap(({ occasion: o }) => (o.kind === "CONSULTATION_CLOSING" ? [] : [o.associationId])))]);
  const refs = shown.map(({ occasion: o }) => ({
    applicationId: "applicationId" in o ? o.applicationId : null,
    associationId: "associationId" in o ? o.associationId : null,
    consultationId: o.kind === "CONSULTATION_CLOSING" ? o.consultationId : null,
    userId: o.kind === "CONSULTATION_CLOSING" ? o.memberId : null,
  }));
  const about = await concerning(actor, municipalityId, refs);
  const items = shown.map(
    ({ on, occasion: o }, i): UpcomingReminder => ({
      on,
      kind: o.kind,
      occasion: o.key,
      dueOn: o.kind === "REPORT_DUE_SOON" || o.kind === "REPORT_OVERDUE" ? o.dueOn : o.kind === "CONSULTATION_CLOSING" ? o.closesOn : null,
      ...about(refs[i]!),
      recipients: recipientsOf(o, loaded, members).length,
    }),
  );
  return { from, to, items, truncated };
}
