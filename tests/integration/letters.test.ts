// Decision letters: every decision gets one PDF, stored for the association,
// mailed about to its members, downloadable by them and by staff only.
import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createApplication, submitApplication, updateDraft } from "@/lib/data/applications";
import { closeConsultationEarly, startConsultation } from "@/lib/data/consultations";
import { decideActivityGrant, decideBaseAllocation, reopenBaseAllocation } from "@/lib/data/decisions";
import { getFileForDownload } from "@/lib/data/files";
import { getLetterFileId, issueDecisionLetter, issuePendingLetters } from "@/lib/data/letters";
import { readPdfText } from "../fixtures/pdf-text";
import { startTestWorker, withMailAndUploads } from "../fixtures/mail-and-uploads";
import { actorOf, buildWorld, completeDraft, type World } from "../fixtures/world";

const env = withMailAndUploads();
let world: World;
beforeAll(async () => {
  world = await buildWorld();
});
beforeEach(() => env.catcher.clear());

const coordinator = () => actorOf(world.users.coordinator);

/** The decision notice of one case to one address (submission receipts go to the same addresses). */
const notice = (to: string, caseNumber: string) => (m: { to: string[]; subject: string }) =>
  m.to.includes(to) && (m.subject === `Beslut om er ansökan ${caseNumber}` || m.subject === `Decision on your application ${caseNumber}`);

/** A fresh partner town shared by both test associations, so each test has pools of its own. */
async function freshTown() {
  const town = await db.partnerTown.create({ data: { municipalityId: world.program.municipalityId, name: `Ort ${crypto.randomUUID().slice(0, 8)}`, country: "Norge" } });
  await db.associationPartnerTown.createMany({
    data: [world.associations.mine.id, world.associations.other.id].map((associationId) => ({ associationId, partnerTownId: town.id })),
  });
  return town.id;
}

