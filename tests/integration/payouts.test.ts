// Annual reports and payouts: a grant is paid only once the association's
// annual report for its most recently completed activity year is accepted
// (Piteå rule 6); paid once, with the date; listed for the finance department.
import { readdir, readFile } from "node:fs/promises";
import { createElement, type ComponentProps, type ReactNode } from "react";
import { NextRequest } from "next/server";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { ServiceError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { createApplication, submitApplication, updateDraft } from "@/lib/data/applications";
import { closeConsultationEarly, startConsultation } from "@/lib/data/consultations";
import { decideActivityGrant, decideBaseAllocation, reopenBaseAllocation } from "@/lib/data/decisions";
import { acceptAnnualReport, listAnnualReports, listAnnualReportsToReview, returnAnnualReport, uploadAnnualReport } from "@/lib/data/annual-reports";
import { approvePayout, csvCell, listPayouts, payoutListCsv } from "@/lib/data/payouts";
import { mostRecentlyCompletedActivityYear } from "@/lib/domain/payout";
import { todayIn } from "@/lib/domain/dates";
import { I18nProvider } from "@/components/i18n/provider";
import { en, sv } from "@/lib/i18n/messages";
import { withMailAndUploads } from "../fixtures/mail-and-uploads";
import { actorOf, buildWorld, completeDraft, MINIMAL_PDF, orgNumber, type World } from "../fixtures/world";

// The export route and the pages find their actor through the session, their locale in a cookie.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({
  getSessionActor: async () => session.actor,
  requireSessionActor: async () => {
    if (!session.actor) throw new Error("no actor");
    return session.actor;
  },
}));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));
vi.mock("next/navigation", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/navigation")>()),
  useRouter: () => ({ refresh: () => undefined, push: () => undefined }),
}));

import * as exportRoute from "@/app/coordinator/payouts/export/route";
import PayoutsPage from "@/app/coordinator/payouts/page";
import AnnualReportsPage from "@/app/associations/[id]/annual-reports/page";
import ReviewPage from "@/app/coordinator/annual-reports/page";

const env = withMailAndUploads();
let world: World;
/** A coordinator of another municipality, and an association there with a report waiting. */
let elsewhere: { coordinator: Actor; reportId: string; associationId: string };

const NOW = new Date();
const THIS_YEAR = Number(todayIn(NOW).slice(0, 4));
const REQUIRED = mostRecentlyCompletedActivityYear(todayIn(NOW));
const PDF = () => ({ bytes: MINIMAL_PDF, name: "verksamhetsberattelse.pdf" });

beforeAll(async () => {
  world = await buildWorld(NOW);
  const other = await db.municipality.create({
    data: {
      slug: `annan-${world.u}`,
      name: "Annan kommun",
      orgNumber: "212000-0001",
      decidingBody: "Kommunstyrelsen",
      contactName: "Samordnaren",
      contactEmail: "samordnare@annan.example",
      contactPhone: "010-100 00 00",
    },
  });
  const user = await db.user.create({
    data: { email: `samordnare.annan.${world.u}@test.example`, name: "Olle Annan", roles: ["COORDINATOR"], municipalityId: other.id, emailVerified: NOW },
  });
  const member = await db.user.create({ data: { email: `medlem.annan.${world.u}@test.example`, name: "Maja Annan", emailVerified: NOW } });
  const association = await db.association.create({
    data: {
      municipalityId: other.id,
      name: `Annan förening ${world.u}`,
      orgNumber: orgNumber(),
      streetAddress: "Gatan 2",
      postalCode: "100 00",
      city: "Annanstad",
      contactName: "Maja Annan",
      email: member.email,
      phone: "070-000 00 00",
      paymentMethod: "PLUSGIRO",
      paymentAccount: "4 10 54-8",
      status: "VERIFIED",
      createdById: member.id,
      memberships: { create: { userId: member.id } },
    },
  });
  const memberActor: Actor = { userId: member.id, email: member.email, name: member.name, roles: [], municipalityId: null, locale: "sv", via: "session" };
  const report = await uploadAnnualReport(memberActor, association.id, { activityYear: REQUIRED, file: PDF() }, NOW);
  elsewhere = {
    coordinator: { userId: user.id, email: user.email, name: user.name, roles: ["COORDINATOR"], municipalityId: other.id, locale: "sv", via: "session" },
    reportId: report.id,
    associationId: association.id,
  };
});

const coordinator = () => actorOf(world.users.coordinator);
const applicant = () => actorOf(world.users.applicant);
const ROLES = ["applicant", "otherApplicant", "coordinator", "committee", "admin"] as const;
type RoleName = (typeof ROLES)[number];

