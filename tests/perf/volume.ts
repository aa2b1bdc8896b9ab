// Loads a national deployment's ten years into an empty, migrated database:
// 300 partner towns, 5 000 associations and 100 000 applications spread over
// 30 municipalities, with decisions, follow-up reports and audit events in
// the proportions a real program has. Deterministic: the same seed gives the
// same rows. Rows go in with set-based INSERT … SELECT FROM unnest(…), a few
// thousand at a time.
import { randomUUID } from "node:crypto";
import pg from "pg";

export type Volume = {
  municipalities: number;
  townsPerMunicipality: number;
  associations: number;
  applications: number;
  years: number;
  /** The last program year; the one before it is the last completed. */
  currentYear: number;
  /** Share of all rows that belong to the first municipality, the one the benchmark signs in to. */
  firstShare: number;
};

export const NATIONAL: Volume = {
  municipalities: 30,
  townsPerMunicipality: 10,
  associations: 5_000,
  applications: 100_000,
  years: 10,
  currentYear: 2026,
  firstShare: 0.2,
};

export type Loaded = {
  municipalityId: string;
  coordinatorEmail: string;
  applicantEmail: string;
  /** An application of the applicant's association in the current year. */
  applicationId: string;
  programYearId: string;
  counts: Record<string, number>;
};

/** A small, fast, seedable PRNG (mulberry32). */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
  };
}

const TOWNS = ["Narvik", "Kandalaksja", "Tromsø", "Oulu", "Galway", "Lobatse", "Gdańsk", "Kiel", "Tartu", "Riga", "Hamar", "Kemi"];
const COUNTRIES = ["Norge", "Ryssland", "Finland", "Irland", "Botswana", "Polen", "Tyskland", "Estland", "Lettland"];
const WORDS = ["Ungdomsutbyte", "Körresa", "Idrottsläger", "Konstutställning", "Skolsamarbete", "Studiebesök", "Vänortsvecka", "Musikfestival", "Seminarium", "Filmprojekt"];

/** Columns and their PostgreSQL array types, in insert order. */
type Columns = Record<string, string>;

export const PROGRAM_YEAR_COLUMNS: Columns = { id: "uuid", municipalityId: "uuid", year: "int", opensOn: "date", closesOn: "date", baseCapPerTown: "int", activityCapPerTown: "int", splitRule: '"SplitRule"', budget: "int", reportDeadlineMonths: "int", blockOnOverdueReport: "bool", createdAt: "timestamp", updatedAt: "timestamp" };
export const APPLICATION_COLUMNS: Columns = { id: "uuid", municipalityId: "uuid", programYearId: "uuid", associationId: "uuid", partnerTownId: "uuid", grantKind: '"GrantKind"', status: '"ApplicationStatus"', caseNumber: "text", title: "text", purpose: "text", description: "text", objectiveMotivation: "text", startDate: "date", endDate: "date", participantsTotal: "int", participantsUnder26: "int", requestedAmount: "int", budgetLines: "jsonb", otherFunding: "jsonb", createdById: "uuid", createdAt: "timestamp", updatedAt: "timestamp", submittedAt: "timestamp", withdrawnAt: "timestamp", currentDecisionId: "uuid" };

export async function insertRows(client: pg.Client, table: string, columns: Columns, rows: unknown[][], batch = 5_000): Promise<void> {
  const names = Object.keys(columns);
  // "text as \"Role\"[]": sent as text, stored as the column's type (unnest cannot take an array of arrays).
  const types = Object.values(columns).map((type) => type.split(" as "));
  for (let start = 0; start < rows.length; start += batch) {
    const chunk = rows.slice(start, start + batch);
    const arrays = names.map((_, i) => chunk.map((row) => row[i]));
    const params = types.map(([type], i) => `$${i + 1}::${type}[]`).join(", ");
    const list = names.map((n) => `"${n}"`).join(", ");
    const select = types.map(([, cast], i) => (cast ? `c${i}::${cast}` : `c${i}`)).join(", ");
    const aliases = names.map((_, i) => `c${i}`).join(", ");
    // Table and column names are this file's constants; every value is a parameter.
    await client.query(`insert into "${table}" (${list}) select ${select} from unnest(${params}) as t(${aliases})`, arrays);
  }
}

