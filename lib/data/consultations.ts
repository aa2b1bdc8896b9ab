import "server-only";
import { db, type Tx } from "@/lib/db";
import { requirePermission, type Actor, requireMunicipality } from "@/lib/auth/actor";
import { audit } from "@/lib/data/audit";
import { isUuid } from "@/lib/data/associations";
import { conflict, notFound, validationError } from "@/lib/errors";
import { canRecommend, canSeeRecommendations, consultationState } from "@/lib/domain/consultation";
import { compareDateOnly, isDateOnly, todayIn, dateOnlyOf } from "@/lib/domain/dates";
import { appUrl } from "@/lib/env";
import { queueMail } from "@/lib/mail/outbox";
import { consultationRequest } from "@/lib/mail/templates";
import type { RecommendationKind } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";

const RECOMMENDATION_KINDS: RecommendationKind[] = ["APPROVE", "REJECT", "ABSTAIN", "CONFLICT"];
export const COMMENT_MAX = 4_000;



/** The committee as it is now: the members a consultation waits for. */
/** The committee's active members, oldest first: as a query of its own, or nested in another (consultationStatus). */
const COMMITTEE = {
  where: { user: { active: true } },
  select: { userId: true, title: true, user: { select: { email: true, name: true, locale: true } } },
  orderBy: { createdAt: "asc" },
} satisfies Prisma.CommitteeMemberFindManyArgs;

async function committeeOf(q: Tx | typeof db, municipalityId: string) {
  return q.committeeMember.findMany({ ...COMMITTEE, where: { ...COMMITTEE.where, municipalityId } });
}

/**
 * The coordinator puts submitted applications to the committee with a closing
 * date; each member gets a mail. An application is consulted once.
 */
export async function startConsultation(actor: Actor, input: { applicationIds: unknown; closesOn: unknown }, now = new Date()) {
  requirePermission(actor, "consultation:manage");
  const municipalityId = requireMunicipality(actor);
  const ids = Array.isArray(input.applicationIds) ? [...new Set(input.applicationIds.map(String))] : [];
  if (!ids.length || ids.some((id) => !isUuid(id))) throw validationError({ applicationIds: ["validation.consultation.noCases"] });
  const closesOn = typeof input.closesOn === "string" ? input.closesOn.trim() : "";
  if (!isDateOnly(closesOn) || compareDateOnly(closesOn, todayIn(now)) < 0) throw validationError({ closesOn: ["validation.consultation.closesOn"] });

  const { consultation } = await db.$transaction(async (tx) => {
    const apps = await tx.application.findMany({
      where: { id: { in: ids }, municipalityId, status: "SUBMITTED" },
      select: { id: true, caseNumber: true, consultationCase: { select: { id: true } } },
    });
    if (apps.length !== ids.length) throw validationError({ applicationIds: ["validation.consultation.notSubmitted"] });
    if (apps.some((a) => a.consultationCase)) throw conflict("errors.consultation.alreadyConsulted");
    const members = await committeeOf(tx, municipalityId);
    if (!members.length) throw validationError({ applicationIds: ["validation.consultation.noCommittee"] });
    const consultation = await tx.consultation.create({
      data: {
        municipalityId,
        closesOn: new Date(`${closesOn}T00:00:00.000Z`),
        createdById: actor.userId,
        cases: { create: apps.map((a) => ({ applicationId: a.id })) },
      },
      include: { cases: true },
    });
    for (const a of apps) {
      await audit(tx, actor, {
        action: "application.put-to-committee",
        entityType: "Application",
        entityId: a.id,
        municipalityId,
        after: { consultationId: consultation.id, closesOn, members: members.map((m) => m.userId) },
      });
    }
    await queueMail(
      tx,
      members.map((m) => ({
        to: m.user.email,
        kind: "consultation.request",
        municipalityId,
        ...consultationRequest({
          count: consultation.cases.length,
          closesOn,
          url: `${appUrl()}/committee`,
          locale: m.user.locale,
        }),
      })),
    );
    return { consultation, members, apps };
  });
  return { id: consultation.id, closesOn, cases: consultation.cases.map((c) => c.applicationId) };
}

/** Where a consultation stands: who has answered, whether it is closed and why. */
export async function consultationStatus(q: Tx | typeof db, applicationId: string, now = new Date()) {
  // The committee comes with the case: one statement.
  const found = await q.consultationCase.findUnique({
    where: { applicationId },
    include: { consultation: { include: { municipality: { select: { committeeMembers: COMMITTEE } } } }, recommendations: true },
  });
  if (!found) return null;
  const members = found.consultation.municipality.committeeMembers;
  const state = consultationState({
    memberIds: members.map((m) => m.userId),
    answeredMemberIds: found.recommendations.map((r) => r.memberId),
    closesOn: dateOnlyOf(found.consultation.closesOn),
    today: todayIn(now),
    closedEarly: found.consultation.closedEarlyReason ? { reason: found.consultation.closedEarlyReason } : null,
  });
  return { caseId: found.id, consultationId: found.consultationId, closesOn: dateOnlyOf(found.consultation.closesOn), ...state, recommendations: found.recommendations, members };
}

