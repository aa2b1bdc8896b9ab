// Follow-up reports through /api/v1's route handlers, against a real database:
// the member drafts, attaches a PDF and submits; the coordinator lists, returns
// with a comment and accepts; every operation from every role; another
// association's or municipality's report (404); bad input (422, 413); and the
// annual report's PDF, which the annual-report operations lacked.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import { routeCaller, type CallInit, type Result } from "../fixtures/api-routes";
import { withMailAndUploads } from "../fixtures/mail-and-uploads";
import { actorOf, buildWorld, MINIMAL_PDF, type World, type WorldUser } from "../fixtures/world";
import { approvedGrant, completeReport, ownAssociation } from "../fixtures/follow-up";
import { db } from "@/lib/db";
import { newApiToken } from "@/lib/auth/actor";
import { translate } from "@/lib/i18n/translate";
import { followUpOperations, FollowUpListSchema, FollowUpReportSchema } from "@/lib/api/operations/follow-up";
import type { acceptFollowUpReport, getFollowUpReport, listFollowUpReports, returnFollowUpReport, saveFollowUpDraft } from "@/lib/data/follow-up";
import { uploadAnnualReport } from "@/lib/data/annual-reports";
import { MAX_UPLOAD_BYTES, MULTIPART_OVERHEAD } from "@/lib/files/storage";
import { todayIn } from "@/lib/domain/dates";

import * as reportRoute from "@/app/api/v1/applications/[id]/report/route";
import * as submitRoute from "@/app/api/v1/applications/[id]/report/submit/route";
import * as acceptRoute from "@/app/api/v1/applications/[id]/report/accept/route";
import * as returnRoute from "@/app/api/v1/applications/[id]/report/return/route";
import * as attachmentsRoute from "@/app/api/v1/applications/[id]/report/attachments/route";
import * as attachmentRoute from "@/app/api/v1/applications/[id]/report/attachments/[fileId]/route";
import * as reportsRoute from "@/app/api/v1/reports/route";
import * as annualReportFileRoute from "@/app/api/v1/annual-reports/[id]/file/route";

// ---------------------------------------------------------------- the schemas mirror the services

expectTypeOf<z.output<typeof FollowUpReportSchema>>().toEqualTypeOf<Result<typeof getFollowUpReport>>();
expectTypeOf<z.output<typeof FollowUpReportSchema>>().toEqualTypeOf<Result<typeof saveFollowUpDraft>>();
expectTypeOf<z.output<typeof FollowUpReportSchema>>().toEqualTypeOf<Result<typeof acceptFollowUpReport>>();
expectTypeOf<z.output<typeof FollowUpReportSchema>>().toEqualTypeOf<Result<typeof returnFollowUpReport>>();
expectTypeOf<z.output<typeof FollowUpListSchema>>().toEqualTypeOf<Result<typeof listFollowUpReports>>();

// ---------------------------------------------------------------- calling the handlers

type Method = "GET" | "POST" | "PATCH" | "DELETE";

const HANDLERS = {
  getFollowUpReport: { method: "GET", path: "/applications/{id}/report", module: reportRoute },
  saveFollowUpReportDraft: { method: "PATCH", path: "/applications/{id}/report", module: reportRoute },
  submitFollowUpReport: { method: "POST", path: "/applications/{id}/report/submit", module: submitRoute },
  addFollowUpReportAttachment: { method: "POST", path: "/applications/{id}/report/attachments", module: attachmentsRoute },
  downloadFollowUpReportAttachment: { method: "GET", path: "/applications/{id}/report/attachments/{fileId}", module: attachmentRoute },
  removeFollowUpReportAttachment: { method: "DELETE", path: "/applications/{id}/report/attachments/{fileId}", module: attachmentRoute },
  acceptFollowUpReport: { method: "POST", path: "/applications/{id}/report/accept", module: acceptRoute },
  returnFollowUpReport: { method: "POST", path: "/applications/{id}/report/return", module: returnRoute },
  listFollowUpReports: { method: "GET", path: "/reports", module: reportsRoute },
  downloadAnnualReport: { method: "GET", path: "/annual-reports/{id}/file", module: annualReportFileRoute },
} satisfies Record<string, { method: Method; path: string; module: Record<string, unknown> }>;
type OperationId = keyof typeof HANDLERS;
const OPERATION_IDS = Object.keys(HANDLERS) as OperationId[];