export async function loadVolume(databaseUrl: string, volume: Volume = NATIONAL, seed = 20261125): Promise<Loaded> {
  const rnd = random(seed);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const existing = await client.query<{ n: string }>(`select count(*) as n from "Municipality"`);
    if (Number(existing.rows[0]!.n) > 0) throw new Error("loadVolume needs an empty, migrated database");
    const now = new Date(`${volume.currentYear}-11-15T10:00:00Z`);
    const firstYear = volume.currentYear - volume.years + 1;

    // How many associations and applications each municipality gets: the first its share, the rest evenly.
    const share = (total: number, m: number) => {
      const first = Math.round(total * volume.firstShare);
      if (m === 0) return first;
      const rest = total - first;
      const each = Math.floor(rest / (volume.municipalities - 1));
      return m === volume.municipalities - 1 ? rest - each * (volume.municipalities - 2) : each;
    };

    const municipalities: unknown[][] = [];
    const towns: unknown[][] = [];
    const objectives: unknown[][] = [];
    const programs: unknown[][] = [];
    const users: unknown[][] = [];
    const committee: unknown[][] = [];
    const associations: unknown[][] = [];
    const associationTowns: unknown[][] = [];
    const memberships: unknown[][] = [];
    const applications: unknown[][] = [];
    const applicationObjectives: unknown[][] = [];
    const decisions: unknown[][] = [];
    const allocations: unknown[][] = [];
    const reports: unknown[][] = [];
    const audits: unknown[][] = [];
    const counters: unknown[][] = [];

    let loaded: Omit<Loaded, "counts"> | undefined;

    for (let m = 0; m < volume.municipalities; m++) {
      const municipalityId = randomUUID();
      const slug = m === 0 ? "perf" : `kommun-${m}`;
      const prefix = `K${String(m).padStart(2, "0")}`.slice(0, 6);
      municipalities.push([municipalityId, slug, m === 0 ? "Prestandakommun" : `Kommun ${m}`, "212000-2742", "Kommunstyrelsen", "Delegation 3.1", prefix, "Samordnare", `samordnare@${slug}.example`, "0911-69 60 00", now]);
      const townIds: string[] = [];
      for (let t = 0; t < volume.townsPerMunicipality; t++) {
        const id = randomUUID();
        townIds.push(id);
        towns.push([id, municipalityId, `${TOWNS[t % TOWNS.length]} ${m}-${t}`, rnd.pick(COUNTRIES), "TWIN_TOWN", t % 3 === 0 ? "EUROPE" : "NORDIC", true, now, now]);
      }
      const objectiveIds: string[] = [];
      for (let o = 0; o < 6; o++) {
        const id = randomUUID();
        objectiveIds.push(id);
        objectives.push([id, municipalityId, `Mål ${o + 1}`, `Objective ${o + 1}`, o, true, now, now]);
      }
      const programIds = new Map<number, string>();
      for (let y = firstYear; y <= volume.currentYear; y++) {
        const id = randomUUID();
        programIds.set(y, id);
        programs.push([id, municipalityId, y, `${y}-01-01`, `${y}-12-31`, 10_000, 10_000, "EQUAL_SPLIT", 200_000, 1, m === 0, now, now]);
        counters.push([municipalityId, y, 0]);
      }
      const coordinatorId = randomUUID();
      users.push([coordinatorId, `samordnare@${slug}.example`, "Samordnare", now, "sv", "{COORDINATOR}", municipalityId, true, now, now]);
      for (let c = 0; c < 4; c++) {
        const id = randomUUID();
        users.push([id, `kommitte${c}@${slug}.example`, `Ledamot ${c + 1}`, now, "sv", "{COMMITTEE}", municipalityId, true, now, now]);
        committee.push([randomUUID(), municipalityId, id, `Ledamot ${c + 1}`, now]);
      }

      const assocCount = share(volume.associations, m);
      const assocs: { id: string; userId: string; towns: string[] }[] = [];
      for (let a = 0; a < assocCount; a++) {
        const id = randomUUID();
        const userId = randomUUID();
        const email = `forening${a}@${slug}.example`;
        users.push([userId, email, `Kontakt ${a}`, now, a % 10 === 0 ? "en" : "sv", "{}", null, true, now, now]);
        const orgNumber = `80${String(m).padStart(2, "0")}${String(a).padStart(2, "0").slice(-2)}-${String(1000 + (a % 9000)).slice(-4)}`;
        associations.push([id, municipalityId, `Förening ${m}-${a}`, `${orgNumber}-${a}`, "Storgatan 1", "941 31", "Piteå", `Kontakt ${a}`, email, "070-123 45 67", "BANKGIRO", "5050-1055", a % 25 === 0 ? "PENDING" : "VERIFIED", coordinatorId, userId, now, now]);
        memberships.push([userId, id, now]);
        const own = [...new Set([rnd.pick(townIds), rnd.pick(townIds)])];
        for (const townId of own) associationTowns.push([id, townId]);
        assocs.push({ id, userId, towns: own });
      }
      const verified = assocs.filter((_, a) => a % 25 !== 0);

      const appCount = share(volume.applications, m);
      const perYear = new Map<number, number>();
      // Every cap holds, as the deciding code would keep it: an activity pool's approvals stop at its cap,
      // and a town's base grants are decided as one allocation that shares the cap equally.
      const activityUsed = new Map<string, number>();
      const basePools = new Map<string, { allocationId: string; programId: string; townId: string; decidedAt: Date; approved: unknown[][]; reports: unknown[][] }>();
      const baseApplied = new Set<string>();
      for (let i = 0; i < appCount; i++) {
        const year = firstYear + Math.floor((i / appCount) * volume.years);
        const current = year === volume.currentYear;
        const programId = programIds.get(year)!;
        const assoc = verified[rnd.int(0, verified.length - 1)]!;
        const townId = rnd.pick(assoc.towns);
        // One base-grant application per association, town and year, as the form allows.
        const baseKey = `${programId}:${townId}:${assoc.id}`;
        const kind = rnd.next() < 0.3 && !baseApplied.has(baseKey) ? "BASE" : "ACTIVITY";
        if (kind === "BASE") baseApplied.add(baseKey);
        const id = randomUUID();
        const roll = rnd.next();
        // This year, half the towns have their base grants decided; the other half's wait for the allocation.
        const baseDecidedThisYear = townIds.indexOf(townId) % 2 === 0;
        let status =
          current && (kind === "ACTIVITY" || !baseDecidedThisYear)
            ? roll < 0.15 ? "DRAFT" : roll < 0.6 ? "SUBMITTED" : roll < 0.65 ? "WITHDRAWN" : roll < 0.9 ? "APPROVED" : "REJECTED"
            : roll < 0.05 ? "WITHDRAWN" : roll < 0.8 ? "APPROVED" : "REJECTED";
        if (kind === "BASE" && current && !baseDecidedThisYear && (status === "APPROVED" || status === "REJECTED")) status = "SUBMITTED";
        const month = rnd.int(1, 10);
        const day = rnd.int(1, 28);
        const startDate = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
        const endDate = `${year}-${String(month + rnd.int(0, 2)).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
        const requested = kind === "BASE" ? 10_000 : rnd.int(5, 40) * 100;
        let amount = 0;
        if (status === "APPROVED" && kind === "ACTIVITY") {
          const pool = `${programId}:${townId}`;
          const used = activityUsed.get(pool) ?? 0;
          amount = Math.min(requested, rnd.int(5, 30) * 100, 10_000 - used);
          if (amount <= 0) status = "REJECTED";
          else activityUsed.set(pool, used + amount);
        }
        if (status !== "APPROVED") amount = 0;
        const submittedAt = status === "DRAFT" ? null : new Date(`${year}-${String(Math.max(1, month - 1)).padStart(2, "0")}-${String(day).padStart(2, "0")}T09:00:00Z`);
        const seq = (perYear.get(year) ?? 0) + (status === "DRAFT" ? 0 : 1);
        perYear.set(year, seq);
        const caseNumber = status === "DRAFT" ? null : `${prefix} ${year}/${seq}`;
        const total = rnd.int(4, 40);
        const createdAt = submittedAt ?? new Date(`${year}-${String(month).padStart(2, "0")}-01T08:00:00Z`);
        let decisionId: string | null = null;
        if (status === "APPROVED" || status === "REJECTED") {
          decisionId = randomUUID();
          const approved = status === "APPROVED";
          const due = new Date(`${endDate}T00:00:00Z`);
          due.setUTCMonth(due.getUTCMonth() + 1);
          let decidedAt = new Date(submittedAt!.getTime() + 20 * 86_400_000);
          let allocationId: string | null = null;
          if (kind === "BASE") {
            const key = `${programId}:${townId}`;
            const pool = basePools.get(key) ?? { allocationId: randomUUID(), programId, townId, decidedAt: new Date(`${year}-03-15T10:00:00Z`), approved: [], reports: [] };
            basePools.set(key, pool);
            allocationId = pool.allocationId;
            decidedAt = pool.decidedAt;
          }
          const decision = [decisionId, id, status, amount, approved ? "" : "Ryms inte i ramen.", coordinatorId, decidedAt, approved ? due.toISOString().slice(0, 10) : null, approved && !current ? decidedAt : null, approved && !current ? coordinatorId : null, allocationId];
          decisions.push(decision);
          if (approved && kind === "BASE") basePools.get(`${programId}:${townId}`)!.approved.push(decision);
          if (approved && (!current || rnd.next() < 0.3)) {
            const accepted = !current || rnd.next() < 0.5;
            const report = [randomUUID(), id, accepted ? "ACCEPTED" : "SUBMITTED", "Vi genomförde utbytet enligt plan.", startDate, endDate, total, Math.floor(total / 2), "[]", JSON.stringify([{ label: "Resor", amount }]), "[]", assoc.userId, due, due, due, accepted ? due : null, accepted ? coordinatorId : null];
            reports.push(report);
            if (kind === "BASE") basePools.get(`${programId}:${townId}`)!.reports.push(report);
          }
          audits.push([decidedAt, coordinatorId, "user", approved ? "application.approved" : "application.rejected", "Application", id, municipalityId, JSON.stringify({ status: "SUBMITTED" }), JSON.stringify({ status, amount })]);
        }
        applications.push([id, municipalityId, programId, assoc.id, townId, kind, status, caseNumber, `${rnd.pick(WORDS)} ${year}`, "Stärka vänortssamarbetet.", "Ett utbyte med vänorten.", "Bidrar till målen.", startDate, endDate, total, Math.floor(total / 3), requested, JSON.stringify([{ label: "Resor", amount: requested }]), "[]", assoc.userId, createdAt, createdAt, submittedAt, status === "WITHDRAWN" ? createdAt : null, decisionId]);
        applicationObjectives.push([id, rnd.pick(objectiveIds)]);
        audits.push([createdAt, assoc.userId, "user", "application.created", "Application", id, municipalityId, null, JSON.stringify({ status: "DRAFT" })]);
        if (submittedAt) audits.push([submittedAt, assoc.userId, "user", "application.submitted", "Application", id, municipalityId, JSON.stringify({ status: "DRAFT" }), JSON.stringify({ status: "SUBMITTED", caseNumber })]);
        if (!loaded && m === 0 && current && status === "SUBMITTED" && kind === "ACTIVITY") {
          loaded = {
            municipalityId,
            coordinatorEmail: `samordnare@${slug}.example`,
            applicantEmail: users.find((u) => u[0] === assoc.userId)![1] as string,
            applicationId: id,
            programYearId: programId,
          };
        }
      }
      // Each decided town and year: the approved share the cap equally, whole kronor rounded down.
      for (const pool of basePools.values()) {
        const share = pool.approved.length ? Math.floor(10_000 / pool.approved.length) : 0;
        for (const decision of pool.approved) decision[3] = share;
        for (const report of pool.reports) report[9] = JSON.stringify([{ label: "Resor", amount: share }]);
        allocations.push([pool.allocationId, pool.programId, pool.townId, 10_000, share, pool.approved.length, coordinatorId, pool.decidedAt]);
      }
      for (const [year, last] of perYear) {
        const counter = counters.find((c) => c[0] === municipalityId && c[1] === year)!;
        counter[2] = last;
      }
    }

    await client.query("begin");
    await insertRows(client, "Municipality", { id: "uuid", slug: "text", name: "text", orgNumber: "text", decidingBody: "text", delegation: "text", caseNumberPrefix: "text", contactName: "text", contactEmail: "text", contactPhone: "text", createdAt: "timestamp" }, municipalities);
    await insertRows(client, "PartnerTown", { id: "uuid", municipalityId: "uuid", name: "text", country: "text", kind: '"PartnerKind"', distanceClass: '"DistanceClass"', active: "bool", createdAt: "timestamp", updatedAt: "timestamp" }, towns);
    await insertRows(client, "PolicyObjective", { id: "uuid", municipalityId: "uuid", textSv: "text", textEn: "text", sortOrder: "int", active: "bool", createdAt: "timestamp", updatedAt: "timestamp" }, objectives);
    await insertRows(client, "ProgramYear", PROGRAM_YEAR_COLUMNS, programs);
    await insertRows(client, "CaseCounter", { municipalityId: "uuid", year: "int", last: "int" }, counters);
    await insertRows(client, "User", { id: "uuid", email: "text", name: "text", emailVerified: "timestamp", locale: '"Locale"', roles: 'text as "Role"[]', municipalityId: "uuid", active: "bool", createdAt: "timestamp", updatedAt: "timestamp" }, users);
    await insertRows(client, "CommitteeMember", { id: "uuid", municipalityId: "uuid", userId: "uuid", title: "text", createdAt: "timestamp" }, committee);
    await insertRows(client, "Association", { id: "uuid", municipalityId: "uuid", name: "text", orgNumber: "text", streetAddress: "text", postalCode: "text", city: "text", contactName: "text", email: "text", phone: "text", paymentMethod: '"PaymentMethod"', paymentAccount: "text", status: '"AssociationStatus"', decidedById: "uuid", createdById: "uuid", createdAt: "timestamp", updatedAt: "timestamp" }, associations);
    await insertRows(client, "AssociationPartnerTown", { associationId: "uuid", partnerTownId: "uuid" }, associationTowns);
    await insertRows(client, "Membership", { userId: "uuid", associationId: "uuid", createdAt: "timestamp" }, memberships);
    // Applications before decisions would break currentDecisionId's foreign key: insert without it, then link.
    const withoutDecision = applications.map((row) => [...row.slice(0, -1), null]);
    await insertRows(client, "Application", APPLICATION_COLUMNS, withoutDecision);
    await insertRows(client, "ApplicationObjective", { applicationId: "uuid", objectiveId: "uuid" }, applicationObjectives);
    await insertRows(client, "BaseAllocation", { id: "uuid", programYearId: "uuid", partnerTownId: "uuid", cap: "int", share: "int", approvedCount: "int", decidedById: "uuid", decidedAt: "timestamp" }, allocations);
    await insertRows(client, "Decision", { id: "uuid", applicationId: "uuid", outcome: '"DecisionOutcome"', amount: "int", reason: "text", decidedById: "uuid", decidedAt: "timestamp", reportDueOn: "date", paidAt: "timestamp", paidById: "uuid", allocationId: "uuid" }, decisions);
    await client.query(`update "Application" a set "currentDecisionId" = d.id from "Decision" d where d."applicationId" = a.id`);
    await insertRows(client, "FollowUpReport", { id: "uuid", applicationId: "uuid", status: '"FollowUpReportStatus"', summary: "text", startDate: "date", endDate: "date", participantsTotal: "int", participantsUnder26: "int", outcomes: "jsonb", costLines: "jsonb", otherFunding: "jsonb", createdById: "uuid", createdAt: "timestamp", updatedAt: "timestamp", submittedAt: "timestamp", acceptedAt: "timestamp", acceptedById: "uuid" }, reports);
    await insertRows(client, "AuditEvent", { at: "timestamp", actorId: "uuid", actorKind: "text", action: "text", entityType: "text", entityId: "text", municipalityId: "uuid", before: "jsonb", after: "jsonb" }, audits, 10_000);
    await client.query("commit");
    // As autovacuum leaves a database that has run for years: linking the decisions and the
    // reports' trigger (reportSettled) rewrote most application rows, whose dead versions
    // an index scan would still visit.
    await client.query("vacuum analyze");

    if (!loaded) throw new Error("The first municipality got no submitted application in the current year; raise the volume");
    return {
      ...loaded,
      counts: {
        municipalities: municipalities.length,
        partnerTowns: towns.length,
        associations: associations.length,
        users: users.length,
        applications: applications.length,
        decisions: decisions.length,
        baseAllocations: allocations.length,
        followUpReports: reports.length,
        auditEvents: audits.length,
      },
    };
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
