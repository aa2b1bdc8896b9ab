import "server-only";
import { randomUUID } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { requirePermission, type Actor, requireMunicipality } from "@/lib/auth/actor";
import { audit } from "@/lib/data/audit";
import { isUuid } from "@/lib/data/associations";
import { consultationStatus } from "@/lib/data/consultations";
import { conflict, notFound, ServiceError, validationError } from "@/lib/errors";
import { baseAllocation, checkActivityApproval, checkBudget, maxActivityApproval } from "@/lib/domain/decisions";
import { netCosts } from "@/lib/domain/application-rules";
import { reportDueDate, dateOnlyOf } from "@/lib/domain/dates";
import { isWholeKronor } from "@/lib/domain/money";
import type { ApplicationStatus, GrantKind } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import { REASON_MAX, REASON_MIN } from "@/lib/schemas/association";



function reasonOf(value: unknown, field: string): string {
  const text = typeof value === "string" ? value.trim() : "";
  if (text.length < REASON_MIN || text.length > REASON_MAX) throw validationError({ [field]: ["validation.reason.length"] });
  return text;
}

const lines = (v: unknown) => (Array.isArray(v) ? v.filter((l: { amount?: unknown }) => isWholeKronor(l?.amount)) : []) as { amount: number }[];

const poolKey = (programYearId: string, partnerTownId: string, grantKind: GrantKind) => `pool:${programYearId}:${partnerTownId}:${grantKind}`;

/**
 * A decision and its letter, due from the moment it commits (PendingLetter; the
 * worker writes it). An approval's follow-up report is due the program's
 * months after the activity ends. One statement: the decision's key is made
 * here, so the letter's row goes in with it.
 */
async function createDecision(
  tx: Tx,
  data: { applicationId: string; outcome: "APPROVED" | "REJECTED"; amount: number; reason: string; decidedById: string; decidedAt: Date; allocationId?: string },
  app: { endDate: Date | null },
  program: { reportDeadlineMonths: number },
): Promise<{ id: string; reportDueOn: string | null }> {
  const id = randomUUID();
  const reportDueOn = data.outcome === "APPROVED" && app.endDate ? reportDueDate(dateOnlyOf(app.endDate), program.reportDeadlineMonths) : null;
  await tx.$executeRaw`
    with decision as (
      insert into "Decision" (id, "applicationId", outcome, amount, reason, "decidedById", "decidedAt", "allocationId", "reportDueOn")
      values (${id}::uuid, ${data.applicationId}::uuid, ${data.outcome}::"DecisionOutcome", ${data.amount}::int, ${data.reason},
              ${data.decidedById}::uuid, ${data.decidedAt}::timestamp, ${data.allocationId ?? null}::uuid, ${reportDueOn}::date)
      returning id
    )
    insert into "PendingLetter" ("decisionId", "createdAt") select id, ${data.decidedAt}::timestamp from decision`;
  return { id, reportDueOn };
}

/**
 * Decisions on one pool (a town, a year, a grant kind) are taken one at a
 * time, and with a program budget, one at a time across the year: every cap
 * is checked against sums no other transaction can change before this commits.
 */
async function lockPool(tx: Tx, program: { id: string; budget: number | null }, partnerTownId: string, grantKind: GrantKind) {
  if (program.budget == null) return lockPoolOnly(tx, program.id, partnerTownId, grantKind);
  // Both in one statement, always the year's first (PostgreSQL evaluates a select list in order), so two deciders never wait on each other crosswise.
  await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${`budget:${program.id}`})), pg_advisory_xact_lock(hashtext(${poolKey(program.id, partnerTownId, grantKind)}))`;
}

/** One pool's lock alone: what a payout takes so it never interleaves with reopening the pool's allocation. */
export async function lockPoolOnly(tx: Tx, programYearId: string, partnerTownId: string, grantKind: GrantKind) {
  await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${poolKey(programYearId, partnerTownId, grantKind)}))`;
}

type Q = Tx | typeof db;

/**
 * What is approved and in force from a year, or from one pool of it. Inside a deciding transaction, read under its locks.
 * Application.approvedAmount is what an APPROVED application's decision in force approves (kept by the database,
 * docs/decisions/0012-approved-amount-by-trigger.md), so the sum is read from an index alone, without a decision.
 */
