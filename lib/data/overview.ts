import "server-only";
import { db } from "@/lib/db";
import { requireMunicipality, requirePermission, type Actor } from "@/lib/auth/actor";
import { isUuid } from "@/lib/data/associations";
import { notFound } from "@/lib/errors";
import { poolOverview } from "@/lib/domain/overview";

/**
 * The year's allocation at a glance: for each partner town and grant kind the
 * cap, what is decided, what remains, and how the base grant is shared. Two
 * grouped queries, whatever the number of towns.
 */
export async function getAllocationOverview(actor: Actor, programYear: { year: number } | { id: string }) {
  requirePermission(actor, "application:review");
  const municipalityId = requireMunicipality(actor);
  if ("id" in programYear && !isUuid(programYear.id)) throw notFound();
  const program = await db.programYear.findFirst({ where: { municipalityId, ...programYear }, include: { caps: true } });
  if (!program) throw notFound();
  const towns = await db.partnerTown.findMany({ where: { municipalityId }, orderBy: { name: "asc" } });
  const decided = await db.$queryRaw<{ partnerTownId: string; grantKind: "BASE" | "ACTIVITY"; decided: number; approved: number }[]>`
    select "partnerTownId", "grantKind", coalesce(sum("approvedAmount"), 0)::int as decided, count(*)::int as approved
    from "Application"
    where "programYearId" = ${program.id}::uuid and status = 'APPROVED' and "approvedAmount" is not null
    group by 1, 2`;
  const live = await db.$queryRaw<{ partnerTownId: string; grantKind: "BASE" | "ACTIVITY"; associations: number }[]>`
    select "partnerTownId", "grantKind", count(distinct "associationId")::int as associations
    from "Application"
    where "programYearId" = ${program.id}::uuid and status in ('SUBMITTED', 'APPROVED') and "partnerTownId" is not null
    group by 1, 2`;
  const key = (town: string, kind: string) => `${town}:${kind}`;
  const decidedBy = new Map(decided.map((r) => [key(r.partnerTownId, r.grantKind), r]));
  const liveBy = new Map(live.map((r) => [key(r.partnerTownId, r.grantKind), r.associations]));
  const capBy = new Map(program.caps.map((c) => [key(c.partnerTownId, c.grantKind), c.amount]));
  const rows = towns
    .filter((t) => t.active || ["BASE", "ACTIVITY"].some((k) => decidedBy.has(key(t.id, k)) || liveBy.has(key(t.id, k))))
    .flatMap((t) =>
      (["BASE", "ACTIVITY"] as const).map((grantKind) => ({
        partnerTown: { id: t.id, name: t.name },
        ...poolOverview({
          grantKind,
          cap: capBy.get(key(t.id, grantKind)) ?? (grantKind === "BASE" ? program.baseCapPerTown : program.activityCapPerTown),
          decided: decidedBy.get(key(t.id, grantKind))?.decided ?? 0,
          approvedCount: decidedBy.get(key(t.id, grantKind))?.approved ?? 0,
          liveAssociations: liveBy.get(key(t.id, grantKind)) ?? 0,
          splitRule: program.splitRule,
        }),
      })),
    );
  const totalDecided = rows.reduce((s, r) => s + r.decided, 0);
  return {
    programYearId: program.id,
    year: program.year,
    budget: program.budget,
    totalDecided,
    budgetRemaining: program.budget == null ? null : Math.max(0, program.budget - totalDecided),
    pools: rows,
  };
}
