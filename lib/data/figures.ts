import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { requireMunicipality, requirePermission, type Actor } from "@/lib/auth/actor";
import { getAllocationOverview } from "@/lib/data/overview";
import { notFound } from "@/lib/errors";
import { parseOutcomes, yearFigures, type OutcomeFacts, type PlannedFacts, type ReportedFacts } from "@/lib/domain/figures";

/**
 * Accepted reports whose outcome texts the summary quotes. The sums count
 * every report; the texts stop here (a board document of more than this many
 * reports is read as the export), and the summary says so.
 */
export const OUTCOME_REPORTS_MAX = 1_000;

/** Sum of the amounts of a [{ label, amount }] JSON column, ignoring anything malformed. */
function linesSum(column: Prisma.Sql) {
  return Prisma.sql`(
    select coalesce(sum(round((l ->> 'amount')::numeric)), 0)
    from jsonb_array_elements(case when jsonb_typeof(${column}) = 'array' then ${column} else '[]'::jsonb end) l
    where jsonb_typeof(l -> 'amount') = 'number'
  )`;
}

/**
 * The program year in figures: per partner town and grant kind what is
 * granted (approved, in force) against the cap, and in all against the
 * budget; participants planned in the approved applications and reported in
 * the accepted follow-up reports; objectives served; and the follow-up summary
 * for the municipal board per town and per objective, with the outcome texts.
 * Grouped queries only, whatever the number of applications.
 */
export async function getYearFigures(actor: Actor, filters: { year: number }) {
  requirePermission(actor, "application:review");
  const municipalityId = requireMunicipality(actor);
  if (!Number.isSafeInteger(filters.year)) throw notFound();
  // The caps and what is decided from them: one home for that (lib/data/overview.ts).
  const overview = await getAllocationOverview(actor, { year: filters.year });
  const py = overview.programYearId;
  const inForce = Prisma.sql`
    from "Application" a
    join "Decision" d on d.id = a."currentDecisionId"
    where a."programYearId" = ${py}::uuid and a."partnerTownId" is not null and d.outcome = 'APPROVED'`;
  const costs = linesSum(Prisma.sql`fr."costLines"`);
  const funding = linesSum(Prisma.sql`fr."otherFunding"`);

  const [towns, objectives, planned, reported, objectiveGrants, objectiveReports, reports] = await Promise.all([
    db.partnerTown.findMany({ where: { municipalityId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.policyObjective.findMany({
      where: { municipalityId },
      select: { id: true, textSv: true, textEn: true, active: true },
      orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }],
    }),
    db.$queryRaw<PlannedFacts[]>`
      select a."partnerTownId", count(*)::int as applications,
        coalesce(sum(a."participantsTotal"), 0)::int as "participantsTotal",
        coalesce(sum(a."participantsUnder26"), 0)::int as "participantsUnder26"
      ${inForce}
      group by 1`,
    db.$queryRaw<ReportedFacts[]>`
      select a."partnerTownId", count(*)::int as reports,
        coalesce(sum(fr."participantsTotal"), 0)::int as "participantsTotal",
        coalesce(sum(fr."participantsUnder26"), 0)::int as "participantsUnder26",
        coalesce(sum(${costs}), 0)::int as "actualCosts",
        coalesce(sum(${funding}), 0)::int as "otherFunding",
        coalesce(sum(d.amount), 0)::int as granted
      from "Application" a
      join "Decision" d on d.id = a."currentDecisionId"
      join "FollowUpReport" fr on fr."applicationId" = a.id
      where a."programYearId" = ${py}::uuid and a."partnerTownId" is not null and d.outcome = 'APPROVED' and fr.status = 'ACCEPTED'
      group by 1`,
    db.$queryRaw<{ objectiveId: string; applications: number; granted: number }[]>`
      select ao."objectiveId", count(*)::int as applications, coalesce(sum(d.amount), 0)::int as granted
      from "ApplicationObjective" ao
      join "Application" a on a.id = ao."applicationId"
      join "Decision" d on d.id = a."currentDecisionId"
      where a."programYearId" = ${py}::uuid and a."partnerTownId" is not null and d.outcome = 'APPROVED'
      group by 1`,
    db.$queryRaw<{ objectiveId: string; reports: number; participantsTotal: number; participantsUnder26: number; actualCosts: number }[]>`
      select ao."objectiveId", count(*)::int as reports,
        coalesce(sum(fr."participantsTotal"), 0)::int as "participantsTotal",
        coalesce(sum(fr."participantsUnder26"), 0)::int as "participantsUnder26",
        coalesce(sum(${costs}), 0)::int as "actualCosts"
      from "ApplicationObjective" ao
      join "Application" a on a.id = ao."applicationId"
      join "Decision" d on d.id = a."currentDecisionId"
      join "FollowUpReport" fr on fr."applicationId" = a.id
      where a."programYearId" = ${py}::uuid and a."partnerTownId" is not null and d.outcome = 'APPROVED' and fr.status = 'ACCEPTED'
      group by 1`,
    db.$queryRaw<{ applicationId: string; caseNumber: string | null; association: string; partnerTown: string; outcomes: unknown }[]>`
      select a.id as "applicationId", a."caseNumber", s.name as association, t.name as "partnerTown", fr.outcomes
      from "Application" a
      join "Decision" d on d.id = a."currentDecisionId"
      join "FollowUpReport" fr on fr."applicationId" = a.id
      join "Association" s on s.id = a."associationId"
      join "PartnerTown" t on t.id = a."partnerTownId"
      where a."programYearId" = ${py}::uuid and d.outcome = 'APPROVED' and fr.status = 'ACCEPTED'
      order by a."caseNumber", a.id
      limit ${OUTCOME_REPORTS_MAX + 1}`,
  ]);

  const known = new Set(objectives.map((o) => o.id));
  const outcomes: OutcomeFacts[] = reports.slice(0, OUTCOME_REPORTS_MAX).flatMap(({ outcomes: json, ...report }) =>
    parseOutcomes(json)
      .filter((o) => known.has(o.objectiveId))
      .map((o) => ({ ...report, ...o })),
  );
  const used = new Set([...objectiveGrants.map((r) => r.objectiveId), ...objectiveReports.map((r) => r.objectiveId), ...outcomes.map((o) => o.objectiveId)]);
  return {
    programYearId: py,
    ...yearFigures({
      year: overview.year,
      budget: overview.budget,
      pools: overview.pools,
      towns,
      // An objective no longer offered still counts for the years it was named.
      objectives: objectives.filter((o) => o.active || used.has(o.id)).map(({ id, textSv, textEn }) => ({ id, textSv, textEn })),
      planned,
      reported,
      objectiveGrants,
      objectiveReports,
      outcomes,
      outcomesTruncated: reports.length > OUTCOME_REPORTS_MAX,
    }),
  };
}

export type YearFiguresResult = Awaited<ReturnType<typeof getYearFigures>>;
