// The committee member's side of a consultation: the cases put to the
// committee, everything the applicant submitted, recommendations and conflicts.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ServiceError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { addAttachment, createApplication, submitApplication, updateDraft } from "@/lib/data/applications";
import { closeConsultationEarly, recordRecommendation, startConsultation } from "@/lib/data/consultations";
import { getCaseForMember, listCasesForMember } from "@/lib/data/committee";
import { getFileForDownload } from "@/lib/data/files";
import { todayIn } from "@/lib/domain/dates";
import { withMailAndUploads } from "../fixtures/mail-and-uploads";
import { actorOf, buildWorld, completeDraft, MINIMAL_PDF, orgNumber, type World } from "../fixtures/world";

const env = withMailAndUploads();
let world: World;
/** A second member, so one member's answer does not close a consultation by itself. */
let second: Actor;

beforeAll(async () => {
  world = await buildWorld();
  const user = await db.user.create({
    data: { email: `ledamot2.${world.u}@test.example`, name: "Per Lind", roles: ["COMMITTEE"], municipalityId: world.municipality.id, emailVerified: new Date() },
  });
  await db.committeeMember.create({ data: { municipalityId: world.municipality.id, userId: user.id, title: "Kommunfullmäktiges ordförande" } });
  second = { userId: user.id, email: user.email, name: user.name, roles: ["COMMITTEE"], municipalityId: world.municipality.id, locale: "sv", via: "session" };
});

const coordinator = () => actorOf(world.users.coordinator);
const member = () => actorOf(world.users.committee);
const DAY = 24 * 60 * 60 * 1000;

async function failure(fn: () => Promise<unknown>): Promise<{ code: string; key: string; fields: Record<string, string[]> }> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof ServiceError) return { code: error.code, key: error.messageKey, fields: error.fieldErrors ?? {} };
    throw error;
  }
  throw new Error("expected a refusal");
}

/** A fresh partner town of both test associations, so no test meets another's caps. */
async function freshTown() {
  const town = await db.partnerTown.create({ data: { municipalityId: world.municipality.id, name: `Ort ${crypto.randomUUID().slice(0, 8)}`, country: "Norge" } });
  await db.associationPartnerTown.createMany({
    data: [world.associations.mine.id, world.associations.other.id].map((associationId) => ({ associationId, partnerTownId: town.id })),
  });
  return town.id;
}

/** A submitted activity application with an attachment, through the applicant's own services. */
async function submitted(title = "Musikutbyte med vänorten") {
  const actor = actorOf(world.users.applicant);
  const draft = await createApplication(actor, { associationId: world.associations.mine.id, programYearId: world.program.id, grantKind: "ACTIVITY" });
  await updateDraft(actor, draft.id, completeDraft(world, { partnerTownId: await freshTown(), requestedAmount: 6_000, title }));
  await addAttachment(actor, draft.id, { bytes: MINIMAL_PDF, name: "program.pdf" });
  await submitApplication(actor, draft.id);
  return draft.id;
}

async function consulted(ids: string[], closesOn = "2099-12-31") {
  return (await startConsultation(coordinator(), { applicationIds: ids, closesOn })).id;
}

