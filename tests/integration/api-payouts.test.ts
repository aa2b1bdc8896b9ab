// The payout step of /api/v1 through its route handlers, against a real
// database and a real SMTP catcher: annual reports handed in, sent back and
// accepted; payouts refused until the required year's report is accepted,
// then paid once; the finance department's CSV; the decision letter as a PDF;
// every operation from every role; another association's or municipality's
// rows (404) and bad input (422, 413).
import { beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import { routeCaller, type CallInit, type Result } from "../fixtures/api-routes";
import { withMailAndUploads } from "../fixtures/mail-and-uploads";
import { actorOf, buildWorld, completeDraft, MINIMAL_PDF, orgNumber, type World, type WorldUser } from "../fixtures/world";
import { db } from "@/lib/db";
import { newApiToken } from "@/lib/auth/actor";
import { translate } from "@/lib/i18n/translate";
import { payoutOperations } from "@/lib/api/operations/payouts";
import {
  ANNUAL_REPORT_FIRST_YEAR,
  AnnualReportListSchema,
  AnnualReportReviewedSchema,
  AnnualReportsToReviewSchema,
  AnnualReportUploadedSchema,
  PAYOUT_STATUS,
  PayoutApprovedSchema,
  PayoutListSchema,
} from "@/lib/api/payout-schemas";
import { createApplication, submitApplication, updateDraft } from "@/lib/data/applications";
import type { acceptAnnualReport, listAnnualReports, listAnnualReportsToReview, returnAnnualReport } from "@/lib/data/annual-reports";
import { ANNUAL_REPORT_FIRST_YEAR as SERVICE_FIRST_YEAR, uploadAnnualReport } from "@/lib/data/annual-reports";
import { closeConsultationEarly, startConsultation } from "@/lib/data/consultations";
import { decideActivityGrant } from "@/lib/data/decisions";
import { issuePendingLetters } from "@/lib/data/letters";
import type { approvePayout, listPayouts, PayoutStatus } from "@/lib/data/payouts";
import { MISSING_ANNUAL_REPORT_YEAR_FIELD, PAYOUT_CSV_HEADER, PAYOUT_STATUSES } from "@/lib/data/payouts";
import { mostRecentlyCompletedActivityYear } from "@/lib/domain/payout";
import { todayIn } from "@/lib/domain/dates";
import { MAX_UPLOAD_BYTES, MULTIPART_OVERHEAD } from "@/lib/files/storage";

import * as annualReportsRoute from "@/app/api/v1/associations/[id]/annual-reports/route";
import * as toReviewRoute from "@/app/api/v1/annual-reports/route";
import * as acceptRoute from "@/app/api/v1/annual-reports/[id]/accept/route";
import * as returnRoute from "@/app/api/v1/annual-reports/[id]/return/route";
import * as payoutRoute from "@/app/api/v1/decisions/[id]/payout/route";
import * as payoutsRoute from "@/app/api/v1/payouts/route";
import * as exportRoute from "@/app/api/v1/payouts/export/route";
import * as letterRoute from "@/app/api/v1/applications/[id]/decision/letter/route";

// ---------------------------------------------------------------- the schemas mirror the services

expectTypeOf<z.output<typeof AnnualReportUploadedSchema>>().toEqualTypeOf<Result<typeof uploadAnnualReport>>();
expectTypeOf<z.output<typeof AnnualReportListSchema>>().toEqualTypeOf<Result<typeof listAnnualReports>>();
expectTypeOf<z.output<typeof AnnualReportsToReviewSchema>>().toEqualTypeOf<Result<typeof listAnnualReportsToReview>>();
expectTypeOf<z.output<typeof AnnualReportReviewedSchema>>().toEqualTypeOf<Result<typeof acceptAnnualReport>>();
expectTypeOf<z.output<typeof AnnualReportReviewedSchema>>().toEqualTypeOf<Result<typeof returnAnnualReport>>();
expectTypeOf<z.output<typeof PayoutApprovedSchema>>().toEqualTypeOf<Result<typeof approvePayout>>();
expectTypeOf<z.output<typeof PayoutListSchema>>().toEqualTypeOf<Result<typeof listPayouts>>();
expectTypeOf<(typeof PAYOUT_STATUS)[number]>().toEqualTypeOf<PayoutStatus>();

// ---------------------------------------------------------------- calling the handlers

type Method = "GET" | "POST";

const HANDLERS = {
  listAnnualReports: { method: "GET", path: "/associations/{id}/annual-reports", module: annualReportsRoute },
  uploadAnnualReport: { method: "POST", path: "/associations/{id}/annual-reports", module: annualReportsRoute },
  listAnnualReportsToReview: { method: "GET", path: "/annual-reports", module: toReviewRoute },
  acceptAnnualReport: { method: "POST", path: "/annual-reports/{id}/accept", module: acceptRoute },
  returnAnnualReport: { method: "POST", path: "/annual-reports/{id}/return", module: returnRoute },
  approvePayout: { method: "POST", path: "/decisions/{id}/payout", module: payoutRoute },
  listPayouts: { method: "GET", path: "/payouts", module: payoutsRoute },
  exportPayouts: { method: "GET", path: "/payouts/export", module: exportRoute },
  downloadDecisionLetter: { method: "GET", path: "/applications/{id}/decision/letter", module: letterRoute },
} satisfies Record<string, { method: Method; path: string; module: Record<string, unknown> }>;
type OperationId = keyof typeof HANDLERS;
const OPERATION_IDS = Object.keys(HANDLERS) as OperationId[];

const call = routeCaller(HANDLERS);

const NIL = "00000000-0000-4000-8000-000000000000";
const FAR = "2099-12-31";
const REASON = "Beslutat enligt riktlinjerna för internationellt utbyte.";
const NOW = new Date();
const REQUIRED = mostRecentlyCompletedActivityYear(todayIn(NOW));
const PDF_MAGIC = "%PDF-";
const en = (key: string) => translate("en", key);

function pdf(name = "verksamhetsberattelse.pdf", bytes: Buffer = MINIMAL_PDF): File {
  return new File([new Uint8Array(bytes)], name, { type: "application/pdf" });
}

function uploadForm(fields: { activityYear?: string | null; file?: File | null } = {}): FormData {
  const form = new FormData();
  const activityYear = fields.activityYear === undefined ? String(REQUIRED) : fields.activityYear;
  const file = fields.file === undefined ? pdf() : fields.file;
  if (activityYear !== null) form.append("activityYear", activityYear);
  if (file) form.append("file", file);
  return form;
}

// ---------------------------------------------------------------- environment and setup through the services

withMailAndUploads();
let world: World;
/** Another municipality's coordinator. */
let outsider: WorldUser;

beforeAll(async () => {
  world = await buildWorld(NOW);
  const elsewhere = await db.municipality.create({
    data: {
      slug: `lulea-${world.u}`,
      name: "Luleå kommun",
      orgNumber: "212000-2627",
      decidingBody: "Kommunstyrelsen",
      contactName: "Samordnaren",
      contactEmail: "samordnare@lulea.example",
      contactPhone: "0920-45 30 00",
    },
  });
  const email = `lulea-samordnare.${world.u}@test.example`;
  const name = "Olle Luleå";
  const user = await db.user.create({ data: { email, name, roles: ["COORDINATOR"], municipalityId: elsewhere.id, emailVerified: NOW } });
  const { token, hash, prefix } = newApiToken();
  await db.apiToken.create({ data: { userId: user.id, name: "test", tokenHash: hash, prefix } });
  outsider = { id: user.id, email, name, roles: ["COORDINATOR"], municipalityId: elsewhere.id, token };
});

const coordinator = () => actorOf(world.users.coordinator);
const applicant = () => actorOf(world.users.applicant);
const tokenOf = (role: keyof World["users"]) => world.users[role].token;

/** A verified association with the applicant as its only member, so each test starts without annual reports. */
async function freshAssociation() {
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
      status: "VERIFIED",
      createdById: world.users.applicant.id,
      memberships: { create: { userId: world.users.applicant.id } },
    },
  });
}

