// The coordinator's start page: each count moves when the thing it counts
// happens (through the services where they exist), only the coordinator sees
// it, another municipality's rows never count, and the page shows the day's
// work first with kind zero states.
import { createElement, type ComponentProps, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { ServiceError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { createApplication, submitApplication, updateDraft } from "@/lib/data/applications";
import { verifyAssociation } from "@/lib/data/associations";
import { closeConsultationEarly, recordRecommendation, startConsultation } from "@/lib/data/consultations";
import { decideActivityGrant } from "@/lib/data/decisions";
import { acceptAnnualReport, uploadAnnualReport } from "@/lib/data/annual-reports";
import { approvePayout } from "@/lib/data/payouts";
import { getDashboard, type Dashboard } from "@/lib/data/dashboard";
import { mostRecentlyCompletedActivityYear } from "@/lib/domain/payout";
import { todayIn } from "@/lib/domain/dates";
import { I18nProvider } from "@/components/i18n/provider";
import { sv } from "@/lib/i18n/messages";
import { withMailAndUploads } from "../fixtures/mail-and-uploads";
import { actorOf, buildWorld, completeDraft, MINIMAL_PDF, orgNumber, type World } from "../fixtures/world";
import { buildElsewhere, insertApprovedGrant, insertFollowUpReport, type Elsewhere } from "../fixtures/overview";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({
  getSessionActor: async () => session.actor,
  requireSessionActor: async () => {
    if (!session.actor) throw new Error("no actor");
    return session.actor;
  },
}));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));

import StartPage from "@/app/coordinator/page";

withMailAndUploads();
let world: World;
let elsewhere: Elsewhere;
const NOW = new Date();
const REQUIRED = mostRecentlyCompletedActivityYear(todayIn(NOW));
const PDF = () => ({ bytes: MINIMAL_PDF, name: "verksamhetsberattelse.pdf" });

beforeAll(async () => {
  world = await buildWorld(NOW);
  elsewhere = await buildElsewhere(NOW);
});

const coordinator = () => actorOf(world.users.coordinator);
const applicant = () => actorOf(world.users.applicant);
const dashboard = (now = NOW) => getDashboard(coordinator(), now);

/** How each count moved between two readings. */
function moved(before: Dashboard, after: Dashboard) {
  return {
    associationsToVerify: after.associationsToVerify - before.associationsToVerify,
    applicationsToConsult: after.applicationsToConsult - before.applicationsToConsult,
    consultationsReady: after.consultationsReady - before.consultationsReady,
    reportsToReview: after.reportsToReview - before.reportsToReview,
    annualReportsToReview: after.annualReportsToReview - before.annualReportsToReview,
    payoutsReady: after.payoutsReady.count - before.payoutsReady.count,
    payoutsReadyAmount: after.payoutsReady.amount - before.payoutsReady.amount,
    overdueReports: after.overdueReports - before.overdueReports,
    missingAnnualReports: after.missingAnnualReports.associations - before.missingAnnualReports.associations,
    missingHandedIn: after.missingAnnualReports.handedIn - before.missingAnnualReports.handedIn,
    unreadMessages: after.unreadMessages - before.unreadMessages,
    failedMails: after.failedMails - before.failedMails,
  };
}
const NONE = {
  associationsToVerify: 0,
  applicationsToConsult: 0,
  consultationsReady: 0,
  reportsToReview: 0,
  annualReportsToReview: 0,
  payoutsReady: 0,
  payoutsReadyAmount: 0,
  overdueReports: 0,
  missingAnnualReports: 0,
  missingHandedIn: 0,
  unreadMessages: 0,
  failedMails: 0,
};

async function step<T>(action: () => Promise<T>, now = NOW): Promise<{ result: T; change: ReturnType<typeof moved> }> {
  const before = await dashboard(now);
  const result = await action();
  return { result, change: moved(before, await dashboard(now)) };
}

async function freshAssociation(status: "PENDING" | "VERIFIED" = "VERIFIED") {
  return db.association.create({
    data: {
      municipalityId: world.municipality.id,
      name: `Förening ${crypto.randomUUID().slice(0, 8)}`,
      orgNumber: orgNumber(),
      streetAddress: "Storgatan 3",
      postalCode: "941 31",
      city: "Piteå",
      contactName: "Anna Andersson",
      email: world.users.applicant.email,
      phone: "070-123 45 67",
      paymentMethod: "BANKGIRO",
      paymentAccount: "5050-1055",
      status,
      createdById: world.users.applicant.id,
      memberships: { create: { userId: world.users.applicant.id } },
    },
  });
}