const call = routeCaller(HANDLERS);

const NIL = "00000000-0000-4000-8000-000000000000";
const en = (key: string, vars?: Record<string, string | number>) => translate("en", key, vars);
const pdfForm = (name = "kvitton.pdf", bytes: Buffer = MINIMAL_PDF) => {
  const form = new FormData();
  form.append("file", new File([new Uint8Array(bytes)], name, { type: "application/pdf" }));
  return form;
};

// ---------------------------------------------------------------- setup

withMailAndUploads();
let world: World;
let outsider: WorldUser;
const today = todayIn(new Date());
/** A due date well ahead and one passed, whatever day the tests run. */
const AHEAD = `${Number(today.slice(0, 4)) + 1}-06-30`;
const PASSED = `${Number(today.slice(0, 4)) - 1}-06-30`;
const ENDED = `${Number(today.slice(0, 4)) - 1}-05-20`;

beforeAll(async () => {
  world = await buildWorld();
  const elsewhere = await db.municipality.create({
    data: { slug: `lulea-${world.u}`, name: "Luleå kommun", orgNumber: "212000-2627", decidingBody: "Kommunstyrelsen", contactName: "Samordnaren", contactEmail: "samordnare@lulea.example", contactPhone: "0920-45 30 00" },
  });
  const email = `lulea-samordnare.${world.u}@test.example`;
  const user = await db.user.create({ data: { email, name: "Olle Luleå", roles: ["COORDINATOR"], municipalityId: elsewhere.id } });
  const { token, hash, prefix } = newApiToken();
  await db.apiToken.create({ data: { userId: user.id, name: "test", tokenHash: hash, prefix } });
  outsider = { id: user.id, email, name: "Olle Luleå", roles: ["COORDINATOR"], municipalityId: elsewhere.id, token };
});

const tokenOf = (role: keyof World["users"]) => world.users[role].token;
/** A grant of the applicant's association whose activity has ended, with a report due ahead. */
const grant = (dueOn = AHEAD) => approvedGrant(world, { dueOn, startDate: `${ENDED.slice(0, 8)}15`, endDate: ENDED });
const report = () => completeReport(world, { startDate: `${ENDED.slice(0, 8)}15`, endDate: ENDED });

async function submitted(dueOn = AHEAD) {
  const g = await grant(dueOn);
  expect((await call("saveFollowUpReportDraft", { token: tokenOf("applicant"), params: { id: g.applicationId }, json: report() })).status).toBe(200);
  expect((await call("submitFollowUpReport", { token: tokenOf("applicant"), params: { id: g.applicationId } })).status).toBe(200);
  return g;
}

async function withFile() {
  const g = await grant();
  const res = await call("addFollowUpReportAttachment", { token: tokenOf("applicant"), params: { id: g.applicationId }, form: pdfForm() });
  expect(res.status).toBe(201);
  return { ...g, fileId: res.body.draft.attachments[0].id as string };
}

// ---------------------------------------------------------------- the whole flow