describe("the member's cases", () => {
  it("lists the cases put to the committee, mails the members, and shows everything the applicant submitted", async () => {
    env.catcher.clear();
    const [a, b, notPut] = [await submitted("Körresa till vänorten"), await submitted("Idrottsläger"), await submitted("Inte i samråd")];
    await consulted([a, b]);
    const mail = await env.catcher.waitFor((m) => m.to.includes(world.users.committee.email), 5_000);
    expect(mail.text).toContain("/committee");
    await env.catcher.waitFor((m) => m.to.includes(second.email), 5_000);

    const cases = await listCasesForMember(member());
    const ids = cases.map((c) => c.applicationId);
    expect(ids).toEqual(expect.arrayContaining([a, b]));
    expect(ids).not.toContain(notPut);
    const listed = cases.find((c) => c.applicationId === a)!;
    const submittedA = await db.application.findUniqueOrThrow({ where: { id: a } });
    expect(listed).toMatchObject({
      caseNumber: submittedA.caseNumber,
      association: world.associations.mine.name,
      title: "Körresa till vänorten",
      grantKind: "ACTIVITY",
      requestedAmount: 6_000,
      closesOn: "2099-12-31",
      closed: false,
      mine: null,
    });
    expect(listed.partnerTown).toMatch(/^Ort /);

    const detail = await getCaseForMember(member(), a);
    expect(detail.application).toMatchObject({
      id: a,
      status: "SUBMITTED",
      title: "Körresa till vänorten",
      purpose: completeDraft(world).purpose,
      description: completeDraft(world).description,
      objectiveIds: [world.objectives[0]!.id],
      budgetLines: completeDraft(world).budgetLines,
      otherFunding: completeDraft(world).otherFunding,
      participantsTotal: 18,
      requestedAmount: 6_000,
      association: { name: world.associations.mine.name },
    });
    expect(detail.application.attachments.map((f) => f.name)).toEqual(["program.pdf"]);
    expect(detail.objectives.map((o) => o.id)).toEqual([world.objectives[0]!.id]);
    expect(detail.consultation).toMatchObject({ closesOn: "2099-12-31", closed: false, mine: null, hasConflict: false, canRecommend: true, others: [] });
  });

  it("records and changes a recommendation; the other members see it, the member sees only the others'", async () => {
    const id = await submitted();
    await consulted([id]);
    await expect(recordRecommendation(member(), id, { kind: "APPROVE", comment: "  Bra utbyte för unga.  " })).resolves.toEqual({ kind: "APPROVE", comment: "Bra utbyte för unga." });
    expect((await listCasesForMember(member())).find((c) => c.applicationId === id)?.mine).toBe("APPROVE");

    await recordRecommendation(member(), id, { kind: "REJECT", comment: "Finansieras redan av regionen." });
    const mine = await getCaseForMember(member(), id);
    expect(mine.consultation).toMatchObject({ mine: { kind: "REJECT", comment: "Finansieras redan av regionen." }, others: [], canRecommend: true });
    expect((await listCasesForMember(member())).find((c) => c.applicationId === id)?.mine).toBe("REJECT");
    expect(await db.recommendation.count({ where: { consultationCase: { applicationId: id } } })).toBe(1);

    const theirs = await getCaseForMember(second, id);
    expect(theirs.consultation.mine).toBeNull();
    expect(theirs.consultation.others).toEqual([
      { member: { name: "Karin Fors", title: "Kommunstyrelsens ordförande" }, kind: "REJECT", comment: "Finansieras redan av regionen.", at: expect.any(String) },
    ]);
  });

  it("refuses an unknown kind and a comment that is too long, on their fields", async () => {
    const id = await submitted();
    await consulted([id]);
    expect((await failure(() => recordRecommendation(member(), id, { kind: "MAYBE" }))).fields).toEqual({ kind: ["validation.recommendation.kind"] });
    expect((await failure(() => recordRecommendation(member(), id, { kind: "APPROVE", comment: "x".repeat(4_001) }))).fields).toEqual({
      comment: ["validation.recommendation.commentTooLong"],
    });
    expect((await getCaseForMember(member(), id)).consultation.mine).toBeNull();
  });

  it("hides the others' recommendations from a member who declared a conflict, and refuses that member's answers", async () => {
    const id = await submitted();
    await consulted([id]);
    await recordRecommendation(second, id, { kind: "APPROVE", comment: "Stöder ansökan." });
    expect((await getCaseForMember(member(), id)).consultation.others).toHaveLength(1);

    await recordRecommendation(member(), id, { kind: "CONFLICT", comment: "Jag sitter i föreningens styrelse." });
    const detail = await getCaseForMember(member(), id);
    expect(detail.consultation).toMatchObject({ mine: { kind: "CONFLICT" }, hasConflict: true, canRecommend: false, others: null });
    // Still everything the applicant submitted.
    expect(detail.application.id).toBe(id);

    const refused = await failure(() => recordRecommendation(member(), id, { kind: "APPROVE", comment: "Ändrar mig." }));
    expect(refused).toMatchObject({ code: "CONFLICT" });
    expect(["errors.consultation.conflictDeclared", "errors.consultation.closed"]).toContain(refused.key);
    expect((await db.recommendation.findFirstOrThrow({ where: { consultationCase: { applicationId: id }, memberId: member().userId } })).kind).toBe("CONFLICT");
    // The other member still sees the declared conflict.
    expect((await getCaseForMember(second, id)).consultation.others).toEqual([expect.objectContaining({ kind: "CONFLICT", member: expect.objectContaining({ name: "Karin Fors" }) })]);
  });

  it("refuses a conflict-declaring member's answer while the consultation is still open", async () => {
    const id = await submitted();
    await consulted([id]);
    await recordRecommendation(member(), id, { kind: "CONFLICT" });
    expect(await failure(() => recordRecommendation(member(), id, { kind: "ABSTAIN" }))).toMatchObject({ code: "CONFLICT", key: "errors.consultation.conflictDeclared" });
  });

  it("refuses answers once the consultation has closed, by its date or early, and lists closed cases after open ones", async () => {
    const [byDate, early, open] = [await submitted(), await submitted(), await submitted()];
    const today = todayIn(new Date());
    await consulted([byDate], today);
    const earlyId = await consulted([early]);
    await consulted([open]);
    await closeConsultationEarly(coordinator(), earlyId, "Kommittén har samrått på sitt möte.");

    const later = new Date(Date.now() + 2 * DAY);
    expect(await failure(() => recordRecommendation(member(), byDate, { kind: "APPROVE" }, later))).toMatchObject({ code: "CONFLICT", key: "errors.consultation.closed" });
    expect(await failure(() => recordRecommendation(member(), early, { kind: "APPROVE" }))).toMatchObject({ code: "CONFLICT", key: "errors.consultation.closed" });
    // The closing day itself is still open.
    await expect(recordRecommendation(member(), byDate, { kind: "ABSTAIN" })).resolves.toMatchObject({ kind: "ABSTAIN" });

    expect((await getCaseForMember(member(), byDate, later)).consultation).toMatchObject({ closed: true, closedReason: "CLOSING_DATE_PASSED", canRecommend: false, mine: { kind: "ABSTAIN" } });
    expect((await getCaseForMember(member(), early)).consultation).toMatchObject({ closed: true, closedReason: "CLOSED_EARLY", canRecommend: false });

    const cases = await listCasesForMember(member(), later);
    const at = (id: string) => cases.findIndex((c) => c.applicationId === id);
    expect(cases.find((c) => c.applicationId === byDate)).toMatchObject({ closed: true, mine: "ABSTAIN" });
    expect(cases.find((c) => c.applicationId === early)).toMatchObject({ closed: true });
    expect(cases.find((c) => c.applicationId === open)).toMatchObject({ closed: false });
    expect(at(open)).toBeLessThan(at(byDate));
    expect(at(open)).toBeLessThan(at(early));
    const firstClosed = cases.findIndex((c) => c.closed);
    expect(cases.slice(firstClosed).every((c) => c.closed)).toBe(true);
  });
});