/** A partner town of the association's own, so no test meets another's caps. */
async function freshTown(associationId: string) {
  const town = await db.partnerTown.create({ data: { municipalityId: world.municipality.id, name: `Ort ${crypto.randomUUID().slice(0, 8)}`, country: "Norge" } });
  await db.associationPartnerTown.create({ data: { associationId, partnerTownId: town.id } });
  return town.id;
}

async function submitted(associationId: string, requestedAmount = 5_000) {
  const draft = await createApplication(applicant(), { associationId, programYearId: world.program.id, grantKind: "ACTIVITY" });
  await updateDraft(applicant(), draft.id, completeDraft(world, { partnerTownId: await freshTown(associationId), requestedAmount }));
  await submitApplication(applicant(), draft.id);
  return draft.id;
}

/** An activity grant approved for the association (submit → consult → decide), its letter written as the worker writes it. */
async function granted(associationId: string, amount = 5_000) {
  const applicationId = await submitted(associationId, amount);
  const { id } = await startConsultation(coordinator(), { applicationIds: [applicationId], closesOn: FAR });
  await closeConsultationEarly(coordinator(), id, "Kommittén har samrått muntligt på sitt möte.");
  const decided = await decideActivityGrant(coordinator(), applicationId, { outcome: "APPROVED", amount, reason: REASON });
  await issuePendingLetters([decided.decisionId]);
  return { applicationId, decisionId: decided.decisionId };
}