export async function approvedSum(q: Q, where: { programYearId: string; partnerTownId?: string; grantKind?: GrantKind }) {
  const [row] = await q.$queryRaw<{ sum: number }[]>`select ${approvedSumSql(where)} as sum`;
  return row?.sum ?? 0;
}

/** approvedSum as a scalar subquery, for statements that read it beside other figures. */
function approvedSumSql(where: { programYearId: string; partnerTownId?: string; grantKind?: GrantKind }) {
  const pool = where.partnerTownId && where.grantKind ? Prisma.sql`and a."partnerTownId" = ${where.partnerTownId}::uuid and a."grantKind" = ${where.grantKind}::"GrantKind"` : Prisma.empty;
  return Prisma.sql`(
    select coalesce(sum(a."approvedAmount"), 0)::int
    from "Application" a
    where a."programYearId" = ${where.programYearId}::uuid and a.status = 'APPROVED' ${pool}
  )`;
}

/**
 * One pool's cap, what it has approved and what its year has approved (0 without
 * a budget), in one statement: what an activity decision checks while it holds
 * the pool's locks and the case page shows (the same figures as poolCap and
 * approvedSum).
 */
async function poolTotals(
  q: Q,
  program: { id: string; activityCapPerTown: number; baseCapPerTown: number; budget: number | null },
  partnerTownId: string,
  grantKind: GrantKind,
): Promise<{ cap: number; poolApproved: number; budgetApproved: number }> {
  const [row] = await q.$queryRaw<{ cap: number; poolApproved: number; budgetApproved: number }[]>`
    select
      coalesce((
        select c.amount from "ProgramCap" c
        where c."programYearId" = ${program.id}::uuid and c."partnerTownId" = ${partnerTownId}::uuid and c."grantKind" = ${grantKind}::"GrantKind"
      ), ${grantKind === "BASE" ? program.baseCapPerTown : program.activityCapPerTown}::int) as cap,
      ${approvedSumSql({ programYearId: program.id, partnerTownId, grantKind })} as "poolApproved",
      ${program.budget == null ? Prisma.sql`0` : approvedSumSql({ programYearId: program.id })} as "budgetApproved"`;
  return row!;
}

/** A town's cap for one grant kind in a program year: its own where the program sets one, else the program's. */
export async function poolCap(
  q: Q,
  program: { id: string; baseCapPerTown: number; activityCapPerTown: number },
  partnerTownId: string,
  grantKind: GrantKind,
): Promise<number> {
  const override = await q.programCap.findUnique({
    where: { programYearId_partnerTownId_grantKind: { programYearId: program.id, partnerTownId, grantKind } },
  });
  return override?.amount ?? (grantKind === "BASE" ? program.baseCapPerTown : program.activityCapPerTown);
}

/**
 * Decidable: submitted, not decided, its consultation with the committee
 * closed, and not by someone who declared a conflict of interest in it.
 */
async function assertDecidable(tx: Tx, app: { id: string; status: string; currentDecisionId: string | null }, now: Date, actor: Actor) {
  if (app.status !== "SUBMITTED" || app.currentDecisionId) throw conflict("errors.decision.alreadyDecided");
  const consultation = await consultationStatus(tx, app.id, now);
  if (!consultation) throw conflict("errors.decision.notConsulted");
  if (!consultation.closed) throw conflict("errors.decision.consultationOpen");
  if (consultation.recommendations.some((r) => r.memberId === actor.userId && r.kind === "CONFLICT")) throw conflict("errors.decision.conflictDeclared");
}

type LockedApplication = {
  id: string;
  status: ApplicationStatus;
  currentDecisionId: string | null;
  grantKind: GrantKind;
  partnerTownId: string | null;
  requestedAmount: number | null;
  budgetLines: unknown;
  otherFunding: unknown;
  endDate: Date | null;
  programYear: { id: string; budget: number | null; activityCapPerTown: number; baseCapPerTown: number; reportDeadlineMonths: number };
};

