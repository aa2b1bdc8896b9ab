// /api/v1 through its route handlers, against a real database and a real
// SMTP catcher: authentication, the applicant's journey, scoping (another
// association's rows are 404), the coordinator's queue and decisions, every
// operation from every role, and the OpenAPI document against the route files.
import { readdir } from "node:fs/promises";
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import { routeCaller, type CallInit, type Json, type Reply, type Result } from "../fixtures/api-routes";
import { withMailAndUploads } from "../fixtures/mail-and-uploads";
import { db } from "@/lib/db";
import { buildOpenApi } from "@/lib/api/openapi";
import { publicOperations } from "@/lib/api/operations/public";
import {
  ApplicationListItemSchema,
  ApplicationViewSchema,
  AssociationDecisionSchema,
  AssociationDetailSchema,
  AssociationSchema,
  GrantLimitSchema,
  InvitationCreatedSchema,
  ObjectiveSchema,
  PartnerTownSchema,
  ProgramSchema,
  QueuePageSchema,
} from "@/lib/api/schemas";
import type { ApplicationView, getGrantLimit, listMyApplications, listQueue } from "@/lib/data/applications";
import { createApplication, submitApplication, updateDraft } from "@/lib/data/applications";
import type { getAssociation, listMyAssociations, verifyAssociation, inviteMember } from "@/lib/data/associations";
import { registerAssociation } from "@/lib/data/associations";
import { actorOf, buildWorld, completeDraft, insertSubmittedApplications, MINIMAL_PDF, orgNumber, type World } from "../fixtures/world";

import * as partnerTownsRoute from "@/app/api/v1/partner-towns/route";
import * as programsRoute from "@/app/api/v1/programs/route";
import * as objectivesRoute from "@/app/api/v1/objectives/route";
import * as associationsRoute from "@/app/api/v1/associations/route";
import * as associationRoute from "@/app/api/v1/associations/[id]/route";
import * as verifyRoute from "@/app/api/v1/associations/[id]/verify/route";
import * as rejectRoute from "@/app/api/v1/associations/[id]/reject/route";
import * as invitationsRoute from "@/app/api/v1/associations/[id]/invitations/route";
import * as applicationsRoute from "@/app/api/v1/applications/route";
import * as applicationRoute from "@/app/api/v1/applications/[id]/route";
import * as submitRoute from "@/app/api/v1/applications/[id]/submit/route";
import * as withdrawRoute from "@/app/api/v1/applications/[id]/withdraw/route";
import * as attachmentsRoute from "@/app/api/v1/applications/[id]/attachments/route";
import * as attachmentRoute from "@/app/api/v1/applications/[id]/attachments/[fileId]/route";
import * as limitRoute from "@/app/api/v1/applications/[id]/limit/route";
import * as queueRoute from "@/app/api/v1/queue/route";
import * as openapiRoute from "@/app/api/v1/openapi.json/route";

// ---------------------------------------------------------------- the response schemas mirror the services

expectTypeOf<z.output<typeof ApplicationViewSchema>>().toEqualTypeOf<Json<ApplicationView>>();
expectTypeOf<z.output<typeof ApplicationListItemSchema>[]>().toEqualTypeOf<Result<typeof listMyApplications>>();
expectTypeOf<z.output<typeof QueuePageSchema>>().toEqualTypeOf<Result<typeof listQueue>>();
expectTypeOf<z.output<typeof GrantLimitSchema>>().toEqualTypeOf<Result<typeof getGrantLimit>>();
expectTypeOf<z.output<typeof AssociationSchema>[]>().toEqualTypeOf<Result<typeof listMyAssociations>>();
expectTypeOf<z.output<typeof AssociationDetailSchema>>().toEqualTypeOf<Result<typeof getAssociation>>();
expectTypeOf<z.output<typeof AssociationDecisionSchema>>().toEqualTypeOf<Result<typeof verifyAssociation>>();
expectTypeOf<z.output<typeof InvitationCreatedSchema>>().toEqualTypeOf<Result<typeof inviteMember>>();

// ---------------------------------------------------------------- calling the handlers

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/** operationId → the handler that implements it. */
const HANDLERS: Record<string, { method: Method; path: string; module: Record<string, unknown> }> = {
  listPartnerTowns: { method: "GET", path: "/partner-towns", module: partnerTownsRoute },
  listPrograms: { method: "GET", path: "/programs", module: programsRoute },
  listObjectives: { method: "GET", path: "/objectives", module: objectivesRoute },
  listAssociations: { method: "GET", path: "/associations", module: associationsRoute },
  registerAssociation: { method: "POST", path: "/associations", module: associationsRoute },
  getAssociation: { method: "GET", path: "/associations/{id}", module: associationRoute },
  verifyAssociation: { method: "POST", path: "/associations/{id}/verify", module: verifyRoute },
  rejectAssociation: { method: "POST", path: "/associations/{id}/reject", module: rejectRoute },
  inviteAssociationMember: { method: "POST", path: "/associations/{id}/invitations", module: invitationsRoute },
  listApplications: { method: "GET", path: "/applications", module: applicationsRoute },
  createApplication: { method: "POST", path: "/applications", module: applicationsRoute },
  getApplication: { method: "GET", path: "/applications/{id}", module: applicationRoute },
  updateApplicationDraft: { method: "PATCH", path: "/applications/{id}", module: applicationRoute },
  deleteApplicationDraft: { method: "DELETE", path: "/applications/{id}", module: applicationRoute },
  submitApplication: { method: "POST", path: "/applications/{id}/submit", module: submitRoute },
  withdrawApplication: { method: "POST", path: "/applications/{id}/withdraw", module: withdrawRoute },
  addApplicationAttachment: { method: "POST", path: "/applications/{id}/attachments", module: attachmentsRoute },
  removeApplicationAttachment: { method: "DELETE", path: "/applications/{id}/attachments/{fileId}", module: attachmentRoute },
  getApplicationGrantLimit: { method: "GET", path: "/applications/{id}/limit", module: limitRoute },
  listReviewQueue: { method: "GET", path: "/queue", module: queueRoute },
};
type OperationId = keyof typeof HANDLERS;

const call = routeCaller(HANDLERS);

