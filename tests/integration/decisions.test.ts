// Deciding: after the committee is consulted, within every cap, under any load.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ServiceError } from "@/lib/errors";
import { createApplication, submitApplication, updateDraft } from "@/lib/data/applications";
import { closeConsultationEarly, recommendationsFor, recordRecommendation, startConsultation } from "@/lib/data/consultations";
import { decideActivityGrant, decideBaseAllocation, getDecisionContext, reopenBaseAllocation } from "@/lib/data/decisions";
import { withMailAndUploads } from "../fixtures/mail-and-uploads";
import { actorOf, buildWorld, completeDraft, type World } from "../fixtures/world";

withMailAndUploads();
let world: World;
beforeAll(async () => {
  world = await buildWorld();
});

const coordinator = () => actorOf(world.users.coordinator);
const committee = () => actorOf(world.users.committee);

async function failure(fn: () => Promise<unknown>): Promise<{ code: string; key: string; fields: Record<string, string[]> }> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof ServiceError) return { code: error.code, key: error.messageKey, fields: error.fieldErrors ?? {} };
    throw error;
  }
  throw new Error("expected a refusal");
}

/** A fresh partner town shared by both test associations, so each test has pools of its own. */
async function freshTown() {
  const town = await db.partnerTown.create({ data: { municipalityId: world.program.municipalityId, name: `Ort ${crypto.randomUUID().slice(0, 8)}`, country: "Norge" } });
  await db.associationPartnerTown.createMany({
    data: [world.associations.mine.id, world.associations.other.id].map((associationId) => ({ associationId, partnerTownId: town.id })),
  });
  return town.id;
}

async function submitted(
  user: "applicant" | "otherApplicant",
  grantKind: "BASE" | "ACTIVITY",
  partnerTownId: string,
  requestedAmount: number,
) {
  const actor = actorOf(world.users[user]);
  const associationId = user === "applicant" ? world.associations.mine.id : world.associations.other.id;
  const draft = await createApplication(actor, { associationId, programYearId: world.program.id, grantKind });
  await updateDraft(actor, draft.id, completeDraft(world, { partnerTownId, requestedAmount }));
  await submitApplication(actor, draft.id);
  return draft.id;
}

/** Puts the applications to the committee and closes the consultation early with a reason. */
async function consulted(ids: string[]) {
  const { id } = await startConsultation(coordinator(), { applicationIds: ids, closesOn: "2099-12-31" });
  await closeConsultationEarly(coordinator(), id, "Kommittén har samrått muntligt på sitt möte.");
  return id;
}

/** Many activity applications, written directly: the submit path is tested elsewhere; this is about the pool. */
async function manyActivityApplications(count: number, partnerTownId: string, requestedAmount: number) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const app = await db.application.create({
      data: {
        municipalityId: world.program.municipalityId,
        programYearId: world.program.id,
        associationId: i % 2 ? world.associations.mine.id : world.associations.other.id,
        partnerTownId,
        grantKind: "ACTIVITY",
        status: "SUBMITTED",
        caseNumber: `LOAD ${crypto.randomUUID()}`,
        title: `Aktivitet ${i}`,
        requestedAmount,
        budgetLines: [{ label: "Kostnad", amount: requestedAmount * 2 }],
        otherFunding: [],
        startDate: new Date(`${world.program.year}-06-01`),
        endDate: new Date(`${world.program.year}-06-30`),
        createdById: world.users.applicant.id,
        submittedAt: new Date(),
      },
    });
    ids.push(app.id);
  }
  return ids;
}

async function poolInvariants(partnerTownId: string, grantKind: "BASE" | "ACTIVITY", cap: number) {
  const current = await db.decision.findMany({
    where: { supersededAt: null, application: { programYearId: world.program.id, partnerTownId, grantKind } },
    include: { application: true },
  });
  const approved = current.filter((d) => d.outcome === "APPROVED");
  const total = approved.reduce((s, d) => s + d.amount, 0);
  expect(total).toBeLessThanOrEqual(cap);
  for (const d of approved) {
    expect(Number.isInteger(d.amount)).toBe(true);
    expect(d.amount).toBeGreaterThan(0);
    expect(d.amount).toBeLessThanOrEqual(d.application.requestedAmount ?? 0);
    expect(d.application.currentDecisionId).toBe(d.id);
    expect(d.application.status).toBe("APPROVED");
  }
  const perApplication = new Map<string, number>();
  for (const d of current) perApplication.set(d.applicationId, (perApplication.get(d.applicationId) ?? 0) + 1);
  expect([...perApplication.values()].every((n) => n === 1)).toBe(true);
  return { total, approved: approved.length };
}