/** The application locked for deciding, with its program year's rules: one statement. */
async function lockApplication(tx: Tx, municipalityId: string, id: string): Promise<LockedApplication> {
  // Two coordinators deciding one application: the second waits here, then finds it decided.
  const [row] = await tx.$queryRaw<(Omit<LockedApplication, "programYear"> & { programYear: Omit<LockedApplication["programYear"], "id">; programYearId: string })[]>`
    select a.id, a.status, a."currentDecisionId", a."grantKind", a."partnerTownId", a."requestedAmount", a."budgetLines", a."otherFunding", a."endDate",
           a."programYearId", json_build_object('budget', p.budget, 'activityCapPerTown', p."activityCapPerTown", 'baseCapPerTown', p."baseCapPerTown", 'reportDeadlineMonths', p."reportDeadlineMonths") as "programYear"
    from "Application" a join "ProgramYear" p on p.id = a."programYearId"
    where a.id = ${id}::uuid and a."municipalityId" = ${municipalityId}::uuid
    for update of a`;
  if (!row) throw notFound();
  const { programYearId, programYear, ...app } = row;
  return { ...app, programYear: { id: programYearId, ...programYear } };
}

/**
 * An activity grant: approved with an amount no higher than requested, than
 * costs minus other funding, than what remains of the town's activity pool and
 * of the year's budget; or rejected with a reason. The decision's letter is
 * due as it commits (PendingLetter); the worker writes and mails it.
 */
export async function decideActivityGrant(
  actor: Actor,
  applicationId: string,
  input: { outcome: unknown; amount?: unknown; reason: unknown },
  now = new Date(),
) {
  requirePermission(actor, "application:decide");
  const municipalityId = requireMunicipality(actor);
  if (!isUuid(applicationId)) throw notFound();
  const outcome = input.outcome === "APPROVED" || input.outcome === "REJECTED" ? input.outcome : null;
  if (!outcome) throw validationError({ outcome: ["validation.decision.outcome"] });
  const reason = reasonOf(input.reason, "reason");
  const amount = outcome === "APPROVED" ? Number(input.amount) : 0;
  if (outcome === "APPROVED" && !isWholeKronor(amount)) throw validationError({ amount: ["validation.amount.notInteger"] });

  const result = await db.$transaction(async (tx) => {
    const app = await lockApplication(tx, municipalityId, applicationId);
    if (app.grantKind !== "ACTIVITY") throw validationError({ outcome: ["validation.decision.notActivity"] });
    await assertDecidable(tx, app, now, actor);
    const program = app.programYear;
    // The caps are checked last, under the pool's locks: they are held from there to
    // the commit only, so decisions on one pool wait on each other for two
    // statements, not for all of them. The sums then include this approval, written
    // first and visible to this transaction alone; a check that fails rolls it back.
    const asked = { amount, requested: app.requestedAmount ?? 0, netCosts: netCosts(lines(app.budgetLines), lines(app.otherFunding)) };
    const check = async (own: number) => {
      await lockPool(tx, program, app.partnerTownId!, "ACTIVITY");
      const totals = await poolTotals(tx, program, app.partnerTownId!, "ACTIVITY");
      const checked = checkActivityApproval({
        ...asked,
        poolCap: totals.cap,
        poolApproved: totals.poolApproved - own,
        budget: program.budget,
        budgetApproved: program.budget == null ? 0 : totals.budgetApproved - own,
      });
      if (!checked.ok) throw new ServiceError("VALIDATION", `errors.decision.${checked.reason}`, { amount: [`validation.decision.${checked.reason}`] });
    };
    // An amount no pool could grant (not positive, above what was asked or the net
    // costs) is refused before anything is written, with the reason the pool's
    // figures give: they only lower the limit, so check(0) throws.
    if (outcome === "APPROVED" && !checkActivityApproval({ ...asked, poolCap: Number.MAX_SAFE_INTEGER, poolApproved: 0, budget: null, budgetApproved: 0 }).ok) await check(0);
    const decision = await createDecision(tx, { applicationId, outcome, amount, reason, decidedById: actor.userId, decidedAt: now }, app, program);
    await tx.application.update({ where: { id: applicationId }, data: { status: outcome, currentDecisionId: decision.id } });
    await audit(tx, actor, {
      action: outcome === "APPROVED" ? "application.approved" : "application.rejected",
      entityType: "Application",
      entityId: applicationId,
      municipalityId,
      before: { status: app.status },
      after: { status: outcome, decisionId: decision.id, amount, reason, reportDueOn: decision.reportDueOn },
    });
    if (outcome === "APPROVED") await check(amount);
    return { decisionId: decision.id, outcome, amount, reportDueOn: decision.reportDueOn };
  });
  return result;
}