describe("a follow-up report through the API", () => {
  it("the member drafts, attaches and submits; the coordinator returns it with a comment; the member completes it; the coordinator accepts it", async () => {
    const member = tokenOf("applicant");
    const coord = tokenOf("coordinator");
    const g = await grant();
    const id = g.applicationId;

    const start = await call("getFollowUpReport", { token: member, params: { id } });
    expect(start.status).toBe(200);
    expect(FollowUpReportSchema.parse(start.body)).toEqual(start.body);
    expect(start.body).toMatchObject({ status: null, obligation: "OPEN", dueOn: AHEAD, canEdit: true, rounds: [], application: { id, caseNumber: g.caseNumber } });

    const bad = await call("saveFollowUpReportDraft", { token: member, params: { id }, json: { participantsTotal: "många", startDate: "15/6" } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields).toEqual({ participantsTotal: [en("validation.count.invalid")], startDate: [en("validation.date.format")] });
    const notJson = await reportRoute.PATCH(
      new NextRequest(`http://localhost:3000/api/v1/applications/${id}/report`, { method: "PATCH", headers: { authorization: `Bearer ${member}`, "content-type": "application/json" }, body: "{" }),
      { params: Promise.resolve({ id }) },
    );
    expect(notJson.status).toBe(422);

    const saved = await call("saveFollowUpReportDraft", { token: member, params: { id }, json: { summary: "Vi sjöng tillsammans." } });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ status: "DRAFT", draft: { summary: "Vi sjöng tillsammans." } });

    // Incomplete: each missing field named.
    const incomplete = await call("submitFollowUpReport", { token: member, params: { id } });
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.error.fields).toMatchObject({ "outcomes.0.text": [en("validation.required")], "outcomes.1.text": [en("validation.required")] });

    const attached = await call("addFollowUpReportAttachment", { token: member, params: { id }, form: pdfForm("deltagarlista.pdf") });
    expect(attached.status).toBe(201);
    expect(FollowUpReportSchema.parse(attached.body)).toEqual(attached.body);
    const fileId = attached.body.draft.attachments[0].id;
    const notPdf = await call("addFollowUpReportAttachment", { token: member, params: { id }, form: pdfForm("fel.pdf", Buffer.from("<html></html>")) });
    expect(notPdf.status).toBe(422);
    expect(notPdf.body.error.fields).toEqual({ file: [en("validation.file.notPdf")] });

    await call("saveFollowUpReportDraft", { token: member, params: { id }, json: report() });
    const first = await call("submitFollowUpReport", { token: member, params: { id } });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(FollowUpReportSchema.parse(first.body)).toEqual(first.body);
    expect(first.body).toMatchObject({ status: "SUBMITTED", obligation: "AWAITING_REVIEW", rounds: [{ round: 1, outcome: null, content: { attachments: [{ id: fileId, name: "deltagarlista.pdf" }] } }] });
    expect((await call("submitFollowUpReport", { token: member, params: { id } })).body.error).toEqual({ code: "CONFLICT", message: en("errors.followUp.notEditable") });

    // The coordinator finds it among those waiting for review.
    const waiting = await call("listFollowUpReports", { token: coord, query: { status: "AWAITING_REVIEW" } });
    expect(waiting.status).toBe(200);
    expect(FollowUpListSchema.parse(waiting.body)).toEqual(waiting.body);
    expect(waiting.body.items).toContainEqual({
      applicationId: id,
      caseNumber: g.caseNumber,
      title: g.title,
      association: { id: world.associations.mine.id, name: world.associations.mine.name },
      programYear: world.program.year,
      dueOn: AHEAD,
      status: "SUBMITTED",
      obligation: "AWAITING_REVIEW",
      rounds: 1,
      submittedAt: expect.any(String),
      acceptedAt: null,
    });
    const seen = await call("getFollowUpReport", { token: coord, params: { id } });
    expect(seen.body).toMatchObject({ draft: null, canReview: true });
    const file = await call("downloadFollowUpReportAttachment", { token: coord, params: { id, fileId } });
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(file.headers.get("content-disposition")).toMatch(/^attachment; filename="deltagarlista\.pdf"/);
    expect(file.bytes.equals(MINIMAL_PDF)).toBe(true);

    const noComment = await call("returnFollowUpReport", { token: coord, params: { id }, json: {} });
    expect(noComment.status).toBe(422);
    expect(noComment.body.error.fields).toEqual({ comment: [en("validation.required")] });
    const returned = await call("returnFollowUpReport", { token: coord, params: { id }, json: { comment: "Budgeten saknar kostnaden för bussen." } });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ status: "RETURNED", rounds: [{ outcome: "RETURNED", comment: "Budgeten saknar kostnaden för bussen." }] });
    expect(await db.outboxMail.findMany({ where: { applicationId: id }, select: { kind: true, to: true } })).toEqual([{ kind: "follow-up.returned", to: [world.users.applicant.email] }]);

    // The submitted attachment stays; the member completes and resubmits.
    const keep = await call("removeFollowUpReportAttachment", { token: member, params: { id, fileId } });
    expect(keep.status).toBe(409);
    expect(keep.body.error.message).toBe(en("errors.followUp.attachmentSubmitted"));
    await call("saveFollowUpReportDraft", { token: member, params: { id }, json: { costLines: [...report().costLines, { label: "Buss", amount: 3_000 }] } });
    const second = await call("submitFollowUpReport", { token: member, params: { id } });
    expect(second.body.rounds.map((r: { round: number; outcome: string | null }) => [r.round, r.outcome])).toEqual([
      [1, "RETURNED"],
      [2, null],
    ]);
    const accepted = await call("acceptFollowUpReport", { token: coord, params: { id } });
    expect(accepted.status).toBe(200);
    expect(FollowUpReportSchema.parse(accepted.body)).toEqual(accepted.body);
    expect(accepted.body).toMatchObject({ status: "ACCEPTED", obligation: "DONE", rounds: [{ outcome: "RETURNED" }, { outcome: "ACCEPTED" }] });
    expect((await call("acceptFollowUpReport", { token: coord, params: { id } })).body.error).toEqual({ code: "CONFLICT", message: en("errors.followUp.notAwaitingReview") });
    const done = await call("listFollowUpReports", { token: coord, query: { status: "DONE" } });
    expect(done.body.items.map((i: { applicationId: string }) => i.applicationId)).toContain(id);
  });

  it("names the overdue report when a new application is refused, in the caller's language", async () => {
    const { association, townId } = await ownAssociation(world, world.users.applicant);
    const late = await approvedGrant(world, { associationId: association.id, dueOn: PASSED });
    const draft = await db.application.create({
      data: {
        municipalityId: world.municipality.id,
        programYearId: world.program.id,
        associationId: association.id,
        partnerTownId: townId,
        grantKind: "ACTIVITY",
        title: "Nytt utbyte",
        purpose: "Syfte",
        description: "Beskrivning",
        startDate: new Date(`${world.program.year}-11-01`),
        endDate: new Date(`${world.program.year}-11-03`),
        participantsTotal: 10,
        participantsUnder26: 5,
        budgetLines: [{ label: "Resor", amount: 6_000 }],
        otherFunding: [],
        requestedAmount: 3_000,
        createdById: world.users.applicant.id,
        objectives: { create: { objectiveId: world.objectives[0]!.id } },
      },
    });
    const submit = (await import("@/app/api/v1/applications/[id]/submit/route")).POST;
    const refused = async (language: string) => {
      await db.programYear.update({ where: { id: world.program.id }, data: { blockOnOverdueReport: true } });
      try {
        const res = await submit(
          new NextRequest(`http://localhost:3000/api/v1/applications/${draft.id}/submit`, { method: "POST", headers: { authorization: `Bearer ${tokenOf("applicant")}`, "accept-language": language } }),
          { params: Promise.resolve({ id: draft.id }) },
        );
        return { status: res.status, body: await res.json() };
      } finally {
        await db.programYear.update({ where: { id: world.program.id }, data: { blockOnOverdueReport: false } });
      }
    };
    const english = await refused("en");
    expect(english.status).toBe(422);
    expect(english.body.error).toEqual({ code: "VALIDATION", message: en("errors.followUp.overdueBlocksSubmit", { caseNumber: late.caseNumber, dueOn: PASSED, count: 1 }) });
    expect(english.body.error.message).toContain(`${late.caseNumber} was due on ${PASSED}`);
    const swedish = await refused("sv");
    expect(swedish.body.error.message).toContain(`återrapport för ${late.caseNumber} skulle ha lämnats senast ${PASSED}`);
  });

  it("refuses a body larger than an attachment can be (413) and lists with a malformed filter (422)", async () => {
    const g = await grant();
    const big = Buffer.alloc(MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD + 1, 0x20);
    MINIMAL_PDF.copy(big);
    const res = await call("addFollowUpReportAttachment", { token: tokenOf("applicant"), params: { id: g.applicationId }, form: pdfForm("stor.pdf", big) });
    expect(res.status).toBe(413);
    expect(await db.storedFile.count({ where: { applicationId: g.applicationId } })).toBe(0);
    const list = await call("listFollowUpReports", { token: tokenOf("coordinator"), query: { status: "SENT", year: "i år" } });
    expect(list.status).toBe(422);
    expect(Object.keys(list.body.error.fields).sort()).toEqual(["status", "year"]);
  });
});

