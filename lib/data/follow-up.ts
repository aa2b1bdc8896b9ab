import "server-only";
// Follow-up reports (återrapporter) on approved grants
// (docs/decisions/0008-follow-up-reports.md). One FollowUpReport per
// application is the association's working copy; each submission freezes a
// FollowUpReportRound with the content as sent, and the coordinator's review
// (accepted, or returned with a comment) is recorded on that round. Rounds are
// never changed afterwards, so both sides see every round.
//
// The application's current decision carries the due date (reportDueOn);
// whether a report is overdue is lib/domain/follow-up.ts reportObligation's.
import { db, type Tx } from "@/lib/db";
import { requireMunicipality, requirePermission, type Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { audit } from "@/lib/data/audit";
import { isUuid } from "@/lib/data/associations";
import { conflict, notFound, ServiceError, validationError, zodFieldErrors } from "@/lib/errors";
import { discardStored, readStored, storePdf } from "@/lib/files/storage";
import { queueMail } from "@/lib/mail/outbox";
import { followUpAccepted, followUpReturned } from "@/lib/mail/templates-follow-up";
import { appUrl } from "@/lib/env";
import { dateOnlyOf, todayIn } from "@/lib/domain/dates";
import { blocksNewApplications, daysUntil, isAssociationsTurn, reportObligation, type FollowUpStatus, type Obligation } from "@/lib/domain/follow-up";
import { isWholeKronor } from "@/lib/domain/money";
import {
  FOLLOW_UP_FILES_MAX,
  FollowUpDraftSchema,
  FollowUpListQuerySchema,
  FollowUpReturnSchema,
  followUpSubmitSchema,
  type FollowUpListStatus,
  type FollowUpSubmit,
} from "@/lib/schemas/follow-up";
import { Prisma } from "@/lib/generated/prisma/client";

export const FOLLOW_UP_PAGE_SIZE = 50;
/** The multipart/form field a report's attachment travels in, on the web and in the API. */
export const FOLLOW_UP_FILE_FIELD = "file";

type Line = { label: string; amount: number | null };
type Outcome = { objectiveId: string; text: string };

/** The report's fields as the association writes them (the working copy). */
export type FollowUpFields = {
  summary: string;
  startDate: string | null;
  endDate: string | null;
  participantsTotal: number | null;
  participantsUnder26: number | null;
  /** One per objective the application named, in the form's order. */
  outcomes: Outcome[];
  costLines: Line[];
  otherFunding: Line[];
};

/** A round's frozen content: the report exactly as submitted, with the objectives' texts of the day. */
export type FollowUpContent = {
  summary: string;
  startDate: string;
  endDate: string;
  participantsTotal: number;
  participantsUnder26: number;
  outcomes: { objectiveId: string; objectiveSv: string; objectiveEn: string; text: string }[];
  costLines: { label: string; amount: number }[];
  otherFunding: { label: string; amount: number }[];
  attachments: { id: string; name: string; size: number }[];
};

const FIELD_NAMES = ["summary", "startDate", "endDate", "participantsTotal", "participantsUnder26", "outcomes", "costLines", "otherFunding"] as const;

// ---------------------------------------------------------------- loading a case

const caseSelect = (userId: string) =>
  ({
    id: true,
    municipalityId: true,
    associationId: true,
    caseNumber: true,
    title: true,
    grantKind: true,
    startDate: true,
    endDate: true,
    participantsTotal: true,
    participantsUnder26: true,
    budgetLines: true,
    otherFunding: true,
    association: { select: { id: true, name: true, memberships: { where: { userId }, select: { userId: true } } } },
    partnerTown: { select: { name: true } },
    programYear: { select: { year: true } },
    currentDecision: { select: { amount: true, reportDueOn: true } },
    objectives: { select: { objective: { select: { id: true, textSv: true, textEn: true, sortOrder: true } } } },
    followUpReport: { include: { rounds: { orderBy: { round: "asc" } } } },
    files: { where: { kind: "FOLLOW_UP_ATTACHMENT" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, originalName: true, size: true } },
  }) satisfies Prisma.ApplicationSelect;

type CaseRow = Prisma.ApplicationGetPayload<{ select: ReturnType<typeof caseSelect> }>;
type Case = CaseRow & {
  dueOn: string;
  isMember: boolean;
  isReviewer: boolean;
  objectiveList: { id: string; textSv: string; textEn: string }[];
  /** Attachments that are part of a submitted round: kept for the history, never removed. */
  submittedFileIds: Set<string>;
};

/** Applications with a report obligation: approved and in force, with a due date. */
const withObligation = {
  status: "APPROVED",
  currentDecision: { is: { outcome: "APPROVED", reportDueOn: { not: null } } },
} satisfies Prisma.ApplicationWhereInput;

/** The association's members, and the coordinator of the application's municipality. */
function caseScope(actor: Actor): Prisma.ApplicationWhereInput {
  const own: Prisma.ApplicationWhereInput = { association: { memberships: { some: { userId: actor.userId } } } };
  if (can(actor, "report:review") && actor.municipalityId) return { OR: [own, { municipalityId: actor.municipalityId }] };
  return own;
}

async function loadCase(q: Tx | typeof db, actor: Actor, applicationId: string): Promise<Case> {
  if (!isUuid(applicationId)) throw notFound();
  const row = await q.application.findFirst({ where: { id: applicationId, ...withObligation, AND: [caseScope(actor)] }, select: caseSelect(actor.userId) });
  if (!row?.currentDecision?.reportDueOn) throw notFound();
  const objectiveList = row.objectives
    .map((o) => o.objective)
    .toSorted((a, b) => a.sortOrder - b.sortOrder || a.id.localeCompare(b.id))
    .map(({ id, textSv, textEn }) => ({ id, textSv, textEn }));
  const submittedFileIds = new Set((row.followUpReport?.rounds ?? []).flatMap((r) => (r.content as FollowUpContent).attachments.map((f) => f.id)));
  return {
    ...row,
    dueOn: dateOnlyOf(row.currentDecision.reportDueOn),
    isMember: row.association.memberships.length > 0,
    isReviewer: can(actor, "report:review") && actor.municipalityId === row.municipalityId,
    objectiveList,
    submittedFileIds,
  };
}

/** One report at a time: autosave, uploads, submit and review of one application never interleave. */
async function lockCase(tx: Tx, applicationId: string) {
  await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${`follow-up:${applicationId}`}))`;
}

const day = (d: Date | null) => (d ? dateOnlyOf(d) : null);

function linesOf(value: unknown): Line[] {
  if (!Array.isArray(value)) return [];
  return value.map((l: { label?: unknown; amount?: unknown }) => ({
    label: typeof l?.label === "string" ? l.label : "",
    amount: isWholeKronor(l?.amount) ? (l.amount as number) : null,
  }));
}

/** Outcomes in the order of the application's objectives, one per objective (empty until written). */
function outcomesFor(c: Case, stored: unknown): Outcome[] {
  const written = new Map(
    (Array.isArray(stored) ? stored : []).map((o: { objectiveId?: unknown; text?: unknown }) => [String(o?.objectiveId), typeof o?.text === "string" ? o.text : ""]),
  );
  return c.objectiveList.map((o) => ({ objectiveId: o.id, text: written.get(o.id) ?? "" }));
}

/**
 * The working copy. Before the association has written anything, it starts
 * from what the application planned (dates, participants, budget), for the
 * association to correct to what actually happened.
 */
function fieldsOf(c: Case): FollowUpFields {
  const r = c.followUpReport;
  if (!r) {
    return {
      summary: "",
      startDate: day(c.startDate),
      endDate: day(c.endDate),
      participantsTotal: c.participantsTotal,
      participantsUnder26: c.participantsUnder26,
      outcomes: outcomesFor(c, []),
      costLines: linesOf(c.budgetLines),
      otherFunding: linesOf(c.otherFunding),
    };
  }
  return {
    summary: r.summary,
    startDate: day(r.startDate),
    endDate: day(r.endDate),
    participantsTotal: r.participantsTotal,
    participantsUnder26: r.participantsUnder26,
    outcomes: outcomesFor(c, r.outcomes),
    costLines: linesOf(r.costLines),
    otherFunding: linesOf(r.otherFunding),
  };
}

function columnsOf(f: FollowUpFields) {
  return {
    summary: f.summary,
    startDate: f.startDate ? new Date(`${f.startDate}T00:00:00.000Z`) : null,
    endDate: f.endDate ? new Date(`${f.endDate}T00:00:00.000Z`) : null,
    participantsTotal: f.participantsTotal,
    participantsUnder26: f.participantsUnder26,
    outcomes: f.outcomes,
    costLines: f.costLines,
    otherFunding: f.otherFunding,
  };
}

/** The working copy's row, written with the prefilled fields when the association starts. */
async function ensureReport(tx: Tx, actor: Actor, c: Case) {
  if (c.followUpReport) return c.followUpReport;
  return tx.followUpReport.create({
    data: { applicationId: c.id, status: "DRAFT", createdById: actor.userId, ...columnsOf(fieldsOf(c)) },
    include: { rounds: true },
  });
}

function assertAssociationsTurn(c: Case) {
  if (!c.isMember) throw notFound();
  if (!isAssociationsTurn(c.followUpReport?.status ?? null)) throw conflict("errors.followUp.notEditable");
}

// ---------------------------------------------------------------- the view both sides read

async function toView(q: Tx | typeof db, c: Case, today: string) {
  const r = c.followUpReport;
  const status: FollowUpStatus | null = r?.status ?? null;
  const people = new Set((r?.rounds ?? []).flatMap((x) => [x.submittedById, x.reviewedById]).filter((x): x is string => !!x));
  const users = people.size ? await q.user.findMany({ where: { id: { in: [...people] } }, select: { id: true, name: true, email: true } }) : [];
  const nameOf = new Map(users.map((u) => [u.id, u.name ?? u.email]));
  const obligation: Obligation = reportObligation({ dueOn: c.dueOn, status, today });
  return {
    application: {
      id: c.id,
      caseNumber: c.caseNumber,
      title: c.title,
      grantKind: c.grantKind,
      programYear: c.programYear.year,
      partnerTown: c.partnerTown?.name ?? null,
      association: { id: c.association.id, name: c.association.name },
      approvedAmount: c.currentDecision?.amount ?? 0,
      planned: {
        startDate: day(c.startDate),
        endDate: day(c.endDate),
        participantsTotal: c.participantsTotal,
        participantsUnder26: c.participantsUnder26,
        budgetLines: linesOf(c.budgetLines),
        otherFunding: linesOf(c.otherFunding),
      },
    },
    objectives: c.objectiveList,
    dueOn: c.dueOn,
    daysLeft: daysUntil(c.dueOn, today),
    obligation,
    status,
    viewer: { member: c.isMember, reviewer: c.isReviewer },
    canEdit: c.isMember && isAssociationsTurn(status),
    canReview: c.isReviewer && status === "SUBMITTED",
    submittedAt: r?.submittedAt?.toISOString() ?? null,
    acceptedAt: r?.acceptedAt?.toISOString() ?? null,
    /** The working copy: the association's own, so only its members see it. */
    draft: c.isMember
      ? {
          ...fieldsOf(c),
          attachments: c.files.map((f) => ({ id: f.id, name: f.originalName, size: f.size, submitted: c.submittedFileIds.has(f.id) })),
          updatedAt: r?.updatedAt.toISOString() ?? null,
        }
      : null,
    rounds: (r?.rounds ?? []).map((x) => ({
      round: x.round,
      submittedAt: x.submittedAt.toISOString(),
      submittedBy: nameOf.get(x.submittedById) ?? null,
      content: x.content as FollowUpContent,
      outcome: x.outcome,
      comment: x.comment,
      reviewedAt: x.reviewedAt?.toISOString() ?? null,
      reviewedBy: x.reviewedById ? (nameOf.get(x.reviewedById) ?? null) : null,
    })),
  };
}
export type FollowUpView = Awaited<ReturnType<typeof toView>>;

/** The report of an approved application, for the association's members and the coordinator. */
export async function getFollowUpReport(actor: Actor, applicationId: string, now = new Date()): Promise<FollowUpView> {
  const c = await loadCase(db, actor, applicationId);
  return toView(db, c, todayIn(now));
}

// ---------------------------------------------------------------- the association writes

function changedFields(before: FollowUpFields, after: FollowUpFields) {
  return FIELD_NAMES.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
}

const pick = (f: FollowUpFields, names: readonly (typeof FIELD_NAMES)[number][]) => Object.fromEntries(names.map((n) => [n, f[n]]));

/**
 * Saves the working copy, however incomplete (absent fields stay as they are),
 * from the grant's approval until the report is submitted, and again while it
 * is back with the association for completion.
 */
export async function saveFollowUpDraft(actor: Actor, applicationId: string, input: unknown, now = new Date()): Promise<FollowUpView> {
  const parsed = FollowUpDraftSchema.safeParse(input);
  if (!parsed.success) throw validationError(zodFieldErrors(parsed.error));
  const data = parsed.data;
  if (!isUuid(applicationId)) throw notFound();
  return db.$transaction(async (tx) => {
    await lockCase(tx, applicationId);
    const c = await loadCase(tx, actor, applicationId);
    assertAssociationsTurn(c);
    if (data.outcomes) {
      const known = new Set(c.objectiveList.map((o) => o.id));
      const errors: Record<string, string[]> = {};
      data.outcomes.forEach((o, i) => {
        if (!known.has(o.objectiveId)) errors[`outcomes.${i}.objectiveId`] = ["validation.followUp.outcomeUnknown"];
      });
      if (Object.keys(errors).length) throw validationError(errors);
    }
    const before = fieldsOf(c);
    const after: FollowUpFields = {
      summary: data.summary ?? before.summary,
      startDate: data.startDate !== undefined ? data.startDate : before.startDate,
      endDate: data.endDate !== undefined ? data.endDate : before.endDate,
      participantsTotal: data.participantsTotal !== undefined ? data.participantsTotal : before.participantsTotal,
      participantsUnder26: data.participantsUnder26 !== undefined ? data.participantsUnder26 : before.participantsUnder26,
      outcomes: data.outcomes !== undefined ? outcomesFor(c, data.outcomes ?? []) : before.outcomes,
      costLines: data.costLines !== undefined ? (data.costLines ?? []) : before.costLines,
      otherFunding: data.otherFunding !== undefined ? (data.otherFunding ?? []) : before.otherFunding,
    };
    const created = !c.followUpReport;
    const report = c.followUpReport
      ? await tx.followUpReport.update({ where: { id: c.followUpReport.id }, data: { ...columnsOf(after), updatedAt: now } })
      : await tx.followUpReport.create({ data: { applicationId, status: "DRAFT", createdById: actor.userId, ...columnsOf(after) } });
    const changed = changedFields(before, after);
    if (created || changed.length) {
      await audit(tx, actor, {
        action: created ? "report.started" : "report.draft-saved",
        entityType: "Application",
        entityId: applicationId,
        municipalityId: c.municipalityId,
        before: created ? null : pick(before, changed),
        after: { status: report.status, ...pick(after, created ? FIELD_NAMES : changed) },
      });
    }
    return toView(tx, await loadCase(tx, actor, applicationId), todayIn(now));
  });
}

/**
 * The working copy as the form sends it: a missing date or number is an empty
 * field, so the submit schema reports every error at once, as it does in the
 * browser (a null stops zod before the rules between fields).
 */
function asFormValues(f: FollowUpFields) {
  const text = (v: string | number | null) => (v === null ? "" : v);
  return {
    ...f,
    startDate: text(f.startDate),
    endDate: text(f.endDate),
    participantsTotal: text(f.participantsTotal),
    participantsUnder26: text(f.participantsUnder26),
    costLines: f.costLines.map((l) => ({ label: l.label, amount: text(l.amount) })),
    otherFunding: f.otherFunding.map((l) => ({ label: l.label, amount: text(l.amount) })),
  };
}

/** The working copy as the round keeps it, with the objectives' texts of the day and the attachments. */
function contentOf(c: Case, fields: FollowUpSubmit): FollowUpContent {
  const objective = new Map(c.objectiveList.map((o) => [o.id, o]));
  return {
    summary: fields.summary,
    startDate: fields.startDate,
    endDate: fields.endDate,
    participantsTotal: fields.participantsTotal,
    participantsUnder26: fields.participantsUnder26,
    outcomes: fields.outcomes.map((o) => ({
      objectiveId: o.objectiveId,
      objectiveSv: objective.get(o.objectiveId)?.textSv ?? "",
      objectiveEn: objective.get(o.objectiveId)?.textEn ?? "",
      text: o.text,
    })),
    costLines: fields.costLines,
    otherFunding: fields.otherFunding,
    attachments: c.files.map((f) => ({ id: f.id, name: f.originalName, size: f.size })),
  };
}

/**
 * Submits the working copy as a new round, once the activity has ended (its
 * actual end date, as the report gives it, is today or earlier). The
 * coordinator is not mailed: reports waiting for review are on their start
 * page and in /coordinator/reports.
 */
export async function submitFollowUpReport(actor: Actor, applicationId: string, now = new Date()): Promise<FollowUpView> {
  if (!isUuid(applicationId)) throw notFound();
  const today = todayIn(now);
  return db.$transaction(async (tx) => {
    await lockCase(tx, applicationId);
    const c = await loadCase(tx, actor, applicationId);
    assertAssociationsTurn(c);
    const schema = followUpSubmitSchema({ objectiveIds: c.objectiveList.map((o) => o.id), today });
    const parsed = schema.safeParse(asFormValues(fieldsOf(c)));
    if (!parsed.success) throw validationError(zodFieldErrors(parsed.error));
    const report = await ensureReport(tx, actor, c);
    const round = (c.followUpReport?.rounds.at(-1)?.round ?? 0) + 1;
    const content = contentOf(c, parsed.data);
    await tx.followUpReportRound.create({
      data: { reportId: report.id, round, content: content as unknown as Prisma.InputJsonValue, submittedById: actor.userId, submittedAt: now },
    });
    await tx.followUpReport.update({ where: { id: report.id }, data: { status: "SUBMITTED", submittedAt: now } });
    await audit(tx, actor, {
      action: "report.submitted",
      entityType: "Application",
      entityId: applicationId,
      municipalityId: c.municipalityId,
      before: { status: report.status },
      after: { status: "SUBMITTED", round, dueOn: c.dueOn, attachments: content.attachments.map((f) => f.id) },
    });
    return toView(tx, await loadCase(tx, actor, applicationId), today);
  });
}

/** Adds a PDF to the working copy (at most FOLLOW_UP_FILES_MAX on one report). */
export async function addFollowUpAttachment(actor: Actor, applicationId: string, file: { bytes: Buffer; name: string } | null, now = new Date()): Promise<FollowUpView> {
  if (!file) throw validationError({ [FOLLOW_UP_FILE_FIELD]: ["validation.file.required"] });
  // Nothing is written to disk for a report the actor may not change.
  assertAssociationsTurn(await loadCase(db, actor, applicationId));
  const stored = await storePdf(file, FOLLOW_UP_FILE_FIELD);
  try {
    return await db.$transaction(async (tx) => {
      await lockCase(tx, applicationId);
      const c = await loadCase(tx, actor, applicationId);
      assertAssociationsTurn(c);
      if (c.files.length >= FOLLOW_UP_FILES_MAX) throw validationError({ [FOLLOW_UP_FILE_FIELD]: ["validation.file.tooMany"] });
      const report = await ensureReport(tx, actor, c);
      const f = await tx.storedFile.create({
        data: { ...stored, kind: "FOLLOW_UP_ATTACHMENT", associationId: c.associationId, applicationId, uploadedById: actor.userId },
      });
      await tx.followUpReport.update({ where: { id: report.id }, data: { updatedAt: now } });
      await audit(tx, actor, {
        action: "report.attachment-added",
        entityType: "Application",
        entityId: applicationId,
        municipalityId: c.municipalityId,
        after: { fileId: f.id, name: f.originalName, size: f.size, sha256: f.sha256 },
      });
      return toView(tx, await loadCase(tx, actor, applicationId), todayIn(now));
    });
  } catch (error) {
    await discardStored(stored.storageKey);
    throw error;
  }
}

/** Removes an attachment added since the last submission; one already submitted stays, in the history. */
export async function removeFollowUpAttachment(actor: Actor, applicationId: string, fileId: string, now = new Date()): Promise<FollowUpView> {
  if (!isUuid(applicationId) || !isUuid(fileId)) throw notFound();
  const { view, storageKey } = await db.$transaction(async (tx) => {
    await lockCase(tx, applicationId);
    const c = await loadCase(tx, actor, applicationId);
    assertAssociationsTurn(c);
    const f = await tx.storedFile.findFirst({ where: { id: fileId, applicationId, kind: "FOLLOW_UP_ATTACHMENT" } });
    if (!f) throw notFound();
    if (c.submittedFileIds.has(f.id)) throw conflict("errors.followUp.attachmentSubmitted");
    await tx.storedFile.delete({ where: { id: f.id } });
    if (c.followUpReport) await tx.followUpReport.update({ where: { id: c.followUpReport.id }, data: { updatedAt: now } });
    await audit(tx, actor, {
      action: "report.attachment-removed",
      entityType: "Application",
      entityId: applicationId,
      municipalityId: c.municipalityId,
      before: { fileId: f.id, name: f.originalName },
    });
    return { view: await toView(tx, await loadCase(tx, actor, applicationId), todayIn(now)), storageKey: f.storageKey };
  });
  // The row is gone for good; the bytes go after the commit.
  await discardStored(storageKey);
  return view;
}

/** An attachment of the report, for the association's members and the coordinator. */
export async function getFollowUpAttachment(actor: Actor, applicationId: string, fileId: string) {
  if (!isUuid(fileId)) throw notFound();
  const c = await loadCase(db, actor, applicationId);
  const f = await db.storedFile.findFirst({ where: { id: fileId, applicationId: c.id, kind: "FOLLOW_UP_ATTACHMENT" } });
  if (!f) throw notFound();
  return { name: f.originalName, bytes: await readStored(f.storageKey) };
}

// ---------------------------------------------------------------- the coordinator reviews

async function review(actor: Actor, applicationId: string, outcome: "ACCEPTED" | "RETURNED", comment: string | null, now: Date): Promise<FollowUpView> {
  requirePermission(actor, "report:review");
  const municipalityId = requireMunicipality(actor);
  if (!isUuid(applicationId)) throw notFound();
  return db.$transaction(async (tx) => {
    await lockCase(tx, applicationId);
    const c = await loadCase(tx, actor, applicationId);
    if (!c.isReviewer || c.municipalityId !== municipalityId) throw notFound();
    const report = c.followUpReport;
    const last = report?.rounds.at(-1);
    if (!report || report.status !== "SUBMITTED" || !last) throw conflict("errors.followUp.notAwaitingReview");
    await tx.followUpReportRound.update({ where: { id: last.id }, data: { outcome, comment, reviewedById: actor.userId, reviewedAt: now } });
    await tx.followUpReport.update({
      where: { id: report.id },
      data: { status: outcome, ...(outcome === "ACCEPTED" ? { acceptedAt: now, acceptedById: actor.userId } : {}) },
    });
    await audit(tx, actor, {
      action: outcome === "ACCEPTED" ? "report.accepted" : "report.returned",
      entityType: "Application",
      entityId: applicationId,
      municipalityId,
      before: { status: report.status, round: last.round },
      after: { status: outcome, round: last.round, comment },
    });
    const members = await tx.membership.findMany({
      where: { associationId: c.associationId, user: { active: true } },
      select: { user: { select: { email: true, locale: true } } },
      orderBy: { createdAt: "asc" },
    });
    const url = `${appUrl()}/applications/${applicationId}/report`;
    const caseNumber = c.caseNumber ?? "";
    await queueMail(
      tx,
      members.map(({ user }) => ({
        to: user.email,
        kind: outcome === "ACCEPTED" ? "follow-up.accepted" : "follow-up.returned",
        municipalityId,
        applicationId,
        ...(outcome === "ACCEPTED"
          ? followUpAccepted({ caseNumber, title: c.title, url, locale: user.locale })
          : followUpReturned({ caseNumber, title: c.title, comment: comment ?? "", url, locale: user.locale })),
      })),
    );
    return toView(tx, await loadCase(tx, actor, applicationId), todayIn(now));
  });
}

/** Accepts the submitted report: the grant's follow-up is done. The members are mailed. */
export async function acceptFollowUpReport(actor: Actor, applicationId: string, now = new Date()) {
  return review(actor, applicationId, "ACCEPTED", null, now);
}

/** Sends the submitted report back for completion with a comment the members read (and are mailed). */
export async function returnFollowUpReport(actor: Actor, applicationId: string, input: unknown, now = new Date()) {
  requirePermission(actor, "report:review");
  const parsed = FollowUpReturnSchema.safeParse(input);
  if (!parsed.success) throw validationError(zodFieldErrors(parsed.error));
  return review(actor, applicationId, "RETURNED", parsed.data.comment, now);
}

// ---------------------------------------------------------------- the coordinator's list

/**
 * The municipality's report obligations, a page at a time (keyset on due date
 * and application id): by default the reports waiting for review; also the
 * overdue, the open, the accepted, or all.
 */
export async function listFollowUpReports(actor: Actor, query: unknown, now = new Date()) {
  requirePermission(actor, "report:review");
  const municipalityId = requireMunicipality(actor);
  const parsed = FollowUpListQuerySchema.safeParse(query ?? {});
  if (!parsed.success) throw validationError(zodFieldErrors(parsed.error));
  const q = parsed.data;
  const today = todayIn(now);
  const todayDate = new Date(`${today}T00:00:00.000Z`);
  const theirTurn: Prisma.ApplicationWhereInput = { OR: [{ followUpReport: { is: null } }, { followUpReport: { is: { status: { in: ["DRAFT", "RETURNED"] } } } }] };
  const byStatus: Record<FollowUpListStatus, Prisma.ApplicationWhereInput> = {
    AWAITING_REVIEW: { followUpReport: { is: { status: "SUBMITTED" } } },
    DONE: { followUpReport: { is: { status: "ACCEPTED" } } },
    OVERDUE: { AND: [theirTurn, { currentDecision: { is: { reportDueOn: { lt: todayDate } } } }] },
    OPEN: { AND: [theirTurn, { currentDecision: { is: { reportDueOn: { gte: todayDate } } } }] },
    ALL: {},
  };
  const where: Prisma.ApplicationWhereInput = {
    municipalityId,
    ...withObligation,
    AND: [
      byStatus[q.status],
      q.year ? { programYear: { year: q.year } } : {},
      q.associationId ? { associationId: q.associationId } : {},
    ],
  };
  let cursor: Prisma.ApplicationWhereInput = {};
  if (q.after) {
    const last = await db.application.findFirst({ where: { id: q.after, municipalityId }, select: { id: true, currentDecision: { select: { reportDueOn: true } } } });
    const dueOn = last?.currentDecision?.reportDueOn;
    if (dueOn) cursor = { OR: [{ currentDecision: { is: { reportDueOn: { gt: dueOn } } } }, { currentDecision: { is: { reportDueOn: dueOn } }, id: { gt: last.id } }] };
  }
  const rows = await db.application.findMany({
    where: { AND: [where, cursor] },
    orderBy: [{ currentDecision: { reportDueOn: "asc" } }, { id: "asc" }],
    take: FOLLOW_UP_PAGE_SIZE + 1,
    select: {
      id: true,
      caseNumber: true,
      title: true,
      association: { select: { id: true, name: true } },
      programYear: { select: { year: true } },
      currentDecision: { select: { reportDueOn: true } },
      followUpReport: { select: { status: true, submittedAt: true, acceptedAt: true, _count: { select: { rounds: true } } } },
    },
  });
  const page = rows.slice(0, FOLLOW_UP_PAGE_SIZE);
  const items = page.map((a) => {
    const dueOn = dateOnlyOf(a.currentDecision!.reportDueOn!);
    const status = a.followUpReport?.status ?? null;
    return {
      applicationId: a.id,
      caseNumber: a.caseNumber,
      title: a.title,
      association: a.association,
      programYear: a.programYear.year,
      dueOn,
      status,
      obligation: reportObligation({ dueOn, status, today }),
      rounds: a.followUpReport?._count.rounds ?? 0,
      submittedAt: a.followUpReport?.submittedAt?.toISOString() ?? null,
      acceptedAt: a.followUpReport?.acceptedAt?.toISOString() ?? null,
    };
  });
  return { items, nextCursor: rows.length > FOLLOW_UP_PAGE_SIZE ? (items.at(-1)?.applicationId ?? null) : null };
}

// ---------------------------------------------------------------- overdue reports

export type OverdueReport = { applicationId: string; caseNumber: string | null; title: string; dueOn: string };

/**
 * The overdue reports of each association (reportObligation's OVERDUE: past
 * the due date with the next step the association's), oldest due first; an
 * association with none is absent. One query whatever the number of
 * associations. Callers scope the ids (a page of the queue, the association
 * the actor may see).
 */
export async function overdueReportsOf(associationIds: readonly string[], today: string, q: Tx | typeof db = db): Promise<Map<string, OverdueReport[]>> {
  const ids = [...new Set(associationIds)].filter(isUuid);
  const out = new Map<string, OverdueReport[]>();
  if (!ids.length) return out;
  // The association's turn: no report yet, or a draft, or one sent back; "reportSettled" (kept by
  // the database from FollowUpReport) says the opposite. Each decision is fetched by key: as a
  // join, PostgreSQL may hash the reports or decisions of the whole country for a page's associations.
  const rows = await q.$queryRaw<{ applicationId: string; associationId: string; caseNumber: string | null; title: string; dueOn: string }[]>`
    select x."applicationId", x."associationId", x."caseNumber", x.title, to_char(x.due, 'YYYY-MM-DD') as "dueOn"
    from (
      select a.id as "applicationId", a."associationId", a."caseNumber", a.title,
        (select d."reportDueOn" from "Decision" d where d.id = a."currentDecisionId" and d.outcome = 'APPROVED') as due
      from "Application" a
      where a."associationId" in (${Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`))})
        and a.status = 'APPROVED' and not a."reportSettled"
    ) x
    where x.due < ${today}::date
    order by x.due, x."applicationId"`;
  for (const { associationId, ...report } of rows) {
    const list = out.get(associationId) ?? [];
    list.push(report);
    out.set(associationId, list);
  }
  return out;
}

/**
 * Refuses a new application while the association has an overdue report, when
 * the program year says so. The message names the report (the oldest overdue)
 * and its due date. Called inside the submitting transaction.
 */
export async function assertNoOverdueReport(tx: Tx, associationId: string, programYear: { blockOnOverdueReport: boolean }, today: string): Promise<void> {
  if (!programYear.blockOnOverdueReport) return;
  const overdue = (await overdueReportsOf([associationId], today, tx)).get(associationId) ?? [];
  if (!blocksNewApplications({ blockOnOverdueReport: programYear.blockOnOverdueReport, overdueCount: overdue.length })) return;
  const first = overdue[0]!;
  throw new ServiceError("VALIDATION", "errors.followUp.overdueBlocksSubmit", undefined, {
    caseNumber: first.caseNumber ?? first.title,
    dueOn: first.dueOn,
    count: overdue.length,
  });
}

/**
 * What a case page shows about the report besides the report itself: the
 * obligation (for members and the coordinator), the association's overdue
 * reports (for staff), and for a member's draft whether submitting is blocked.
 */
export async function followUpPanel(actor: Actor, application: { id: string; status: string; associationId: string; programYearId: string }, now = new Date()) {
  const today = todayIn(now);
  let obligation: FollowUpView | null = null;
  if (application.status === "APPROVED") {
    try {
      obligation = await getFollowUpReport(actor, application.id, now);
    } catch (error) {
      // An approved grant without a due date has no report to file.
      if (!(error instanceof ServiceError && error.code === "NOT_FOUND")) throw error;
    }
  }
  const staff = can(actor, "report:review") && !!actor.municipalityId;
  const overdue = (await overdueReportsOf([application.associationId], today)).get(application.associationId) ?? [];
  let blockedBy: OverdueReport | null = null;
  if (application.status === "DRAFT" && overdue.length) {
    const program = await db.programYear.findUnique({ where: { id: application.programYearId }, select: { blockOnOverdueReport: true } });
    if (program?.blockOnOverdueReport) blockedBy = overdue[0]!;
  }
  return {
    report: obligation
      ? { dueOn: obligation.dueOn, daysLeft: obligation.daysLeft, obligation: obligation.obligation, status: obligation.status, viewer: obligation.viewer, rounds: obligation.rounds.length }
      : null,
    overdue: staff ? overdue : [],
    blockedBy,
  };
}