/**
 * The base grants of one town and year, decided as one allocation: the
 * approved applications share the cap equally (whole kronor, rounded down),
 * the others are rejected with reasons. Every submitted base-grant
 * application of the town and year must be in one of the two lists.
 */
export async function decideBaseAllocation(
  actor: Actor,
  input: { programYearId: unknown; partnerTownId: unknown; approve: unknown; reject: unknown; reason?: unknown },
  now = new Date(),
) {
  requirePermission(actor, "application:decide");
  const municipalityId = requireMunicipality(actor);
  const programYearId = String(input.programYearId ?? "");
  const partnerTownId = String(input.partnerTownId ?? "");
  if (!isUuid(programYearId) || !isUuid(partnerTownId)) throw notFound();
  const approve = Array.isArray(input.approve) ? [...new Set(input.approve.map(String))] : [];
  const rejectList = Array.isArray(input.reject) ? (input.reject as { applicationId?: unknown; reason?: unknown }[]) : [];
  const reject = rejectList.map((r, i) => ({ applicationId: String(r?.applicationId ?? ""), reason: reasonOf(r?.reason, `reject.${i}.reason`) }));
  const approvalReason = typeof input.reason === "string" && input.reason.trim() ? reasonOf(input.reason, "reason") : "";

  const result = await db.$transaction(async (tx) => {
    const program = await tx.programYear.findFirst({ where: { id: programYearId, municipalityId } });
    const town = await tx.partnerTown.findFirst({ where: { id: partnerTownId, municipalityId }, select: { id: true } });
    if (!program || !town) throw notFound();
    await lockPool(tx, program, partnerTownId, "BASE");
    const current = await tx.baseAllocation.findFirst({ where: { programYearId, partnerTownId, supersededAt: null } });
    if (current) throw conflict("errors.decision.allocationExists");
    const candidates = await tx.application.findMany({
      where: { municipalityId, programYearId, partnerTownId, grantKind: "BASE", status: "SUBMITTED" },
      select: { id: true, status: true, currentDecisionId: true },
    });
    const decided = new Set([...approve, ...reject.map((r) => r.applicationId)]);
    const candidateIds = new Set(candidates.map((c) => c.id));
    if (!candidateIds.size) throw validationError({ approve: ["validation.decision.allocationEmpty"] });
    if (decided.size !== approve.length + reject.length || [...decided].some((id) => !candidateIds.has(id)) || decided.size !== candidateIds.size) {
      throw validationError({ approve: ["validation.decision.allocationIncomplete"] });
    }
    // Rows of this pool in a fixed order: a concurrent decision on one of them waits, never deadlocks.
    // Checked again once locked: one may have been withdrawn or decided while this waited.
    const lockedById = new Map<string, LockedApplication>();
    for (const id of [...candidateIds].sort()) {
      const locked = await lockApplication(tx, municipalityId, id);
      if (locked.status !== "SUBMITTED" || locked.currentDecisionId) throw validationError({ approve: ["validation.decision.allocationIncomplete"] });
      await assertDecidable(tx, locked, now, actor);
      lockedById.set(id, locked);
    }

    const cap = await poolCap(tx, program, partnerTownId, "BASE");
    const { share, total } = baseAllocation({ cap, approvedCount: approve.length, splitRule: program.splitRule });
    const budget = checkBudget({ budget: program.budget, budgetApproved: program.budget == null ? 0 : await approvedSum(tx, { programYearId }), adding: total });
    if (!budget.ok) throw new ServiceError("VALIDATION", "errors.decision.EXCEEDS_BUDGET", { approve: ["validation.decision.EXCEEDS_BUDGET"] });

    const allocation = await tx.baseAllocation.create({
      data: { programYearId, partnerTownId, cap, share, approvedCount: approve.length, decidedById: actor.userId, decidedAt: now },
    });
    const decisions = [];
    for (const [applicationId, outcome, reason] of [
      ...approve.map((id) => [id, "APPROVED", approvalReason] as const),
      ...reject.map((r) => [r.applicationId, "REJECTED", r.reason] as const),
    ]) {
      const app = lockedById.get(applicationId)!;
      const amount = outcome === "APPROVED" ? share : 0;
      const decision = await createDecision(tx, { applicationId, outcome, amount, reason, decidedById: actor.userId, decidedAt: now, allocationId: allocation.id }, app, program);
      await tx.application.update({ where: { id: applicationId }, data: { status: outcome, currentDecisionId: decision.id } });
      await audit(tx, actor, {
        action: outcome === "APPROVED" ? "application.approved" : "application.rejected",
        entityType: "Application",
        entityId: applicationId,
        municipalityId,
        before: { status: app.status },
        after: { status: outcome, decisionId: decision.id, allocationId: allocation.id, amount, share, reason },
      });
      decisions.push({ applicationId, outcome, amount, decisionId: decision.id });
    }
    return { allocationId: allocation.id, cap, share, total, decisions };
  });
  return result;
}

