// Follow-up reports through the services, against a real database: the
// association drafts, submits, is asked to complete, resubmits and is
// accepted, with every round kept and every change audited; who may do what;
// "overdue" on a fixed day; and an overdue report holding back a new
// application where the program year says so.
import { readdir } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { withMailAndUploads } from "../fixtures/mail-and-uploads";
import { actorOf, buildWorld, completeDraft, MINIMAL_PDF, type World, type WorldUser } from "../fixtures/world";
import { approvedGrant, completeReport, ownAssociation } from "../fixtures/follow-up";
import { db } from "@/lib/db";
import { ServiceError } from "@/lib/errors";
import { translate } from "@/lib/i18n/translate";
import {
  acceptFollowUpReport,
  addFollowUpAttachment,
  FOLLOW_UP_PAGE_SIZE,
  followUpPanel,
  getFollowUpAttachment,
  getFollowUpReport,
  listFollowUpReports,
  overdueReportsOf,
  removeFollowUpAttachment,
  returnFollowUpReport,
  saveFollowUpDraft,
  submitFollowUpReport,
} from "@/lib/data/follow-up";
import { createApplication, submitApplication, updateDraft } from "@/lib/data/applications";
import { closeConsultationEarly, startConsultation } from "@/lib/data/consultations";
import { decideActivityGrant } from "@/lib/data/decisions";
import { getProgramYear, updateProgramYear } from "@/lib/data/admin";
import { FOLLOW_UP_FILES_MAX } from "@/lib/schemas/follow-up";

const env = withMailAndUploads();
/** Every date below is fixed against this day, in Swedish time. */
const NOW = new Date("2026-09-15T10:00:00Z");
const at = (day: string) => new Date(`${day}T10:00:00Z`);
let world: World;

beforeAll(async () => {
  world = await buildWorld(NOW);
});

const member = () => actorOf(world.users.applicant);
const coordinator = () => actorOf(world.users.coordinator);

/** The service's error, for asserting on its code, key and fields. */
async function failure(promise: Promise<unknown>): Promise<ServiceError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "expected the call to fail").toBeInstanceOf(ServiceError);
  return error as ServiceError;
}

const pdf = (name = "kvitton.pdf") => ({ bytes: MINIMAL_PDF, name });

async function outboxFor(applicationId: string) {
  return db.outboxMail.findMany({ where: { applicationId }, orderBy: { createdAt: "asc" }, select: { to: true, subject: true, kind: true, text: true } });
}

async function auditActions(applicationId: string) {
  const rows = await db.auditEvent.findMany({ where: { entityType: "Application", entityId: applicationId, action: { startsWith: "report." } }, orderBy: { at: "asc" } });
  return rows.map((r) => r.action);
}

// ---------------------------------------------------------------- the whole flow

