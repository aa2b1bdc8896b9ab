// Reminders with a fixed clock: the job (queueDueReminders) run on chosen
// days writes each occasion's Reminder row once and one outbox mail per
// recipient in the recipient's language; nothing twice, not even from two
// runs at once. Each test uses its own dates, so the others' grants and
// consultations are never due on its days; assertions look at the test's own rows.
import { beforeAll, describe, expect, it } from "vitest";
import { actorOf, buildWorld, type World, type WorldUser } from "../fixtures/world";
import { annualReportOnFile, approvedGrant, at, extraUser, openConsultation, setReportStatus, verifiedAssociation } from "../fixtures/reminders";
import { db } from "@/lib/db";
import { closeConsultationEarly, recordRecommendation } from "@/lib/data/consultations";
import { queueDueReminders, REMINDER_MAIL_KIND } from "@/lib/data/reminders";
import { MAX_OVERDUE_REMINDERS } from "@/lib/domain/reminders";

const APP_URL = process.env.APP_URL!;

let world: World;
/** A second member of the world's association "mine", who chose English. */
let english: WorldUser;
/** A member of "mine" whose account is closed: never mailed. */
let inactive: WorldUser;

beforeAll(async () => {
  world = await buildWorld();
  english = await extraUser(world, { key: "emma", name: "Emma English", locale: "en", memberOf: world.associations.mine.id });
  inactive = await extraUser(world, { key: "ivar", name: "Ivar Inaktiv", active: false, memberOf: world.associations.mine.id });
});

async function remindersOf(where: { applicationId?: string; associationId?: string; consultationId?: string }) {
  return db.reminder.findMany({ where, orderBy: [{ createdAt: "asc" }, { occasion: "asc" }], include: { mails: { orderBy: { createdAt: "asc" } } } });
}