/**
 * Reopens a town and year's base-grant allocation while none of its grants is
 * paid: the decisions stay in the history, superseded, and the applications are
 * open for a new allocation.
 */
export async function reopenBaseAllocation(actor: Actor, allocationId: string, reason: unknown, now = new Date()) {
  requirePermission(actor, "application:decide");
  const municipalityId = requireMunicipality(actor);
  if (!isUuid(allocationId)) throw notFound();
  const text = reasonOf(reason, "reason");
  return db.$transaction(async (tx) => {
    const allocation = await tx.baseAllocation.findUnique({ where: { id: allocationId } });
    const program = allocation ? await tx.programYear.findFirst({ where: { id: allocation.programYearId, municipalityId } }) : null;
    if (!allocation || !program) throw notFound();
    await lockPool(tx, program, allocation.partnerTownId, "BASE");
    const fresh = await tx.baseAllocation.findUniqueOrThrow({ where: { id: allocationId }, include: { decisions: true } });
    if (fresh.supersededAt) throw conflict("errors.decision.allocationReopened");
    if (fresh.decisions.some((d) => d.paidAt)) throw conflict("errors.decision.allocationPaid");
    await tx.baseAllocation.update({ where: { id: allocationId }, data: { supersededAt: now, reopenReason: text } });
    await tx.decision.updateMany({ where: { allocationId }, data: { supersededAt: now } });
    for (const d of fresh.decisions) {
      await tx.application.update({ where: { id: d.applicationId }, data: { status: "SUBMITTED", currentDecisionId: null } });
      await audit(tx, actor, {
        action: "application.allocation-reopened",
        entityType: "Application",
        entityId: d.applicationId,
        municipalityId,
        before: { status: d.outcome, decisionId: d.id, amount: d.amount },
        after: { status: "SUBMITTED", reason: text },
      });
    }
    return { allocationId, reopened: true };
  });
}

/**
 * What the case page shows about deciding: the decision in force (for anyone
 * who may see the application), and for the coordinator whether it can be
 * decided now and the most an activity grant can be approved with.
 */