function pdf(name = "budget.pdf", bytes: Buffer = MINIMAL_PDF): File {
  return new File([new Uint8Array(bytes)], name, { type: "application/pdf" });
}

function registrationForm(world: World, overrides: Record<string, string | string[] | File | null> = {}): FormData {
  const fields: Record<string, string | string[] | File | null> = {
    name: `Vänortsföreningen ${Math.random().toString(36).slice(2)}`,
    orgNumber: orgNumber(),
    streetAddress: "Storgatan 1",
    postalCode: "94131",
    city: "Piteå",
    contactName: "Eva Ek",
    email: "eva@forening.example",
    phone: "070-123 45 67",
    paymentMethod: "BANKGIRO",
    paymentAccount: "5050-1055",
    partnerTownIds: [world.towns.first.id, world.towns.second.id],
    proof: pdf("stadgar.pdf"),
    ...overrides,
  };
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (v === null) continue;
    for (const item of [v].flat()) form.append(k, item);
  }
  return form;
}

const NIL = "00000000-0000-4000-8000-000000000000";
const CASE_NUMBER = /^INT (\d{4})\/(\d{4,})$/;

// ---------------------------------------------------------------- environment

const env = withMailAndUploads();

// Setup through the same services the API calls.
async function draftOf(world: World, opts: { complete?: boolean; grantKind?: "BASE" | "ACTIVITY"; partnerTownId?: string } = {}) {
  const actor = actorOf(world.users.applicant);
  const draft = await createApplication(actor, {
    associationId: world.associations.mine.id,
    programYearId: world.program.id,
    grantKind: opts.grantKind ?? "ACTIVITY",
  });
  if (opts.complete) await updateDraft(actor, draft.id, completeDraft(world, { partnerTownId: opts.partnerTownId }));
  return draft.id;
}

async function submittedOf(world: World) {
  const id = await draftOf(world, { complete: true });
  return (await submitApplication(actorOf(world.users.applicant), id)).id;
}

async function pendingAssociationOf(world: World) {
  const a = await registerAssociation(
    actorOf(world.users.pendingApplicant),
    {
      name: `Ny förening ${Math.random().toString(36).slice(2)}`,
      orgNumber: orgNumber(),
      streetAddress: "Storgatan 2",
      postalCode: "941 31",
      city: "Piteå",
      contactName: "David Dahl",
      email: world.users.pendingApplicant.email,
      phone: "070-765 43 21",
      paymentMethod: "BANKGIRO",
      paymentAccount: "5050-1055",
      partnerTownIds: [world.towns.second.id],
    },
    { bytes: MINIMAL_PDF, name: "protokoll.pdf" },
  );
  return a.id;
}

// ---------------------------------------------------------------- authentication

describe("authentication", () => {
  let revoked: World;
  beforeAll(async () => {
    revoked = await buildWorld();
    await db.apiToken.updateMany({ where: { userId: revoked.users.applicant.id }, data: { revokedAt: new Date() } });
  });

  const params = { id: NIL, fileId: NIL };

  it.each(Object.keys(HANDLERS))("%s answers 401 without a token, with a bad one and with a revoked one", async (operationId) => {
    for (const init of [
      {},
      { token: "ub_not-a-real-token" },
      { token: "not-even-our-prefix" },
      { headers: { authorization: `Basic ${Buffer.from("anna:secret").toString("base64")}` } },
      { token: revoked.users.applicant.token },
    ] satisfies CallInit[]) {
      const res = await call(operationId, { ...init, params });
      expect(res.status, JSON.stringify(init)).toBe(401);
      expect(res.body).toEqual({ error: { code: "UNAUTHENTICATED", message: expect.any(String) } });
      expect(res.headers.get("cache-control")).toBe("no-store");
    }
  });

  it("answers 401 for a deactivated user's token, and accepts a valid token", async () => {
    const w = await buildWorld();
    expect((await call("listApplications", { token: w.users.applicant.token })).status).toBe(200);
    await db.user.update({ where: { id: w.users.applicant.id }, data: { active: false } });
    expect((await call("listApplications", { token: w.users.applicant.token })).status).toBe(401);
  });

  it("translates errors to Swedish on request", async () => {
    const res = await call("listApplications", { headers: { "accept-language": "sv-SE,sv;q=0.9" } });
    expect(res.body.error.message).toBe("Du behöver logga in.");
  });
});

// ---------------------------------------------------------------- reference data

describe("reference data", () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld();
  });

  it("lists the active partner towns only", async () => {
    const res = await call("listPartnerTowns", { token: world.users.applicant.token });
    expect(res.status).toBe(200);
    const towns = PartnerTownSchema.array().parse(res.body);
    expect(towns).toEqual(res.body);
    const ids = towns.map((t) => t.id);
    expect(ids).toContain(world.towns.first.id);
    expect(ids).toContain(world.towns.second.id);
    expect(ids).not.toContain(world.towns.inactive.id);
  });

  it("lists program years with caps, rules, documents and whether they are open", async () => {
    const res = await call("listPrograms", { token: world.users.applicant.token });
    expect(res.status).toBe(200);
    expect(ProgramSchema.array().parse(res.body)).toEqual(res.body);
    const current = res.body.find((p: { id: string }) => p.id === world.program.id);
    expect(current).toMatchObject({
      year: new Date().getUTCFullYear(),
      open: true,
      baseCapPerTown: 10_000,
      activityCapPerTown: 10_000,
      splitRule: "EQUAL_SPLIT",
      reportDeadlineMonths: 1,
      opensOn: `${world.program.year}-01-01`,
      closesOn: `${world.program.year}-12-31`,
    });
    expect(current.requiredDocuments.map((d: { nameEn: string; grantKind: string | null }) => [d.nameEn, d.grantKind])).toEqual([
      ["Annual report", null],
      ["Budget for the activity", "ACTIVITY"],
    ]);
    const closed = res.body.find((p: { id: string }) => p.id === world.closedProgram.id);
    expect(closed).toMatchObject({ open: false, requiredDocuments: [], capOverrides: [] });
  });

  it("lists the active objectives in order", async () => {
    await db.policyObjective.update({ where: { id: world.objectives[1]!.id }, data: { active: false } });
    const res = await call("listObjectives", { token: world.users.committee.token });
    expect(res.status).toBe(200);
    expect(ObjectiveSchema.array().parse(res.body)).toEqual(res.body);
    const ids = res.body.map((o: { id: string }) => o.id);
    expect(ids).toContain(world.objectives[0]!.id);
    expect(ids).not.toContain(world.objectives[1]!.id);
    await db.policyObjective.update({ where: { id: world.objectives[1]!.id }, data: { active: true } });
  });
});