describe("a report from draft to accepted", () => {
  it("drafts, submits, is returned with a comment, is completed and resubmitted, and is accepted; every round stays", async () => {
    const grant = await approvedGrant(world, { dueOn: "2026-10-17", endDate: "2026-09-17", startDate: "2026-09-10" });
    const id = grant.applicationId;

    // Before anything is written the working copy starts from the application.
    const fresh = await getFollowUpReport(member(), id, NOW);
    expect(fresh).toMatchObject({ status: null, obligation: "OPEN", dueOn: "2026-10-17", daysLeft: 32, canEdit: true, canReview: false, rounds: [] });
    expect(fresh.draft).toMatchObject({
      summary: "",
      startDate: "2026-09-10",
      endDate: "2026-09-17",
      participantsTotal: 24,
      participantsUnder26: 18,
      costLines: [
        { label: "Resor", amount: 9_000 },
        { label: "Kost", amount: 5_000 },
      ],
      outcomes: world.objectives.map((o) => ({ objectiveId: o.id, text: "" })),
      attachments: [],
      updatedAt: null,
    });
    expect(fresh.objectives.map((o) => o.id)).toEqual(world.objectives.map((o) => o.id));

    // A half-written draft saves.
    const draft = await saveFollowUpDraft(member(), id, { summary: "Vi repeterade och sjöng.", participantsTotal: "" }, NOW);
    expect(draft).toMatchObject({ status: "DRAFT", draft: { summary: "Vi repeterade och sjöng.", participantsTotal: null, startDate: "2026-09-10" } });

    // Submitting before the activity has ended (it ends 17 September) is refused on the end date.
    const early = await failure(submitFollowUpReport(member(), id, NOW));
    expect(early.code).toBe("VALIDATION");
    expect(early.fieldErrors).toMatchObject({
      endDate: ["validation.followUp.notEnded"],
      participantsTotal: ["validation.required"],
      "outcomes.0.text": ["validation.required"],
      "outcomes.1.text": ["validation.required"],
    });
    expect((await db.followUpReport.findUniqueOrThrow({ where: { applicationId: id } })).status).toBe("DRAFT");

    // After the end, with everything written and a PDF attached, it goes in as round 1.
    const after = at("2026-09-20");
    await saveFollowUpDraft(member(), id, completeReport(world, { startDate: "2026-09-10", endDate: "2026-09-17" }), after);
    const withFile = await addFollowUpAttachment(member(), id, pdf(), after);
    const fileId = withFile.draft!.attachments[0]!.id;
    expect(withFile.draft!.attachments).toEqual([{ id: fileId, name: "kvitton.pdf", size: MINIMAL_PDF.length, submitted: false }]);
    const first = await submitFollowUpReport(member(), id, after);
    expect(first).toMatchObject({ status: "SUBMITTED", obligation: "AWAITING_REVIEW", canEdit: false, submittedAt: after.toISOString() });
    expect(first.rounds).toHaveLength(1);
    expect(first.rounds[0]).toMatchObject({
      round: 1,
      submittedBy: "Anna Andersson",
      outcome: null,
      comment: null,
      content: {
        summary: "En helg med gemensamma repetitioner och en konsert i Piteå.",
        startDate: "2026-09-10",
        endDate: "2026-09-17",
        participantsTotal: 22,
        participantsUnder26: 17,
        outcomes: world.objectives.map((o) => ({ objectiveId: o.id, objectiveSv: o.textSv, objectiveEn: o.textEn, text: expect.any(String) })),
        costLines: [
          { label: "Resor", amount: 8_500 },
          { label: "Kost", amount: 5_200 },
        ],
        otherFunding: [{ label: "Studieförbundet", amount: 6_000 }],
        attachments: [{ id: fileId, name: "kvitton.pdf", size: MINIMAL_PDF.length }],
      },
    });
    // Nobody is mailed when a report comes in: the coordinator's lists show it.
    expect(await outboxFor(id)).toEqual([]);

    // Submitted: the association can no longer change it.
    for (const attempt of [
      () => saveFollowUpDraft(member(), id, { summary: "Ändrad" }, after),
      () => addFollowUpAttachment(member(), id, pdf("till.pdf"), after),
      () => removeFollowUpAttachment(member(), id, fileId, after),
      () => submitFollowUpReport(member(), id, after),
    ]) {
      const error = await failure(attempt());
      expect([error.code, error.messageKey]).toEqual(["CONFLICT", "errors.followUp.notEditable"]);
    }

    // The coordinator sees the rounds, not the working copy, and asks for completion; a comment is required.
    const seen = await getFollowUpReport(coordinator(), id, after);
    expect(seen).toMatchObject({ draft: null, canReview: true, canEdit: false, viewer: { member: false, reviewer: true } });
    expect((await failure(returnFollowUpReport(coordinator(), id, { comment: "  " }, after))).fieldErrors).toEqual({ comment: ["validation.required"] });
    const comment = "Kvitton för kosten saknas. Bifoga dem som PDF.";
    const returned = await returnFollowUpReport(coordinator(), id, { comment }, at("2026-09-22"));
    expect(returned).toMatchObject({ status: "RETURNED", obligation: "OPEN", canReview: false });
    expect(returned.rounds[0]).toMatchObject({ outcome: "RETURNED", comment, reviewedBy: "Sara Samordnare", reviewedAt: at("2026-09-22").toISOString() });
    const [returnMail] = await outboxFor(id);
    expect(returnMail).toMatchObject({ to: [world.users.applicant.email], kind: "follow-up.returned", subject: `Komplettera återrapporten för ${grant.caseNumber}` });
    expect(returnMail!.text).toContain(`> ${comment}`);
    expect(returnMail!.text).toContain(`http://localhost:3000/applications/${id}/report`);
    // Reviewed once: not again.
    expect((await failure(acceptFollowUpReport(coordinator(), id, after))).messageKey).toBe("errors.followUp.notAwaitingReview");

    // The member reads the comment, completes the report, and may not remove what was already submitted.
    const back = await getFollowUpReport(member(), id, at("2026-09-23"));
    expect(back).toMatchObject({ status: "RETURNED", canEdit: true, rounds: [{ comment }] });
    expect(back.draft!.attachments).toEqual([{ id: fileId, name: "kvitton.pdf", size: MINIMAL_PDF.length, submitted: true }]);
    expect((await failure(removeFollowUpAttachment(member(), id, fileId, at("2026-09-23")))).messageKey).toBe("errors.followUp.attachmentSubmitted");
    const mistaken = await addFollowUpAttachment(member(), id, pdf("fel-fil.pdf"), at("2026-09-23"));
    const mistakenId = mistaken.draft!.attachments.find((f) => f.name === "fel-fil.pdf")!.id;
    await removeFollowUpAttachment(member(), id, mistakenId, at("2026-09-23"));
    await addFollowUpAttachment(member(), id, pdf("kvitton-kost.pdf"), at("2026-09-23"));
    const saved = await saveFollowUpDraft(member(), id, { summary: "En helg med repetitioner och konsert. Kvitton för kosten bifogade." }, at("2026-09-23"));
    expect(saved.status).toBe("RETURNED");
    const second = await submitFollowUpReport(member(), id, at("2026-09-24"));
    expect(second.rounds.map((r) => [r.round, r.outcome])).toEqual([
      [1, "RETURNED"],
      [2, null],
    ]);
    // Round 1 is exactly as it was sent.
    expect(second.rounds[0]!.content).toEqual(first.rounds[0]!.content);
    expect(second.rounds[1]!.content.summary).toBe("En helg med repetitioner och konsert. Kvitton för kosten bifogade.");
    expect(second.rounds[1]!.content.attachments.map((f) => f.name)).toEqual(["kvitton.pdf", "kvitton-kost.pdf"]);

    const accepted = await acceptFollowUpReport(coordinator(), id, at("2026-09-25"));
    expect(accepted).toMatchObject({ status: "ACCEPTED", obligation: "DONE", acceptedAt: at("2026-09-25").toISOString() });
    expect(accepted.rounds.map((r) => [r.round, r.outcome, r.comment])).toEqual([
      [1, "RETURNED", comment],
      [2, "ACCEPTED", null],
    ]);
    const mails = await outboxFor(id);
    expect(mails.map((m) => [m.kind, m.to, m.subject])).toEqual([
      ["follow-up.returned", [world.users.applicant.email], `Komplettera återrapporten för ${grant.caseNumber}`],
      ["follow-up.accepted", [world.users.applicant.email], `Återrapporten för ${grant.caseNumber} är godkänd`],
    ]);
    expect((await failure(returnFollowUpReport(coordinator(), id, { comment: "Ändrade mig." }, at("2026-09-26")))).code).toBe("CONFLICT");

    // Both sides see the same history.
    const memberSees = await getFollowUpReport(member(), id, at("2026-09-26"));
    const coordinatorSees = await getFollowUpReport(coordinator(), id, at("2026-09-26"));
    expect(memberSees.rounds).toEqual(coordinatorSees.rounds);

    // Every change is in the case's audit log.
    expect(await auditActions(id)).toEqual([
      "report.started",
      "report.draft-saved",
      "report.attachment-added",
      "report.submitted",
      "report.returned",
      "report.attachment-added",
      "report.attachment-removed",
      "report.attachment-added",
      "report.draft-saved",
      "report.submitted",
      "report.accepted",
    ]);
    const returnedEvent = await db.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "report.returned" } });
    expect(returnedEvent).toMatchObject({ actorId: world.users.coordinator.id, municipalityId: world.municipality.id, after: { status: "RETURNED", round: 1, comment } });
  });

  it("goes from a real approval: the decision's due date is the report's", async () => {
    const { association, townId } = await ownAssociation(world, world.users.applicant);
    const draft = await createApplication(member(), { associationId: association.id, programYearId: world.program.id, grantKind: "ACTIVITY" }, NOW);
    await updateDraft(member(), draft.id, completeDraft(world, { partnerTownId: townId, requestedAmount: 5_000 }));
    await submitApplication(member(), draft.id, NOW);
    const { id: consultationId } = await startConsultation(coordinator(), { applicationIds: [draft.id], closesOn: "2026-12-31" }, NOW);
    await closeConsultationEarly(coordinator(), consultationId, "Kommittén samrådde på sitt möte.", NOW);
    const decided = await decideActivityGrant(coordinator(), draft.id, { outcome: "APPROVED", amount: 5_000, reason: "Beviljas enligt riktlinjerna." }, NOW);
    const view = await getFollowUpReport(member(), draft.id, NOW);
    expect(view.dueOn).toBe(decided.reportDueOn);
    // The activity ended 17 June; the program gives a month: due 17 July, long past on 15 September.
    expect(view).toMatchObject({ dueOn: `${world.program.year}-07-17`, obligation: "OVERDUE", application: { approvedAmount: 5_000 } });
    expect(view.objectives.map((o) => o.id)).toEqual([world.objectives[0]!.id]);
  });

  it("keeps at most a report's worth of attachments, writes nothing for a file that is not a PDF, and serves them to both sides", async () => {
    const grant = await approvedGrant(world, { dueOn: "2026-10-17" });
    const id = grant.applicationId;
    const before = (await readdir(env.uploads)).length;
    const notPdf = await failure(addFollowUpAttachment(member(), id, { bytes: Buffer.from("<html>"), name: "kvitto.pdf" }, NOW));
    expect(notPdf.fieldErrors).toEqual({ file: ["validation.file.notPdf"] });
    expect((await failure(addFollowUpAttachment(member(), id, null, NOW))).fieldErrors).toEqual({ file: ["validation.file.required"] });
    expect((await readdir(env.uploads)).length).toBe(before);
    for (let i = 0; i < FOLLOW_UP_FILES_MAX; i++) await addFollowUpAttachment(member(), id, pdf(`bilaga-${i}.pdf`), NOW);
    expect((await failure(addFollowUpAttachment(member(), id, pdf("en-till.pdf"), NOW))).fieldErrors).toEqual({ file: ["validation.file.tooMany"] });
    // The refused file's bytes were removed again.
    expect((await readdir(env.uploads)).length).toBe(before + FOLLOW_UP_FILES_MAX);
    const [first] = (await getFollowUpReport(member(), id, NOW)).draft!.attachments;
    for (const actor of [member(), coordinator()]) {
      const file = await getFollowUpAttachment(actor, id, first!.id);
      expect(file.name).toBe("bilaga-0.pdf");
      expect(file.bytes.equals(MINIMAL_PDF)).toBe(true);
    }
    expect((await failure(getFollowUpAttachment(actorOf(world.users.otherApplicant), id, first!.id))).code).toBe("NOT_FOUND");
  });
});