describe("the follow-up report reminders", () => {
  it("a week before the due date, each active member gets one mail in their own language, linking to the report", async () => {
    const grant = await approvedGrant(world, { dueOn: "2031-03-10", title: "Körresa till vänorten" });

    await queueDueReminders(at("2031-03-02"));
    expect(await remindersOf({ applicationId: grant.applicationId })).toEqual([]);

    await queueDueReminders(at("2031-03-03"));
    const [reminder, ...more] = await remindersOf({ applicationId: grant.applicationId });
    expect(more).toEqual([]);
    expect(reminder).toMatchObject({
      kind: "REPORT_DUE_SOON",
      occasion: `report-due:${grant.decisionId}`,
      municipalityId: world.municipality.id,
      associationId: world.associations.mine.id,
    });
    const byRecipient = new Map(reminder!.mails.map((m) => [m.to.join(), m]));
    expect([...byRecipient.keys()].sort()).toEqual([english.email, world.users.applicant.email].sort());
    expect(byRecipient.has(inactive.email)).toBe(false);
    const sv = byRecipient.get(world.users.applicant.email)!;
    const en = byRecipient.get(english.email)!;
    expect(sv.subject).toBe(`Påminnelse: återrapporten för ${grant.caseNumber} ska vara inne 2031-03-10`);
    expect(en.subject).toBe(`Reminder: the follow-up report on ${grant.caseNumber} is due 2031-03-10`);
    for (const mail of [sv, en]) {
      expect(mail).toMatchObject({
        kind: REMINDER_MAIL_KIND.REPORT_DUE_SOON,
        applicationId: grant.applicationId,
        municipalityId: world.municipality.id,
        status: "PENDING",
      });
      expect(mail.text).toContain(`${APP_URL}/applications/${grant.applicationId}/report`);
    }
    expect(sv.text).toContain("Om 7 dagar, 2031-03-10");
    expect(en.text).toContain("due in 7 days, on 2031-03-10");

    // The same day again, a later day of the window, the due date itself: nothing new.
    await queueDueReminders(at("2031-03-03", "15:00"));
    await queueDueReminders(at("2031-03-06"));
    await queueDueReminders(at("2031-03-10", "23:30"));
    const after = await remindersOf({ applicationId: grant.applicationId });
    expect(after.map((r) => r.id)).toEqual([reminder!.id]);
    expect(after[0]!.mails).toHaveLength(2);
  });

  it("running the same day twice queues nothing the second time", async () => {
    await approvedGrant(world, { dueOn: "2031-03-20" });
    const first = await queueDueReminders(at("2031-03-14"));
    expect(first.reminders).toBeGreaterThanOrEqual(1);
    expect(first.mails).toBeGreaterThanOrEqual(2);
    expect(await queueDueReminders(at("2031-03-14", "18:00"))).toEqual({ reminders: 0, mails: 0 });
  });

  it("overdue: the day after the due date, then weekly, at most the bound, and no more", async () => {
    const grant = await approvedGrant(world, { dueOn: "2031-04-30" });
    const occasions = async () => (await remindersOf({ applicationId: grant.applicationId })).map((r) => r.occasion);

    await queueDueReminders(at("2031-05-01"));
    expect(await occasions()).toEqual([`report-overdue:${grant.decisionId}:1`]);
    await queueDueReminders(at("2031-05-07"));
    expect(await occasions()).toHaveLength(1);
    await queueDueReminders(at("2031-05-08"));
    await queueDueReminders(at("2031-05-15"));
    await queueDueReminders(at("2031-05-21"));
    await queueDueReminders(at("2031-05-22"));
    await queueDueReminders(at("2031-06-30"));
    expect(await occasions()).toEqual([1, 2, 3].map((n) => `report-overdue:${grant.decisionId}:${n}`));
    expect(MAX_OVERDUE_REMINDERS).toBe(3);

    const [first, , last] = await remindersOf({ applicationId: grant.applicationId });
    const svFirst = first!.mails.find((m) => m.to.includes(world.users.applicant.email))!;
    expect(svFirst).toMatchObject({ kind: "reminder.report-overdue", subject: `Försenad: återrapporten för ${grant.caseNumber} skulle vara inne 2031-04-30` });
    expect(svFirst.text).not.toContain("sista påminnelsen");
    const enLast = last!.mails.find((m) => m.to.includes(english.email))!;
    expect(enLast.subject).toBe(`Overdue: the follow-up report on ${grant.caseNumber} was due 2031-04-30`);
    expect(enLast.text).toContain("This is the last reminder.");
  });

  it("a job that did not run for weeks sends only the latest occasion reached, not a burst", async () => {
    const grant = await approvedGrant(world, { dueOn: "2031-04-30" });
    await queueDueReminders(at("2031-05-16"));
    expect((await remindersOf({ applicationId: grant.applicationId })).map((r) => r.occasion)).toEqual([`report-overdue:${grant.decisionId}:3`]);
  });

  it("a submitted or accepted report stops the reminders; a draft or one sent back does not", async () => {
    const submitted = await approvedGrant(world, { dueOn: "2031-06-30", reportStatus: "SUBMITTED" });
    const accepted = await approvedGrant(world, { dueOn: "2031-06-30", reportStatus: "ACCEPTED" });
    const draft = await approvedGrant(world, { dueOn: "2031-06-30", reportStatus: "DRAFT" });
    const returned = await approvedGrant(world, { dueOn: "2031-06-30", reportStatus: "RETURNED" });

    await queueDueReminders(at("2031-06-25", "09:00", "+02:00"));
    expect(await remindersOf({ applicationId: submitted.applicationId })).toEqual([]);
    expect(await remindersOf({ applicationId: accepted.applicationId })).toEqual([]);
    expect((await remindersOf({ applicationId: draft.applicationId })).map((r) => r.kind)).toEqual(["REPORT_DUE_SOON"]);
    expect((await remindersOf({ applicationId: returned.applicationId })).map((r) => r.kind)).toEqual(["REPORT_DUE_SOON"]);

    // The draft is handed in and accepted; the one sent back is still the association's turn.
    await setReportStatus(world, draft.applicationId, "SUBMITTED");
    await queueDueReminders(at("2031-07-01", "09:00", "+02:00"));
    await setReportStatus(world, draft.applicationId, "ACCEPTED");
    await queueDueReminders(at("2031-07-08", "09:00", "+02:00"));
    expect((await remindersOf({ applicationId: draft.applicationId })).map((r) => r.kind)).toEqual(["REPORT_DUE_SOON"]);
    expect((await remindersOf({ applicationId: returned.applicationId })).map((r) => r.occasion)).toEqual([
      `report-due:${returned.decisionId}`,
      `report-overdue:${returned.decisionId}:1`,
      `report-overdue:${returned.decisionId}:2`,
    ]);
    expect(await remindersOf({ applicationId: submitted.applicationId })).toEqual([]);
  });

  it("two runs at once queue each occasion once", async () => {
    const grants = await Promise.all([1, 2, 3].map(() => approvedGrant(world, { dueOn: "2031-08-25" })));
    const now = at("2031-08-20", "09:00", "+02:00");
    const [a, b] = await Promise.all([queueDueReminders(now), queueDueReminders(now)]);

    const rows = await db.reminder.findMany({ where: { applicationId: { in: grants.map((g) => g.applicationId) } }, include: { mails: true } });
    expect(rows.map((r) => r.occasion).sort()).toEqual(grants.map((g) => `report-due:${g.decisionId}`).sort());
    for (const r of rows) expect(r.mails.map((m) => m.to.join()).sort()).toEqual([english.email, world.users.applicant.email].sort());
    // Nothing else is due that day: between them the two runs queued exactly these.
    expect(a.reminders + b.reminders).toBe(3);
    expect(a.mails + b.mails).toBe(6);
  });

  it("a superseded decision brings no reminder", async () => {
    const grant = await approvedGrant(world, { dueOn: "2031-09-10" });
    await db.decision.update({ where: { id: grant.decisionId }, data: { supersededAt: new Date() } });
    await db.application.update({ where: { id: grant.applicationId }, data: { currentDecisionId: null } });
    await queueDueReminders(at("2031-09-05", "09:00", "+02:00"));
    expect(await remindersOf({ applicationId: grant.applicationId })).toEqual([]);
  });
});