// ---------------------------------------------------------------- the applicant's journey

describe("the applicant's journey", () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld();
  });
  beforeEach(() => env.catcher.clear());

  it("drafts, attaches, checks the limit, submits, gets a receipt and withdraws", async () => {
    const token = world.users.applicant.token;

    const created = await call("createApplication", {
      token,
      json: { associationId: world.associations.mine.id, programYearId: world.program.id, grantKind: "ACTIVITY" },
    });
    expect(created.status).toBe(201);
    expect(ApplicationViewSchema.parse(created.body)).toEqual(created.body);
    expect(created.body).toMatchObject({ status: "DRAFT", caseNumber: null, grantKind: "ACTIVITY", programYear: world.program.year, title: "" });
    const id: string = created.body.id;
    const params = { id };

    // Partial: only what is sent changes.
    const titled = await call("updateApplicationDraft", { token, params, json: { title: "  Körläger i Grindavík " } });
    expect(titled.status).toBe(200);
    expect(titled.body).toMatchObject({ title: "Körläger i Grindavík", purpose: "", partnerTownId: null });

    expect((await call("getApplicationGrantLimit", { token, params })).body).toBeNull();

    const full = await call("updateApplicationDraft", { token, params, json: { ...completeDraft(world), title: undefined } });
    expect(full.status).toBe(200);
    expect(full.body).toMatchObject({
      title: "Körläger i Grindavík",
      partnerTownId: world.towns.first.id,
      partnerTown: { id: world.towns.first.id },
      startDate: `${world.program.year}-06-10`,
      requestedAmount: 9_000,
      objectiveIds: [world.objectives[0]!.id],
    });

    // Attachments: PDFs only, checked by content.
    const form = new FormData();
    form.append("file", pdf("budget.pdf"));
    const attached = await call("addApplicationAttachment", { token, params, form });
    expect(attached.status).toBe(201);
    expect(attached.body.attachments).toEqual([{ id: expect.any(String), name: "budget.pdf", size: MINIMAL_PDF.length }]);

    const fake = new FormData();
    fake.append("file", new File(["just text, not a PDF"], "budget.pdf", { type: "application/pdf" }));
    const refused = await call("addApplicationAttachment", { token, params, form: fake });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: "VALIDATION", fields: { file: ["The file is not a PDF. Save it as PDF and try again."] } });

    const none = await call("addApplicationAttachment", { token, params, form: new FormData() });
    expect(none.status).toBe(422);
    expect(Object.keys(none.body.error.fields)).toEqual(["file"]);

    const second = new FormData();
    second.append("file", pdf("extra.pdf"));
    const two = await call("addApplicationAttachment", { token, params, form: second });
    expect(two.body.attachments).toHaveLength(2);
    const extraId = two.body.attachments[1].id;
    const removed = await call("removeApplicationAttachment", { token, params: { id, fileId: extraId } });
    expect(removed.status).toBe(200);
    expect(removed.body.attachments.map((a: { name: string }) => a.name)).toEqual(["budget.pdf"]);
    expect((await call("removeApplicationAttachment", { token, params: { id, fileId: extraId } })).status).toBe(404);

    // Costs 12 000 minus 2 000 other funding: the net costs are the limit, under the 10 000 cap.
    const limit = await call("getApplicationGrantLimit", { token, params });
    expect(limit.status).toBe(200);
    expect(GrantLimitSchema.parse(limit.body)).toEqual(limit.body);
    expect(limit.body).toEqual({ cap: 10_000, maxAmount: 10_000, reason: "TOWN_CAP" });
    await call("updateApplicationDraft", { token, params, json: { otherFunding: [{ label: "Studieförbundet", amount: 3_000 }] } });
    expect((await call("getApplicationGrantLimit", { token, params })).body).toEqual({ cap: 10_000, maxAmount: 9_000, reason: "COSTS_MINUS_FUNDING" });

    const submitted = await call("submitApplication", { token, params });
    expect(submitted.status).toBe(200);
    expect(ApplicationViewSchema.parse(submitted.body)).toEqual(submitted.body);
    expect(submitted.body.status).toBe("SUBMITTED");
    const match = CASE_NUMBER.exec(submitted.body.caseNumber);
    expect(match?.[1]).toBe(String(new Date().getUTCFullYear()));
    expect(submitted.body.submittedAt).toEqual(expect.any(String));

    const receipt = await env.catcher.waitFor((m) => m.to.includes(world.users.applicant.email), 5_000);
    expect(receipt.subject).toContain(submitted.body.caseNumber);
    expect(receipt.text).toContain("Körläger i Grindavík");

    // Submitted: no more changes, no second submit, no deleting.
    expect((await call("updateApplicationDraft", { token, params, json: { title: "Ändrad" } })).status).toBe(409);
    expect((await call("submitApplication", { token, params })).status).toBe(409);
    expect((await call("deleteApplicationDraft", { token, params })).status).toBe(409);
    const late = new FormData();
    late.append("file", pdf());
    expect((await call("addApplicationAttachment", { token, params, form: late })).status).toBe(409);

    const listed = await call("listApplications", { token });
    expect(listed.status).toBe(200);
    expect(ApplicationListItemSchema.array().parse(listed.body)).toEqual(listed.body);
    expect(listed.body.find((a: { id: string }) => a.id === id)).toMatchObject({ status: "SUBMITTED", caseNumber: submitted.body.caseNumber });

    const withdrawn = await call("withdrawApplication", { token, params });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: "WITHDRAWN", caseNumber: submitted.body.caseNumber, withdrawnAt: expect.any(String) });
    expect((await call("withdrawApplication", { token, params })).status).toBe(409);
  });

  it("refuses to submit an incomplete draft, naming every field to fix", async () => {
    const token = world.users.applicant.token;
    const id = await draftOf(world);
    const res = await call("submitApplication", { token, params: { id } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("VALIDATION");
    expect(res.body.error.message).toBe("Some details need correcting.");
    for (const field of ["partnerTownId", "title", "purpose", "description", "startDate", "endDate", "participantsTotal", "requestedAmount"]) {
      expect(res.body.error.fields[field], field).toEqual([expect.any(String)]);
      expect(res.body.error.fields[field][0], field).not.toMatch(/^validation\./);
    }
    expect(res.body.error.fields.title).toEqual(["Please fill in this field."]);
    expect((await call("getApplication", { token, params: { id } })).body).toMatchObject({ status: "DRAFT", caseNumber: null });

    const sv = await call("submitApplication", { token, params: { id }, headers: { "accept-language": "sv" } });
    expect(sv.body.error.fields.title).toEqual(["Fyll i det här fältet."]);
  });

  it("applies the cross-field rules on submit", async () => {
    const token = world.users.applicant.token;
    const id = await draftOf(world, { complete: true });
    await call("updateApplicationDraft", {
      token,
      params: { id },
      json: { endDate: `${world.program.year}-06-01`, participantsUnder26: 19, requestedAmount: 50_000 },
    });
    const res = await call("submitApplication", { token, params: { id } });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(["endDate", "participantsUnder26", "requestedAmount"]);
  });

  it("validates a draft's fields and the create body", async () => {
    const token = world.users.applicant.token;
    const id = await draftOf(world);
    const bad = await call("updateApplicationDraft", {
      token,
      params: { id },
      json: { requestedAmount: "12,50", startDate: "2026-02-30", partnerTownId: "Grindavík" },
    });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["partnerTownId", "requestedAmount", "startDate"]);

    const notTheirTown = await call("updateApplicationDraft", { token, params: { id }, json: { partnerTownId: world.towns.inactive.id } });
    expect(notTheirTown.status).toBe(422);
    expect(Object.keys(notTheirTown.body.error.fields)).toEqual(["partnerTownId"]);

    const nowhere = await call("updateApplicationDraft", { token, params: { id }, json: { programYearId: NIL } });
    expect(nowhere.status).toBe(422);
    expect(nowhere.body.error.fields).toEqual({ programYearId: ["The grant year does not exist."] });

    const notJson = await call("updateApplicationDraft", { token, params: { id }, headers: { "content-type": "application/json" } });
    expect(notJson.status).toBe(422);
    expect(notJson.body.error.code).toBe("VALIDATION");

    const create = await call("createApplication", { token, json: { associationId: "x", grantKind: "OTHER" } });
    expect(create.status).toBe(422);
    expect(Object.keys(create.body.error.fields).sort()).toEqual(["associationId", "grantKind", "programYearId"]);

    const closed = await call("createApplication", {
      token,
      json: { associationId: world.associations.mine.id, programYearId: world.closedProgram.id, grantKind: "BASE" },
    });
    expect(closed.status).toBe(422);
    expect(Object.keys(closed.body.error.fields)).toEqual(["programYearId"]);

    const pending = await call("createApplication", {
      token: world.users.pendingApplicant.token,
      json: { associationId: world.associations.pending.id, programYearId: world.program.id, grantKind: "BASE" },
    });
    expect(pending.status).toBe(422);
    expect(Object.keys(pending.body.error.fields)).toEqual(["associationId"]);
  });

  it("shows a base grant's equal share once another association has applied for the same town", async () => {
    const token = world.users.applicant.token;
    const id = await draftOf(world, { grantKind: "BASE" });
    await call("updateApplicationDraft", { token, params: { id }, json: { partnerTownId: world.towns.second.id } });
    expect((await call("getApplicationGrantLimit", { token, params: { id } })).body).toEqual({ cap: 10_000, maxAmount: 10_000, reason: "TOWN_CAP", shareCount: 1 });
    await insertSubmittedApplications(world, 1, { partnerTownId: world.towns.second.id, grantKind: "BASE" });
    expect((await call("getApplicationGrantLimit", { token, params: { id } })).body).toEqual({
      cap: 10_000,
      maxAmount: 5_000,
      reason: "EQUAL_SHARE",
      shareCount: 2,
    });
  });

  it("deletes a draft", async () => {
    const token = world.users.applicant.token;
    const id = await draftOf(world);
    const res = await call("deleteApplicationDraft", { token, params: { id } });
    expect(res.status).toBe(204);
    expect(res.body).toBeUndefined();
    expect((await call("getApplication", { token, params: { id } })).status).toBe(404);
  });
});