async function failure(fn: () => Promise<unknown>): Promise<{ code: string; key: string; fields: Record<string, string[]> }> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof ServiceError) return { code: error.code, key: error.messageKey, fields: error.fieldErrors ?? {} };
    throw error;
  }
  throw new Error("expected a refusal");
}

/** Resolves to "ok" or the refusal's code, for the permission tables. */
async function outcome(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
    return "ok";
  } catch (error) {
    if (error instanceof ServiceError) return error.code;
    throw error;
  }
}

/** A verified association of the world's municipality with the applicant as its member, so each test starts with no annual reports. */
async function freshAssociation(name = `Förening ${crypto.randomUUID().slice(0, 8)}`) {
  return db.association.create({
    data: {
      municipalityId: world.municipality.id,
      name,
      orgNumber: orgNumber(),
      streetAddress: "Storgatan 3",
      postalCode: "941 31",
      city: "Piteå",
      contactName: "Anna Andersson",
      email: world.users.applicant.email,
      phone: "070-123 45 67",
      paymentMethod: "BANKGIRO",
      paymentAccount: "5050-1055",
      status: "VERIFIED",
      createdById: world.users.applicant.id,
      memberships: { create: { userId: world.users.applicant.id } },
    },
  });
}

/** A partner town of its own for the association, so no test meets another's caps. */
async function freshTown(associationIds: string[]) {
  const town = await db.partnerTown.create({ data: { municipalityId: world.municipality.id, name: `Ort ${crypto.randomUUID().slice(0, 8)}`, country: "Norge" } });
  await db.associationPartnerTown.createMany({ data: associationIds.map((associationId) => ({ associationId, partnerTownId: town.id })) });
  return town.id;
}

/** Puts the applications to the committee and closes the consultation early with a reason. */
async function consulted(ids: string[]) {
  const { id } = await startConsultation(coordinator(), { applicationIds: ids, closesOn: "2099-12-31" });
  await closeConsultationEarly(coordinator(), id, "Kommittén har samrått muntligt på sitt möte.");
}

async function submitted(associationId: string, grantKind: "BASE" | "ACTIVITY", partnerTownId: string, requestedAmount: number) {
  const draft = await createApplication(applicant(), { associationId, programYearId: world.program.id, grantKind });
  await updateDraft(applicant(), draft.id, completeDraft(world, { partnerTownId, requestedAmount }));
  await submitApplication(applicant(), draft.id);
  return draft.id;
}

/** An activity grant approved for the association: submit → consult → decide. */
async function granted(associationId: string, amount = 5_000) {
  const applicationId = await submitted(associationId, "ACTIVITY", await freshTown([associationId]), amount);
  await consulted([applicationId]);
  const decided = await decideActivityGrant(coordinator(), applicationId, { outcome: "APPROVED", amount, reason: "Uppfyller riktlinjerna." });
  return { applicationId, decisionId: decided.decisionId };
}

/** The association's report for the year, uploaded by its member and accepted by the coordinator. */
async function acceptedReport(associationId: string, year = REQUIRED) {
  const report = await uploadAnnualReport(applicant(), associationId, { activityYear: year, file: PDF() }, NOW);
  await acceptAnnualReport(coordinator(), report.id, NOW);
  return report.id;
}