describe("the committee reminder", () => {
  it("reaches, from two days before the closing date, each member who has not answered every case; a conflict counts as an answer", async () => {
    const w = await buildWorld();
    const english = await extraUser(w, { key: "kate", name: "Kate Committee", roles: ["COMMITTEE"], locale: "en", committee: true });
    const silent = await extraUser(w, { key: "sven", name: "Sven Tyst", roles: ["COMMITTEE"], committee: true });
    const gone = await extraUser(w, { key: "gunnar", name: "Gunnar Gått", roles: ["COMMITTEE"], committee: true, active: false });
    const { consultationId, applicationIds } = await openConsultation(w, { closesOn: "2031-10-15", cases: 2 });
    const [first, second] = applicationIds as [string, string];

    const before = at("2031-10-10", "09:00", "+02:00");
    await recordRecommendation(actorOf(w.users.committee), first, { kind: "APPROVE", comment: "Bra" }, before);
    await recordRecommendation(actorOf(w.users.committee), second, { kind: "CONFLICT" }, before);
    await recordRecommendation(actorOf(english), first, { kind: "REJECT", comment: "Nej" }, before);

    await queueDueReminders(at("2031-10-12", "09:00", "+02:00"));
    expect(await remindersOf({ consultationId })).toEqual([]);

    await queueDueReminders(at("2031-10-13", "09:00", "+02:00"));
    const rows = await remindersOf({ consultationId });
    const reminded = new Map(rows.map((r) => [r.userId, r]));
    expect(reminded.has(w.users.committee.id)).toBe(false);
    expect(reminded.has(gone.id)).toBe(false);
    expect(reminded.has(english.id)).toBe(true);
    expect(reminded.has(silent.id)).toBe(true);
    // Every other active member of the committee (other worlds' in this file) has answered nothing.
    const active = await db.committeeMember.count({ where: { municipalityId: w.municipality.id, user: { active: true } } });
    expect(rows).toHaveLength(active - 1);

    const kate = reminded.get(english.id)!;
    expect(kate).toMatchObject({ kind: "CONSULTATION_CLOSING", occasion: `consultation-closing:${consultationId}:${english.id}`, municipalityId: w.municipality.id });
    expect(kate.mails).toHaveLength(1);
    expect(kate.mails[0]).toMatchObject({
      to: [english.email],
      kind: "reminder.consultation-closing",
      applicationId: null,
      subject: "Reminder: the committee's consultation closes 2031-10-15",
    });
    expect(kate.mails[0]!.text).toContain("You have not yet answered 1 case.");
    expect(kate.mails[0]!.text).toContain(`${APP_URL}/committee`);
    const sven = reminded.get(silent.id)!;
    expect(sven.mails[0]).toMatchObject({ to: [silent.email], subject: "Påminnelse: samrådet med kommittén stänger 2031-10-15" });
    expect(sven.mails[0]!.text).toContain("Du har ännu inte svarat på 2 ärenden.");

    // Answering now changes nothing sent; on the closing date nobody gets a second one.
    await recordRecommendation(actorOf(silent), first, { kind: "ABSTAIN" }, at("2031-10-14", "09:00", "+02:00"));
    await queueDueReminders(at("2031-10-15", "20:00", "+02:00"));
    expect(await remindersOf({ consultationId })).toHaveLength(rows.length);
    await queueDueReminders(at("2031-10-16", "09:00", "+02:00"));
    expect(await remindersOf({ consultationId })).toHaveLength(rows.length);
  });

  it("skips a consultation closed early", async () => {
    const w = await buildWorld();
    const { consultationId } = await openConsultation(w, { closesOn: "2031-11-20", cases: 1 });
    await closeConsultationEarly(actorOf(w.users.coordinator), consultationId, "Alla har hörts på mötet.", at("2031-11-17"));
    await queueDueReminders(at("2031-11-18"));
    await queueDueReminders(at("2031-11-20"));
    expect(await remindersOf({ consultationId })).toEqual([]);
  });
});