// ---------------------------------------------------------------- scoping

describe("another association's rows", () => {
  let world: World;
  let draftId: string;
  let submittedId: string;
  let fileId: string;
  beforeAll(async () => {
    world = await buildWorld();
    draftId = await draftOf(world, { complete: true });
    const form = new FormData();
    form.append("file", pdf());
    fileId = (await call("addApplicationAttachment", { token: world.users.applicant.token, params: { id: draftId }, form })).body.attachments[0].id;
    submittedId = await submittedOf(world);
  });

  const intruderCalls = (): [OperationId, CallInit][] => {
    const form = new FormData();
    form.append("file", pdf());
    return [
      ["getApplication", { params: { id: draftId } }],
      ["getApplication", { params: { id: submittedId } }],
      ["updateApplicationDraft", { params: { id: draftId }, json: { title: "Kapad" } }],
      ["submitApplication", { params: { id: draftId } }],
      ["withdrawApplication", { params: { id: submittedId } }],
      ["deleteApplicationDraft", { params: { id: draftId } }],
      ["addApplicationAttachment", { params: { id: draftId }, form }],
      ["removeApplicationAttachment", { params: { id: draftId, fileId } }],
      ["getApplicationGrantLimit", { params: { id: draftId } }],
      ["getAssociation", { params: { id: world.associations.mine.id } }],
      ["inviteAssociationMember", { params: { id: world.associations.mine.id }, json: { email: "mallory@evil.example" } }],
      ["createApplication", { json: { associationId: world.associations.mine.id, programYearId: world.program.id, grantKind: "BASE" } }],
    ];
  };

  it("is 404 (not 403) for another applicant, for reading and for every change", async () => {
    for (const [operationId, init] of intruderCalls()) {
      const res = await call(operationId, { ...init, token: world.users.otherApplicant.token });
      expect(res.status, `${operationId} ${JSON.stringify(init.params)}`).toBe(404);
      expect(res.body.error.code).toBe("NOT_FOUND");
    }
    // Nothing changed.
    const own = await call("getApplication", { token: world.users.applicant.token, params: { id: draftId } });
    expect(own.body).toMatchObject({ status: "DRAFT", title: "Musikutbyte med vänorten", attachments: [{ id: fileId }] });
    expect((await call("getApplication", { token: world.users.applicant.token, params: { id: submittedId } })).body.status).toBe("SUBMITTED");
    const invited = await db.invitation.count({ where: { associationId: world.associations.mine.id } });
    expect(invited).toBe(0);
  });

  it("does not list them", async () => {
    const apps = await call("listApplications", { token: world.users.otherApplicant.token });
    expect(apps.body.map((a: { id: string }) => a.id)).not.toContain(draftId);
    const assocs = await call("listAssociations", { token: world.users.otherApplicant.token });
    expect(assocs.body.map((a: { id: string }) => a.id)).toEqual([world.associations.other.id]);
  });

  it("is 404 for ids that are not UUIDs, and for ids that do not exist", async () => {
    const token = world.users.applicant.token;
    for (const bad of ["not-a-uuid", "1", "'; drop table \"Application\"; --", NIL]) {
      for (const [operationId, init] of intruderCalls()) {
        if (!init.params) continue;
        const params = Object.fromEntries(Object.keys(init.params).map((k) => [k, bad]));
        const res = await call(operationId, { ...init, token, params });
        expect(res.status, `${operationId} ${bad}`).toBe(404);
      }
      const file = await call("removeApplicationAttachment", { token, params: { id: draftId, fileId: bad } });
      expect(file.status, `fileId ${bad}`).toBe(404);
      for (const operationId of ["verifyAssociation", "rejectAssociation", "getAssociation"] as const) {
        const json = operationId === "rejectAssociation" ? { reason: "Saknar stadgar" } : undefined;
        const res = await call(operationId, { token: world.users.coordinator.token, params: { id: bad }, json });
        expect(res.status, `${operationId} ${bad}`).toBe(404);
      }
    }
  });
});