async function freshTown(associationId: string) {
  const town = await db.partnerTown.create({ data: { municipalityId: world.municipality.id, name: `Ort ${crypto.randomUUID().slice(0, 8)}`, country: "Norge" } });
  await db.associationPartnerTown.create({ data: { associationId, partnerTownId: town.id } });
  return town.id;
}

async function submitted(associationId: string, amount = 5_000) {
  const draft = await createApplication(applicant(), { associationId, programYearId: world.program.id, grantKind: "ACTIVITY" });
  await updateDraft(applicant(), draft.id, completeDraft(world, { partnerTownId: await freshTown(associationId), requestedAmount: amount }));
  await submitApplication(applicant(), draft.id);
  return draft.id;
}

describe("the start page's counts", () => {
  it("associations to verify: up when one registers, down when the coordinator verifies it", async () => {
    const registered = await step(() => freshAssociation("PENDING"));
    expect(registered.change).toEqual({ ...NONE, associationsToVerify: 1 });
    expect((await step(() => verifyAssociation(coordinator(), registered.result.id))).change).toEqual({ ...NONE, associationsToVerify: -1 });
  });

  it("applications to put to the committee, then consultations ready: open until closed early, then decided", async () => {
    const association = await freshAssociation();
    const sent = await step(() => submitted(association.id));
    expect(sent.change).toEqual({ ...NONE, applicationsToConsult: 1 });
    const applicationId = sent.result;

    const put = await step(() => startConsultation(coordinator(), { applicationIds: [applicationId], closesOn: "2099-12-31" }));
    expect(put.change).toEqual({ ...NONE, applicationsToConsult: -1 });

    const closed = await step(() => closeConsultationEarly(coordinator(), put.result.id, "Kommittén har samrått muntligt på sitt möte."));
    expect(closed.change).toEqual({ ...NONE, consultationsReady: 1 });

    // Deciding takes it off the list; the grant now waits for the annual report, and
    // its report is due a month after the activity's last day (completeDraft: June 17).
    const decided = await step(() => decideActivityGrant(coordinator(), applicationId, { outcome: "APPROVED", amount: 5_000, reason: "Uppfyller riktlinjerna." }));
    const overdueAlready = todayIn(NOW) > `${world.program.year}-07-17` ? 1 : 0;
    expect(decided.change).toEqual({ ...NONE, consultationsReady: -1, missingAnnualReports: 1, overdueReports: overdueAlready });
  });

  it("consultations ready: when every member has answered, and when the closing day has passed", async () => {
    const association = await freshAssociation();
    const answered = await submitted(association.id);
    const put = await startConsultation(coordinator(), { applicationIds: [answered], closesOn: "2099-12-31" });
    // The file's committee is the world's one member (each buildWorld adds one).
    const members = await db.committeeMember.findMany({ where: { municipalityId: world.municipality.id, user: { active: true } }, select: { userId: true } });
    expect(members.map((m) => m.userId)).toEqual([world.users.committee.id]);
    const recommended = await step(() => recordRecommendation(actorOf(world.users.committee), answered, { kind: "APPROVE", comment: "Bra." }));
    expect(recommended.change).toEqual({ ...NONE, consultationsReady: 1 });
    expect(put.cases).toEqual([answered]);

    const waiting = await submitted(association.id);
    const closesOn = todayIn(new Date(NOW.getTime() + 3 * 86_400_000));
    await startConsultation(coordinator(), { applicationIds: [waiting], closesOn });
    const onTheDay = new Date(`${closesOn}T12:00:00+01:00`);
    const dayAfter = new Date(onTheDay.getTime() + 86_400_000);
    expect((await dashboard(dayAfter)).consultationsReady - (await dashboard(onTheDay)).consultationsReady).toBe(1);
  });

  it("missing annual report, handed in, accepted: the payout becomes ready, and paying it takes it off", async () => {
    const association = await freshAssociation();
    const grant = await step(() => insertApprovedGrant(world, { associationId: association.id, amount: 4_000, reportDueOn: "2099-12-31" }));
    expect(grant.change).toEqual({ ...NONE, missingAnnualReports: 1 });

    const handedIn = await step(() => uploadAnnualReport(applicant(), association.id, { activityYear: REQUIRED, file: PDF() }, NOW));
    expect(handedIn.change).toEqual({ ...NONE, annualReportsToReview: 1, missingHandedIn: 1 });

    const accepted = await step(() => acceptAnnualReport(coordinator(), handedIn.result.id, NOW));
    expect(accepted.change).toEqual({ ...NONE, annualReportsToReview: -1, missingAnnualReports: -1, missingHandedIn: -1, payoutsReady: 1, payoutsReadyAmount: 4_000 });
    const d = await dashboard();
    expect(d.payoutsReady.byYear).toContainEqual(expect.objectContaining({ year: world.program.year }));
    expect(d.missingAnnualReports.year).toBe(REQUIRED);

    const paid = await step(() => approvePayout(coordinator(), grant.result.decisionId, NOW));
    expect(paid.change).toEqual({ ...NONE, payoutsReady: -1, payoutsReadyAmount: -4_000 });
  });

  it("a grant of another year with its annual report missing shows under its own year, counted once per association", async () => {
    const association = await freshAssociation();
    const before = await dashboard();
    await insertApprovedGrant(world, { associationId: association.id, amount: 1_000, programYearId: world.closedProgram.id });
    await insertApprovedGrant(world, { associationId: association.id, amount: 2_000 });
    const after = await dashboard();
    expect(after.missingAnnualReports.associations - before.missingAnnualReports.associations).toBe(1);
    const count = (d: Dashboard, year: number) => d.missingAnnualReports.byYear.find((y) => y.year === year)?.associations ?? 0;
    expect(count(after, world.closedProgram.year) - count(before, world.closedProgram.year)).toBe(1);
    expect(count(after, world.program.year) - count(before, world.program.year)).toBe(1);
  });

  it("follow-up reports: overdue after the due day while it is the association's turn; awaiting review once submitted", async () => {
    const association = await freshAssociation();
    const dueOn = "2031-03-31";
    const onTheDay = new Date("2031-03-31T12:00:00+02:00");
    const dayAfter = new Date("2031-04-01T12:00:00+02:00");
    const grant = await insertApprovedGrant(world, { associationId: association.id, amount: 3_000, reportDueOn: dueOn });
    const overdue = async () => (await dashboard(dayAfter)).overdueReports - (await dashboard(onTheDay)).overdueReports;
    expect(await overdue()).toBe(1);

    // The count reads only applications whose report is not settled; the database keeps that mark from the report.
    const settled = async () => (await db.application.findUniqueOrThrow({ where: { id: grant.applicationId }, select: { reportSettled: true } })).reportSettled;
    expect(await settled()).toBe(false);

    await insertFollowUpReport(world, grant.applicationId, { status: "DRAFT" });
    expect(await overdue()).toBe(1);
    expect(await settled()).toBe(false);

    const submittedReport = await step(() => insertFollowUpReport(world, grant.applicationId, { status: "SUBMITTED" }), dayAfter);
    expect(submittedReport.change).toEqual({ ...NONE, reportsToReview: 1, overdueReports: -1 });
    expect(await settled()).toBe(true);

    const returned = await step(() => insertFollowUpReport(world, grant.applicationId, { status: "RETURNED" }), dayAfter);
    expect(returned.change).toEqual({ ...NONE, reportsToReview: -1, overdueReports: 1 });
    expect(await settled()).toBe(false);

    const accepted = await step(() => insertFollowUpReport(world, grant.applicationId, { status: "ACCEPTED" }), dayAfter);
    expect(accepted.change).toEqual({ ...NONE, overdueReports: -1 });
    expect(await settled()).toBe(true);

    // A report taken away (as a database administrator might): the obligation is open again.
    const removed = await step(() => db.followUpReport.delete({ where: { applicationId: grant.applicationId } }), dayAfter);
    expect(removed.change).toEqual({ ...NONE, overdueReports: 1 });
    expect(await settled()).toBe(false);
  });

  it("unread messages: up when an association writes, down when the coordinator reads it", async () => {
    const sent = await step(() =>
      db.message.create({ data: { municipalityId: world.municipality.id, authorId: world.users.applicant.id, body: "Hej! En fråga om vår ansökan." } }),
    );
    expect(sent.change).toEqual({ ...NONE, unreadMessages: 1 });
    const read = await step(() => db.message.update({ where: { id: sent.result.id }, data: { readAt: NOW, readById: world.users.coordinator.id } }));
    expect(read.change).toEqual({ ...NONE, unreadMessages: -1 });
  });

  it("mails that failed: up when the outbox gives up on one, down when it is sent again", async () => {
    const failed = await step(() =>
      db.outboxMail.create({
        data: { municipalityId: world.municipality.id, kind: "test.failed", to: ["nobody@example.invalid"], subject: "Test", text: "Test", html: "<p>Test</p>", status: "FAILED", attempts: 5 },
      }),
    );
    expect(failed.change).toEqual({ ...NONE, failedMails: 1 });
    const resent = await step(() => db.outboxMail.update({ where: { id: failed.result.id }, data: { status: "SENT", sentAt: NOW } }));
    expect(resent.change).toEqual({ ...NONE, failedMails: -1 });
  });

  it("count only the coordinator's own municipality", async () => {
    const theirs = await getDashboard(elsewhere.coordinator, NOW);
    expect(theirs).toMatchObject({ associationsToVerify: 1, applicationsToConsult: 0, consultationsReady: 0, overdueReports: 0, unreadMessages: 0, failedMails: 0 });
    await freshAssociation("PENDING");
    await insertApprovedGrant(world, { associationId: (await freshAssociation()).id, amount: 1_000 });
    expect(await getDashboard(elsewhere.coordinator, NOW)).toEqual(theirs);
    const ours = await dashboard();
    expect(ours.associationsToVerify).toBeGreaterThanOrEqual(1);
  });

  it("are the coordinator's alone", async () => {
    for (const role of ["applicant", "committee", "admin"] as const) {
      await expect(getDashboard(actorOf(world.users[role]), NOW), role).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const noMunicipality: Actor = { ...coordinator(), municipalityId: null };
    await expect(getDashboard(noMunicipality, NOW)).rejects.toBeInstanceOf(ServiceError);
  });
});

describe("the start page", () => {
  const render = async (node: Promise<ReactNode>) => {
    const props = { locale: "sv", messages: sv } as ComponentProps<typeof I18nProvider>;
    return renderToStaticMarkup(createElement(I18nProvider, props, await node));
  };

  it("lists what waits with its count and link first, the rest as nothing to do, then the tools", async () => {
    session.actor = coordinator();
    const d = await dashboard();
    const html = await render(StartPage());
    expect(html.match(/<h1/g)).toHaveLength(1);
    expect(html).toContain("Dagens arbete");
    expect(d.associationsToVerify).toBeGreaterThan(0);
    expect(html).toMatch(new RegExp(`<a class="work-link" href="/coordinator/associations"><span class="work-count">${d.associationsToVerify}</span>`));
    // The waiting list comes before the "nothing waiting" list and the tools.
    const waiting = html.indexOf('class="work-list"');
    expect(waiting).toBeGreaterThan(-1);
    expect(waiting).toBeLessThan(html.indexOf("Verktyg"));
    expect(html).toContain('href="/coordinator/queue"');
    expect(html).toContain('href="/coordinator/figures"');
    expect(html).toContain('href="/coordinator/audit"');
  });

  it("says kindly when nothing waits", async () => {
    session.actor = elsewhere.coordinator;
    await verifyAssociation(elsewhere.coordinator, elsewhere.associationId);
    const html = await render(StartPage());
    expect(html).toContain("Allt är gjort – inget väntar på dig i dag.");
    expect(html).not.toContain('class="work-list"');
  });

  it("is not found for anyone but the coordinator", async () => {
    for (const role of ["applicant", "committee", "admin"] as const) {
      session.actor = actorOf(world.users[role]);
      await expect(render(StartPage()), role).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK|NEXT_NOT_FOUND/);
    }
    session.actor = null;
    await expect(render(StartPage())).rejects.toThrow(/NEXT_REDIRECT/);
  });
});