describe("annual reports", () => {
  it("are handed in by a member, sent back with a reason, handed in again and accepted; an accepted year stays", async () => {
    const association = await freshAssociation();
    const first = await uploadAnnualReport(applicant(), association.id, { activityYear: String(REQUIRED), file: PDF() }, NOW);
    expect(first).toMatchObject({ activityYear: REQUIRED, status: "SUBMITTED", file: { originalName: "verksamhetsberattelse.pdf" } });
    expect(await db.storedFile.findUnique({ where: { id: first.file.id } })).toMatchObject({ kind: "ANNUAL_REPORT", associationId: association.id });

    const waiting = await failure(() => uploadAnnualReport(applicant(), association.id, { activityYear: REQUIRED, file: PDF() }, NOW));
    expect(waiting).toMatchObject({ code: "CONFLICT", fields: { activityYear: ["validation.annualReport.awaitingReview"] } });

    expect((await failure(() => returnAnnualReport(coordinator(), first.id, "kort", NOW))).fields.reason).toEqual(["validation.reason.length"]);
    await returnAnnualReport(coordinator(), first.id, "Styrelsens underskrifter saknas.", NOW);
    const afterReturn = await listAnnualReports(applicant(), association.id, NOW);
    expect(afterReturn).toMatchObject({ requiredYear: REQUIRED, requiredYearStatus: "RETURNED", isMember: true });
    expect(afterReturn.reports).toEqual([expect.objectContaining({ id: first.id, status: "RETURNED", returnReason: "Styrelsens underskrifter saknas." })]);
    expect((await failure(() => acceptAnnualReport(coordinator(), first.id, NOW))).key).toBe("errors.annualReport.alreadyReviewed");

    const second = await uploadAnnualReport(applicant(), association.id, { activityYear: REQUIRED, file: PDF() }, NOW);
    const listed = await listAnnualReports(coordinator(), association.id, NOW);
    expect(listed.isMember).toBe(false);
    expect(listed.reports.map((r) => [r.id, r.status])).toEqual([
      [second.id, "SUBMITTED"],
      [first.id, "RETURNED"],
    ]);
    expect(listed.requiredYearStatus).toBe("SUBMITTED");
    expect((await listAnnualReportsToReview(coordinator())).map((r) => r.id)).toContain(second.id);

    await acceptAnnualReport(coordinator(), second.id, NOW);
    expect((await listAnnualReports(applicant(), association.id, NOW)).requiredYearStatus).toBe("ACCEPTED");
    expect((await listAnnualReportsToReview(coordinator())).map((r) => r.id)).not.toContain(second.id);
    expect((await failure(() => returnAnnualReport(coordinator(), second.id, "Fel fil, ladda upp igen.", NOW))).key).toBe("errors.annualReport.alreadyReviewed");
    const replace = await failure(() => uploadAnnualReport(applicant(), association.id, { activityYear: REQUIRED, file: PDF() }, NOW));
    expect(replace).toMatchObject({ code: "CONFLICT", key: "errors.annualReport.alreadyAccepted", fields: { activityYear: ["validation.annualReport.alreadyAccepted"] } });
    // Refused uploads leave no file behind: every file on disk has its row.
    const keys = new Set((await db.storedFile.findMany({ select: { storageKey: true } })).map((f) => f.storageKey));
    expect((await readdir(env.uploads)).filter((name) => !keys.has(name))).toEqual([]);
  });

  it("take a sane year and a PDF, with the error on the field", async () => {
    const association = await freshAssociation();
    for (const year of [1999, THIS_YEAR + 1, "20x5", "", "  ", 2020.5, null]) {
      const refused = await failure(() => uploadAnnualReport(applicant(), association.id, { activityYear: year, file: PDF() }, NOW));
      expect(refused, String(year)).toMatchObject({ code: "VALIDATION", fields: { activityYear: ["validation.annualReport.year"] } });
    }
    expect((await failure(() => uploadAnnualReport(applicant(), association.id, { activityYear: REQUIRED, file: null }, NOW))).fields).toEqual({ file: ["validation.file.required"] });
    const notPdf = await failure(() => uploadAnnualReport(applicant(), association.id, { activityYear: REQUIRED, file: { bytes: Buffer.from("<html>"), name: "x.pdf" } }, NOW));
    expect(notPdf.fields).toEqual({ file: ["validation.file.notPdf"] });
    await expect(uploadAnnualReport(applicant(), association.id, { activityYear: 2000, file: PDF() }, NOW)).resolves.toMatchObject({ activityYear: 2000 });
    await expect(uploadAnnualReport(applicant(), association.id, { activityYear: THIS_YEAR, file: PDF() }, NOW)).resolves.toMatchObject({ activityYear: THIS_YEAR });
    expect(await db.annualReport.count({ where: { associationId: association.id } })).toBe(2);
  });

  it("are handed in for one year once when two uploads race", async () => {
    const association = await freshAssociation();
    const results = await Promise.allSettled([1, 2, 3].map(() => uploadAnnualReport(applicant(), association.id, { activityYear: REQUIRED, file: PDF() }, NOW)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.annualReport.count({ where: { associationId: association.id } })).toBe(1);
  });

  it("write audit rows with the state before and after", async () => {
    const association = await freshAssociation();
    const first = await uploadAnnualReport(applicant(), association.id, { activityYear: REQUIRED, file: PDF() }, NOW);
    await returnAnnualReport(coordinator(), first.id, "Årsmötesprotokollet saknas.", NOW);
    const second = await uploadAnnualReport(applicant(), association.id, { activityYear: REQUIRED, file: PDF() }, NOW);
    await acceptAnnualReport(coordinator(), second.id, NOW);
    const events = await db.auditEvent.findMany({ where: { entityType: "AnnualReport", entityId: { in: [first.id, second.id] } }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.entityId, e.action, e.actorId])).toEqual([
      [first.id, "annual-report.uploaded", world.users.applicant.id],
      [first.id, "annual-report.returned", world.users.coordinator.id],
      [second.id, "annual-report.uploaded", world.users.applicant.id],
      [second.id, "annual-report.accepted", world.users.coordinator.id],
    ]);
    expect(events.every((e) => e.municipalityId === world.municipality.id)).toBe(true);
    expect(events[1]).toMatchObject({ before: { status: "SUBMITTED", returnReason: null }, after: { status: "RETURNED", returnReason: "Årsmötesprotokollet saknas." } });
    expect(events[2]).toMatchObject({ before: { id: first.id, status: "RETURNED" }, after: { status: "SUBMITTED", activityYear: REQUIRED } });
    expect(events[3]).toMatchObject({ before: { status: "SUBMITTED" }, after: { status: "ACCEPTED" } });
  });

  it("answer each role as the permission table says; another association's or municipality's rows are not found", async () => {
    const mine = world.associations.mine.id;
    const expected: Record<string, Record<RoleName, string>> = {
      upload: { applicant: "ok", otherApplicant: "NOT_FOUND", coordinator: "NOT_FOUND", committee: "NOT_FOUND", admin: "NOT_FOUND" },
      list: { applicant: "ok", otherApplicant: "NOT_FOUND", coordinator: "ok", committee: "NOT_FOUND", admin: "NOT_FOUND" },
      toReview: { applicant: "FORBIDDEN", otherApplicant: "FORBIDDEN", coordinator: "ok", committee: "FORBIDDEN", admin: "FORBIDDEN" },
      accept: { applicant: "FORBIDDEN", otherApplicant: "FORBIDDEN", coordinator: "ok", committee: "FORBIDDEN", admin: "FORBIDDEN" },
      return: { applicant: "FORBIDDEN", otherApplicant: "FORBIDDEN", coordinator: "ok", committee: "FORBIDDEN", admin: "FORBIDDEN" },
    };
    const year = { value: 2000 };
    for (const role of ROLES) {
      const actor = actorOf(world.users[role]);
      // Each role gets reports of its own to review, so one role's success never hides another's refusal.
      const toAccept = await uploadAnnualReport(applicant(), mine, { activityYear: ++year.value, file: PDF() }, NOW);
      const toReturn = await uploadAnnualReport(applicant(), mine, { activityYear: ++year.value, file: PDF() }, NOW);
      const got = {
        upload: await outcome(() => uploadAnnualReport(actor, mine, { activityYear: ++year.value, file: PDF() }, NOW)),
        list: await outcome(() => listAnnualReports(actor, mine, NOW)),
        toReview: await outcome(() => listAnnualReportsToReview(actor)),
        accept: await outcome(() => acceptAnnualReport(actor, toAccept.id, NOW)),
        return: await outcome(() => returnAnnualReport(actor, toReturn.id, "Underskrift saknas på sista sidan.", NOW)),
      };
      for (const [fn, byRole] of Object.entries(expected)) expect(got[fn as keyof typeof got], `${fn} as ${role}`).toBe(byRole[role]);
    }
    // The other municipality's coordinator finds none of this municipality's reports, nor the other way round.
    const ours = await uploadAnnualReport(applicant(), mine, { activityYear: ++year.value, file: PDF() }, NOW);
    expect(await outcome(() => acceptAnnualReport(elsewhere.coordinator, ours.id, NOW))).toBe("NOT_FOUND");
    expect(await outcome(() => returnAnnualReport(elsewhere.coordinator, ours.id, "Underskrift saknas.", NOW))).toBe("NOT_FOUND");
    expect(await outcome(() => listAnnualReports(elsewhere.coordinator, mine, NOW))).toBe("NOT_FOUND");
    expect((await listAnnualReportsToReview(elsewhere.coordinator)).map((r) => r.id)).toEqual([elsewhere.reportId]);
    expect((await listAnnualReportsToReview(coordinator())).map((r) => r.id)).not.toContain(elsewhere.reportId);
    expect(await outcome(() => acceptAnnualReport(coordinator(), elsewhere.reportId, NOW))).toBe("NOT_FOUND");
    expect(await outcome(() => listAnnualReports(coordinator(), elsewhere.associationId, NOW))).toBe("NOT_FOUND");
    expect(await outcome(() => acceptAnnualReport(coordinator(), "not-a-uuid", NOW))).toBe("NOT_FOUND");
    expect(await outcome(() => acceptAnnualReport(coordinator(), crypto.randomUUID(), NOW))).toBe("NOT_FOUND");
    expect(await db.annualReport.findUnique({ where: { id: elsewhere.reportId } })).toMatchObject({ status: "SUBMITTED" });
  });
});

