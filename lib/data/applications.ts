import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { audit } from "@/lib/data/audit";
import { isUuid } from "@/lib/data/associations";
import { assertNoOverdueReport } from "@/lib/data/follow-up";
import { queueMail } from "@/lib/mail/outbox";
import { conflict, notFound, ServiceError, validationError } from "@/lib/errors";
import { discardStored, MAX_FILES_PER_APPLICATION, storePdf } from "@/lib/files/storage";
import { ApplicationDraftSchema, ApplicationSubmitSchema, ApplicationCreateSchema } from "@/lib/schemas/application";
import { formatCaseNumber } from "@/lib/domain/case-number";
import { dateOnlyOf, isWithinPeriod, todayIn } from "@/lib/domain/dates";
import { grantLimit, type GrantLimit } from "@/lib/domain/grant-limits";
import { checkRequestedWithinCap, sumAmounts } from "@/lib/domain/application-rules";
import { checkBudget } from "@/lib/domain/decisions";
import { approvedSum, lockPoolOnly, poolCap } from "@/lib/data/decisions";
import { isWholeKronor } from "@/lib/domain/money";
import { applicationReceipt } from "@/lib/mail/templates";
import { appUrl } from "@/lib/env";
import { zodFieldErrors } from "@/lib/errors";
import type { ApplicationStatus, GrantKind, Prisma } from "@/lib/generated/prisma/client";

const LIVE_STATUSES: ApplicationStatus[] = ["SUBMITTED", "APPROVED"];
export const QUEUE_PAGE_SIZE = 25;

/** Applications the actor may see: their associations'; the coordinator sees the municipality's submitted ones. */
function applicationScope(actor: Actor): Prisma.ApplicationWhereInput {
  if (can(actor, "application:review")) {
    return {
      OR: [
        { municipalityId: actor.municipalityId ?? "00000000-0000-0000-0000-000000000000", status: { not: "DRAFT" } },
        { association: { memberships: { some: { userId: actor.userId } } } },
      ],
    };
  }
  return { association: { memberships: { some: { userId: actor.userId } } } };
}

const memberScope = (actor: Actor): Prisma.ApplicationWhereInput => ({
  association: { memberships: { some: { userId: actor.userId } } },
});

export const applicationDetailInclude = {
  association: { select: { id: true, name: true, orgNumber: true, status: true, paymentMethod: true, paymentAccount: true } },
  partnerTown: { select: { id: true, name: true, country: true } },
  programYear: { select: { id: true, year: true, opensOn: true, closesOn: true, reportDeadlineMonths: true } },
  objectives: { select: { objective: { select: { id: true, textSv: true, textEn: true } } } },
  files: { where: { kind: "APPLICATION_ATTACHMENT" }, select: { id: true, originalName: true, size: true, createdAt: true }, orderBy: { createdAt: "asc" } },
} satisfies Prisma.ApplicationInclude;

export type ApplicationDetail = Prisma.ApplicationGetPayload<{ include: typeof applicationDetailInclude }>;

function dateOnly(d: Date | null): string | null {
  return d ? dateOnlyOf(d) : null;
}

/** The application as forms and the API see it: plain values, dates as YYYY-MM-DD. */
export function toApplicationView(a: ApplicationDetail) {
  return {
    id: a.id,
    caseNumber: a.caseNumber,
    status: a.status,
    grantKind: a.grantKind,
    programYearId: a.programYearId,
    programYear: a.programYear.year,
    association: { id: a.association.id, name: a.association.name, orgNumber: a.association.orgNumber },
    partnerTownId: a.partnerTownId,
    partnerTown: a.partnerTown ? { id: a.partnerTown.id, name: a.partnerTown.name, country: a.partnerTown.country } : null,
    title: a.title,
    purpose: a.purpose,
    description: a.description,
    objectiveIds: a.objectives.map((o) => o.objective.id),
    objectiveMotivation: a.objectiveMotivation,
    startDate: dateOnly(a.startDate),
    endDate: dateOnly(a.endDate),
    participantsTotal: a.participantsTotal,
    participantsUnder26: a.participantsUnder26,
    // A draft's line may still lack its amount (null); a submitted one never does.
    budgetLines: a.budgetLines as { label: string; amount: number | null }[],
    otherFunding: a.otherFunding as { label: string; amount: number | null }[],
    requestedAmount: a.requestedAmount,
    attachments: a.files.map((f) => ({ id: f.id, name: f.originalName, size: f.size })),
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    submittedAt: a.submittedAt?.toISOString() ?? null,
    withdrawnAt: a.withdrawnAt?.toISOString() ?? null,
  };
}
export type ApplicationView = ReturnType<typeof toApplicationView>;