/** The association's report for the year, handed in by its member; accepted by the coordinator unless told not to. */
async function handedIn(associationId: string, { accept = false, year = REQUIRED } = {}) {
  const report = await uploadAnnualReport(applicant(), associationId, { activityYear: year, file: { bytes: MINIMAL_PDF, name: "vb.pdf" } });
  if (accept) expect((await call("acceptAnnualReport", { token: tokenOf("coordinator"), params: { id: report.id } })).status).toBe(200);
  return report.id;
}

// ---------------------------------------------------------------- the whole flow

describe("from annual report to payout", () => {
  it("the member hands in, the coordinator sends back with a reason, the member hands in again, the coordinator accepts; then the grant is paid once", async () => {
    const member = tokenOf("applicant");
    const coord = tokenOf("coordinator");
    const association = await freshAssociation();
    const { applicationId, decisionId } = await granted(association.id);

    // No accepted report for the year just ended: refused, naming the year.
    const refused = await call("approvePayout", { token: coord, params: { id: decisionId } });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toEqual({
      code: "CONFLICT",
      message: en("errors.payout.ANNUAL_REPORT_MISSING"),
      fields: { [MISSING_ANNUAL_REPORT_YEAR_FIELD]: [String(REQUIRED)] },
    });

    const first = await call("uploadAnnualReport", { token: member, params: { id: association.id }, form: uploadForm() });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(AnnualReportUploadedSchema.parse(first.body)).toEqual(first.body);
    expect(first.body).toEqual({
      id: expect.any(String),
      activityYear: REQUIRED,
      status: "SUBMITTED",
      file: { id: expect.any(String), originalName: "verksamhetsberattelse.pdf", size: MINIMAL_PDF.length },
    });
    // One waiting for review: not another.
    const twice = await call("uploadAnnualReport", { token: member, params: { id: association.id }, form: uploadForm() });
    expect(twice.status).toBe(409);
    expect(twice.body.error.fields).toEqual({ activityYear: [en("validation.annualReport.awaitingReview")] });

    const toReview = await call("listAnnualReportsToReview", { token: coord, query: { status: "SUBMITTED" } });
    expect(toReview.status).toBe(200);
    expect(AnnualReportsToReviewSchema.parse(toReview.body)).toEqual(toReview.body);
    expect(toReview.body).toContainEqual({
      id: first.body.id,
      activityYear: REQUIRED,
      uploadedAt: expect.any(String),
      association: { id: association.id, name: association.name, orgNumber: association.orgNumber },
      file: first.body.file,
    });
    // Handed in but not accepted does not count.
    expect((await call("approvePayout", { token: coord, params: { id: decisionId } })).status).toBe(409);

    const short = await call("returnAnnualReport", { token: coord, params: { id: first.body.id }, json: { reason: "kort" } });
    expect(short.status).toBe(422);
    expect(short.body.error.fields).toEqual({ reason: [en("validation.reason.length")] });
    const returned = await call("returnAnnualReport", { token: coord, params: { id: first.body.id }, json: { reason: "Styrelsens underskrifter saknas." } });
    expect(returned.status).toBe(200);
    expect(AnnualReportReviewedSchema.parse(returned.body)).toEqual(returned.body);
    expect(returned.body).toEqual({ id: first.body.id, activityYear: REQUIRED, status: "RETURNED", returnReason: "Styrelsens underskrifter saknas." });
    expect((await call("acceptAnnualReport", { token: coord, params: { id: first.body.id } })).status).toBe(409);

    const mine = await call("listAnnualReports", { token: member, params: { id: association.id } });
    expect(mine.status).toBe(200);
    expect(AnnualReportListSchema.parse(mine.body)).toEqual(mine.body);
    expect(mine.body).toEqual({
      association: { id: association.id, name: association.name, status: "VERIFIED" },
      isMember: true,
      requiredYear: REQUIRED,
      requiredYearStatus: "RETURNED",
      reports: [
        {
          id: first.body.id,
          activityYear: REQUIRED,
          status: "RETURNED",
          returnReason: "Styrelsens underskrifter saknas.",
          uploadedAt: expect.any(String),
          reviewedAt: expect.any(String),
          file: first.body.file,
        },
      ],
    });

    const second = await call("uploadAnnualReport", { token: member, params: { id: association.id }, form: uploadForm({ file: pdf("ny-version.pdf") }) });
    expect(second.status).toBe(201);
    const accepted = await call("acceptAnnualReport", { token: coord, params: { id: second.body.id } });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ id: second.body.id, activityYear: REQUIRED, status: "ACCEPTED", returnReason: null });
    const seen = await call("listAnnualReports", { token: coord, params: { id: association.id } });
    expect(seen.body).toMatchObject({ isMember: false, requiredYearStatus: "ACCEPTED" });
    expect(seen.body.reports.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([
      [second.body.id, "ACCEPTED"],
      [first.body.id, "RETURNED"],
    ]);
    expect((await call("listAnnualReportsToReview", { token: coord })).body.map((r: { id: string }) => r.id)).not.toContain(second.body.id);

    const ready = await call("listPayouts", { token: coord, query: { year: String(world.program.year), status: "ready" } });
    expect(ready.status).toBe(200);
    expect(PayoutListSchema.parse(ready.body)).toEqual(ready.body);
    expect(ready.body.rows).toContainEqual({
      decisionId,
      applicationId,
      caseNumber: expect.any(String),
      association: { id: association.id, name: association.name, orgNumber: association.orgNumber, paymentMethod: "BANKGIRO", paymentAccount: "5050-1055" },
      amount: 5_000,
      decidedOn: todayIn(NOW),
      paidOn: null,
      annualReportAccepted: true,
      status: "ready",
    });

    const paid = await call("approvePayout", { token: coord, params: { id: decisionId } });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    expect(PayoutApprovedSchema.parse(paid.body)).toEqual(paid.body);
    expect(paid.body).toEqual({ decisionId, applicationId, amount: 5_000, paidAt: expect.any(String), annualReportYear: REQUIRED });
    expect(await db.decision.findUniqueOrThrow({ where: { id: decisionId } })).toMatchObject({ paidById: world.users.coordinator.id });

    // Paying twice is a conflict with the state, as the service says.
    const again = await call("approvePayout", { token: coord, params: { id: decisionId } });
    expect(again.status).toBe(409);
    expect(again.body.error).toEqual({ code: "CONFLICT", message: en("errors.payout.ALREADY_PAID") });
    expect(await db.auditEvent.count({ where: { entityId: applicationId, action: "application.payout-approved" } })).toBe(1);

    const paidList = await call("listPayouts", { token: coord, query: { year: String(world.program.year), status: "paid" } });
    expect(paidList.body.rows.find((r: { decisionId: string }) => r.decisionId === decisionId)).toMatchObject({ status: "paid", paidOn: todayIn(NOW) });
    const readyAfter = await call("listPayouts", { token: coord, query: { year: String(world.program.year), status: "ready" } });
    expect(readyAfter.body.rows.map((r: { decisionId: string }) => r.decisionId)).not.toContain(decisionId);
  });
});