// ---------------------------------------------------------------- the annual report's PDF

describe("the annual report's PDF", () => {
  it("downloads for the association's member and the coordinator; to anyone else it does not exist", async () => {
    const { association } = await ownAssociation(world, world.users.applicant);
    const uploaded = await uploadAnnualReport(actorOf(world.users.applicant), association.id, {
      activityYear: Number(today.slice(0, 4)) - 1,
      file: { bytes: MINIMAL_PDF, name: "verksamhetsberättelse.pdf" },
    });
    for (const role of ["applicant", "coordinator"] as const) {
      const res = await call("downloadAnnualReport", { token: tokenOf(role), params: { id: uploaded.id } });
      expect(res.status, role).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/pdf");
      expect(res.headers.get("content-disposition")).toBe(`attachment; filename="verksamhetsber_ttelse.pdf"; filename*=UTF-8''verksamhetsber%C3%A4ttelse.pdf`);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.bytes.equals(MINIMAL_PDF)).toBe(true);
    }
    for (const token of [tokenOf("otherApplicant"), tokenOf("committee"), tokenOf("admin"), outsider.token]) {
      expect((await call("downloadAnnualReport", { token, params: { id: uploaded.id } })).status).toBe(404);
    }
    for (const id of [NIL, "not-a-uuid"]) expect((await call("downloadAnnualReport", { token: tokenOf("coordinator"), params: { id } })).status).toBe(404);
  });
});

