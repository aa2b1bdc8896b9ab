import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { municipalitySlug } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { todayIn } from "@/lib/domain/dates";

/** The municipality this deployment serves (MUNICIPALITY, default "pitea"). */
export const getMunicipality = cache(async () => {
  const m = await db.municipality.findUnique({ where: { slug: municipalitySlug() } });
  if (!m) throw notFound();
  return m;
});

export async function listPartnerTowns(opts: { activeOnly?: boolean } = {}) {
  const m = await getMunicipality();
  return db.partnerTown.findMany({
    where: { municipalityId: m.id, ...(opts.activeOnly ? { active: true } : {}) },
    orderBy: { name: "asc" },
  });
}

export async function listObjectives(opts: { activeOnly?: boolean } = {}) {
  const m = await getMunicipality();
  return db.policyObjective.findMany({
    where: { municipalityId: m.id, ...(opts.activeOnly ? { active: true } : {}) },
    orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }],
  });
}

/** Today in Swedish time, as the value of a date column. */
function todayDate(now: Date): Date {
  return new Date(`${todayIn(now)}T00:00:00.000Z`);
}

/** Program years open for applications on `now`'s date. */
export async function listOpenProgramYears(now = new Date()) {
  const m = await getMunicipality();
  const today = todayDate(now);
  return db.programYear.findMany({
    where: { municipalityId: m.id, opensOn: { lte: today }, closesOn: { gte: today } },
    orderBy: { year: "asc" },
    include: { requiredDocuments: { orderBy: { sortOrder: "asc" } } },
  });
}

/** Every program year with all its rules: caps (with per-town overrides), documents, and whether it is open on `now`'s date. */
export async function listProgramYearsWithRules(now = new Date()) {
  const m = await getMunicipality();
  const today = todayDate(now);
  const years = await db.programYear.findMany({
    where: { municipalityId: m.id },
    orderBy: { year: "desc" },
    include: {
      requiredDocuments: { orderBy: { sortOrder: "asc" } },
      caps: { select: { partnerTownId: true, grantKind: true, amount: true } },
    },
  });
  return years.map((p) => ({ ...p, open: p.opensOn <= today && p.closesOn >= today }));
}

export async function listProgramYears() {
  const m = await getMunicipality();
  return db.programYear.findMany({ where: { municipalityId: m.id }, orderBy: { year: "desc" } });
}