/** A committee member's recommendation (approve, reject, abstain) with a comment, or a declared conflict of interest. */
export async function recordRecommendation(actor: Actor, applicationId: string, input: { kind: unknown; comment?: unknown }, now = new Date()) {
  requirePermission(actor, "consultation:recommend");
  const municipalityId = requireMunicipality(actor);
  if (!isUuid(applicationId)) throw notFound();
  const kind = RECOMMENDATION_KINDS.find((k) => k === input.kind);
  if (!kind) throw validationError({ kind: ["validation.recommendation.kind"] });
  const comment = typeof input.comment === "string" ? input.comment.trim() : "";
  if (comment.length > COMMENT_MAX) throw validationError({ comment: ["validation.recommendation.commentTooLong"] });
  return db.$transaction(async (tx) => {
    const member = await tx.committeeMember.findFirst({ where: { userId: actor.userId, municipalityId } });
    if (!member) throw notFound();
    const app = await tx.application.findFirst({ where: { id: applicationId, municipalityId }, select: { id: true } });
    if (!app) throw notFound();
    // One member's answers to one case are serialised with the case's state, and
    // with an early close of its consultation (which locks the consultation row).
    await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${`consultation-case:${applicationId}`}))`;
    await tx.$queryRaw`select c.id from "Consultation" c join "ConsultationCase" cc on cc."consultationId" = c.id where cc."applicationId" = ${applicationId}::uuid for share of c`;
    const status = await consultationStatus(tx, applicationId, now);
    if (!status) throw notFound();
    const mine = status.recommendations.find((r) => r.memberId === actor.userId);
    if (!canRecommend({ memberHasConflict: mine?.kind === "CONFLICT", closed: status.closed })) {
      throw conflict(status.closed ? "errors.consultation.closed" : "errors.consultation.conflictDeclared");
    }
    const saved = await tx.recommendation.upsert({
      where: { consultationCaseId_memberId: { consultationCaseId: status.caseId, memberId: actor.userId } },
      create: { consultationCaseId: status.caseId, memberId: actor.userId, kind, comment },
      update: { kind, comment },
    });
    await audit(tx, actor, {
      action: kind === "CONFLICT" ? "consultation.conflict-declared" : "consultation.recommended",
      entityType: "Application",
      entityId: applicationId,
      municipalityId,
      before: mine ? { kind: mine.kind, comment: mine.comment } : undefined,
      after: { kind, comment },
    });
    return { kind: saved.kind, comment: saved.comment };
  });
}

/** The coordinator closes a consultation before its date, with a recorded reason. */
export async function closeConsultationEarly(actor: Actor, consultationId: string, reason: unknown, now = new Date()) {
  requirePermission(actor, "consultation:manage");
  const municipalityId = requireMunicipality(actor);
  if (!isUuid(consultationId)) throw notFound();
  const text = typeof reason === "string" ? reason.trim() : "";
  if (text.length < 5 || text.length > 2000) throw validationError({ reason: ["validation.reason.length"] });
  return db.$transaction(async (tx) => {
    // Locked: an answer being recorded finishes first or waits, and two closes cannot both pass.
    await tx.$queryRaw`select id from "Consultation" where id = ${consultationId}::uuid for update`;
    const found = await tx.consultation.findFirst({ where: { id: consultationId, municipalityId }, include: { cases: true } });
    if (!found) throw notFound();
    if (found.closedEarlyAt) throw conflict("errors.consultation.closed");
    await tx.consultation.update({ where: { id: consultationId }, data: { closedEarlyAt: now, closedEarlyById: actor.userId, closedEarlyReason: text } });
    for (const c of found.cases) {
      await audit(tx, actor, {
        action: "consultation.closed-early",
        entityType: "Application",
        entityId: c.applicationId,
        municipalityId,
        before: { closedEarly: false },
        after: { consultationId, closedEarly: true, reason: text },
      });
    }
    return { id: consultationId, closedEarly: true };
  });
}

/**
 * A committee member's view of the case's recommendations: none while the
 * member has declared a conflict of interest.
 */
export async function recommendationsFor(actor: Actor, applicationId: string, now = new Date()) {
  const municipalityId = requireMunicipality(actor);
  if (!isUuid(applicationId)) throw notFound();
  const app = await db.application.findFirst({ where: { id: applicationId, municipalityId, status: { not: "DRAFT" } }, select: { id: true } });
  if (!app) throw notFound();
  const status = await consultationStatus(db, applicationId, now);
  if (!status) return null;
  const isCoordinator = actor.roles.includes("COORDINATOR");
  const isMember = status.members.some((m) => m.userId === actor.userId);
  if (!isCoordinator && !isMember) throw notFound();
  const mine = status.recommendations.find((r) => r.memberId === actor.userId) ?? null;
  // A declared conflict hides the others' views whatever else the person is (a coordinator may sit on the committee).
  const visible = canSeeRecommendations({ memberHasConflict: mine?.kind === "CONFLICT" }) && (isCoordinator || isMember);
  const names = new Map(status.members.map((m) => [m.userId, { name: m.user.name ?? m.user.email, title: m.title }]));
  return {
    closesOn: status.closesOn,
    closed: status.closed,
    closedReason: status.reason,
    waitingFor: status.waitingFor.map((id) => names.get(id)?.name ?? id),
    mine: mine ? { kind: mine.kind, comment: mine.comment } : null,
    recommendations: visible
      ? status.recommendations.map((r) => ({ member: names.get(r.memberId) ?? { name: "–", title: "" }, kind: r.kind, comment: r.comment, at: r.updatedAt.toISOString() }))
      : null,
  };
}

