import "server-only";
import { db } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { isUuid } from "@/lib/data/associations";
import { applicationDetailInclude, toApplicationView } from "@/lib/data/applications";
import { recommendationsFor } from "@/lib/data/consultations";
import { notFound } from "@/lib/errors";
import { canRecommend, consultationState, type ConsultationClosedReason } from "@/lib/domain/consultation";
import { todayIn, dateOnlyOf } from "@/lib/domain/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RecommendationKind } from "@/lib/generated/prisma/enums";

// The committee member's side of a consultation (samråd): the cases put to the
// committee and everything the applicant submitted. Scoped here, not in pages:
// only a current member of the actor's own municipality's committee sees them.

/** The most cases the member's list shows: open ones first, then the most recently closed. */
export const MEMBER_CASES_LIMIT = 100;


/** The actor's seat on their municipality's committee, or null when they have none. */
async function seatOf(actor: Actor) {
  requirePermission(actor, "consultation:recommend");
  if (!actor.municipalityId) return null;
  return db.committeeMember.findFirst({
    where: { userId: actor.userId, municipalityId: actor.municipalityId, user: { active: true } },
    select: { municipalityId: true },
  });
}

const caseSelect = {
  applicationId: true,
  consultation: { select: { closesOn: true, closedEarlyAt: true, closedEarlyReason: true } },
  recommendations: { select: { memberId: true, kind: true, updatedAt: true } },
  application: {
    select: {
      caseNumber: true,
      title: true,
      grantKind: true,
      status: true,
      requestedAmount: true,
      association: { select: { name: true } },
      partnerTown: { select: { name: true } },
    },
  },
} satisfies Prisma.ConsultationCaseSelect;

type CaseRow = Prisma.ConsultationCaseGetPayload<{ select: typeof caseSelect }>;

export type MemberCase = {
  applicationId: string;
  caseNumber: string | null;
  association: string;
  title: string;
  grantKind: CaseRow["application"]["grantKind"];
  applicationStatus: CaseRow["application"]["status"];
  partnerTown: string | null;
  requestedAmount: number | null;
  /** The last day to answer, "YYYY-MM-DD". */
  closesOn: string;
  closed: boolean;
  closedReason: ConsultationClosedReason | null;
  /** The member's own answer, or null before they have given one. */
  mine: RecommendationKind | null;
};

/**
 * The cases put to the committee the actor sits on: open ones first (the
 * soonest closing first), then the most recently closed, at most
 * MEMBER_CASES_LIMIT. A COMMITTEE user without a seat has no cases.
 */
export async function listCasesForMember(actor: Actor, now = new Date()): Promise<MemberCase[]> {
  const seat = await seatOf(actor);
  if (!seat) return [];
  const { municipalityId } = seat;
  const today = todayIn(now);
  const todayDate = new Date(`${today}T00:00:00.000Z`);
  const [maybeOpen, closedByDate, members] = await Promise.all([
    db.consultationCase.findMany({
      where: { consultation: { municipalityId, closedEarlyAt: null, closesOn: { gte: todayDate } }, application: { municipalityId } },
      select: caseSelect,
      orderBy: [{ consultation: { closesOn: "asc" } }, { application: { caseNumber: "asc" } }],
      take: MEMBER_CASES_LIMIT,
    }),
    db.consultationCase.findMany({
      where: {
        consultation: { municipalityId, OR: [{ closedEarlyAt: { not: null } }, { closesOn: { lt: todayDate } }] },
        application: { municipalityId },
      },
      select: caseSelect,
      orderBy: [{ consultation: { closesOn: "desc" } }, { consultation: { createdAt: "desc" } }],
      take: MEMBER_CASES_LIMIT,
    }),
    // The committee as it is now, as consultationStatus counts it.
    db.committeeMember.findMany({ where: { municipalityId, user: { active: true } }, select: { userId: true } }),
  ]);
  const memberIds = members.map((m) => m.userId);

  const rows = [...maybeOpen, ...closedByDate].map((row) => {
    const state = consultationState({
      memberIds,
      answeredMemberIds: row.recommendations.map((r) => r.memberId),
      closesOn: dateOnlyOf(row.consultation.closesOn),
      today,
      closedEarly: row.consultation.closedEarlyReason ? { reason: row.consultation.closedEarlyReason } : null,
    });
    return { row, state, closedAt: closedAt(row, state.reason) };
  });
  const open = rows.filter((r) => !r.state.closed);
  const closed = rows.filter((r) => r.state.closed).sort((a, b) => b.closedAt - a.closedAt);
  return [...open, ...closed].slice(0, MEMBER_CASES_LIMIT).map(({ row, state }) => ({
    applicationId: row.applicationId,
    caseNumber: row.application.caseNumber,
    association: row.application.association.name,
    title: row.application.title,
    grantKind: row.application.grantKind,
    applicationStatus: row.application.status,
    partnerTown: row.application.partnerTown?.name ?? null,
    requestedAmount: row.application.requestedAmount,
    closesOn: dateOnlyOf(row.consultation.closesOn),
    closed: state.closed,
    closedReason: state.reason,
    mine: row.recommendations.find((r) => r.memberId === actor.userId)?.kind ?? null,
  }));
}