describe("who may see the committee's cases", () => {
  it("is refused to the applicant, the coordinator and the administrator", async () => {
    const id = await submitted();
    await consulted([id]);
    for (const who of ["applicant", "otherApplicant", "coordinator", "admin"] as const) {
      const actor = actorOf(world.users[who]);
      expect((await failure(() => listCasesForMember(actor))).code, who).toBe("FORBIDDEN");
      expect(["FORBIDDEN", "NOT_FOUND"], who).toContain((await failure(() => getCaseForMember(actor, id))).code);
      expect((await failure(() => recordRecommendation(actor, id, { kind: "APPROVE" }))).code, who).toBe("FORBIDDEN");
    }
  });

  it("is not found for a committee user without a seat, or with a seat in another municipality", async () => {
    const id = await submitted();
    await consulted([id]);
    const seatless = await db.user.create({
      data: { email: `utan-plats.${world.u}@test.example`, name: "Utan Plats", roles: ["COMMITTEE"], municipalityId: world.municipality.id },
    });
    const other = await db.municipality.create({
      data: {
        slug: `annan-${world.u}`,
        name: "Annan kommun",
        orgNumber: orgNumber(),
        decidingBody: "Kommunstyrelsen",
        contactName: "Samordnaren",
        contactEmail: "samordnare@annan.example",
        contactPhone: "010-000 00 00",
      },
    });
    const elsewhere = await db.user.create({
      data: { email: `annan.${world.u}@test.example`, name: "Annan Ledamot", roles: ["COMMITTEE"], municipalityId: other.id },
    });
    await db.committeeMember.create({ data: { municipalityId: other.id, userId: elsewhere.id, title: "Kommunchef" } });
    for (const user of [seatless, elsewhere]) {
      const actor: Actor = { userId: user.id, email: user.email, name: user.name, roles: ["COMMITTEE"], municipalityId: user.municipalityId, locale: "sv", via: "session" };
      expect(await listCasesForMember(actor)).toEqual([]);
      expect((await failure(() => getCaseForMember(actor, id))).code).toBe("NOT_FOUND");
      expect((await failure(() => recordRecommendation(actor, id, { kind: "APPROVE" }))).code).toBe("NOT_FOUND");
    }
  });

  it("does not find a case that was not put to the committee, a draft, or a malformed id", async () => {
    const notPut = await submitted();
    const draft = await createApplication(actorOf(world.users.applicant), { associationId: world.associations.mine.id, programYearId: world.program.id, grantKind: "ACTIVITY" });
    for (const id of [notPut, draft.id, "not-a-uuid", crypto.randomUUID()]) {
      expect((await failure(() => getCaseForMember(member(), id))).code, id).toBe("NOT_FOUND");
    }
    expect((await failure(() => recordRecommendation(member(), notPut, { kind: "APPROVE" }))).code).toBe("NOT_FOUND");
  });
});

describe("attachments of a case put to the committee", () => {
  it("can be downloaded by its committee members, and not before the case is put to them", async () => {
    const applicant = actorOf(world.users.applicant);
    const draft = await createApplication(applicant, { associationId: world.associations.mine.id, programYearId: world.program.id, grantKind: "ACTIVITY" });
    await updateDraft(applicant, draft.id, completeDraft(world));
    await addAttachment(applicant, draft.id, { bytes: MINIMAL_PDF, name: "budget.pdf" });
    await submitApplication(applicant, draft.id);
    const file = await db.storedFile.findFirstOrThrow({ where: { applicationId: draft.id } });
    await expect(getFileForDownload(actorOf(world.users.committee), file.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await startConsultation(actorOf(world.users.coordinator), { applicationIds: [draft.id], closesOn: "2099-12-31" });
    await expect(getFileForDownload(actorOf(world.users.committee), file.id)).resolves.toMatchObject({ name: "budget.pdf" });
    await expect(getFileForDownload(actorOf(world.users.otherApplicant), file.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