// ---------------------------------------------------------------- associations

describe("associations", () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld();
  });
  beforeEach(() => env.catcher.clear());

  it("registers an association from a multipart form with repeated partner towns and a PDF", async () => {
    const res = await call("registerAssociation", { token: world.users.pendingApplicant.token, form: registrationForm(world) });
    expect(res.status).toBe(201);
    expect(AssociationSchema.parse(res.body)).toEqual(res.body);
    expect(res.body).toMatchObject({ status: "PENDING", postalCode: "941 31", paymentAccount: "5050-1055" });
    expect(res.body.partnerTowns.map((t: { partnerTown: { id: string } }) => t.partnerTown.id).sort()).toEqual(
      [world.towns.first.id, world.towns.second.id].sort(),
    );

    const detail = await call("getAssociation", { token: world.users.pendingApplicant.token, params: { id: res.body.id } });
    expect(detail.status).toBe(200);
    expect(AssociationDetailSchema.parse(detail.body)).toEqual(detail.body);
    expect(detail.body.files).toEqual([expect.objectContaining({ originalName: "stadgar.pdf", size: MINIMAL_PDF.length })]);
    expect(detail.body.memberships.map((m: { user: { id: string } }) => m.user.id)).toEqual([world.users.pendingApplicant.id]);

    const mine = await call("listAssociations", { token: world.users.pendingApplicant.token });
    expect(mine.body.map((a: { id: string }) => a.id)).toContain(res.body.id);
  });

  it("reports each wrong field of a registration", async () => {
    const token = world.users.pendingApplicant.token;
    const bad = await call("registerAssociation", {
      token,
      form: registrationForm(world, { orgNumber: "802400-1234", postalCode: "1234", paymentAccount: "5050-1056", partnerTownIds: [] }),
    });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["orgNumber", "partnerTownIds", "paymentAccount", "postalCode"]);

    const noProof = await call("registerAssociation", { token, form: registrationForm(world, { proof: null }) });
    expect(noProof.status).toBe(422);
    expect(noProof.body.error.fields).toEqual({ proof: ["Choose a PDF file."] });

    const notPdf = await call("registerAssociation", { token, form: registrationForm(world, { proof: new File(["<html>"], "stadgar.pdf") }) });
    expect(notPdf.status).toBe(422);
    expect(Object.keys(notPdf.body.error.fields)).toEqual(["proof"]);

    const inactive = await call("registerAssociation", { token, form: registrationForm(world, { partnerTownIds: [world.towns.inactive.id] }) });
    expect(inactive.status).toBe(422);
    expect(Object.keys(inactive.body.error.fields)).toEqual(["partnerTownIds"]);

    const taken = await call("registerAssociation", { token, form: registrationForm(world, { orgNumber: world.associations.mine.orgNumber }) });
    expect(taken.status).toBe(422);
    expect(Object.keys(taken.body.error.fields)).toEqual(["orgNumber"]);

    const json = await call("registerAssociation", { token, json: { name: "JSON-föreningen" } });
    expect(json.status).toBe(422);
    expect(json.body.error.code).toBe("VALIDATION");
  });

  it("lets the coordinator list, verify and reject pending associations, and mails the members", async () => {
    const coordinator = world.users.coordinator.token;
    const toVerify = await pendingAssociationOf(world);
    const toReject = await pendingAssociationOf(world);

    const pending = await call("listAssociations", { token: coordinator, query: { status: "PENDING" } });
    expect(pending.status).toBe(200);
    expect(AssociationSchema.array().parse(pending.body)).toEqual(pending.body);
    const pendingIds = pending.body.map((a: { id: string }) => a.id);
    expect(pendingIds).toEqual(expect.arrayContaining([toVerify, toReject, world.associations.pending.id]));
    expect(pendingIds).not.toContain(world.associations.mine.id);

    const verified = await call("verifyAssociation", { token: coordinator, params: { id: toVerify } });
    expect(verified.status).toBe(200);
    expect(verified.body).toEqual({ id: toVerify, status: "VERIFIED", rejectionReason: null });
    await env.catcher.waitFor((m) => m.to.includes(world.users.pendingApplicant.email), 5_000);
    expect((await call("verifyAssociation", { token: coordinator, params: { id: toVerify } })).status).toBe(409);

    const short = await call("rejectAssociation", { token: coordinator, params: { id: toReject }, json: { reason: "Nej" } });
    expect(short.status).toBe(422);
    expect(Object.keys(short.body.error.fields)).toEqual(["reason"]);
    const rejected = await call("rejectAssociation", { token: coordinator, params: { id: toReject }, json: { reason: "Föreningen har inga stadgar." } });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toEqual({ id: toReject, status: "REJECTED", rejectionReason: "Föreningen har inga stadgar." });
    expect((await call("rejectAssociation", { token: coordinator, params: { id: toReject }, json: { reason: "Igen, en gång till." } })).status).toBe(409);

    const verifiedList = await call("listAssociations", { token: coordinator, query: { status: "VERIFIED" } });
    expect(verifiedList.body.map((a: { id: string }) => a.id)).toContain(toVerify);
    const rejectedList = await call("listAssociations", { token: coordinator, query: { status: "REJECTED" } });
    expect(rejectedList.body.map((a: { id: string }) => a.id)).toEqual(expect.arrayContaining([toReject]));

    const badStatus = await call("listAssociations", { token: coordinator, query: { status: "MAYBE" } });
    expect(badStatus.status).toBe(422);
    expect(Object.keys(badStatus.body.error.fields)).toEqual(["status"]);
  });

  it("is 403 for everyone else deciding, and 404 for an association that does not exist", async () => {
    const id = await pendingAssociationOf(world);
    for (const role of ["applicant", "otherApplicant", "pendingApplicant", "committee", "admin"] as const) {
      const token = world.users[role].token;
      expect((await call("verifyAssociation", { token, params: { id } })).status, role).toBe(403);
      expect((await call("rejectAssociation", { token, params: { id }, json: { reason: "Inte behörig att göra det." } })).status, role).toBe(403);
      expect((await call("rejectAssociation", { token, params: { id }, json: {} })).status, role).toBe(403);
      expect((await call("listAssociations", { token, query: { status: "PENDING" } })).status, role).toBe(403);
    }
    expect((await call("verifyAssociation", { token: world.users.coordinator.token, params: { id: NIL } })).status).toBe(404);
    const still = await call("getAssociation", { token: world.users.coordinator.token, params: { id } });
    expect(still.body.status).toBe("PENDING");
  });

  it("invites another contact person", async () => {
    const res = await call("inviteAssociationMember", {
      token: world.users.applicant.token,
      params: { id: world.associations.mine.id },
      json: { email: " Kalle@Example.SE " },
    });
    expect(res.status).toBe(201);
    expect(InvitationCreatedSchema.parse(res.body)).toEqual(res.body);
    expect(res.body.email).toBe("kalle@example.se");
    const mail = await env.catcher.waitFor((m) => m.to.includes("kalle@example.se"), 5_000);
    expect(mail.text).toMatch(/\/invitations\//);

    const detail = await call("getAssociation", { token: world.users.applicant.token, params: { id: world.associations.mine.id } });
    expect(detail.body.invitations.map((i: { email: string }) => i.email)).toEqual(["kalle@example.se"]);

    const bad = await call("inviteAssociationMember", { token: world.users.applicant.token, params: { id: world.associations.mine.id }, json: { email: "kalle" } });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields)).toEqual(["email"]);
    const member = await call("inviteAssociationMember", {
      token: world.users.applicant.token,
      params: { id: world.associations.mine.id },
      json: { email: world.users.applicant.email },
    });
    expect(member.status).toBe(422);
  });
});