function snapshot(a: { status: ApplicationStatus; caseNumber: string | null; requestedAmount: number | null; title: string }) {
  return { status: a.status, caseNumber: a.caseNumber, requestedAmount: a.requestedAmount, title: a.title };
}

function isOpen(p: { opensOn: Date; closesOn: Date }, now: Date): boolean {
  return isWithinPeriod(todayIn(now), dateOnly(p.opensOn)!, dateOnly(p.closesOn)!);
}

/** Starts a draft for one of the actor's verified associations in an open program year. */
export async function createApplication(actor: Actor, input: unknown, now = new Date()) {
  const data = ApplicationCreateSchema.parse(input);
  const association = await db.association.findFirst({
    where: { id: data.associationId, memberships: { some: { userId: actor.userId } } },
    select: { id: true, status: true, municipalityId: true },
  });
  if (!association) throw notFound();
  if (association.status !== "VERIFIED") throw validationError({ associationId: ["validation.application.associationNotVerified"] });
  const program = await db.programYear.findFirst({ where: { id: data.programYearId, municipalityId: association.municipalityId } });
  if (!program) throw validationError({ programYearId: ["validation.application.programUnknown"] });
  if (!isOpen(program, now)) throw validationError({ programYearId: ["validation.application.programClosed"] });
  return db.$transaction(async (tx) => {
    const created = await tx.application.create({
      data: {
        municipalityId: association.municipalityId,
        programYearId: program.id,
        associationId: association.id,
        grantKind: data.grantKind,
        createdById: actor.userId,
      },
      include: applicationDetailInclude,
    });
    await audit(tx, actor, {
      action: "application.created",
      entityType: "Application",
      entityId: created.id,
      municipalityId: created.municipalityId,
      after: { ...snapshot(created), grantKind: created.grantKind, associationId: association.id },
    });
    return toApplicationView(created);
  });
}

export async function getApplication(actor: Actor, id: string) {
  if (!isUuid(id)) throw notFound();
  const a = await db.application.findFirst({ where: { id, ...applicationScope(actor) }, include: applicationDetailInclude });
  if (!a) throw notFound();
  return toApplicationView(a);
}

async function lockOwnDraft(tx: Tx, actor: Actor, id: string) {
  if (!isUuid(id)) throw notFound();
  // Row lock: autosave, submit and withdraw of one application never interleave.
  const locked = await tx.$queryRaw<{ id: string }[]>`select id from "Application" where id = ${id}::uuid for update`;
  if (!locked.length) throw notFound();
  const a = await tx.application.findFirst({ where: { id, ...memberScope(actor) }, include: applicationDetailInclude });
  if (!a) throw notFound();
  return a;
}

/** Saves a draft, however incomplete; only drafts can change. */
export async function updateDraft(actor: Actor, id: string, input: unknown) {
  const parsed = ApplicationDraftSchema.safeParse(input);
  if (!parsed.success) throw validationError(zodFieldErrors(parsed.error));
  const data = parsed.data;
  return db.$transaction(async (tx) => {
    const before = await lockOwnDraft(tx, actor, id);
    if (before.status !== "DRAFT") throw conflict("errors.application.notDraft");
    if (data.programYearId && data.programYearId !== before.programYearId) {
      const program = await tx.programYear.findFirst({ where: { id: data.programYearId, municipalityId: before.municipalityId }, select: { id: true } });
      if (!program) throw validationError({ programYearId: ["validation.application.programUnknown"] });
    }
    if (data.partnerTownId) {
      const works = await tx.associationPartnerTown.findFirst({
        where: { associationId: before.associationId, partnerTownId: data.partnerTownId, partnerTown: { active: true } },
      });
      if (!works) throw validationError({ partnerTownId: ["validation.application.partnerTownNotAssociation"] });
    }
    if (data.objectiveIds?.length) {
      const found = await tx.policyObjective.count({ where: { id: { in: data.objectiveIds }, municipalityId: before.municipalityId, active: true } });
      if (found !== new Set(data.objectiveIds).size) throw validationError({ objectiveIds: ["validation.application.objectiveUnknown"] });
    }
    const { objectiveIds, startDate, endDate, budgetLines, otherFunding, ...scalars } = data;
    const updated = await tx.application.update({
      where: { id },
      data: {
        ...scalars,
        ...(startDate !== undefined ? { startDate: startDate ? new Date(startDate) : null } : {}),
        ...(endDate !== undefined ? { endDate: endDate ? new Date(endDate) : null } : {}),
        ...(budgetLines !== undefined ? { budgetLines: budgetLines ?? [] } : {}),
        ...(otherFunding !== undefined ? { otherFunding: otherFunding ?? [] } : {}),
        ...(objectiveIds !== undefined
          ? { objectives: { deleteMany: {}, create: [...new Set(objectiveIds ?? [])].map((objectiveId) => ({ objectiveId })) } }
          : {}),
      },
      include: applicationDetailInclude,
    });
    const view = toApplicationView(updated);
    const changed = changedFields(toApplicationView(before), view);
    if (changed.length) {
      await audit(tx, actor, {
        action: "application.draft-updated",
        entityType: "Application",
        entityId: id,
        municipalityId: before.municipalityId,
        before: pick(toApplicationView(before), changed),
        after: pick(view, changed),
      });
    }
    return view;
  });
}