// ---------------------------------------------------------------- who may do what

describe("permissions", () => {
  let outsider: WorldUser;
  beforeAll(async () => {
    const elsewhere = await db.municipality.create({
      data: { slug: `lulea-${world.u}`, name: "Luleå kommun", orgNumber: "212000-2627", decidingBody: "Kommunstyrelsen", contactName: "Samordnaren", contactEmail: "samordnare@lulea.example", contactPhone: "0920-45 30 00" },
    });
    const user = await db.user.create({ data: { email: `lulea.${world.u}@test.example`, name: "Olle Luleå", roles: ["COORDINATOR"], municipalityId: elsewhere.id } });
    outsider = { id: user.id, email: user.email, name: "Olle Luleå", roles: ["COORDINATOR"], municipalityId: elsewhere.id, token: "" };
  });

  async function submittedGrant() {
    const grant = await approvedGrant(world, { dueOn: "2026-10-17" });
    await saveFollowUpDraft(member(), grant.applicationId, completeReport(world), NOW);
    await submitFollowUpReport(member(), grant.applicationId, NOW);
    return grant;
  }

  it("another association's report is not found, and nothing of it changes", async () => {
    const grant = await submittedGrant();
    const other = actorOf(world.users.otherApplicant);
    const id = grant.applicationId;
    for (const attempt of [
      () => getFollowUpReport(other, id, NOW),
      () => saveFollowUpDraft(other, id, { summary: "Kapat" }, NOW),
      () => submitFollowUpReport(other, id, NOW),
      () => addFollowUpAttachment(other, id, pdf(), NOW),
      () => removeFollowUpAttachment(other, id, "00000000-0000-4000-8000-000000000000", NOW),
    ]) {
      expect((await failure(attempt())).code).toBe("NOT_FOUND");
    }
    // Nor does it show in its overview of the association's case.
    expect(await followUpPanel(other, { id, status: "APPROVED", associationId: grant.associationId, programYearId: world.program.id }, NOW)).toMatchObject({ report: null, overdue: [] });
    expect(await db.followUpReport.findUniqueOrThrow({ where: { applicationId: id } })).toMatchObject({ status: "SUBMITTED", summary: completeReport(world).summary });
  });

  it("the committee and the administrator cannot review (403) and do not see the report (404)", async () => {
    const grant = await submittedGrant();
    for (const user of [world.users.committee, world.users.admin]) {
      const actor = actorOf(user);
      expect((await failure(getFollowUpReport(actor, grant.applicationId, NOW))).code).toBe("NOT_FOUND");
      expect((await failure(acceptFollowUpReport(actor, grant.applicationId, NOW))).code).toBe("FORBIDDEN");
      expect((await failure(returnFollowUpReport(actor, grant.applicationId, { comment: "Nej." }, NOW))).code).toBe("FORBIDDEN");
      expect((await failure(listFollowUpReports(actor, {}, NOW))).code).toBe("FORBIDDEN");
    }
    // A member reviewing their own report: not their permission.
    expect((await failure(acceptFollowUpReport(member(), grant.applicationId, NOW))).code).toBe("FORBIDDEN");
    expect((await db.followUpReport.findUniqueOrThrow({ where: { applicationId: grant.applicationId } })).status).toBe("SUBMITTED");
  });

  it("the coordinator cannot write the association's report, and another municipality's coordinator finds nothing", async () => {
    const open = await approvedGrant(world, { dueOn: "2026-10-17" });
    expect((await failure(saveFollowUpDraft(coordinator(), open.applicationId, { summary: "Skrivet av samordnaren" }, NOW))).code).toBe("NOT_FOUND");
    expect((await failure(submitFollowUpReport(coordinator(), open.applicationId, NOW))).code).toBe("NOT_FOUND");
    const grant = await submittedGrant();
    const lulea = actorOf(outsider);
    for (const attempt of [() => getFollowUpReport(lulea, grant.applicationId, NOW), () => acceptFollowUpReport(lulea, grant.applicationId, NOW)]) {
      expect((await failure(attempt())).code).toBe("NOT_FOUND");
    }
    const theirs = await listFollowUpReports(lulea, { status: "ALL" }, NOW);
    expect(theirs.items).toEqual([]);
  });

  it("there is no report on an application that is not approved, or on ids that are not applications", async () => {
    const { association, townId } = await ownAssociation(world, world.users.applicant);
    const draft = await createApplication(member(), { associationId: association.id, programYearId: world.program.id, grantKind: "ACTIVITY" }, NOW);
    await updateDraft(member(), draft.id, completeDraft(world, { partnerTownId: townId }));
    await submitApplication(member(), draft.id, NOW);
    for (const id of [draft.id, "00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
      expect((await failure(getFollowUpReport(member(), id, NOW))).code, id).toBe("NOT_FOUND");
      expect((await failure(saveFollowUpDraft(member(), id, {}, NOW))).code, id).toBe("NOT_FOUND");
    }
  });
});

// ---------------------------------------------------------------- overdue, on a fixed day

describe("overdue reports", () => {
  it("are overdue from the day after the due date while the next step is the association's", async () => {
    const { association } = await ownAssociation(world, world.users.applicant);
    const grant = await approvedGrant(world, { associationId: association.id, dueOn: "2026-07-17" });
    const overdueOn = async (day: string) => (await overdueReportsOf([association.id], day)).get(association.id)?.map((r) => r.caseNumber) ?? [];

    expect(await overdueOn("2026-07-17")).toEqual([]); // the due date itself is in time
    expect(await overdueOn("2026-07-18")).toEqual([grant.caseNumber]);
    await saveFollowUpDraft(member(), grant.applicationId, completeReport(world), at("2026-07-20"));
    expect(await overdueOn("2026-07-20")).toEqual([grant.caseNumber]); // a draft is still theirs to send
    await submitFollowUpReport(member(), grant.applicationId, at("2026-07-20"));
    expect(await overdueOn("2026-07-21")).toEqual([]); // waiting for the coordinator is not overdue
    await returnFollowUpReport(coordinator(), grant.applicationId, { comment: "Deltagarlistan saknas." }, at("2026-07-22"));
    expect(await overdueOn("2026-07-22")).toEqual([grant.caseNumber]); // back with them, past the due date
    await submitFollowUpReport(member(), grant.applicationId, at("2026-07-23"));
    await acceptFollowUpReport(coordinator(), grant.applicationId, at("2026-07-24"));
    expect(await overdueOn("2027-01-01")).toEqual([]);
  });

  it("are found for many associations in one call, oldest due first, with the case named", async () => {
    const a = await ownAssociation(world, world.users.applicant);
    const b = await ownAssociation(world, world.users.applicant);
    const c = await ownAssociation(world, world.users.applicant);
    const late = await approvedGrant(world, { associationId: a.association.id, dueOn: "2026-08-31", title: "Sent" });
    const later = await approvedGrant(world, { associationId: a.association.id, dueOn: "2026-07-01", title: "Senare" });
    const onTime = await approvedGrant(world, { associationId: b.association.id, dueOn: "2026-09-30" });
    void onTime;
    const found = await overdueReportsOf([a.association.id, b.association.id, c.association.id, "not-a-uuid"], "2026-09-15");
    expect([...found.keys()]).toEqual([a.association.id]);
    expect(found.get(a.association.id)).toEqual([
      { applicationId: later.applicationId, caseNumber: later.caseNumber, title: "Senare", dueOn: "2026-07-01" },
      { applicationId: late.applicationId, caseNumber: late.caseNumber, title: "Sent", dueOn: "2026-08-31" },
    ]);
    expect(await overdueReportsOf([], "2026-09-15")).toEqual(new Map());
  });

  it("the coordinator's list filters by where each report stands, a page at a time", async () => {
    const { association } = await ownAssociation(world, world.users.applicant);
    const overdue = await approvedGrant(world, { associationId: association.id, dueOn: "2026-08-01" });
    const open = await approvedGrant(world, { associationId: association.id, dueOn: "2026-11-01" });
    const awaiting = await approvedGrant(world, { associationId: association.id, dueOn: "2026-08-02" });
    await saveFollowUpDraft(member(), awaiting.applicationId, completeReport(world), NOW);
    await submitFollowUpReport(member(), awaiting.applicationId, NOW);
    const done = await approvedGrant(world, { associationId: association.id, dueOn: "2026-08-03" });
    await saveFollowUpDraft(member(), done.applicationId, completeReport(world), NOW);
    await submitFollowUpReport(member(), done.applicationId, NOW);
    await acceptFollowUpReport(coordinator(), done.applicationId, NOW);

    const ids = async (status: string) => (await listFollowUpReports(coordinator(), { status, associationId: association.id }, NOW)).items.map((i) => i.applicationId);
    expect(await ids("OVERDUE")).toEqual([overdue.applicationId]);
    expect(await ids("OPEN")).toEqual([open.applicationId]);
    expect(await ids("AWAITING_REVIEW")).toEqual([awaiting.applicationId]);
    expect(await ids("DONE")).toEqual([done.applicationId]);
    expect(await ids("ALL")).toEqual([overdue.applicationId, awaiting.applicationId, done.applicationId, open.applicationId]);
    const row = (await listFollowUpReports(coordinator(), { status: "AWAITING_REVIEW", associationId: association.id }, NOW)).items[0];
    expect(row).toMatchObject({ caseNumber: awaiting.caseNumber, association: { id: association.id }, dueOn: "2026-08-02", status: "SUBMITTED", obligation: "AWAITING_REVIEW", rounds: 1 });
    expect((await failure(listFollowUpReports(coordinator(), { status: "LATE" }, NOW))).fieldErrors).toEqual({ status: ["validation.invalid"] });
  });

  it("pages through more reports than fit on a page, each once", async () => {
    const { association } = await ownAssociation(world, world.users.applicant);
    const made = new Set<string>();
    for (let i = 0; i < FOLLOW_UP_PAGE_SIZE + 3; i++) {
      made.add((await approvedGrant(world, { associationId: association.id, dueOn: `2026-10-${String(1 + (i % 3)).padStart(2, "0")}` })).applicationId);
    }
    const first = await listFollowUpReports(coordinator(), { status: "OPEN", associationId: association.id }, NOW);
    expect(first.items).toHaveLength(FOLLOW_UP_PAGE_SIZE);
    expect(first.nextCursor).not.toBeNull();
    const second = await listFollowUpReports(coordinator(), { status: "OPEN", associationId: association.id, after: first.nextCursor }, NOW);
    expect(second.nextCursor).toBeNull();
    const seen = [...first.items, ...second.items].map((i) => i.applicationId);
    expect(new Set(seen)).toEqual(made);
    expect(seen).toHaveLength(made.size);
    const dues = [...first.items, ...second.items].map((i) => i.dueOn);
    expect(dues).toEqual(dues.toSorted());
  });
});

// ---------------------------------------------------------------- blocking new applications

describe("an overdue report and a new application", () => {
  async function draftFor(associationId: string, townId: string) {
    const draft = await createApplication(member(), { associationId, programYearId: world.program.id, grantKind: "ACTIVITY" }, NOW);
    await updateDraft(member(), draft.id, completeDraft(world, { partnerTownId: townId, requestedAmount: 4_000 }));
    return draft.id;
  }

  async function withBlocking<T>(block: boolean, fn: () => Promise<T>): Promise<T> {
    await db.programYear.update({ where: { id: world.program.id }, data: { blockOnOverdueReport: block } });
    try {
      return await fn();
    } finally {
      await db.programYear.update({ where: { id: world.program.id }, data: { blockOnOverdueReport: false } });
    }
  }

  it("blocks it when the program year says so, naming the report and its due date", async () => {
    const { association, townId } = await ownAssociation(world, world.users.applicant);
    const grant = await approvedGrant(world, { associationId: association.id, dueOn: "2026-08-31" });
    const draftId = await draftFor(association.id, townId);
    const error = await withBlocking(true, () => failure(submitApplication(member(), draftId, NOW)));
    expect(error.code).toBe("VALIDATION");
    expect(error.messageKey).toBe("errors.followUp.overdueBlocksSubmit");
    expect(error.vars).toEqual({ caseNumber: grant.caseNumber, dueOn: "2026-08-31", count: 1 });
    const sv = translate("sv", error.messageKey, error.vars);
    expect(sv).toContain(grant.caseNumber);
    expect(sv).toContain("2026-08-31");
    expect(translate("en", error.messageKey, error.vars)).toContain(`follow-up report for ${grant.caseNumber} was due on 2026-08-31`);
    expect(await db.application.findUniqueOrThrow({ where: { id: draftId } })).toMatchObject({ status: "DRAFT", caseNumber: null });
    // The draft's page says so before the member tries.
    const panel = await withBlocking(true, () => followUpPanel(member(), { id: draftId, status: "DRAFT", associationId: association.id, programYearId: world.program.id }, NOW));
    expect(panel.blockedBy).toMatchObject({ applicationId: grant.applicationId, caseNumber: grant.caseNumber, dueOn: "2026-08-31" });
    // Staff see the flag; the member's panel does not carry the staff list.
    expect(panel.overdue).toEqual([]);
    const staffPanel = await followUpPanel(coordinator(), { id: grant.applicationId, status: "APPROVED", associationId: association.id, programYearId: world.program.id }, NOW);
    expect(staffPanel.overdue.map((r) => r.caseNumber)).toEqual([grant.caseNumber]);
    expect(staffPanel.report).toMatchObject({ obligation: "OVERDUE", dueOn: "2026-08-31" });

    // Once the report is in (waiting for review), the application goes through.
    await saveFollowUpDraft(member(), grant.applicationId, completeReport(world), NOW);
    await submitFollowUpReport(member(), grant.applicationId, NOW);
    const submitted = await withBlocking(true, () => submitApplication(member(), draftId, NOW));
    expect(submitted.status).toBe("SUBMITTED");
  });

  it("is the program year's rule, which the administrator sets", async () => {
    const admin = actorOf(world.users.admin);
    const program = await getProgramYear(admin, world.program.id);
    expect(program.blockOnOverdueReport).toBe(false);
    const { year, opensOn, closesOn, baseCapPerTown, activityCapPerTown, splitRule, budget, reportDeadlineMonths, caps, requiredDocuments } = program;
    const input = { year, opensOn, closesOn, baseCapPerTown, activityCapPerTown, splitRule, budget, reportDeadlineMonths, requiredDocuments: requiredDocuments.map(({ nameSv, nameEn, grantKind }) => ({ nameSv, nameEn, grantKind })), caps: caps.map(({ partnerTownId, grantKind, amount }) => ({ partnerTownId, grantKind, amount })) };
    try {
      expect(await updateProgramYear(admin, world.program.id, { ...input, blockOnOverdueReport: true })).toMatchObject({ blockOnOverdueReport: true });
      const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: world.program.id, action: "program-year.updated" }, orderBy: { at: "desc" } });
      expect(event).toMatchObject({ before: { blockOnOverdueReport: false }, after: { blockOnOverdueReport: true } });
    } finally {
      await updateProgramYear(admin, world.program.id, { ...input, blockOnOverdueReport: false });
    }
  });

  it("does not block when the program year does not say so", async () => {
    const { association, townId } = await ownAssociation(world, world.users.applicant);
    await approvedGrant(world, { associationId: association.id, dueOn: "2026-08-31" });
    const draftId = await draftFor(association.id, townId);
    const submitted = await withBlocking(false, () => submitApplication(member(), draftId, NOW));
    expect(submitted.status).toBe("SUBMITTED");
  });

  it("does not block for a report that is not yet due", async () => {
    const { association, townId } = await ownAssociation(world, world.users.applicant);
    await approvedGrant(world, { associationId: association.id, dueOn: "2026-09-15" });
    const draftId = await draftFor(association.id, townId);
    expect((await withBlocking(true, () => submitApplication(member(), draftId, NOW))).status).toBe("SUBMITTED");
  });
});