// ---------------------------------------------------------------- the coordinator's queue

describe("the coordinator's queue", () => {
  let world: World;
  let town: string;
  let older: string[];
  let tied: string[];
  let withdrawn: string[];
  let base: string[];
  let lastYear: string[];
  beforeAll(async () => {
    world = await buildWorld();
    // A town of its own keeps other tests' applications out of the counts.
    town = (await db.partnerTown.create({ data: { municipalityId: world.municipality.id, name: `Queue town ${world.u}`, country: "Norge" } })).id;
    await db.associationPartnerTown.create({ data: { associationId: world.associations.other.id, partnerTownId: town } });
    const at = new Date(Date.now() - 60_000);
    older = await insertSubmittedApplications(world, 22, { partnerTownId: town });
    // Same submission time: the id breaks the tie, so a page boundary never skips or repeats one.
    tied = await insertSubmittedApplications(world, 6, { partnerTownId: town, submittedAt: at });
    withdrawn = await insertSubmittedApplications(world, 2, { partnerTownId: town, status: "WITHDRAWN" });
    base = await insertSubmittedApplications(world, 3, { partnerTownId: town, grantKind: "BASE" });
    lastYear = [];
    for (const id of await insertSubmittedApplications(world, 2, { partnerTownId: town })) {
      await db.application.update({ where: { id }, data: { programYearId: world.closedProgram.id } });
      lastYear.push(id);
    }
    // A draft is never in the queue.
    const draft = await createApplication(actorOf(world.users.otherApplicant), {
      associationId: world.associations.other.id,
      programYearId: world.program.id,
      grantKind: "ACTIVITY",
    });
    await updateDraft(actorOf(world.users.otherApplicant), draft.id, { partnerTownId: town });
  });

  const queue = (query: Record<string, string>) => call("listReviewQueue", { token: world.users.coordinator.token, query: { partnerTownId: town, ...query } });

  it("pages through everything but drafts, newest first, without gaps or repeats", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const res: Reply = await queue(after ? { after } : {});
      expect(res.status).toBe(200);
      expect(QueuePageSchema.parse(res.body)).toEqual(res.body);
      expect(res.body.items.length).toBeLessThanOrEqual(25);
      seen.push(...res.body.items.map((i: { id: string }) => i.id));
      after = res.body.nextCursor;
      pages++;
    } while (after);
    expect(pages).toBe(2);
    const all = [...older, ...tied, ...withdrawn, ...base, ...lastYear];
    expect(seen).toHaveLength(all.length);
    expect(new Set(seen)).toEqual(new Set(all));

    const rows = await db.application.findMany({ where: { id: { in: seen } }, select: { id: true, submittedAt: true } });
    const at = new Map(rows.map((r) => [r.id, r.submittedAt!.getTime()]));
    for (let i = 1; i < seen.length; i++) {
      const [prev, cur] = [seen[i - 1]!, seen[i]!];
      expect(at.get(prev)! > at.get(cur)! || (at.get(prev) === at.get(cur) && prev > cur), `order at ${i}`).toBe(true);
    }
  });

  it("filters by status, grant kind, year and partner town", async () => {
    const ids = async (query: Record<string, string>) => {
      const res = await queue(query);
      expect(res.status).toBe(200);
      return new Set(res.body.items.map((i: { id: string }) => i.id));
    };
    expect(await ids({ status: "WITHDRAWN" })).toEqual(new Set(withdrawn));
    expect(await ids({ grantKind: "BASE" })).toEqual(new Set(base));
    expect(await ids({ year: String(world.closedProgram.year) })).toEqual(new Set(lastYear));
    expect(await ids({ year: String(world.program.year), grantKind: "BASE", status: "SUBMITTED" })).toEqual(new Set(base));
    expect(await ids({ status: "APPROVED" })).toEqual(new Set());

    const otherTown = await call("listReviewQueue", { token: world.users.coordinator.token, query: { partnerTownId: world.towns.second.id } });
    for (const item of otherTown.body.items) expect(item.partnerTown.id).toBe(world.towns.second.id);
  });

  it("refuses a malformed filter with the field named", async () => {
    const res = await queue({ year: "last", grantKind: "BIG", status: "DRAFT", after: "page-2" });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(["after", "grantKind", "status", "year"]);
    const town = await call("listReviewQueue", { token: world.users.coordinator.token, query: { partnerTownId: "Grindavík" } });
    expect(Object.keys(town.body.error.fields)).toEqual(["partnerTownId"]);
  });

  it("is 403 for everyone but the coordinator", async () => {
    for (const role of ["applicant", "otherApplicant", "committee", "admin"] as const) {
      const res = await call("listReviewQueue", { token: world.users[role].token });
      expect(res.status, role).toBe(403);
      expect(res.body.error.code).toBe("FORBIDDEN");
    }
  });
});