const DRAFT_FIELDS = [
  "programYearId", "grantKind", "partnerTownId", "title", "purpose", "description", "objectiveIds", "objectiveMotivation",
  "startDate", "endDate", "participantsTotal", "participantsUnder26", "budgetLines", "otherFunding", "requestedAmount",
] as const;

function changedFields(before: ApplicationView, after: ApplicationView) {
  return DRAFT_FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
}

function pick(view: ApplicationView, fields: readonly (typeof DRAFT_FIELDS)[number][]) {
  return Object.fromEntries(fields.map((f) => [f, view[f]]));
}

/** The stored draft in the shape the submit schema checks. */
function submittable(a: ApplicationView) {
  return {
    programYearId: a.programYearId,
    grantKind: a.grantKind,
    partnerTownId: a.partnerTownId,
    title: a.title,
    purpose: a.purpose,
    description: a.description,
    objectiveIds: a.objectiveIds,
    objectiveMotivation: a.objectiveMotivation,
    startDate: a.startDate,
    endDate: a.endDate,
    participantsTotal: a.participantsTotal,
    participantsUnder26: a.participantsUnder26,
    budgetLines: a.budgetLines,
    otherFunding: a.otherFunding,
    requestedAmount: a.requestedAmount,
  };
}

async function nextCaseNumber(tx: Tx, municipalityId: string, prefix: string, year: number): Promise<string> {
  const rows = await tx.$queryRaw<{ last: number }[]>`
    insert into "CaseCounter" ("municipalityId", year, last) values (${municipalityId}::uuid, ${year}, 1)
    on conflict ("municipalityId", year) do update set last = "CaseCounter".last + 1
    returning last`;
  return formatCaseNumber(prefix, year, rows[0]!.last);
}