// ---------------------------------------------------------------- authentication

describe("authentication", () => {
  it.each(OPERATION_IDS)("%s answers 401 without a token and with a bad one", async (operationId) => {
    for (const token of [undefined, "ub_not-a-real-token"]) {
      const res = await call(operationId, { token, params: { id: NIL, fileId: NIL } });
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
  // The association's members and the coordinator; to anyone else the report does not exist.
  getFollowUpReport: { setup: async () => ({ params: { id: (await grant()).applicationId } }), expect: only({ applicant: 200, coordinator: 200 }, 404) },
  // Writing is the association's: the coordinator does not reach the working copy either.
  saveFollowUpReportDraft: { setup: async () => ({ params: { id: (await grant()).applicationId }, json: { summary: "Ett utkast." } }), expect: only({ applicant: 200 }, 404) },
  submitFollowUpReport: {
    setup: async () => {
      const g = await grant();
      await call("saveFollowUpReportDraft", { token: tokenOf("applicant"), params: { id: g.applicationId }, json: report() });
      return { params: { id: g.applicationId } };
    },
    expect: only({ applicant: 200 }, 404),
  },
  addFollowUpReportAttachment: { setup: async () => ({ params: { id: (await grant()).applicationId }, form: pdfForm() }), expect: only({ applicant: 201 }, 404) },
  downloadFollowUpReportAttachment: {
    setup: async () => {
      const g = await withFile();
      return { params: { id: g.applicationId, fileId: g.fileId } };
    },
    expect: only({ applicant: 200, coordinator: 200 }, 404),
  },
  removeFollowUpReportAttachment: {
    setup: async () => {
      const g = await withFile();
      return { params: { id: g.applicationId, fileId: g.fileId } };
    },
    expect: only({ applicant: 200 }, 404),
  },
  // Reviewing is a permission: refused outright for everyone but the coordinator.
  acceptFollowUpReport: { setup: async () => ({ params: { id: (await submitted()).applicationId } }), expect: only({ coordinator: 200 }, 403) },
  returnFollowUpReport: {
    setup: async () => ({ params: { id: (await submitted()).applicationId }, json: { comment: "Deltagarlistan saknas." } }),
    expect: only({ coordinator: 200 }, 403),
  },
  listFollowUpReports: { setup: async () => ({ query: { status: "ALL" } }), expect: only({ coordinator: 200 }, 403) },
  downloadAnnualReport: {
    setup: async () => {
      const { association } = await ownAssociation(world, world.users.applicant);
      const r = await uploadAnnualReport(actorOf(world.users.applicant), association.id, { activityYear: Number(today.slice(0, 4)) - 1, file: { bytes: MINIMAL_PDF, name: "vb.pdf" } });
      return { params: { id: r.id } };
    },
    expect: only({ applicant: 200, coordinator: 200 }, 404),
  },
};

describe("every operation from every role", () => {
  it("covers every documented follow-up operation, with the paths and methods the handlers serve", () => {
    expect(Object.keys(MATRIX).sort()).toEqual(followUpOperations.map((o) => o.operationId).sort());
    for (const op of followUpOperations) {
      expect(HANDLERS[op.operationId as OperationId], op.operationId).toMatchObject({ method: op.method.toUpperCase(), path: op.path });
    }
  });

  const cells = OPERATION_IDS.flatMap((operationId) => ROLES.map((role) => [operationId, role, MATRIX[operationId].expect[role]] as const));
  it.each(cells)("%s as %s → %i", async (operationId, role, status) => {
    const init = await MATRIX[operationId].setup();
    const documented = followUpOperations.find((o) => o.operationId === operationId)!;
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
  it("another municipality's coordinator finds none of this municipality's reports and changes nothing", async () => {
    const g = await submitted();
    for (const [operationId, init] of [
      ["getFollowUpReport", { params: { id: g.applicationId } }],
      ["acceptFollowUpReport", { params: { id: g.applicationId } }],
      ["returnFollowUpReport", { params: { id: g.applicationId }, json: { comment: "Nej." } }],
    ] as [OperationId, CallInit][]) {
      const res = await call(operationId, { ...init, token: outsider.token });
      expect(res.status, operationId).toBe(404);
    }
    expect((await call("listFollowUpReports", { token: outsider.token, query: { status: "ALL" } })).body.items).toEqual([]);
    expect((await db.followUpReport.findUniqueOrThrow({ where: { applicationId: g.applicationId } })).status).toBe("SUBMITTED");
  });

  it("another association's member cannot reach the report's attachments, and ids that are not there are 404", async () => {
    const g = await withFile();
    const other = tokenOf("otherApplicant");
    expect((await call("downloadFollowUpReportAttachment", { token: other, params: { id: g.applicationId, fileId: g.fileId } })).status).toBe(404);
    expect((await call("removeFollowUpReportAttachment", { token: other, params: { id: g.applicationId, fileId: g.fileId } })).status).toBe(404);
    expect(await db.storedFile.count({ where: { id: g.fileId } })).toBe(1);
    for (const bad of ["not-a-uuid", "'; drop table \"FollowUpReport\"; --", NIL]) {
      for (const operationId of ["getFollowUpReport", "submitFollowUpReport", "acceptFollowUpReport"] as OperationId[]) {
        expect((await call(operationId, { token: tokenOf("coordinator"), params: { id: bad } })).status, `${operationId} ${bad}`).toBe(404);
      }
      expect((await call("downloadFollowUpReportAttachment", { token: tokenOf("applicant"), params: { id: g.applicationId, fileId: bad } })).status).toBe(404);
    }
    // A grant past its due date shows as overdue to the coordinator.
    const late = await grant(PASSED);
    const overdue = await call("listFollowUpReports", { token: tokenOf("coordinator"), query: { status: "OVERDUE", associationId: world.associations.mine.id } });
    expect(overdue.body.items.map((i: { applicationId: string }) => i.applicationId)).toContain(late.applicationId);
  });
});