// ---------------------------------------------------------------- every operation from every role

type Role = "applicant" | "otherApplicant" | "coordinator" | "committee" | "admin";
const ROLES: Role[] = ["applicant", "otherApplicant", "coordinator", "committee", "admin"];

type Case = {
  /** Builds what the call needs, fresh for each role (calls change state). */
  setup: (world: World) => Promise<CallInit>;
  expect: Record<Role, number>;
};

const everyone = (status: number): Record<Role, number> => ({ applicant: status, otherApplicant: status, coordinator: status, committee: status, admin: status });
const onlyApplicant = (status: number): Record<Role, number> => ({ ...everyone(404), applicant: status });
const onlyCoordinator = (status: number): Record<Role, number> => ({ ...everyone(403), coordinator: status });

const MATRIX: Record<OperationId, Case> = {
  listPartnerTowns: { setup: async () => ({}), expect: everyone(200) },
  listPrograms: { setup: async () => ({}), expect: everyone(200) },
  listObjectives: { setup: async () => ({}), expect: everyone(200) },
  // Without a status: the caller's own associations, which may be none.
  listAssociations: { setup: async () => ({}), expect: everyone(200) },
  // Anyone signed in may register an association (and become its first member).
  registerAssociation: { setup: async (w) => ({ form: registrationForm(w) }), expect: everyone(201) },
  // Staff with the municipality's scope (coordinator, admin) read every association.
  getAssociation: { setup: async (w) => ({ params: { id: w.associations.mine.id } }), expect: { ...onlyApplicant(200), coordinator: 200 } },
  verifyAssociation: { setup: async (w) => ({ params: { id: await pendingAssociationOf(w) } }), expect: onlyCoordinator(200) },
  rejectAssociation: {
    setup: async (w) => ({ params: { id: await pendingAssociationOf(w) }, json: { reason: "Föreningen saknar stadgar." } }),
    expect: onlyCoordinator(200),
  },
  inviteAssociationMember: {
    setup: async (w) => ({ params: { id: w.associations.mine.id }, json: { email: `ny.${Math.random().toString(36).slice(2)}@example.se` } }),
    expect: onlyApplicant(201),
  },
  listApplications: { setup: async () => ({}), expect: everyone(200) },
  createApplication: {
    setup: async (w) => ({ json: { associationId: w.associations.mine.id, programYearId: w.program.id, grantKind: "ACTIVITY" } }),
    expect: onlyApplicant(201),
  },
  // The coordinator reads submitted applications (never drafts); the committee and admin do not, yet.
  getApplication: { setup: async (w) => ({ params: { id: await submittedOf(w) } }), expect: { ...onlyApplicant(200), coordinator: 200 } },
  updateApplicationDraft: { setup: async (w) => ({ params: { id: await draftOf(w) }, json: { title: "Ny rubrik" } }), expect: onlyApplicant(200) },
  deleteApplicationDraft: { setup: async (w) => ({ params: { id: await draftOf(w) } }), expect: onlyApplicant(204) },
  submitApplication: { setup: async (w) => ({ params: { id: await draftOf(w, { complete: true }) } }), expect: onlyApplicant(200) },
  // Only the association withdraws, even though the coordinator can read the application.
  withdrawApplication: { setup: async (w) => ({ params: { id: await submittedOf(w) } }), expect: onlyApplicant(200) },
  addApplicationAttachment: {
    setup: async (w) => {
      const form = new FormData();
      form.append("file", pdf());
      return { params: { id: await draftOf(w) }, form };
    },
    expect: onlyApplicant(201),
  },
  removeApplicationAttachment: {
    setup: async (w) => {
      const id = await draftOf(w);
      const form = new FormData();
      form.append("file", pdf());
      const added = await call("addApplicationAttachment", { token: w.users.applicant.token, params: { id }, form });
      return { params: { id, fileId: added.body.attachments[0].id } };
    },
    expect: onlyApplicant(200),
  },
  getApplicationGrantLimit: { setup: async (w) => ({ params: { id: await draftOf(w, { complete: true }) } }), expect: onlyApplicant(200) },
  listReviewQueue: { setup: async () => ({}), expect: onlyCoordinator(200) },
};