describe("consultation before deciding", () => {
  it("refuses a decision before the committee is consulted, and while the consultation is open", async () => {
    const town = await freshTown();
    const id = await submitted("applicant", "ACTIVITY", town, 5_000);
    expect((await failure(() => decideActivityGrant(coordinator(), id, { outcome: "APPROVED", amount: 5_000, reason: "Uppfyller riktlinjerna." }))).key).toBe("errors.decision.notConsulted");
    const { id: consultationId } = await startConsultation(coordinator(), { applicationIds: [id], closesOn: "2099-12-31" });
    expect((await failure(() => decideActivityGrant(coordinator(), id, { outcome: "APPROVED", amount: 5_000, reason: "Uppfyller riktlinjerna." }))).key).toBe("errors.decision.consultationOpen");
    await closeConsultationEarly(coordinator(), consultationId, "Brådskande: aktiviteten börjar snart.");
    const decided = await decideActivityGrant(coordinator(), id, { outcome: "APPROVED", amount: 5_000, reason: "Uppfyller riktlinjerna." });
    expect(decided).toMatchObject({ outcome: "APPROVED", amount: 5_000, reportDueOn: `${world.program.year}-07-17` });
  });

  it("closes by itself when every member has answered; a member with a conflict sees no one's recommendations", async () => {
    const town = await freshTown();
    const id = await submitted("applicant", "ACTIVITY", town, 5_000);
    await startConsultation(coordinator(), { applicationIds: [id], closesOn: "2099-12-31" });
    await recordRecommendation(committee(), id, { kind: "CONFLICT", comment: "Jag sitter i föreningens styrelse." });
    const view = await recommendationsFor(committee(), id);
    expect(view).toMatchObject({ recommendations: null, mine: { kind: "CONFLICT" } });
    expect((await failure(() => recordRecommendation(committee(), id, { kind: "APPROVE" }))).code).toBe("CONFLICT");
    // The world's committee has one member: with the conflict declared, everyone has answered.
    expect(await db.committeeMember.count({ where: { municipalityId: world.program.municipalityId } })).toBe(1);
    expect(await recommendationsFor(coordinator(), id)).toMatchObject({ closed: true, closedReason: "ALL_ANSWERED", waitingFor: [] });
    await expect(decideActivityGrant(coordinator(), id, { outcome: "REJECTED", reason: "Finansieras redan av regionen." })).resolves.toMatchObject({ outcome: "REJECTED" });
  });

  it("lets only committee members recommend and only the coordinator decide", async () => {
    const town = await freshTown();
    const id = await submitted("applicant", "ACTIVITY", town, 5_000);
    await consulted([id]);
    for (const who of ["applicant", "committee", "admin"] as const) {
      expect((await failure(() => decideActivityGrant(actorOf(world.users[who]), id, { outcome: "REJECTED", reason: "Inte inom riktlinjerna." }))).code).toBe("FORBIDDEN");
    }
    expect(await db.decision.count({ where: { applicationId: id } })).toBe(0);
    expect((await failure(() => recordRecommendation(coordinator(), id, { kind: "APPROVE" }))).code).toBe("FORBIDDEN");
  });
});