/** When a closed consultation closed, as a sort key: the later, the higher. */
function closedAt(row: CaseRow, reason: ConsultationClosedReason | null): number {
  if (reason === "CLOSED_EARLY" && row.consultation.closedEarlyAt) return row.consultation.closedEarlyAt.getTime();
  if (reason === "ALL_ANSWERED") return Math.max(...row.recommendations.map((r) => r.updatedAt.getTime()));
  // Closed after its last day.
  return row.consultation.closesOn.getTime() + 24 * 60 * 60 * 1000;
}

/**
 * One case for a member of the committee it was put to: everything the
 * applicant submitted, the member's own answer and the other members'
 * recommendations — null while the member has declared a conflict of interest.
 * Not a member, or an application not put to the committee: not found.
 */
export async function getCaseForMember(actor: Actor, applicationId: string, now = new Date()) {
  const seat = await seatOf(actor);
  if (!seat || !isUuid(applicationId)) throw notFound();
  const application = await db.application.findFirst({
    where: { id: applicationId, municipalityId: seat.municipalityId, status: { not: "DRAFT" }, consultationCase: { isNot: null } },
    include: applicationDetailInclude,
  });
  if (!application) throw notFound();
  // Decides what the member may see of the others' answers (nothing after a declared conflict).
  const consultation = await recommendationsFor(actor, applicationId, now);
  if (!consultation) throw notFound();
  const view = toApplicationView(application);
  const [objectives, others] = await Promise.all([
    db.policyObjective.findMany({
      where: { id: { in: view.objectiveIds }, municipalityId: seat.municipalityId },
      select: { id: true, textSv: true, textEn: true },
    }),
    consultation.recommendations === null ? null : othersRecommendations(actor, applicationId),
  ]);
  const hasConflict = consultation.mine?.kind === "CONFLICT";
  return {
    application: view,
    objectives,
    consultation: {
      closesOn: consultation.closesOn,
      closed: consultation.closed,
      closedReason: consultation.closedReason,
      mine: consultation.mine,
      hasConflict,
      canRecommend: canRecommend({ memberHasConflict: hasConflict, closed: consultation.closed }),
      /** The other members' recommendations; null when hidden because of the member's declared conflict. */
      others,
    },
  };
}

export type MemberCaseDetail = Awaited<ReturnType<typeof getCaseForMember>>;

/** The other members' answers to one case, with who gave them; call only once their visibility is decided. */
async function othersRecommendations(actor: Actor, applicationId: string) {
  const found = await db.recommendation.findMany({
    where: { consultationCase: { applicationId }, memberId: { not: actor.userId } },
    select: { memberId: true, kind: true, comment: true, updatedAt: true },
    orderBy: { createdAt: "asc" },
  });
  // A member who has since left the committee (or the portal) still counts as having answered.
  const users = await db.user.findMany({
    where: { id: { in: found.map((r) => r.memberId) } },
    select: { id: true, name: true, email: true, committeeMember: { select: { title: true } } },
  });
  const byId = new Map(users.map((u) => [u.id, u]));
  return found.map((r) => {
    const who = byId.get(r.memberId);
    return {
      member: { name: who ? (who.name ?? who.email) : "–", title: who?.committeeMember?.title ?? "" },
      kind: r.kind,
      comment: r.comment,
      at: r.updatedAt.toISOString(),
    };
  });
}