async function submitted(user: "applicant" | "otherApplicant", grantKind: "BASE" | "ACTIVITY", partnerTownId: string, requestedAmount: number) {
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

async function decidedActivity(outcome: "APPROVED" | "REJECTED", amount = 5_000) {
  const town = await freshTown();
  const applicationId = await submitted("applicant", "ACTIVITY", town, 9_000);
  await consulted([applicationId]);
  const reason = outcome === "APPROVED" ? "Aktiviteten följer kommunens mål för det internationella arbetet." : "Aktiviteten finansieras redan av regionen.";
  const decided = await decideActivityGrant(coordinator(), applicationId, { outcome, amount, reason });
  const { caseNumber } = await db.application.findUniqueOrThrow({ where: { id: applicationId } });
  return { applicationId, caseNumber: caseNumber!, ...decided };
}

async function storedLetter(decisionId: string) {
  const decision = await db.decision.findUniqueOrThrow({ where: { id: decisionId } });
  expect(decision.letterFileId).not.toBeNull();
  const file = await db.storedFile.findUniqueOrThrow({ where: { id: decision.letterFileId! } });
  const bytes = await readFile(path.join(env.uploads, file.storageKey));
  return { decision, file, bytes, text: (await readPdfText(bytes)).text };
}

/** Every stored file has its bytes on disk and nothing else is there: a letter that lost a race was removed. */
async function diskMatchesRows() {
  const rows = await db.storedFile.findMany({ select: { storageKey: true } });
  expect((await readdir(env.uploads)).sort()).toEqual(rows.map((r) => r.storageKey).sort());
}

describe("issueDecisionLetter", () => {
  it("stores an approval's letter as the association's PDF, points the decision to it and mails every member", async () => {
    // A second member of the association gets the notice too, in English.
    const second = await db.user.create({ data: { email: `andra.${world.u}@test.example`, name: "Andra Medlem", locale: "en", emailVerified: new Date() } });
    await db.membership.create({ data: { userId: second.id, associationId: world.associations.mine.id } });
    // Deciding leaves the letter due, in the same transaction; the worker writes it (here: called as the worker calls it).
    const { applicationId, decisionId, reportDueOn } = await decidedActivity("APPROVED", 5_000);
    const app = await db.application.findUniqueOrThrow({ where: { id: applicationId } });
    expect(await db.pendingLetter.count({ where: { decisionId } })).toBe(1);
    expect(await getLetterFileId(decisionId)).toBeNull();

    expect(await issuePendingLetters([decisionId])).toEqual({ issued: 1, failed: [] });
    expect(await db.pendingLetter.count({ where: { decisionId } })).toBe(0);
    const result = await issueDecisionLetter(decisionId);
    expect(result).toMatchObject({ issued: false });

    const { decision, file, bytes, text } = await storedLetter(decisionId);
    expect(decision.letterFileId).toBe(result.fileId);
    expect(await getLetterFileId(decisionId)).toBe(result.fileId);
    expect(file).toMatchObject({
      kind: "DECISION_LETTER",
      associationId: world.associations.mine.id,
      applicationId,
      uploadedById: world.users.coordinator.id,
      contentType: "application/pdf",
      originalName: `Beslut ${app.caseNumber!.replace(/\//g, "_")}.pdf`,
      size: bytes.length,
    });
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    for (const expected of [
      app.caseNumber!,
      world.associations.mine.orgNumber,
      world.associations.mine.name,
      "Piteå kommun",
      "beviljar",
      "Beviljat belopp 5 000 kr",
      `senast ${reportDueOn}`,
      "Beslutsfattare Sara Samordnare",
      "högst 10 000 kr per samverkansort och år",
      "Bankgiro 5050-1055",
      "13 kap. kommunallagen",
      "Kontaktperson Internationella samordnaren",
      "samordnare@pitea.example",
    ]) {
      expect(text).toContain(expected);
    }
    expect(reportDueOn).toBe(`${world.program.year}-07-17`);

    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "decision.letter-issued", entityId: applicationId } });
    // Written by the worker, for the deciding coordinator (the file names who decided).
    expect(audit).toMatchObject({ entityType: "Application", actorKind: "system", actorId: null, municipalityId: world.municipality.id });
    expect(audit.after).toMatchObject({ decisionId, fileId: result.fileId, outcome: "APPROVED", amount: 5_000 });

    const mail = await env.catcher.waitFor(notice(world.users.applicant.email, app.caseNumber!), 5_000);
    expect(mail.subject).toBe(`Beslut om er ansökan ${app.caseNumber}`);
    expect(mail.text).toContain("Beviljat belopp: 5 000 kr");
    expect(mail.text).toContain(`/applications/${applicationId}`);
    const english = await env.catcher.waitFor(notice(second.email, app.caseNumber!), 5_000);
    expect(english.subject).toBe(`Decision on your application ${app.caseNumber}`);
    await diskMatchesRows();
  });

  it("stores a rejection's letter without amount or payee, and says so in the mail", async () => {
    const { applicationId, decisionId, caseNumber } = await decidedActivity("REJECTED");
    await issueDecisionLetter(decisionId, coordinator());
    const { file, text } = await storedLetter(decisionId);
    expect(file.kind).toBe("DECISION_LETTER");
    expect(text).toContain("avslår ansökan");
    expect(text).toContain("Aktiviteten finansieras redan av regionen.");
    expect(text).toContain("13 kap. kommunallagen");
    for (const absent of ["Beviljat belopp", "5050-1055", "Utbetalning", "Villkor"]) expect(text).not.toContain(absent);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "decision.letter-issued", entityId: applicationId } });
    expect(audit).toMatchObject({ actorKind: "user", actorId: world.users.coordinator.id });
    const mail = await env.catcher.waitFor(notice(world.users.applicant.email, caseNumber), 5_000);
    expect(mail.text).toContain("Beslut: Avslagen");
    expect(mail.text).not.toContain("Beviljat belopp");
  });

  it("lets the association's members and the coordinator download the letter, nobody else", async () => {
    const { decisionId } = await decidedActivity("APPROVED", 4_000);
    const { fileId } = await issueDecisionLetter(decisionId);
    for (const who of ["applicant", "coordinator"] as const) {
      const download = await getFileForDownload(actorOf(world.users[who]), fileId);
      expect(download.name).toMatch(/^Beslut .+\.pdf$/);
      expect(download.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    }
    for (const who of ["otherApplicant", "pendingApplicant", "committee", "admin"] as const) {
      await expect(getFileForDownload(actorOf(world.users[who]), fileId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("issues one letter per decision of a base-grant allocation, each citing the shared cap", async () => {
    const town = await freshTown();
    const mine = await submitted("applicant", "BASE", town, 10_000);
    const theirs = await submitted("otherApplicant", "BASE", town, 10_000);
    await consulted([mine, theirs]);
    const allocation = await decideBaseAllocation(coordinator(), {
      programYearId: world.program.id,
      partnerTownId: town,
      approve: [mine],
      reject: [{ applicationId: theirs, reason: "Föreningen har inget utbyte med orten i år." }],
    });
    for (const d of allocation.decisions) await issueDecisionLetter(d.decisionId);
    const caseOf = async (id: string) => (await db.application.findUniqueOrThrow({ where: { id } })).caseNumber!;

    const approved = allocation.decisions.find((d) => d.applicationId === mine)!;
    const rejected = allocation.decisions.find((d) => d.applicationId === theirs)!;
    const approvedLetter = await storedLetter(approved.decisionId);
    expect(approvedLetter.file.associationId).toBe(world.associations.mine.id);
    expect(approvedLetter.text).toContain("grundbidrag högst 10 000 kr per samverkansort och år och delas lika mellan föreningarna");
    expect(approvedLetter.text).toContain("Beviljat belopp 10 000 kr");
    const rejectedLetter = await storedLetter(rejected.decisionId);
    expect(rejectedLetter.file.associationId).toBe(world.associations.other.id);
    expect(rejectedLetter.text).toContain("Föreningen har inget utbyte med orten i år.");
    expect(rejectedLetter.text).not.toContain("Beviljat belopp");
    // Each association hears about its own decision only.
    expect((await env.catcher.waitFor(notice(world.users.otherApplicant.email, await caseOf(theirs)), 5_000)).text).toContain("Avslagen");
    expect((await env.catcher.waitFor(notice(world.users.applicant.email, await caseOf(mine)), 5_000)).text).toContain("Beviljad");
    expect(env.catcher.messages().filter(notice(world.users.applicant.email, await caseOf(theirs)))).toHaveLength(0);
    await expect(getFileForDownload(actorOf(world.users.otherApplicant), approvedLetter.file.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("is idempotent: issuing again, or twice at once, stores and mails one letter", async () => {
    const single = await decidedActivity("APPROVED", 3_000);
    const first = await issueDecisionLetter(single.decisionId);
    const again = await issueDecisionLetter(single.decisionId);
    expect(first.issued).toBe(true);
    expect(again).toEqual({ fileId: first.fileId, issued: false });
    expect(await db.storedFile.count({ where: { applicationId: single.applicationId, kind: "DECISION_LETTER" } })).toBe(1);

    // A decision whose letter went missing (its issuing failed) gets exactly one when two calls race.
    const raced = await decidedActivity("REJECTED");
    expect(await issuePendingLetters([raced.decisionId])).toEqual({ issued: 1, failed: [] });
    await db.decision.update({ where: { id: raced.decisionId }, data: { letterFileId: null } });
    for (const lost of await db.storedFile.findMany({ where: { applicationId: raced.applicationId, kind: "DECISION_LETTER" } })) {
      await rm(path.join(env.uploads, lost.storageKey), { force: true });
    }
    await db.storedFile.deleteMany({ where: { applicationId: raced.applicationId, kind: "DECISION_LETTER" } });
    await db.auditEvent.deleteMany({ where: { action: "decision.letter-issued", entityId: raced.applicationId } });
    const both = await Promise.all([issueDecisionLetter(raced.decisionId), issueDecisionLetter(raced.decisionId)]);
    expect(both.map((r) => r.issued).sort()).toEqual([false, true]);
    expect(both[0]!.fileId).toBe(both[1]!.fileId);
    expect(await db.storedFile.count({ where: { applicationId: raced.applicationId, kind: "DECISION_LETTER" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "decision.letter-issued", entityId: raced.applicationId } })).toBe(1);

    for (const { caseNumber } of [single, raced]) await env.catcher.waitFor(notice(world.users.applicant.email, caseNumber), 5_000);
    const racedMailsBefore = 1; // the letter issued when deciding, before it went missing
    // Every queued notice delivered by the worker; then time for a (wrong) extra one to show.
    await env.settled();
    await new Promise((r) => setTimeout(r, 300));
    for (const { caseNumber } of [single, raced]) {
      expect(env.catcher.messages().filter(notice(world.users.applicant.email, caseNumber))).toHaveLength(caseNumber === raced.caseNumber ? racedMailsBefore + 1 : 1);
    }
    await diskMatchesRows();
  });

  it("refuses an unknown decision", async () => {
    await expect(issueDecisionLetter(crypto.randomUUID())).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(issueDecisionLetter("not-a-uuid")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await getLetterFileId(crypto.randomUUID())).toBeNull();
  });
});

describe("letters still to be written", () => {
  it("are written by the worker as the decision commits, and by its sweep when the notice was missed", async () => {
    const log: string[] = [];
    // A decision taken while no worker listened: the starting worker's sweep finds it.
    const missed = await decidedActivity("REJECTED");
    const stop = await startTestWorker(log, { letters: true });
    try {
      const waitForLetter = async (decisionId: string) => {
        const deadline = Date.now() + 10_000;
        while (!(await getLetterFileId(decisionId))) {
          if (Date.now() > deadline) throw new Error(`no letter for ${decisionId}; worker log: ${log.join(" | ")}`);
          await new Promise((r) => setTimeout(r, 50));
        }
      };
      await waitForLetter(missed.decisionId);
      // A decision taken while it listens: written on the notice.
      const live = await decidedActivity("APPROVED", 2_000);
      await waitForLetter(live.decisionId);
      expect(await db.pendingLetter.count({ where: { decisionId: { in: [missed.decisionId, live.decisionId] } } })).toBe(0);
      await env.catcher.waitFor(notice(world.users.applicant.email, live.caseNumber), 5_000);
      expect(log.filter((line) => line.startsWith("error"))).toEqual([]);
    } finally {
      await stop();
    }
  });

  it("stay due with their attempts counted when writing fails, and are dropped when the decision is superseded", async () => {
    const town = await freshTown();
    const a = await submitted("applicant", "BASE", town, 10_000);
    await consulted([a]);
    const { decisions, allocationId } = await decideBaseAllocation(coordinator(), { programYearId: world.program.id, partnerTownId: town, approve: [a], reject: [] });
    const decisionId = decisions[0]!.decisionId;
    // A letter must cite the case number: without one, writing fails.
    await db.application.update({ where: { id: a }, data: { caseNumber: null } });
    expect(await issuePendingLetters([decisionId])).toMatchObject({ issued: 0, failed: [{ decisionId }] });
    expect(await db.pendingLetter.findUniqueOrThrow({ where: { decisionId } })).toMatchObject({ attempts: 1 });
    expect(await getLetterFileId(decisionId)).toBeNull();
    // The sweep leaves it alone for two minutes after one failure, then tries again.
    const attemptsAfterSweepAt = async (minutes: number) => {
      await issuePendingLetters(undefined, new Date(Date.now() + minutes * 60_000));
      return (await db.pendingLetter.findUniqueOrThrow({ where: { decisionId } })).attempts;
    };
    expect(await attemptsAfterSweepAt(1)).toBe(1);
    expect(await attemptsAfterSweepAt(3)).toBe(2);

    await reopenBaseAllocation(coordinator(), allocationId, "Fel ort angavs i beslutet.");
    expect(await issuePendingLetters([decisionId])).toEqual({ issued: 0, failed: [] });
    expect(await db.pendingLetter.count({ where: { decisionId } })).toBe(0);
  });
});
