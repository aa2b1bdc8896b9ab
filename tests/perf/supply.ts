// What the benchmark decides on: next year's applications (the autumn's
// applications for the coming year), submitted and through the committee's
// consultation, in every municipality of the national volume:
//  - one activity pool (the first municipality's first town) with many
//    applications, for decisions that all queue for the same locks;
//  - activity applications spread over every town of every municipality;
//  - three base-grant applications in every town, decided as allocations.
// Loaded with set-based inserts after loadVolume; deterministic order.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { APPLICATION_COLUMNS, insertRows, PROGRAM_YEAR_COLUMNS } from "./volume";

export type Coordinator = { userId: string; email: string; municipalityId: string };
export type BasePool = { programYearId: string; partnerTownId: string; coordinator: number; applicationIds: string[] };
export type Supply = {
  year: number;
  /** Index = municipality, in the volume's order (0 is the benchmark's own). */
  coordinators: Coordinator[];
  /** Activity applications in one pool of municipality 0. */
  onePool: string[];
  /** Activity applications over every town, interleaved across municipalities. */
  spread: { applicationId: string; coordinator: number }[];
  /** Activity applications like the spread ones, kept out of it: decided before the load, to warm the route up. */
  warmUp: { applicationId: string; coordinator: number }[];
  basePools: BasePool[];
};

export async function loadSupply(databaseUrl: string, opts: { year: number; onePool: number; spreadPerTown: number }): Promise<Supply> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const now = new Date();
    const municipalities = (
      await client.query<{ id: string; slug: string; prefix: string; userId: string; email: string }>(
        `select m.id, m.slug, m."caseNumberPrefix" as prefix, u.id as "userId", u.email
           from "Municipality" m join "User" u on u."municipalityId" = m.id and u.roles @> array['COORDINATOR']::"Role"[]
          order by (m.slug <> 'perf'), m."createdAt", m.slug`,
      )
    ).rows;
    const links = (
      await client.query<{ municipalityId: string; townId: string; townName: string; associationId: string; userId: string }>(
        `select t."municipalityId", t.id as "townId", t.name as "townName", a.id as "associationId", a."createdById" as "userId"
           from "PartnerTown" t
           join "AssociationPartnerTown" l on l."partnerTownId" = t.id
           join "Association" a on a.id = l."associationId" and a.status = 'VERIFIED'
          order by t.name, a.name`,
      )
    ).rows;

    const programs: unknown[][] = [];
    const counters: unknown[][] = [];
    const consultations: unknown[][] = [];
    const applications: unknown[][] = [];
    const cases: unknown[][] = [];
    const supply: Supply = { year: opts.year, coordinators: [], onePool: [], spread: [], warmUp: [], basePools: [] };
    const spreadBy: { applicationId: string; coordinator: number }[][] = [];

    municipalities.forEach((m, index) => {
      supply.coordinators.push({ userId: m.userId, email: m.email, municipalityId: m.id });
      const programYearId = randomUUID();
      programs.push([programYearId, m.id, opts.year, `${opts.year}-01-01`, `${opts.year}-12-31`, 10_000, 10_000, "EQUAL_SPLIT", 200_000, 1, index === 0, now, now]);
      const consultationId = randomUUID();
      // Closed by its date: the committee has had its say.
      consultations.push([consultationId, m.id, "2026-11-01", m.userId, now]);
      let seq = 0;
      const add = (town: { townId: string }, assoc: { associationId: string; userId: string }, kind: "ACTIVITY" | "BASE") => {
        const id = randomUUID();
        seq += 1;
        const requested = kind === "BASE" ? 10_000 : 2_000;
        applications.push([id, m.id, programYearId, assoc.associationId, town.townId, kind, "SUBMITTED", `${m.prefix} ${opts.year}/${seq}`, `Utbyte ${opts.year}`, "Stärka vänortssamarbetet.", "Ett utbyte med vänorten.", "Bidrar till målen.", `${opts.year}-05-10`, `${opts.year}-05-20`, 12, 8, requested, JSON.stringify([{ label: "Resor", amount: requested }]), "[]", assoc.userId, now, now, now, null, null]);
        cases.push([randomUUID(), consultationId, id]);
        return id;
      };
      const towns = new Map<string, typeof links>();
      for (const link of links.filter((l) => l.municipalityId === m.id)) towns.set(link.townId, [...(towns.get(link.townId) ?? []), link]);
      let townIndex = 0;
      for (const [townId, associations] of towns) {
        if (index === 0 && townIndex === 0) {
          for (let i = 0; i < opts.onePool; i++) supply.onePool.push(add({ townId }, associations[i % associations.length]!, "ACTIVITY"));
        }
        for (let i = 0; i < opts.spreadPerTown; i++) {
          (spreadBy[i] ??= []).push({ applicationId: add({ townId }, associations[(i + 1) % associations.length]!, "ACTIVITY"), coordinator: index });
        }
        const base = associations.slice(0, 3).map((a) => add({ townId }, a, "BASE"));
        supply.basePools.push({ programYearId, partnerTownId: townId, coordinator: index, applicationIds: base });
        townIndex += 1;
      }
      counters.push([m.id, opts.year, seq]);
    });
    // Round-robin over towns and municipalities, so consecutive decisions land in different pools.
    supply.spread = spreadBy.flat();
    supply.warmUp = supply.spread.splice(-40);
    const interleaved: BasePool[] = [];
    const byCoordinator = new Map<number, BasePool[]>();
    for (const pool of supply.basePools) byCoordinator.set(pool.coordinator, [...(byCoordinator.get(pool.coordinator) ?? []), pool]);
    for (let i = 0; interleaved.length < supply.basePools.length; i++) {
      for (const pools of byCoordinator.values()) if (pools[i]) interleaved.push(pools[i]!);
    }
    supply.basePools = interleaved;

    await client.query("begin");
    await insertRows(client, "ProgramYear", PROGRAM_YEAR_COLUMNS, programs);
    await insertRows(client, "CaseCounter", { municipalityId: "uuid", year: "int", last: "int" }, counters);
    await insertRows(client, "Consultation", { id: "uuid", municipalityId: "uuid", closesOn: "date", createdById: "uuid", createdAt: "timestamp" }, consultations);
    await insertRows(client, "Application", APPLICATION_COLUMNS, applications);
    await insertRows(client, "ConsultationCase", { id: "uuid", consultationId: "uuid", applicationId: "uuid" }, cases);
    await client.query("commit");
    await client.query("analyze");
    return supply;
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