describe("every operation from every role", () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld();
  });

  it("covers every documented operation", () => {
    expect(Object.keys(MATRIX).sort()).toEqual(publicOperations.map((o) => o.operationId).sort());
    for (const op of publicOperations) {
      expect(HANDLERS[op.operationId], op.operationId).toMatchObject({ method: op.method.toUpperCase(), path: op.path });
    }
  });

  const cells = Object.entries(MATRIX).flatMap(([operationId, c]) => ROLES.map((role) => [operationId, role, c.expect[role]] as const));
  it.each(cells)("%s as %s → %i", async (operationId, role, status) => {
    const init = await MATRIX[operationId]!.setup(world);
    const res = await call(operationId, { ...init, token: world.users[role].token });
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    if (status >= 400) {
      expect(res.body.error).toEqual(
        expect.objectContaining({ code: status === 403 ? "FORBIDDEN" : "NOT_FOUND", message: expect.any(String) }),
      );
    }
    expect(res.headers.get("cache-control")).toBe("no-store");
  });
});

// ---------------------------------------------------------------- the OpenAPI document

const API_DIR = path.resolve(import.meta.dirname, "../../app/api/v1");
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
/** Served beside the API, not part of what it describes. */
const UNDOCUMENTED = new Set(["/openapi.json"]);

async function routeFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? routeFiles(path.join(dir, e.name)) : Promise.resolve(e.name === "route.ts" ? [path.join(dir, e.name)] : []))),
  );
  return nested.flat();
}

/** app/api/v1/applications/[id]/limit/route.ts → /applications/{id}/limit */
function apiPathOf(file: string): string {
  const rel = path.relative(API_DIR, path.dirname(file)).split(path.sep).join("/");
  return `/${rel}`.replace(/\[(\w+)\]/g, "{$1}");
}

describe("GET /openapi.json", () => {
  it("is served without a token, cacheable", async () => {
    const res = await openapiRoute.GET();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("cache-control")).toMatch(/public, max-age=\d+/);
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(buildOpenApi())));
  });

  it("is a valid OpenAPI 3.1 document with a unique camelCase operationId on every operation", async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const doc: any = await (await openapiRoute.GET()).json();
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toEqual(expect.any(String));
    expect(doc.info.version).toEqual(expect.any(String));
    expect(doc.components.securitySchemes.bearerAuth).toEqual({ type: "http", scheme: "bearer" });
    for (const requirement of doc.security) for (const name of Object.keys(requirement)) expect(doc.components.securitySchemes[name]).toBeDefined();

    const ids = new Set<string>();
    for (const [p, item] of Object.entries<Record<string, any>>(doc.paths)) { // eslint-disable-line @typescript-eslint/no-explicit-any
      expect(p).toMatch(/^\/[a-z0-9\-./{}A-Z]*$/);
      expect(p.endsWith("/") && p !== "/").toBe(false);
      const templated = [...p.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const [method, op] of Object.entries(item)) {
        const where = `${method.toUpperCase()} ${p}`;
        expect(["get", "put", "post", "delete", "options", "head", "patch", "trace"], where).toContain(method);
        expect(op.operationId, where).toMatch(/^[a-z][a-zA-Z0-9]*$/);
        expect(ids.has(op.operationId), `duplicate ${op.operationId}`).toBe(false);
        ids.add(op.operationId);
        expect(op.summary, where).toEqual(expect.any(String));
        expect(op.tags?.length, where).toBeGreaterThan(0);
        const pathParams = (op.parameters ?? []).filter((x: { in: string }) => x.in === "path");
        expect(pathParams.map((x: { name: string }) => x.name).sort(), where).toEqual([...templated].sort());
        for (const param of op.parameters ?? []) {
          expect(["path", "query", "header", "cookie"], where).toContain(param.in);
          if (param.in === "path") expect(param.required, where).toBe(true);
          expect(param.schema, where).toBeTypeOf("object");
        }
        const statuses = Object.keys(op.responses);
        expect(statuses.some((s) => /^2\d\d$/.test(s)), where).toBe(true);
        expect(statuses, where).toContain("401");
        for (const [status, response] of Object.entries<{ description?: string }>(op.responses)) {
          expect(status, where).toMatch(/^[1-5]\d\d$/);
          expect(response.description, `${where} ${status}`).toEqual(expect.any(String));
        }
        if (op.requestBody) expect(Object.keys(op.requestBody.content).length, where).toBeGreaterThan(0);
      }
    }
    expect(ids.size).toBeGreaterThanOrEqual(publicOperations.length);

    // Every $ref points at something in the document.
    const refs: string[] = [];
    (function walk(node: unknown) {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === "object") {
        for (const [k, v] of Object.entries(node)) {
          if (k === "$ref" && typeof v === "string") refs.push(v);
          else walk(v);
        }
      }
    })(doc);
    // Embedded schemas carry no $id, so a "#/…" inside one resolves against the whole document.
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/components\//);
      const target = ref
        .slice(2)
        .split("/")
        .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
      expect(target, ref).toBeTypeOf("object");
    }
  });

  it("documents every route handler under app/api/v1, and nothing that is not one", async () => {
    const doc = buildOpenApi() as { paths: Record<string, Record<string, unknown>> };
    const implemented: string[] = [];
    for (const file of await routeFiles(API_DIR)) {
      const apiPath = apiPathOf(file);
      if (UNDOCUMENTED.has(apiPath)) continue;
      const routeModule = (await import(file)) as Record<string, unknown>;
      const methods = HTTP_METHODS.filter((m) => typeof routeModule[m] === "function");
      expect(methods.length, `${file} exports no handler`).toBeGreaterThan(0);
      for (const method of methods) implemented.push(`${method} ${apiPath}`);
    }
    const documented = Object.entries(doc.paths).flatMap(([p, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${p}`));
    expect(implemented.filter((x) => !documented.includes(x)), "implemented but not in the OpenAPI document").toEqual([]);
    expect(documented.filter((x) => !implemented.includes(x)), "documented but not implemented").toEqual([]);
  });
});