export async function getDecisionContext(actor: Actor, applicationId: string, now = new Date()) {
  if (!isUuid(applicationId)) throw notFound();
  const app = await db.application.findUnique({
    where: { id: applicationId },
    include: { programYear: true, currentDecision: { include: { allocation: true, letterDue: { select: { decisionId: true } } } }, consultationCase: { select: { consultationId: true } } },
  });
  if (!app) throw notFound();
  const isCoordinator = actor.roles.includes("COORDINATOR") && actor.municipalityId === app.municipalityId;
  const isMember = !isCoordinator && !!(await db.membership.findUnique({ where: { userId_associationId: { userId: actor.userId, associationId: app.associationId } } }));
  if (!isCoordinator && !isMember) throw notFound();
  const decision = app.currentDecision
    ? {
        outcome: app.currentDecision.outcome,
        amount: app.currentDecision.amount,
        reason: app.currentDecision.reason,
        decidedAt: app.currentDecision.decidedAt.toISOString(),
        reportDueOn: app.currentDecision.reportDueOn ? dateOnlyOf(app.currentDecision.reportDueOn) : null,
        letterFileId: app.currentDecision.letterFileId,
        /** The worker has yet to write the letter: its PendingLetter row goes in the transaction that stores it. */
        letterDue: !!app.currentDecision.letterDue,
        paidAt: app.currentDecision.paidAt?.toISOString() ?? null,
        allocation: app.currentDecision.allocation ? { id: app.currentDecision.allocation.id, share: app.currentDecision.allocation.share, approvedCount: app.currentDecision.allocation.approvedCount } : null,
      }
    : null;
  if (!isCoordinator) return { decision, coordinator: null };
  const consultation = await consultationStatus(db, applicationId, now);
  let maxApproval: number | null = null;
  if (app.grantKind === "ACTIVITY" && app.status === "SUBMITTED" && app.partnerTownId) {
    const totals = await poolTotals(db, app.programYear, app.partnerTownId, "ACTIVITY");
    maxApproval = maxActivityApproval({
      requested: app.requestedAmount ?? 0,
      netCosts: netCosts(lines(app.budgetLines), lines(app.otherFunding)),
      poolCap: totals.cap,
      poolApproved: totals.poolApproved,
      budget: app.programYear.budget,
      budgetApproved: totals.budgetApproved,
    });
  }
  return {
    decision,
    coordinator: {
      status: app.status,
      grantKind: app.grantKind,
      programYear: app.programYear.year,
      programYearId: app.programYearId,
      partnerTownId: app.partnerTownId,
      consultation: consultation
        ? { id: consultation.consultationId, closesOn: consultation.closesOn, closed: consultation.closed, reason: consultation.reason }
        : null,
      maxApproval,
    },
  };
}

/** The base-grant allocation of one town and year as the coordinator prepares or reviews it. */
export async function getAllocationContext(actor: Actor, input: { year: number; partnerTownId: string }, now = new Date()) {
  requirePermission(actor, "application:decide");
  const municipalityId = requireMunicipality(actor);
  if (!isUuid(input.partnerTownId)) throw notFound();
  const program = await db.programYear.findFirst({ where: { municipalityId, year: input.year } });
  const town = await db.partnerTown.findFirst({ where: { id: input.partnerTownId, municipalityId } });
  if (!program || !town) throw notFound();
  const cap = await poolCap(db, program, town.id, "BASE");
  const current = await db.baseAllocation.findFirst({
    where: { programYearId: program.id, partnerTownId: town.id, supersededAt: null },
    include: { decisions: { include: { application: { include: { association: { select: { name: true } } } } } } },
  });
  const submitted = await db.application.findMany({
    where: { municipalityId, programYearId: program.id, partnerTownId: town.id, grantKind: "BASE", status: "SUBMITTED" },
    orderBy: { submittedAt: "asc" },
    include: { association: { select: { name: true } } },
  });
  const candidates = [];
  for (const a of submitted) {
    const consultation = await consultationStatus(db, a.id, now);
    candidates.push({
      id: a.id,
      caseNumber: a.caseNumber,
      title: a.title,
      association: a.association.name,
      requestedAmount: a.requestedAmount,
      putToCommittee: !!consultation,
      consulted: !!consultation?.closed,
    });
  }
  return {
    programYearId: program.id,
    year: program.year,
    splitRule: program.splitRule,
    town: { id: town.id, name: town.name },
    cap,
    candidates,
    current: current
      ? {
          id: current.id,
          share: current.share,
          approvedCount: current.approvedCount,
          decidedAt: current.decidedAt.toISOString(),
          paid: current.decisions.some((d) => d.paidAt),
          decisions: current.decisions.map((d) => ({ applicationId: d.applicationId, caseNumber: d.application.caseNumber, association: d.application.association.name, outcome: d.outcome, amount: d.amount })),
        }
      : null,
  };
}