describe("payout", () => {
  it("is refused naming the missing year until that year's report is accepted, then recorded with its date, once", async () => {
    const association = await freshAssociation();
    const { applicationId, decisionId } = await granted(association.id);
    const missing = { code: "CONFLICT", key: "errors.payout.ANNUAL_REPORT_MISSING", fields: { annualReportYear: [String(REQUIRED)] } };
    expect(await failure(() => approvePayout(coordinator(), decisionId, NOW))).toEqual(missing);

    // Another year's accepted report does not count.
    await acceptedReport(association.id, REQUIRED - 1);
    expect(await failure(() => approvePayout(coordinator(), decisionId, NOW))).toEqual(missing);
    // Handed in but not reviewed does not count.
    const report = await uploadAnnualReport(applicant(), association.id, { activityYear: REQUIRED, file: PDF() }, NOW);
    expect(await failure(() => approvePayout(coordinator(), decisionId, NOW))).toEqual(missing);
    expect((await listPayouts(coordinator(), { year: world.program.year }, NOW)).rows.find((r) => r.decisionId === decisionId)).toMatchObject({
      status: "blocked",
      annualReportAccepted: false,
      paidOn: null,
    });
    // Sent back does not count.
    await returnAnnualReport(coordinator(), report.id, "Fel år på försättsbladet.", NOW);
    expect(await failure(() => approvePayout(coordinator(), decisionId, NOW))).toEqual(missing);
    expect(await db.decision.findUnique({ where: { id: decisionId } })).toMatchObject({ paidAt: null, paidById: null });

    await acceptedReport(association.id, REQUIRED);
    expect((await listPayouts(coordinator(), { year: world.program.year, status: "ready" }, NOW)).rows.map((r) => r.decisionId)).toContain(decisionId);
    const paid = await approvePayout(coordinator(), decisionId, NOW);
    expect(paid).toMatchObject({ decisionId, applicationId, amount: 5_000, annualReportYear: REQUIRED });
    expect(await db.decision.findUnique({ where: { id: decisionId } })).toMatchObject({ paidAt: NOW, paidById: world.users.coordinator.id });
    const listed = await listPayouts(coordinator(), { year: world.program.year, status: "paid" }, NOW);
    expect(listed.rows.find((r) => r.decisionId === decisionId)).toMatchObject({ status: "paid", paidOn: todayIn(NOW), amount: 5_000 });
    expect((await listPayouts(coordinator(), { year: world.program.year, status: "ready" }, NOW)).rows.map((r) => r.decisionId)).not.toContain(decisionId);

    expect(await failure(() => approvePayout(coordinator(), decisionId, NOW))).toMatchObject({ code: "CONFLICT", key: "errors.payout.ALREADY_PAID" });
    const events = await db.auditEvent.findMany({ where: { entityType: "Application", entityId: applicationId, action: "application.payout-approved" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: world.users.coordinator.id,
      municipalityId: world.municipality.id,
      before: { decisionId, paidAt: null },
      after: { decisionId, amount: 5_000, paidAt: NOW.toISOString(), annualReportYear: REQUIRED, paymentMethod: "BANKGIRO", paymentAccount: "5050-1055" },
    });
  });

  it("needs the year that ended before the payout day, in Swedish time", async () => {
    const association = await freshAssociation();
    const { decisionId } = await granted(association.id);
    await acceptedReport(association.id, THIS_YEAR - 1);
    // 31 December 23:30 UTC is already 1 January in Sweden: the year just ended is needed.
    const newYearInSweden = new Date(`${THIS_YEAR}-12-31T23:30:00.000Z`);
    expect((await failure(() => approvePayout(coordinator(), decisionId, newYearInSweden))).fields).toEqual({ annualReportYear: [String(THIS_YEAR)] });
    await expect(approvePayout(coordinator(), decisionId, new Date(`${THIS_YEAR}-12-31T12:00:00.000Z`))).resolves.toMatchObject({ annualReportYear: THIS_YEAR - 1 });
  });

  it("pays only a current approval with an amount, of the coordinator's municipality", async () => {
    const association = await freshAssociation();
    await acceptedReport(association.id);
    const rejectedId = await submitted(association.id, "ACTIVITY", await freshTown([association.id]), 4_000);
    await consulted([rejectedId]);
    const rejected = await decideActivityGrant(coordinator(), rejectedId, { outcome: "REJECTED", reason: "Finansieras redan av regionen." });
    expect((await failure(() => approvePayout(coordinator(), rejected.decisionId, NOW))).key).toBe("errors.payout.NOT_APPROVED");

    // A reopened base-grant allocation: its decisions are superseded and cannot be paid.
    const town = await freshTown([association.id]);
    const baseId = await submitted(association.id, "BASE", town, 10_000);
    await consulted([baseId]);
    const allocation = await decideBaseAllocation(coordinator(), { programYearId: world.program.id, partnerTownId: town, approve: [baseId], reject: [] });
    const superseded = allocation.decisions[0]!.decisionId;
    await reopenBaseAllocation(coordinator(), allocation.allocationId, "Fel andel beräknades i första beslutet.");
    expect((await failure(() => approvePayout(coordinator(), superseded, NOW))).key).toBe("errors.payout.NOT_APPROVED");
    expect((await listPayouts(coordinator(), { year: world.program.year }, NOW)).rows.map((r) => r.decisionId)).not.toContain(superseded);

    // The new allocation's decision is paid; after that the allocation cannot be reopened.
    const again = await decideBaseAllocation(coordinator(), { programYearId: world.program.id, partnerTownId: town, approve: [baseId], reject: [] });
    await approvePayout(coordinator(), again.decisions[0]!.decisionId, NOW);
    expect((await failure(() => reopenBaseAllocation(coordinator(), again.allocationId, "Ändrad fördelning efter utbetalning."))).key).toBe("errors.decision.allocationPaid");

    const { decisionId } = await granted(association.id);
    expect(await outcome(() => approvePayout(elsewhere.coordinator, decisionId, NOW))).toBe("NOT_FOUND");
    expect(await outcome(() => approvePayout(coordinator(), crypto.randomUUID(), NOW))).toBe("NOT_FOUND");
    expect(await outcome(() => approvePayout(coordinator(), "1; drop table", NOW))).toBe("NOT_FOUND");
    expect((await listPayouts(elsewhere.coordinator, { year: world.program.year }, NOW)).rows).toEqual([]);
    expect(await db.decision.findUnique({ where: { id: decisionId } })).toMatchObject({ paidAt: null });
  });

  it("of one decision by two coordinators at once happens exactly once", async () => {
    const association = await freshAssociation();
    const { applicationId, decisionId } = await granted(association.id);
    await acceptedReport(association.id);
    const results = await Promise.allSettled([1, 2, 3, 4].map(() => approvePayout(coordinator(), decisionId, NOW)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "CONFLICT", messageKey: "errors.payout.ALREADY_PAID" });
    expect(await db.auditEvent.count({ where: { entityId: applicationId, action: "application.payout-approved" } })).toBe(1);
  });

  it("and reopening a base-grant allocation at once: never a paid decision superseded", async () => {
    const association = await freshAssociation();
    await acceptedReport(association.id);
    for (let i = 0; i < 3; i++) {
      const town = await freshTown([association.id]);
      const id = await submitted(association.id, "BASE", town, 10_000);
      await consulted([id]);
      const allocation = await decideBaseAllocation(coordinator(), { programYearId: world.program.id, partnerTownId: town, approve: [id], reject: [] });
      const decisionId = allocation.decisions[0]!.decisionId;
      const [paid, reopened] = await Promise.allSettled([
        approvePayout(coordinator(), decisionId, NOW),
        reopenBaseAllocation(coordinator(), allocation.allocationId, "Fördelningen behöver göras om."),
      ]);
      expect([paid.status, reopened.status].filter((s) => s === "fulfilled")).toHaveLength(1);
      const decision = await db.decision.findUniqueOrThrow({ where: { id: decisionId } });
      expect(decision.paidAt !== null && decision.supersededAt !== null).toBe(false);
    }
  });

  it("functions answer each role as the permission table says", async () => {
    const association = await freshAssociation();
    await acceptedReport(association.id);
    for (const role of ROLES) {
      const actor = actorOf(world.users[role]);
      const { decisionId } = await granted(association.id, 1_000);
      const expectedCode = role === "coordinator" ? "ok" : "FORBIDDEN";
      expect(await outcome(() => approvePayout(actor, decisionId, NOW)), `approvePayout as ${role}`).toBe(expectedCode);
      expect(await outcome(() => listPayouts(actor, { year: world.program.year }, NOW)), `listPayouts as ${role}`).toBe(expectedCode);
      expect(await outcome(() => payoutListCsv(actor, { year: world.program.year }, NOW)), `payoutListCsv as ${role}`).toBe(expectedCode);
      expect((await db.decision.findUniqueOrThrow({ where: { id: decisionId } })).paidAt !== null, role).toBe(role === "coordinator");
    }
  });
});

describe("the payout list for the finance department", () => {
  it("escapes every cell and guards against formulas", () => {
    expect(csvCell("Vänorten Grindavík")).toBe("Vänorten Grindavík");
    expect(csvCell('Säg "hej"')).toBe('"Säg ""hej"""');
    expect(csvCell("A;B")).toBe('"A;B"');
    expect(csvCell("Rad 1\r\nRad 2")).toBe('"Rad 1\r\nRad 2"');
    expect(csvCell(" mellanslag")).toBe('" mellanslag"');
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(csvCell(`${start}1+1`).replace(/^"/, "")).toMatch(/^'/);
    expect(csvCell('=HYPERLINK("http://evil.example","Klicka")')).toBe('"\'=HYPERLINK(""http://evil.example"",""Klicka"")"');
    expect(csvCell(9_000)).toBe("9000");
  });

  it("holds the year's grants whose payout the coordinator approved, in Swedish Excel's format", async () => {
    const names = ['Föreningen "Vänskap"; Piteå', '=HYPERLINK("http://evil.example","Klicka")', "+46 Vänner", "-Minus", "@Snabel", "Rad ett\nRad två"];
    const ready: { name: string; caseNumber: string; org: string }[] = [];
    for (const name of names) {
      const association = await freshAssociation(name);
      const { applicationId } = await granted(association.id, 2_500);
      await acceptedReport(association.id);
      const app = await db.application.findUniqueOrThrow({ where: { id: applicationId } });
      await approvePayout(coordinator(), (await db.decision.findFirstOrThrow({ where: { applicationId, supersededAt: null } })).id, NOW);
      ready.push({ name, caseNumber: app.caseNumber!, org: association.orgNumber });
    }
    const blocked = await freshAssociation("Utan berättelse");
    const blockedGrant = await granted(blocked.id);
    // Ready, but the coordinator has not approved its payout: finance must not see it.
    const notApprovedAssociation = await freshAssociation("Inte godkänd än");
    const paidGrant = await granted(notApprovedAssociation.id);
    await acceptedReport(notApprovedAssociation.id);

    const csv = await payoutListCsv(coordinator(), { year: world.program.year }, NOW);
    expect(csv.startsWith("\uFEFFDiarienummer;Förening;Organisationsnummer;Bankgiro/Plusgiro;Belopp;Beslutsdatum\r\n")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    const expectedName: Record<string, string> = {
      [names[0]!]: '"Föreningen ""Vänskap""; Piteå"',
      [names[1]!]: '"\'=HYPERLINK(""http://evil.example"",""Klicka"")"',
      [names[2]!]: "'+46 Vänner",
      [names[3]!]: "'-Minus",
      [names[4]!]: "'@Snabel",
      [names[5]!]: '"Rad ett\nRad två"',
    };
    for (const r of ready) {
      expect(csv, r.name).toContain(`${r.caseNumber};${expectedName[r.name]};${r.org};Bankgiro 5050-1055;2500;${todayIn(NOW)}\r\n`);
    }
    const blockedCase = (await db.application.findUniqueOrThrow({ where: { id: blockedGrant.applicationId } })).caseNumber!;
    const paidCase = (await db.application.findUniqueOrThrow({ where: { id: paidGrant.applicationId } })).caseNumber!;
    expect(csv).not.toContain(blockedCase);
    expect(csv).not.toContain(paidCase);
    // No other year's grants, and nothing for a year without a program.
    expect((await payoutListCsv(coordinator(), { year: 1999 }, NOW)).split("\r\n")).toEqual(["\uFEFFDiarienummer;Förening;Organisationsnummer;Bankgiro/Plusgiro;Belopp;Beslutsdatum", ""]);
  });

  it("downloads as a CSV attachment for the coordinator only; anyone else gets 404", async () => {
    const get = (year: string) => exportRoute.GET(new NextRequest(`http://localhost:3000/coordinator/payouts/export?year=${year}`));

    session.actor = coordinator();
    const res = await get(String(world.program.year));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="utbetalningar-${world.program.year}.csv"`);
    expect(res.headers.get("cache-control")).toContain("no-store");
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect((await get("abc")).status).toBe(404);

    for (const role of ["applicant", "otherApplicant", "committee", "admin"] as const) {
      session.actor = actorOf(world.users[role]);
      expect((await get(String(world.program.year))).status, role).toBe(404);
    }
    session.actor = null;
    expect((await get(String(world.program.year))).status).toBe(404);
  });
});

describe("the pages", () => {
  const render = async (node: Promise<ReactNode>) => {
    const props = { locale: "sv", messages: sv } as ComponentProps<typeof I18nProvider>;
    return renderToStaticMarkup(createElement(I18nProvider, props, await node));
  };

  it("payouts: a blocked grant names the year whose annual report is missing; ready ones have the button; cells carry their labels", async () => {
    const association = await freshAssociation("Sidans förening");
    await granted(association.id);
    session.actor = coordinator();
    const html = await render(PayoutsPage({ searchParams: Promise.resolve({ year: String(world.program.year) }) }));
    expect(html.match(/<h1/g)).toHaveLength(1);
    expect(html).toContain(`Verksamhetsberättelsen för ${REQUIRED} är inte godkänd.`);
    expect(html).toContain("Godkänn utbetalning");
    expect(html).toContain(`href="/coordinator/payouts/export?year=${world.program.year}"`);
    expect(html).toMatch(/<table class="stack">/);
    expect(html).toMatch(/<div class="table-wrap" role="region" aria-label="[^"]+" tabindex="0">/);
    for (const label of ["Diarienummer", "Förening", "Organisationsnummer", "Bankgiro/plusgiro", "Belopp", "Beslutsdatum", "Status", "Utbetalning"]) {
      expect(html).toContain(`data-label="${label}"`);
    }
  });

  it("annual reports: the member sees the upload form and the returned report's reason; another association's member gets 404", async () => {
    const association = await freshAssociation();
    const report = await uploadAnnualReport(applicant(), association.id, { activityYear: REQUIRED, file: PDF() }, NOW);
    await returnAnnualReport(coordinator(), report.id, "Sidorna två och tre saknas.", NOW);
    session.actor = applicant();
    const html = await render(AnnualReportsPage({ params: Promise.resolve({ id: association.id }) }));
    expect(html.match(/<h1/g)).toHaveLength(1);
    expect(html).toContain("Sidorna två och tre saknas.");
    expect(html).toContain('type="file"');
    expect(html).toContain(`href="/files/${report.file.id}"`);

    session.actor = coordinator();
    expect(await render(AnnualReportsPage({ params: Promise.resolve({ id: association.id }) }))).not.toContain('type="file"');
    session.actor = actorOf(world.users.otherApplicant);
    await expect(render(AnnualReportsPage({ params: Promise.resolve({ id: association.id }) }))).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK|NEXT_NOT_FOUND/);
  });

  it("annual reports to review: the coordinator gets download links and the review buttons; other roles get 404", async () => {
    const association = await freshAssociation("Granskningsföreningen");
    const report = await uploadAnnualReport(applicant(), association.id, { activityYear: REQUIRED, file: PDF() }, NOW);
    session.actor = coordinator();
    const html = await render(ReviewPage());
    expect(html.match(/<h1/g)).toHaveLength(1);
    expect(html).toContain(`href="/files/${report.file.id}"`);
    expect(html).toContain(`aria-label="Godkänn verksamhetsberättelsen för ${REQUIRED} från Granskningsföreningen"`);
    for (const role of ["applicant", "committee", "admin"] as const) {
      session.actor = actorOf(world.users[role]);
      await expect(render(ReviewPage()), role).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK|NEXT_NOT_FOUND/);
      await expect(render(PayoutsPage({ searchParams: Promise.resolve({}) })), role).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK|NEXT_NOT_FOUND/);
    }
  });
});

describe("texts", () => {
  it("exist in Swedish and English for every key the services raise", async () => {
    const keys = new Set<string>(["errors.payout.NOT_APPROVED", "errors.payout.NOTHING_TO_PAY", "errors.payout.ALREADY_PAID", "errors.payout.ANNUAL_REPORT_MISSING"]);
    for (const file of ["lib/data/annual-reports.ts", "lib/data/payouts.ts"]) {
      for (const m of (await readFile(file, "utf8")).matchAll(/"((?:errors|validation)\.[A-Za-z0-9.]+)"/g)) keys.add(m[1]!);
    }
    expect(keys.size).toBeGreaterThan(8);
    expect([...keys].filter((k) => !(k in sv) || !(k in en))).toEqual([]);
  });
});