describe("the annual report reminder", () => {
  it("goes out in January to verified associations with a grant whose report for the year just ended is missing", async () => {
    const w = await buildWorld();
    const english = await extraUser(w, { key: "erik", name: "Erik English", locale: "en", memberOf: w.associations.mine.id });
    const verified = (name: string) => verifiedAssociation(w, name);

    // Granted and paid in 2031, no report for 2031: reminded.
    await approvedGrant(w, { dueOn: "2031-07-31", associationId: w.associations.mine.id, decidedAt: at("2031-05-10"), paidAt: at("2031-06-01") });
    // Granted in 2031, its 2031 report handed in: on file.
    await approvedGrant(w, { dueOn: "2031-07-31", associationId: w.associations.other.id, decidedAt: at("2031-05-10"), paidAt: at("2031-06-01") });
    await annualReportOnFile(w, w.associations.other.id, 2031, "SUBMITTED");
    // Not verified: never.
    await approvedGrant(w, { dueOn: "2031-07-31", associationId: w.associations.pending.id, decidedAt: at("2031-05-10") });
    // Granted and paid in 2030 only: nothing to report for.
    const oldGrant = await verified("Gammalt bidrag");
    await approvedGrant(w, { dueOn: "2030-07-31", associationId: oldGrant.id, decidedAt: at("2030-05-10"), paidAt: at("2030-06-01") });
    // Granted in 2030 and still to be paid: the payout needs the 2031 report.
    const unpaid = await verified("Obetalt bidrag");
    await approvedGrant(w, { dueOn: "2030-07-31", associationId: unpaid.id, decidedAt: at("2030-05-10") });
    // The 2031 report was sent back: missing. Accepted for 2031: on file.
    const returned = await verified("Tillbakaskickad");
    await approvedGrant(w, { dueOn: "2031-07-31", associationId: returned.id, decidedAt: at("2031-05-10"), paidAt: at("2031-06-01") });
    await annualReportOnFile(w, returned.id, 2031, "RETURNED");
    const accepted = await verified("Godkänd");
    await approvedGrant(w, { dueOn: "2031-07-31", associationId: accepted.id, decidedAt: at("2031-05-10"), paidAt: at("2031-06-01") });
    await annualReportOnFile(w, accepted.id, 2031, "ACCEPTED");

    const ids = [w.associations.mine.id, w.associations.other.id, w.associations.pending.id, oldGrant.id, unpaid.id, returned.id, accepted.id];
    const annual = async () =>
      db.reminder.findMany({ where: { kind: "ANNUAL_REPORT_MISSING", associationId: { in: ids } }, include: { mails: true } });

    // 31 December, and 23:30 UTC on it, which is already 1 January in Sweden.
    await queueDueReminders(at("2031-12-31", "22:00"));
    expect(await annual()).toEqual([]);
    await queueDueReminders(new Date("2031-12-31T23:30:00Z"));
    const rows = await annual();
    expect(rows.map((r) => r.occasion).sort()).toEqual([w.associations.mine.id, unpaid.id, returned.id].map((id) => `annual-report:${id}:2031`).sort());

    const mine = rows.find((r) => r.associationId === w.associations.mine.id)!;
    expect(mine.municipalityId).toBe(w.municipality.id);
    const byRecipient = new Map(mine.mails.map((m) => [m.to.join(), m]));
    expect([...byRecipient.keys()].sort()).toEqual([english.email, w.users.applicant.email].sort());
    expect(byRecipient.get(w.users.applicant.email)).toMatchObject({
      kind: "reminder.annual-report-missing",
      applicationId: null,
      subject: `Påminnelse: verksamhetsberättelsen för 2031 från ${w.associations.mine.name}`,
    });
    expect(byRecipient.get(english.email)!.subject).toBe(`Reminder: the annual report for 2031 of ${w.associations.mine.name}`);
    expect(byRecipient.get(english.email)!.text).toContain(`${APP_URL}/associations/${w.associations.mine.id}/annual-reports`);

    // Later in January: nothing again; a report handed in meanwhile is on file anyway.
    await queueDueReminders(at("2032-01-20"));
    await queueDueReminders(at("2032-01-31", "23:00"));
    await queueDueReminders(at("2032-02-01"));
    expect(await annual()).toHaveLength(3);
  });
});