// ---------------------------------------------------------------- uploads

describe("uploading an annual report", () => {
  it("refuses a file that is not a PDF, a missing file and an impossible year, each on its field", async () => {
    const association = await freshAssociation();
    const upload = (form: FormData) => call("uploadAnnualReport", { token: tokenOf("applicant"), params: { id: association.id }, form });

    const html = await upload(uploadForm({ file: new File(["<html>hej</html>"], "vb.pdf", { type: "application/pdf" }) }));
    expect(html.status).toBe(422);
    expect(html.body.error.fields).toEqual({ file: [en("validation.file.notPdf")] });
    expect((await upload(uploadForm({ file: null }))).body.error.fields).toEqual({ file: [en("validation.file.required")] });
    for (const year of [String(ANNUAL_REPORT_FIRST_YEAR - 1), String(Number(todayIn(NOW).slice(0, 4)) + 1), "20x5", null]) {
      const res = await upload(uploadForm({ activityYear: year }));
      expect(res.status, String(year)).toBe(422);
      expect(res.body.error.fields, String(year)).toEqual({ activityYear: [en("validation.annualReport.year")] });
    }
    expect(await db.annualReport.count({ where: { associationId: association.id } })).toBe(0);
    expect(ANNUAL_REPORT_FIRST_YEAR).toBe(SERVICE_FIRST_YEAR);
  });

  it("refuses a body larger than a file and its form can be, before reading it (413)", async () => {
    const association = await freshAssociation();
    const big = Buffer.alloc(MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD + 1, 0x20);
    MINIMAL_PDF.copy(big);
    const res = await call("uploadAnnualReport", { token: tokenOf("applicant"), params: { id: association.id }, form: uploadForm({ file: pdf("stor.pdf", big) }) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(await db.annualReport.count({ where: { associationId: association.id } })).toBe(0);
  });

  it("is 404 for another association's member and for ids that do not exist", async () => {
    const association = await freshAssociation();
    for (const [token, id] of [
      [tokenOf("otherApplicant"), association.id],
      [tokenOf("applicant"), NIL],
      [tokenOf("applicant"), "not-a-uuid"],
    ] as const) {
      const res = await call("uploadAnnualReport", { token, params: { id }, form: uploadForm() });
      expect(res.status, id).toBe(404);
      expect(res.body.error.code).toBe("NOT_FOUND");
    }
    expect(await db.annualReport.count({ where: { associationId: association.id } })).toBe(0);
  });
});

// ---------------------------------------------------------------- queries

describe("queries", () => {
  it("refuse a malformed year or status with the field named", async () => {
    const coord = tokenOf("coordinator");
    const list = await call("listPayouts", { token: coord, query: { year: "i år", status: "open" } });
    expect(list.status).toBe(422);
    expect(Object.keys(list.body.error.fields).sort()).toEqual(["status", "year"]);
    expect(Object.keys((await call("listPayouts", { token: coord })).body.error.fields)).toEqual(["year"]);
    expect(Object.keys((await call("exportPayouts", { token: coord, query: { year: "abc" } })).body.error.fields)).toEqual(["year"]);
    expect(Object.keys((await call("listAnnualReportsToReview", { token: coord, query: { status: "ACCEPTED" } })).body.error.fields)).toEqual(["status"]);
    for (const status of PAYOUT_STATUS) {
      expect((await call("listPayouts", { token: coord, query: { year: String(world.program.year), status } })).status, status).toBe(200);
    }
    expect([...PAYOUT_STATUS]).toEqual([...PAYOUT_STATUSES]);
  });
});

// ---------------------------------------------------------------- the CSV for the finance department

describe("the payout list as CSV", () => {
  it("downloads as a UTF-8 attachment with the header row and the grants whose payout is approved", async () => {
    const association = await freshAssociation();
    const { applicationId } = await granted(association.id, 2_500);
    await handedIn(association.id, { accept: true });
    const { caseNumber } = await db.application.findUniqueOrThrow({ where: { id: applicationId } });
    const decision = await db.decision.findFirstOrThrow({ where: { applicationId, supersededAt: null } });
    expect((await call("approvePayout", { token: tokenOf("coordinator"), params: { id: decision.id } })).status).toBe(200);

    const res = await call("exportPayouts", { token: tokenOf("coordinator"), query: { year: String(world.program.year) } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="utbetalningar-${world.program.year}.csv"`);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.bytes.subarray(3).toString("utf8").split("\r\n");
    expect(lines[0]).toBe(PAYOUT_CSV_HEADER.join(";"));
    expect(lines).toContain(`${caseNumber};${association.name};${association.orgNumber};Bankgiro 5050-1055;2500;${todayIn(NOW)}`);

    const empty = await call("exportPayouts", { token: tokenOf("coordinator"), query: { year: "1999" } });
    expect(empty.bytes.subarray(3).toString("utf8")).toBe(`${PAYOUT_CSV_HEADER.join(";")}\r\n`);
  });
});

// ---------------------------------------------------------------- the decision letter

describe("the decision letter", () => {
  it("downloads as a PDF for the association's member and the coordinator; another association's member gets 404", async () => {
    const association = await freshAssociation();
    const { applicationId, decisionId } = await granted(association.id);
    const { letterFileId } = await db.decision.findUniqueOrThrow({ where: { id: decisionId } });
    const stored = await db.storedFile.findUniqueOrThrow({ where: { id: letterFileId! } });

    for (const role of ["applicant", "coordinator"] as const) {
      const res = await call("downloadDecisionLetter", { token: tokenOf(role), params: { id: applicationId } });
      expect(res.status, role).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/pdf");
      expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="[^"]+\.pdf"; filename\*=UTF-8''/);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.bytes.subarray(0, PDF_MAGIC.length).toString("latin1")).toBe(PDF_MAGIC);
      expect(res.bytes.length).toBe(stored.size);
    }
    for (const role of ["otherApplicant", "committee", "admin"] as const) {
      const res = await call("downloadDecisionLetter", { token: tokenOf(role), params: { id: applicationId } });
      expect(res.status, role).toBe(404);
      expect(res.body.error.code).toBe("NOT_FOUND");
    }
  });

  it("is 404 before there is a decision, and for ids that are not applications", async () => {
    const association = await freshAssociation();
    const undecided = await submitted(association.id);
    for (const id of [undecided, NIL, "not-a-uuid"]) {
      for (const role of ["applicant", "coordinator"] as const) {
        expect((await call("downloadDecisionLetter", { token: tokenOf(role), params: { id } })).status, `${role} ${id}`).toBe(404);
      }
    }
  });
});

// ---------------------------------------------------------------- authentication

describe("authentication", () => {
  it.each(OPERATION_IDS)("%s answers 401 without a token and with a bad one", async (operationId) => {
    for (const token of [undefined, "ub_not-a-real-token"]) {
      const res = await call(operationId, { token, params: { id: NIL }, query: { year: "2026" } });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: { code: "UNAUTHENTICATED", message: expect.any(String) } });
      expect(res.headers.get("cache-control")).toBe("no-store");
    }
  });
});

// ---------------------------------------------------------------- every operation from every role

type Role = "applicant" | "otherApplicant" | "coordinator" | "committee" | "admin";
const ROLES: Role[] = ["applicant", "otherApplicant", "coordinator", "committee", "admin"];
type Case = { setup: () => Promise<CallInit>; expect: Record<Role, number> };
const only = (roles: Partial<Record<Role, number>>, others: number): Record<Role, number> => ({
  ...(Object.fromEntries(ROLES.map((r) => [r, others])) as Record<Role, number>),
  ...roles,
});

const MATRIX: Record<OperationId, Case> = {
  // The association's members and the coordinator of its municipality; to anyone else it does not exist.
  listAnnualReports: { setup: async () => ({ params: { id: (await freshAssociation()).id } }), expect: only({ applicant: 200, coordinator: 200 }, 404) },
  uploadAnnualReport: { setup: async () => ({ params: { id: (await freshAssociation()).id }, form: uploadForm() }), expect: only({ applicant: 201 }, 404) },
  listAnnualReportsToReview: { setup: async () => ({ query: { status: "SUBMITTED" } }), expect: only({ coordinator: 200 }, 403) },
  acceptAnnualReport: { setup: async () => ({ params: { id: await handedIn((await freshAssociation()).id) } }), expect: only({ coordinator: 200 }, 403) },
  returnAnnualReport: {
    setup: async () => ({ params: { id: await handedIn((await freshAssociation()).id) }, json: { reason: "Underskrift saknas på sista sidan." } }),
    expect: only({ coordinator: 200 }, 403),
  },
  approvePayout: {
    setup: async () => {
      const association = await freshAssociation();
      const { decisionId } = await granted(association.id, 1_000);
      await handedIn(association.id, { accept: true });
      return { params: { id: decisionId } };
    },
    expect: only({ coordinator: 200 }, 403),
  },
  listPayouts: { setup: async () => ({ query: { year: String(world.program.year) } }), expect: only({ coordinator: 200 }, 403) },
  exportPayouts: { setup: async () => ({ query: { year: String(world.program.year) } }), expect: only({ coordinator: 200 }, 403) },
  downloadDecisionLetter: {
    setup: async () => ({ params: { id: (await granted((await freshAssociation()).id, 1_000)).applicationId } }),
    expect: only({ applicant: 200, coordinator: 200 }, 404),
  },
};

describe("every operation from every role", () => {
  it("covers every documented payout operation, with the paths and methods the handlers serve", () => {
    expect(Object.keys(MATRIX).sort()).toEqual(payoutOperations.map((o) => o.operationId).sort());
    for (const op of payoutOperations) {
      expect(HANDLERS[op.operationId as OperationId], op.operationId).toMatchObject({ method: op.method.toUpperCase(), path: op.path });
      expect(op.tags).toEqual(["payouts"]);
    }
  });

  const cells = OPERATION_IDS.flatMap((operationId) => ROLES.map((role) => [operationId, role, MATRIX[operationId].expect[role]] as const));
  it.each(cells)("%s as %s → %i", async (operationId, role, status) => {
    const init = await MATRIX[operationId].setup();
    const documented = payoutOperations.find((o) => o.operationId === operationId)!;
    if (init.json !== undefined) expect(documented.requestBody!.safeParse(init.json).success, "the body is valid as documented").toBe(true);
    const res = await call(operationId, { ...init, token: tokenOf(role) });
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    if (status < 300) {
      expect(documented.successStatus ?? 200).toBe(status);
      if (documented.responseMediaType) expect(res.headers.get("content-type")).toMatch(new RegExp(`^${documented.responseMediaType}`));
      else expect(documented.response!.parse(res.body)).toEqual(res.body);
    } else {
      expect(documented.errors).toContain(status);
      expect(res.body.error).toEqual({ code: status === 403 ? "FORBIDDEN" : "NOT_FOUND", message: expect.any(String) });
    }
    expect(res.headers.get("cache-control")).toBe("no-store");
  });
});

// ---------------------------------------------------------------- rows outside the caller's scope

describe("rows outside the caller's scope", () => {
  it("another municipality's coordinator finds none of this municipality's reports, payouts or letters, and changes nothing", async () => {
    const association = await freshAssociation();
    const { applicationId, decisionId } = await granted(association.id);
    const toAccept = await handedIn(association.id);
    const calls: [OperationId, CallInit][] = [
      ["listAnnualReports", { params: { id: association.id } }],
      ["acceptAnnualReport", { params: { id: toAccept } }],
      ["returnAnnualReport", { params: { id: toAccept }, json: { reason: "Underskrift saknas." } }],
      ["approvePayout", { params: { id: decisionId } }],
      ["downloadDecisionLetter", { params: { id: applicationId } }],
    ];
    for (const [operationId, init] of calls) {
      const res = await call(operationId, { ...init, token: outsider.token });
      expect(res.status, operationId).toBe(404);
      expect(res.body.error.code).toBe("NOT_FOUND");
    }
    expect((await call("listAnnualReportsToReview", { token: outsider.token })).body).toEqual([]);
    expect((await call("listPayouts", { token: outsider.token, query: { year: String(world.program.year) } })).body.rows).toEqual([]);
    const csv = await call("exportPayouts", { token: outsider.token, query: { year: String(world.program.year) } });
    expect(csv.bytes.subarray(3).toString("utf8")).toBe(`${PAYOUT_CSV_HEADER.join(";")}\r\n`);
    expect(await db.annualReport.findUniqueOrThrow({ where: { id: toAccept } })).toMatchObject({ status: "SUBMITTED" });
    expect(await db.decision.findUniqueOrThrow({ where: { id: decisionId } })).toMatchObject({ paidAt: null });
  });

  it("are 404 for ids that are not UUIDs or do not exist", async () => {
    const byId: OperationId[] = ["listAnnualReports", "acceptAnnualReport", "returnAnnualReport", "approvePayout", "downloadDecisionLetter"];
    for (const bad of ["not-a-uuid", "'; drop table \"Decision\"; --", NIL]) {
      for (const operationId of byId) {
        const res = await call(operationId, { token: tokenOf("coordinator"), params: { id: bad }, json: operationId === "returnAnnualReport" ? { reason: "Underskrift saknas." } : undefined });
        expect(res.status, `${operationId} ${bad}`).toBe(404);
      }
    }
  });
});