describe("activity grants", () => {
  it("refuse an amount above what was requested, above costs minus funding, or above the pool left", async () => {
    const town = await freshTown();
    const [a, b] = [await submitted("applicant", "ACTIVITY", town, 9_000), await submitted("otherApplicant", "ACTIVITY", town, 9_000)];
    await consulted([a, b]);
    const reason = "Aktiviteten stärker vänortssamarbetet.";
    expect((await failure(() => decideActivityGrant(coordinator(), a, { outcome: "APPROVED", amount: 9_001, reason }))).fields.amount).toEqual(["validation.decision.ABOVE_REQUESTED"]);
    // completeDraft: costs 12 000 − funding 2 000 = 10 000 net; requested 9 000 binds first.
    expect((await getDecisionContext(coordinator(), b)).coordinator?.maxApproval).toBe(9_000);
    await decideActivityGrant(coordinator(), a, { outcome: "APPROVED", amount: 9_000, reason });
    // The case page offers what the town's pool has left.
    expect((await getDecisionContext(coordinator(), b)).coordinator?.maxApproval).toBe(1_000);
    expect((await failure(() => decideActivityGrant(coordinator(), b, { outcome: "APPROVED", amount: 1_001, reason }))).fields.amount).toEqual(["validation.decision.ABOVE_POOL_REMAINING"]);
    await decideActivityGrant(coordinator(), b, { outcome: "APPROVED", amount: 1_000, reason });
    await poolInvariants(town, "ACTIVITY", 10_000);
  });

  it("hold every cap under 60 concurrent approvals at one pool", async () => {
    const town = await freshTown();
    const ids = await manyActivityApplications(60, town, 700);
    await consulted(ids);
    const results = await Promise.allSettled(
      ids.map((id) => decideActivityGrant(coordinator(), id, { outcome: "APPROVED", amount: 700, reason: "Inom ortens aktivitetspott." })),
    );
    const ok = results.filter((r) => r.status === "fulfilled").length;
    const refused = results.filter((r) => r.status === "rejected" && r.reason instanceof ServiceError && r.reason.fieldErrors?.amount?.[0] === "validation.decision.ABOVE_POOL_REMAINING").length;
    expect(ok).toBe(Math.floor(10_000 / 700));
    expect(ok + refused).toBe(60);
    const { total } = await poolInvariants(town, "ACTIVITY", 10_000);
    expect(total).toBe(ok * 700);
  }, 60_000);

  it("approve exactly one of 20 applications asking for a whole pool at once, in each of five pools", async () => {
    // Each approval alone fits; any two together exceed the cap. Every transaction
    // writes its approval before it checks the pool, so only the pool's lock keeps
    // two of them from each seeing its own approval alone. A race is a matter of
    // timing: five pools, one after another, make missing it unlikely.
    for (let round = 0; round < 5; round++) {
      const town = await freshTown();
      const ids = await manyActivityApplications(20, town, 10_000);
      await consulted(ids);
      const results = await Promise.allSettled(
        ids.map((id) => decideActivityGrant(coordinator(), id, { outcome: "APPROVED", amount: 10_000, reason: "Hela ortens aktivitetspott." })),
      );
      const refused = results.filter((r) => r.status === "rejected" && r.reason instanceof ServiceError && r.reason.fieldErrors?.amount?.[0] === "validation.decision.ABOVE_POOL_REMAINING");
      expect({ approved: results.filter((r) => r.status === "fulfilled").length, refused: refused.length }).toEqual({ approved: 1, refused: 19 });
      const { total } = await poolInvariants(town, "ACTIVITY", 10_000);
      expect(total).toBe(10_000);
      expect(await db.decision.count({ where: { applicationId: { in: ids } } })).toBe(1);
    }
  }, 60_000);

  it("get exactly one decision when two coordinators decide the same application at once", async () => {
    const town = await freshTown();
    const [id] = await manyActivityApplications(1, town, 3_000);
    await consulted([id!]);
    const results = await Promise.allSettled([
      decideActivityGrant(coordinator(), id!, { outcome: "APPROVED", amount: 3_000, reason: "Beviljas enligt riktlinjerna." }),
      decideActivityGrant(coordinator(), id!, { outcome: "REJECTED", reason: "Avslås: finansieras på annat sätt." }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.decision.count({ where: { applicationId: id } })).toBe(1);
  });
});

describe("base grants", () => {
  it("are decided as one allocation per town and year, shared equally, rounded down", async () => {
    const town = await freshTown();
    const a = await submitted("applicant", "BASE", town, 10_000);
    const b = await submitted("otherApplicant", "BASE", town, 10_000);
    await consulted([a, b]);
    const incomplete = await failure(() => decideBaseAllocation(coordinator(), { programYearId: world.program.id, partnerTownId: town, approve: [a], reject: [] }));
    expect(incomplete.fields.approve).toEqual(["validation.decision.allocationIncomplete"]);
    const decided = await decideBaseAllocation(coordinator(), { programYearId: world.program.id, partnerTownId: town, approve: [a, b], reject: [] });
    expect(decided).toMatchObject({ cap: 10_000, share: 5_000, total: 10_000 });
    await poolInvariants(town, "BASE", 10_000);
  });

  it("can be reopened while nothing is paid; the old decisions stay superseded in the history", async () => {
    const town = await freshTown();
    const a = await submitted("applicant", "BASE", town, 10_000);
    const b = await submitted("otherApplicant", "BASE", town, 10_000);
    await consulted([a, b]);
    const first = await decideBaseAllocation(coordinator(), { programYearId: world.program.id, partnerTownId: town, approve: [a, b], reject: [] });
    expect((await failure(() => decideBaseAllocation(coordinator(), { programYearId: world.program.id, partnerTownId: town, approve: [a], reject: [{ applicationId: b, reason: "Föreningen har upphört." }] }))).key).toBe("errors.decision.allocationExists");
    await reopenBaseAllocation(coordinator(), first.allocationId, "Föreningen B har upphört med verksamheten.");
    const second = await decideBaseAllocation(coordinator(), { programYearId: world.program.id, partnerTownId: town, approve: [a], reject: [{ applicationId: b, reason: "Föreningen har upphört." }] });
    expect(second.share).toBe(10_000);
    expect(await db.decision.count({ where: { applicationId: a } })).toBe(2);
    expect(await db.decision.count({ where: { applicationId: a, supersededAt: null } })).toBe(1);
    await poolInvariants(town, "BASE", 10_000);
  });

  it("share 10 000 kr three ways as 3 333 each", async () => {
    const town = await freshTown();
    const ids = [await submitted("applicant", "BASE", town, 10_000), await submitted("otherApplicant", "BASE", town, 10_000)];
    // A third association for the same town.
    const third = await db.association.create({
      data: {
        municipalityId: world.program.municipalityId, name: `Tredje ${town.slice(0, 6)}`, orgNumber: `80${Math.floor(1e7 + Math.random() * 8e7)}`, streetAddress: "Gatan 1", postalCode: "941 31", city: "Piteå",
        contactName: "Tre", email: "tre@example.se", phone: "0701234567", paymentMethod: "BANKGIRO", paymentAccount: "555-1239", status: "VERIFIED", createdById: world.users.applicant.id,
        partnerTowns: { create: { partnerTownId: town } }, memberships: { create: { userId: world.users.applicant.id } },
      },
    });
    const draft = await createApplication(actorOf(world.users.applicant), { associationId: third.id, programYearId: world.program.id, grantKind: "BASE" });
    await updateDraft(actorOf(world.users.applicant), draft.id, completeDraft(world, { partnerTownId: town, requestedAmount: 10_000 }));
    await submitApplication(actorOf(world.users.applicant), draft.id);
    ids.push(draft.id);
    await consulted(ids);
    const decided = await decideBaseAllocation(coordinator(), { programYearId: world.program.id, partnerTownId: town, approve: ids, reject: [] });
    expect(decided).toMatchObject({ share: 3_333, total: 9_999 });
    const { total } = await poolInvariants(town, "BASE", 10_000);
    expect(total).toBe(9_999);
  });
});

describe("the year's allocation overview", () => {
  it("shows each pool's cap, what is decided, what remains and how the base grant is shared", async () => {
    const { getAllocationOverview } = await import("@/lib/data/overview");
    const town = await freshTown();
    const [activity] = await manyActivityApplications(1, town, 4_000);
    const base = [await submitted("applicant", "BASE", town, 10_000), await submitted("otherApplicant", "BASE", town, 10_000)];
    await consulted([activity!, ...base]);
    const before = await getAllocationOverview(coordinator(), { year: world.program.year });
    expect(before.pools.find((p) => p.partnerTown.id === town && p.grantKind === "BASE")).toMatchObject({ cap: 10_000, decided: 0, remaining: 10_000, sharing: 2, share: 5_000 });
    await decideActivityGrant(coordinator(), activity!, { outcome: "APPROVED", amount: 4_000, reason: "Inom ortens aktivitetspott." });
    await decideBaseAllocation(coordinator(), { programYearId: world.program.id, partnerTownId: town, approve: [base[0]], reject: [{ applicationId: base[1], reason: "Föreningen har ingen verksamhet i år." }] });
    const after = await getAllocationOverview(coordinator(), { year: world.program.year });
    expect(after.pools.find((p) => p.partnerTown.id === town && p.grantKind === "ACTIVITY")).toMatchObject({ cap: 10_000, decided: 4_000, remaining: 6_000 });
    expect(after.pools.find((p) => p.partnerTown.id === town && p.grantKind === "BASE")).toMatchObject({ decided: 10_000, remaining: 0, sharing: 1, share: 10_000 });
    expect(after.totalDecided - before.totalDecided).toBe(14_000);
    await expect(getAllocationOverview(actorOf(world.users.applicant), { year: world.program.year })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("the year's budget", () => {
  it("marks in the queue an application whose request no longer fits, and refuses approving it as requested", async () => {
    const { listQueue } = await import("@/lib/data/applications");
    const town = await freshTown();
    const [first, second] = await manyActivityApplications(2, town, 4_000);
    await consulted([first!, second!]);
    // Leave 3 000 of a fresh budget once the first is approved.
    const decidedSoFar = (await db.decision.aggregate({ _sum: { amount: true }, where: { outcome: "APPROVED", supersededAt: null, application: { programYearId: world.program.id } } }))._sum.amount ?? 0;
    await db.programYear.update({ where: { id: world.program.id }, data: { budget: decidedSoFar + 7_000 } });
    try {
      // The case page offers the whole request while it fits, then what the budget has left.
      expect((await getDecisionContext(coordinator(), second!)).coordinator?.maxApproval).toBe(4_000);
      await decideActivityGrant(coordinator(), first!, { outcome: "APPROVED", amount: 4_000, reason: "Inom budget och pott." });
      expect((await getDecisionContext(coordinator(), second!)).coordinator?.maxApproval).toBe(3_000);
      const queue = await listQueue(coordinator(), { partnerTownId: town, status: "SUBMITTED" });
      expect(queue.items.find((i) => i.id === second)).toMatchObject({ exceedsBudget: true });
      const refused = await failure(() => decideActivityGrant(coordinator(), second!, { outcome: "APPROVED", amount: 4_000, reason: "Inom pott men inte budget." }));
      expect(refused.fields.amount).toEqual(["validation.decision.ABOVE_BUDGET_REMAINING"]);
      await decideActivityGrant(coordinator(), second!, { outcome: "APPROVED", amount: 3_000, reason: "Det som finns kvar av budgeten." });
      const total = (await db.decision.aggregate({ _sum: { amount: true }, where: { outcome: "APPROVED", supersededAt: null, application: { programYearId: world.program.id } } }))._sum.amount ?? 0;
      expect(total).toBe(decidedSoFar + 7_000);
    } finally {
      await db.programYear.update({ where: { id: world.program.id }, data: { budget: null } });
    }
  });
});

describe("what the review found", () => {
  it("refuses a base-grant submission once the town's allocation is decided", async () => {
    const town = await freshTown();
    const first = await submitted("applicant", "BASE", town, 10_000);
    await consulted([first]);
    await decideBaseAllocation(coordinator(), { programYearId: world.program.id, partnerTownId: town, approve: [first], reject: [] });
    const actor = actorOf(world.users.otherApplicant);
    const late = await createApplication(actor, { associationId: world.associations.other.id, programYearId: world.program.id, grantKind: "BASE" });
    await updateDraft(actor, late.id, completeDraft(world, { partnerTownId: town, requestedAmount: 5_000 }));
    const refused = await failure(() => submitApplication(actor, late.id));
    expect(refused.fields.partnerTownId).toEqual(["validation.application.baseAllocated"]);
  });

  it("does not approve an application withdrawn while the allocation was being decided", async () => {
    const { withdrawApplication } = await import("@/lib/data/applications");
    const town = await freshTown();
    const a = await submitted("applicant", "BASE", town, 10_000);
    const b = await submitted("otherApplicant", "BASE", town, 10_000);
    await consulted([a, b]);
    const results = await Promise.allSettled([
      withdrawApplication(actorOf(world.users.otherApplicant), b),
      decideBaseAllocation(coordinator(), { programYearId: world.program.id, partnerTownId: town, approve: [a, b], reject: [] }),
    ]);
    const withdrawn = (await db.application.findUniqueOrThrow({ where: { id: b } })).status === "WITHDRAWN";
    // Exactly one of the two goes through, never both.
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    if (withdrawn) expect(await db.decision.count({ where: { applicationId: b } })).toBe(0);
    await poolInvariants(town, "BASE", 10_000);
  });

  it("keeps a coordinator who declared a conflict from deciding, and from seeing the others' views", async () => {
    const both = await db.user.create({ data: { email: `bada.${crypto.randomUUID().slice(0, 8)}@example.se`, roles: ["COORDINATOR", "COMMITTEE"], municipalityId: world.program.municipalityId } });
    await db.committeeMember.create({ data: { municipalityId: world.program.municipalityId, userId: both.id, title: "Ledamot och samordnare" } });
    const actor = { userId: both.id, email: both.email, name: null, roles: both.roles, municipalityId: both.municipalityId, locale: "sv" as const, via: "session" as const };
    try {
      const town = await freshTown();
      const id = await submitted("applicant", "ACTIVITY", town, 5_000);
      await startConsultation(coordinator(), { applicationIds: [id], closesOn: "2099-12-31" });
      await recordRecommendation(committee(), id, { kind: "APPROVE", comment: "Bra aktivitet." });
      await recordRecommendation(actor, id, { kind: "CONFLICT", comment: "Jag är medlem i föreningen." });
      expect((await recommendationsFor(actor, id))?.recommendations).toBeNull();
      const consultationId = (await db.consultationCase.findUniqueOrThrow({ where: { applicationId: id } })).consultationId;
      await closeConsultationEarly(coordinator(), consultationId, "Alla har haft möjlighet att svara.").catch(() => undefined);
      expect((await failure(() => decideActivityGrant(actor, id, { outcome: "APPROVED", amount: 5_000, reason: "Beviljas enligt riktlinjerna." }))).key).toBe("errors.decision.conflictDeclared");
    } finally {
      await db.committeeMember.deleteMany({ where: { userId: both.id } });
    }
  });

  it("issues no letter for a decision superseded before its letter went out", async () => {
    const { issueDecisionLetter } = await import("@/lib/data/letters");
    const town = await freshTown();
    const a = await submitted("applicant", "BASE", town, 10_000);
    await consulted([a]);
    const first = await decideBaseAllocation(coordinator(), { programYearId: world.program.id, partnerTownId: town, approve: [a], reject: [] });
    const decisionId = first.decisions[0]!.decisionId;
    await db.decision.update({ where: { id: decisionId }, data: { letterFileId: null } });
    await reopenBaseAllocation(coordinator(), first.allocationId, "Fel ort angavs i beslutet.");
    expect((await failure(() => issueDecisionLetter(decisionId))).key).toBe("errors.decision.superseded");
  });
});

describe("the approved amount the pool sums read (Application.approvedAmount, kept by the database)", () => {
  const amountOf = async (id: string) => (await db.application.findUniqueOrThrow({ where: { id }, select: { approvedAmount: true } })).approvedAmount;

  it("follows decisions, a reopened allocation and a superseded decision, and cannot be written by hand", async () => {
    const town = await freshTown();
    const [approved, rejected] = await manyActivityApplications(2, town, 4_000);
    await consulted([approved!, rejected!]);
    await decideActivityGrant(coordinator(), approved!, { outcome: "APPROVED", amount: 3_500, reason: "Beviljas delvis enligt ramen." });
    await decideActivityGrant(coordinator(), rejected!, { outcome: "REJECTED", reason: "Aktiviteten ligger utanför programmet." });
    expect([await amountOf(approved!), await amountOf(rejected!)]).toEqual([3_500, null]);
    // What is written to the column directly does not stick: the database computes it again.
    await db.application.update({ where: { id: approved! }, data: { approvedAmount: 1 } });
    expect(await amountOf(approved!)).toBe(3_500);
    // The pool's remainder, as the case page shows it, counts the approval.
    const [next] = await manyActivityApplications(1, town, 10_000);
    await consulted([next!]);
    expect((await getDecisionContext(coordinator(), next!)).coordinator?.maxApproval).toBe(6_500);

    const a = await submitted("applicant", "BASE", town, 10_000);
    const b = await submitted("otherApplicant", "BASE", town, 10_000);
    await consulted([a, b]);
    const allocation = await decideBaseAllocation(coordinator(), { programYearId: world.program.id, partnerTownId: town, approve: [a, b], reject: [] });
    expect([await amountOf(a), await amountOf(b)]).toEqual([5_000, 5_000]);
    await reopenBaseAllocation(coordinator(), allocation.allocationId, "Fördelningen beslutas om på nästa möte.");
    expect([await amountOf(a), await amountOf(b)]).toEqual([null, null]);

    // A decision superseded by any path stops counting, even where its application is not touched.
    const current = await db.application.findUniqueOrThrow({ where: { id: approved! }, select: { currentDecisionId: true } });
    await db.decision.update({ where: { id: current.currentDecisionId! }, data: { supersededAt: new Date() } });
    expect(await amountOf(approved!)).toBeNull();
  });
});