/** Validates the whole application, gives it a case number and sends the receipt. */
export async function submitApplication(actor: Actor, id: string, now = new Date()) {
  await db.$transaction(async (tx) => {
    const before = await lockOwnDraft(tx, actor, id);
    if (before.status !== "DRAFT") throw conflict("errors.application.notDraft");
    if (before.association.status !== "VERIFIED") throw validationError({ associationId: ["validation.application.associationNotVerified"] });
    const view = toApplicationView(before);
    const parsed = ApplicationSubmitSchema.safeParse(submittable(view));
    if (!parsed.success) throw validationError(zodFieldErrors(parsed.error));
    const program = await tx.programYear.findUniqueOrThrow({ where: { id: before.programYearId } });
    if (!isOpen(program, now)) throw validationError({ programYearId: ["validation.application.programClosed"] });
    await assertNoOverdueReport(tx, before.associationId, program, todayIn(now));
    if (before.grantKind === "BASE") {
      // Two base-grant drafts of one association for one town, submitted at once: one wins.
      await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${`base:${before.associationId}:${before.programYearId}:${before.partnerTownId}`}))`;
      // The town's base grant is decided as one allocation: once it is, a late application could never be decided.
      await lockPoolOnly(tx, before.programYearId, before.partnerTownId!, "BASE");
      const allocated = await tx.baseAllocation.count({ where: { programYearId: before.programYearId, partnerTownId: before.partnerTownId!, supersededAt: null } });
      if (allocated) throw validationError({ partnerTownId: ["validation.application.baseAllocated"] });
      const duplicate = await tx.application.count({
        where: {
          associationId: before.associationId,
          programYearId: before.programYearId,
          partnerTownId: before.partnerTownId,
          grantKind: "BASE",
          status: { in: LIVE_STATUSES },
        },
      });
      if (duplicate) throw validationError({ partnerTownId: ["validation.application.baseAlreadyApplied"] });
    }
    const cap = await poolCap(tx, program, parsed.data.partnerTownId, before.grantKind);
    if (!checkRequestedWithinCap(parsed.data.requestedAmount, cap).ok) {
      throw validationError({ requestedAmount: ["validation.application.requestedExceedsCap"] });
    }
    const municipality = await tx.municipality.findUniqueOrThrow({ where: { id: before.municipalityId } });
    const caseNumber = await nextCaseNumber(tx, municipality.id, municipality.caseNumberPrefix, Number(todayIn(now).slice(0, 4)));
    const after = await tx.application.update({
      where: { id },
      data: { status: "SUBMITTED", caseNumber, submittedAt: now },
      include: { ...applicationDetailInclude, association: { include: { memberships: { include: { user: true } } } } },
    });
    await audit(tx, actor, {
      action: "application.submitted",
      entityType: "Application",
      entityId: id,
      municipalityId: after.municipalityId,
      before: snapshot(before),
      after: snapshot(after),
    });
    await queueMail(
      tx,
      after.association.memberships.map(({ user }) => ({
        to: user.email,
        kind: "application.receipt",
        municipalityId: after.municipalityId,
        applicationId: after.id,
        ...applicationReceipt({
          caseNumber: after.caseNumber!,
          title: after.title,
          associationName: after.association.name,
          grantKind: after.grantKind,
          partnerTown: after.partnerTown?.name ?? "",
          requestedAmount: after.requestedAmount ?? 0,
          url: `${appUrl()}/applications/${after.id}`,
          locale: user.locale,
        }),
      })),
    );
    return after;
  });
  return getApplication(actor, id);
}

/** The applicant withdraws a submitted application until it is decided. */
export async function withdrawApplication(actor: Actor, id: string) {
  await db.$transaction(async (tx) => {
    const before = await lockOwnDraft(tx, actor, id);
    if (before.status !== "SUBMITTED") throw conflict("errors.application.notWithdrawable");
    const after = await tx.application.update({ where: { id }, data: { status: "WITHDRAWN", withdrawnAt: new Date() } });
    await audit(tx, actor, {
      action: "application.withdrawn",
      entityType: "Application",
      entityId: id,
      municipalityId: after.municipalityId,
      before: snapshot(before),
      after: snapshot(after),
    });
  });
  return getApplication(actor, id);
}

/** A draft nobody submitted can be deleted by its association. */
export async function deleteDraft(actor: Actor, id: string) {
  const storageKeys = await db.$transaction(async (tx) => {
    const before = await lockOwnDraft(tx, actor, id);
    if (before.status !== "DRAFT") throw conflict("errors.application.notDraft");
    const files = await tx.storedFile.findMany({ where: { applicationId: id }, select: { storageKey: true } });
    await tx.application.delete({ where: { id } });
    await audit(tx, actor, {
      action: "application.draft-deleted",
      entityType: "Application",
      entityId: id,
      municipalityId: before.municipalityId,
      before: snapshot(before),
    });
    return files.map((f) => f.storageKey);
  });
  // The rows went with the draft; the uploaded files go after the commit.
  for (const key of storageKeys) await discardStored(key);
}

export async function addAttachment(actor: Actor, id: string, file: { bytes: Buffer; name: string } | null) {
  if (!file) throw validationError({ attachment: ["validation.file.required"] });
  // Nothing is written to disk for an application the actor may not change.
  if (!isUuid(id) || !(await db.application.count({ where: { id, status: "DRAFT", ...memberScope(actor) } }))) {
    if (isUuid(id) && (await db.application.count({ where: { id, ...memberScope(actor) } }))) throw conflict("errors.application.notDraft");
    throw notFound();
  }
  const stored = await storePdf(file, "attachment");
  try {
    await db.$transaction(async (tx) => {
      const a = await lockOwnDraft(tx, actor, id);
      if (a.status !== "DRAFT") throw conflict("errors.application.notDraft");
      if (a.files.length >= MAX_FILES_PER_APPLICATION) throw validationError({ attachment: ["validation.file.tooMany"] });
      const f = await tx.storedFile.create({
        data: { ...stored, kind: "APPLICATION_ATTACHMENT", associationId: a.associationId, applicationId: id, uploadedById: actor.userId },
      });
      await audit(tx, actor, {
        action: "application.attachment-added",
        entityType: "Application",
        entityId: id,
        municipalityId: a.municipalityId,
        after: { fileId: f.id, name: f.originalName, size: f.size, sha256: f.sha256 },
      });
    });
  } catch (error) {
    await discardStored(stored.storageKey);
    throw error;
  }
  return getApplication(actor, id);
}

export async function removeAttachment(actor: Actor, id: string, fileId: string) {
  if (!isUuid(fileId)) throw notFound();
  const removed = await db.$transaction(async (tx) => {
    const a = await lockOwnDraft(tx, actor, id);
    if (a.status !== "DRAFT") throw conflict("errors.application.notDraft");
    const f = await tx.storedFile.findFirst({ where: { id: fileId, applicationId: id } });
    if (!f) throw notFound();
    await tx.storedFile.delete({ where: { id: fileId } });
    await audit(tx, actor, {
      action: "application.attachment-removed",
      entityType: "Application",
      entityId: id,
      municipalityId: a.municipalityId,
      before: { fileId: f.id, name: f.originalName },
    });
    return f.storageKey;
  });
  // The row is gone for good; the bytes go after the commit.
  await discardStored(removed);
  return getApplication(actor, id);
}

export async function listMyApplications(actor: Actor) {
  const rows = await db.application.findMany({
    where: memberScope(actor),
    orderBy: [{ createdAt: "desc" }],
    take: 200,
    select: {
      id: true, caseNumber: true, status: true, grantKind: true, title: true, requestedAmount: true, submittedAt: true, createdAt: true,
      association: { select: { id: true, name: true } },
      partnerTown: { select: { id: true, name: true } },
      programYear: { select: { year: true } },
    },
  });
  return rows;
}

export type QueueFilters = {
  year?: number;
  partnerTownId?: string;
  grantKind?: GrantKind;
  status?: ApplicationStatus;
  /** Keyset cursor: the last row of the previous page. */
  after?: string;
};

/** The coordinator's queue: newest submissions first, filtered, a page at a time (keyset, no counting). */
export async function listQueue(actor: Actor, filters: QueueFilters) {
  if (!can(actor, "application:review")) throw new ServiceError("FORBIDDEN");
  const where: Prisma.ApplicationWhereInput = {
    municipalityId: actor.municipalityId ?? "00000000-0000-0000-0000-000000000000",
    status: filters.status && filters.status !== "DRAFT" ? filters.status : { not: "DRAFT" },
    ...(filters.year ? { programYear: { year: filters.year } } : {}),
    ...(filters.partnerTownId && isUuid(filters.partnerTownId) ? { partnerTownId: filters.partnerTownId } : {}),
    ...(filters.grantKind ? { grantKind: filters.grantKind } : {}),
  };
  let cursorWhere: Prisma.ApplicationWhereInput = {};
  if (filters.after && isUuid(filters.after)) {
    const last = await db.application.findFirst({ where: { id: filters.after }, select: { submittedAt: true, id: true } });
    if (last?.submittedAt) {
      cursorWhere = { OR: [{ submittedAt: { lt: last.submittedAt } }, { submittedAt: last.submittedAt, id: { lt: last.id } }] };
    }
  }
  const rows = await db.application.findMany({
    where: { AND: [where, cursorWhere] },
    orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
    take: QUEUE_PAGE_SIZE + 1,
    select: {
      id: true, caseNumber: true, status: true, grantKind: true, title: true, requestedAmount: true, submittedAt: true, programYearId: true,
      association: { select: { id: true, name: true } },
      partnerTown: { select: { id: true, name: true } },
      programYear: { select: { year: true } },
    },
  });
  const hasMore = rows.length > QUEUE_PAGE_SIZE;
  const page = rows.slice(0, QUEUE_PAGE_SIZE);
  // A submitted application whose request no longer fits in the year's budget is marked: one sum per year on the page.
  const budgets = await db.programYear.findMany({ where: { id: { in: [...new Set(page.map((r) => r.programYearId))] }, budget: { not: null } }, select: { id: true, budget: true } });
  const remaining = new Map<string, number>();
  for (const p of budgets) {
    remaining.set(p.id, Math.max(0, p.budget! - (await approvedSum(db, { programYearId: p.id }))));
  }
  const items = page.map(({ programYearId, ...row }) => ({
    ...row,
    exceedsBudget:
      row.status === "SUBMITTED" &&
      remaining.has(programYearId) &&
      !checkBudget({ budget: remaining.get(programYearId)!, budgetApproved: 0, adding: row.requestedAmount ?? 0 }).ok,
  }));
  return { items, nextCursor: hasMore ? items.at(-1)!.id : null };
}

/**
 * The most this application's association can get from its town's pool this
 * year, shown before submitting. Facts are loaded here, the rule is lib/domain's.
 */
export async function getGrantLimit(actor: Actor, id: string): Promise<(GrantLimit & { cap: number }) | null> {
  if (!isUuid(id)) throw notFound();
  const a = await db.application.findFirst({ where: { id, ...applicationScope(actor) }, include: { programYear: true } });
  if (!a) throw notFound();
  if (!a.partnerTownId) return null;
  return computeGrantLimit(db, {
    programYear: a.programYear,
    partnerTownId: a.partnerTownId,
    grantKind: a.grantKind,
    associationId: a.associationId,
    applicationId: a.id,
    costs: sumAmounts(typedLines(a.budgetLines)),
    otherFunding: sumAmounts(typedLines(a.otherFunding)),
  });
}

/** A draft's lines may still lack amounts; only complete ones count towards its costs. */
function typedLines(value: unknown): { amount: number }[] {
  return Array.isArray(value) ? value.filter((l: { amount?: unknown }) => isWholeKronor(l?.amount)) : [];
}

export async function computeGrantLimit(
  q: Tx | typeof db,
  f: {
    programYear: { id: string; baseCapPerTown: number; activityCapPerTown: number; splitRule: "EQUAL_SPLIT" | "NONE"; budget: number | null };
    partnerTownId: string;
    grantKind: GrantKind;
    associationId: string;
    applicationId: string;
    costs: number;
    otherFunding: number;
  },
) {
  const cap = await poolCap(q, f.programYear, f.partnerTownId, f.grantKind);
  const common = { cap, splitRule: f.programYear.splitRule, programBudget: f.programYear.budget, programApprovedTotal: await approvedSum(q, { programYearId: f.programYear.id }) };
  if (f.grantKind === "BASE") {
    const live = await q.application.findMany({
      where: { programYearId: f.programYear.id, partnerTownId: f.partnerTownId, grantKind: "BASE", status: { in: LIVE_STATUSES }, id: { not: f.applicationId } },
      select: { associationId: true },
      distinct: ["associationId"],
    });
    const others = live.filter((l) => l.associationId !== f.associationId).length;
    return { cap, ...grantLimit({ ...common, grantKind: "BASE", otherLiveBaseApplications: others, hasLiveBaseApplication: live.length !== others }) };
  }
  const poolApproved = await approvedSum(q, { programYearId: f.programYear.id, partnerTownId: f.partnerTownId, grantKind: "ACTIVITY" });
  return {
    cap,
    ...grantLimit({
      ...common,
      grantKind: "ACTIVITY",
      approvedFromPool: poolApproved,
      costs: f.costs > 0 ? f.costs : null,
      otherFunding: f.costs > 0 ? f.otherFunding : null,
    }),
  };
}

/** Everything the edit form needs about a draft of the actor's own. */
export async function getDraftFormContext(actor: Actor, id: string) {
  if (!isUuid(id)) throw notFound();
  const a = await db.application.findFirst({ where: { id, ...memberScope(actor) }, include: applicationDetailInclude });
  if (!a) throw notFound();
  const [towns, objectives, requiredDocuments, limit] = await Promise.all([
    db.partnerTown.findMany({
      where: { active: true, associations: { some: { associationId: a.associationId } } },
      orderBy: { name: "asc" },
      select: { id: true, name: true, country: true },
    }),
    db.policyObjective.findMany({
      where: { municipalityId: a.municipalityId, active: true },
      orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }],
      select: { id: true, textSv: true, textEn: true },
    }),
    db.requiredDocument.findMany({
      where: { programYearId: a.programYearId, OR: [{ grantKind: null }, { grantKind: a.grantKind }] },
      orderBy: { sortOrder: "asc" },
      select: { id: true, nameSv: true, nameEn: true },
    }),
    a.status === "DRAFT" ? getGrantLimit(actor, id) : Promise.resolve(null),
  ]);
  return { application: toApplicationView(a), towns, objectives, requiredDocuments, limit };
}
