// Messages in /api/v1 through their route handlers, against a real database:
// a member and the coordinator write on a case and the notices land in the
// outbox; the inbox lists and marks; the contact form checks the reply
// channel and is rate-limited; every operation from every role; rows outside
// the caller's scope are 404; the responses are what the OpenAPI document says.
import { beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import { routeCaller, type CallInit, type Reply, type Result } from "../fixtures/api-routes";
import { actorOf, buildWorld, insertSubmittedApplications, type World, type WorldUser } from "../fixtures/world";
import { db } from "@/lib/db";
import { newApiToken } from "@/lib/auth/actor";
import { translate } from "@/lib/i18n/translate";
import { messagingOperations } from "@/lib/api/operations/messaging";
import { buildOpenApi } from "@/lib/api/openapi";
import { CaseThreadSchema, ContactMessageSentSchema, InboxPageSchema, MessageReadStateSchema, ThreadMessageSchema } from "@/lib/api/messaging-schemas";
import type { listCaseMessages, listInbox, postCaseMessage, postContactMessage, setMessageRead } from "@/lib/data/messages";
import { CONTACT_LIMIT_PER_ADDRESS, INBOX_PAGE_SIZE, postCaseMessage as postAsService } from "@/lib/data/messages";

import * as caseMessagesRoute from "@/app/api/v1/applications/[id]/messages/route";
import * as messagesRoute from "@/app/api/v1/messages/route";
import * as readRoute from "@/app/api/v1/messages/[id]/read/route";

// ---------------------------------------------------------------- the schemas mirror the services

expectTypeOf<z.output<typeof CaseThreadSchema>>().toEqualTypeOf<Result<typeof listCaseMessages>>();
expectTypeOf<z.output<typeof ThreadMessageSchema>>().toEqualTypeOf<Result<typeof postCaseMessage>>();
expectTypeOf<z.output<typeof InboxPageSchema>>().toEqualTypeOf<Result<typeof listInbox>>();
expectTypeOf<z.output<typeof MessageReadStateSchema>>().toEqualTypeOf<Result<typeof setMessageRead>>();
expectTypeOf<z.output<typeof ContactMessageSentSchema>>().toEqualTypeOf<Result<typeof postContactMessage>>();

// ---------------------------------------------------------------- calling the handlers

type Method = "GET" | "POST";

const HANDLERS = {
  listCaseMessages: { method: "GET", path: "/applications/{id}/messages", module: caseMessagesRoute },
  postCaseMessage: { method: "POST", path: "/applications/{id}/messages", module: caseMessagesRoute },
  listInbox: { method: "GET", path: "/messages", module: messagesRoute },
  sendContactMessage: { method: "POST", path: "/messages", module: messagesRoute },
  markMessageRead: { method: "POST", path: "/messages/{id}/read", module: readRoute },
} satisfies Record<string, { method: Method; path: string; module: Record<string, unknown> }>;
type OperationId = keyof typeof HANDLERS;
const OPERATION_IDS = Object.keys(HANDLERS) as OperationId[];

let ipSequence = 0;
const freshIp = () => `203.0.113.${++ipSequence}`;

// Each call from its own client address unless told, so the contact form's per-address limit is what a test meets.
const call = routeCaller(HANDLERS, { headers: () => ({ "x-forwarded-for": freshIp() }) });

const NIL = "00000000-0000-4000-8000-000000000000";
const en = (key: string) => translate("en", key);
const sv = (key: string) => translate("sv", key);

let world: World;
/** Another municipality's coordinator. */
let outsider: WorldUser;

beforeAll(async () => {
  world = await buildWorld();
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
  const user = await db.user.create({ data: { email, name: "Olle Luleå", roles: ["COORDINATOR"], municipalityId: elsewhere.id } });
  const { token, hash, prefix } = newApiToken();
  await db.apiToken.create({ data: { userId: user.id, name: "test", tokenHash: hash, prefix } });
  outsider = { id: user.id, email, name: "Olle Luleå", roles: ["COORDINATOR"], municipalityId: elsewhere.id, token };
});

const tokenOf = (role: keyof World["users"]) => world.users[role].token;
const submittedCase = async () => (await insertSubmittedApplications(world, 1, { associationId: world.associations.mine.id }))[0]!;

const contact = (over: Record<string, unknown> = {}) => ({
  topic: "Fråga om vänorter",
  service: "TWIN_TOWNS",
  body: "Vilka vänorter har kommunen?",
  replyBy: "EMAIL",
  name: "Eva Ek",
  email: `eva.${crypto.randomUUID().slice(0, 8)}@besok.example`,
  ...over,
});

// ---------------------------------------------------------------- the flow

describe("a case's thread through the API", () => {
  it("a member writes, the coordinator reads and replies, the member reads; each side's notices are queued", async () => {
    const id = await submittedCase();
    const posted = await call("postCaseMessage", { token: tokenOf("applicant"), params: { id }, json: { body: "Vi har en fråga om budgeten." } });
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);
    expect(ThreadMessageSchema.parse(posted.body)).toEqual(posted.body);
    expect(posted.body).toMatchObject({ body: "Vi har en fråga om budgeten.", fromStaff: false, mine: true, readAt: null });
    const toStaff = await db.outboxMail.findMany({ where: { applicationId: id, kind: "message.case" } });
    expect(toStaff.map((m) => m.to[0])).toContain(world.users.coordinator.email);
    expect(toStaff.map((m) => m.to[0])).not.toContain(world.users.applicant.email);

    const inbox = await call("listInbox", { token: tokenOf("coordinator"), query: { kind: "case" } });
    expect(inbox.status).toBe(200);
    expect(InboxPageSchema.parse(inbox.body)).toEqual(inbox.body);
    expect(inbox.body.items.find((m: { id: string }) => m.id === posted.body.id)).toMatchObject({ readAt: null, application: { id } });

    const thread = await call("listCaseMessages", { token: tokenOf("coordinator"), params: { id } });
    expect(thread.status).toBe(200);
    expect(CaseThreadSchema.parse(thread.body)).toEqual(thread.body);
    expect(thread.body).toMatchObject({ viewerIsStaff: true, truncated: false, messages: [{ id: posted.body.id, unread: true }] });

    const reply = await call("postCaseMessage", { token: tokenOf("coordinator"), params: { id }, json: { body: "Skicka gärna den nya budgeten." } });
    expect(reply.status).toBe(201);
    const toMembers = await db.outboxMail.findMany({ where: { applicationId: id, kind: "message.case", to: { has: world.users.applicant.email } } });
    expect(toMembers).toHaveLength(1);
    expect(toMembers[0]!.subject).toMatch(/^Nytt meddelande i ärende /);

    const memberView = await call("listCaseMessages", { token: tokenOf("applicant"), params: { id } });
    expect(memberView.body.messages.map((m: { fromStaff: boolean; unread: boolean }) => [m.fromStaff, m.unread])).toEqual([
      [false, false],
      [true, true],
    ]);
    expect(memberView.body.messages[0].readAt).toEqual(expect.any(String));
  });

  it("says what is wrong with a message on the field, in the caller's language, and stores nothing", async () => {
    const id = await submittedCase();
    const empty = await call("postCaseMessage", { token: tokenOf("applicant"), params: { id }, json: { body: "  " }, headers: { "accept-language": "sv-SE" } });
    expect(empty.status).toBe(422);
    expect(empty.body.error).toEqual({ code: "VALIDATION", message: sv("errors.VALIDATION"), fields: { body: [sv("validation.required")] } });
    const notJson = await call("postCaseMessage", { token: tokenOf("applicant"), params: { id }, json: undefined });
    expect(notJson.status).toBe(422);
    expect(await db.message.count({ where: { applicationId: id } })).toBe(0);
  });

  it("is a conflict on a draft, for its own members", async () => {
    const draft = await db.application.create({
      data: { municipalityId: world.municipality.id, programYearId: world.program.id, associationId: world.associations.mine.id, grantKind: "BASE", createdById: world.users.applicant.id },
    });
    const res = await call("postCaseMessage", { token: tokenOf("applicant"), params: { id: draft.id }, json: { body: "Hej" } });
    expect(res.status).toBe(409);
    expect(res.body.error).toEqual({ code: "CONFLICT", message: en("errors.message.notSubmitted") });
  });
});

describe("the inbox through the API", () => {
  it("marks a message handled and unread again; a bad body or query is 422", async () => {
    const id = await submittedCase();
    const message = await postAsService(actorOf(world.users.applicant), id, { body: "Hej från föreningen" });
    const read = await call("markMessageRead", { token: tokenOf("coordinator"), params: { id: message.id } });
    expect(read.status).toBe(200);
    expect(MessageReadStateSchema.parse(read.body)).toEqual(read.body);
    expect(read.body.readAt).toEqual(expect.any(String));
    const unread = await call("markMessageRead", { token: tokenOf("coordinator"), params: { id: message.id }, json: { read: false } });
    expect(unread.body).toEqual({ id: message.id, readAt: null });
    expect((await db.message.findUniqueOrThrow({ where: { id: message.id } })).readAt).toBeNull();

    expect((await call("markMessageRead", { token: tokenOf("coordinator"), params: { id: message.id }, json: { read: "yes" } })).status).toBe(422);
    expect((await call("listInbox", { token: tokenOf("coordinator"), query: { kind: "everything" } })).status).toBe(422);
  });

  it("pages with nextCursor, without repeats", async () => {
    await db.message.createMany({
      data: Array.from({ length: INBOX_PAGE_SIZE + 1 }, (_, i) => ({
        municipalityId: world.municipality.id,
        body: `Fråga ${i}`,
        topic: "Fråga",
        service: "OTHER",
        replyBy: "PHONE" as const,
        senderName: "Besökare",
        senderPhone: "070-123 45 67",
      })),
    });
    const first = await call("listInbox", { token: tokenOf("coordinator"), query: { kind: "contact" } });
    expect(first.body.items).toHaveLength(INBOX_PAGE_SIZE);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const next = await call("listInbox", { token: tokenOf("coordinator"), query: { kind: "contact", after: first.body.nextCursor } });
    expect(next.status).toBe(200);
    expect(next.body.items.length).toBeGreaterThan(0);
    const ids = (page: Reply) => page.body.items.map((m: { id: string }) => m.id) as string[];
    expect(ids(next).filter((id) => ids(first).includes(id))).toEqual([]);
  });
});

describe("the contact form through the API", () => {
  it("takes a message, queues the notice and the receipt, and answers where the receipt goes", async () => {
    const body = contact();
    const res = await call("sendContactMessage", { token: tokenOf("pendingApplicant"), json: body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(ContactMessageSentSchema.parse(res.body)).toEqual(res.body);
    expect(res.body.receiptTo).toBe(body.email);
    expect(await db.message.findUniqueOrThrow({ where: { id: res.body.id } })).toMatchObject({ authorId: world.users.pendingApplicant.id, applicationId: null, service: "TWIN_TOWNS" });
    expect(await db.outboxMail.count({ where: { kind: "message.contact", replyTo: body.email } })).toBeGreaterThan(0);
    expect(await db.outboxMail.count({ where: { kind: "message.contact-receipt", to: { has: body.email } } })).toBe(1);
  });

  it("requires the address or number of the chosen reply channel", async () => {
    const byEmail = await call("sendContactMessage", { token: tokenOf("applicant"), json: contact({ email: "" }) });
    expect(byEmail.status).toBe(422);
    expect(byEmail.body.error.fields).toEqual({ email: [en("validation.contact.email.requiredForReply")] });
    const byPhone = await call("sendContactMessage", { token: tokenOf("applicant"), json: contact({ replyBy: "PHONE", email: "", phone: "" }) });
    expect(byPhone.body.error.fields).toEqual({ phone: [en("validation.contact.phone.requiredForReply")] });
  });

  it("answers 429 with a friendly message when one address or one client sends too many", async () => {
    const email = `limit.${world.u}@besok.example`;
    for (let i = 0; i < CONTACT_LIMIT_PER_ADDRESS; i++) {
      expect((await call("sendContactMessage", { token: tokenOf("applicant"), json: contact({ email }) })).status).toBe(201);
    }
    const limited = await call("sendContactMessage", { token: tokenOf("applicant"), json: contact({ email }), headers: { "accept-language": "sv" } });
    expect(limited.status).toBe(429);
    expect(limited.body.error).toEqual({ code: "RATE_LIMITED", message: sv("errors.contact.rateLimited") });

    // One client address: the proxy's last X-Forwarded-For entry counts, whatever the client put before it.
    const ip = freshIp();
    let status = 0;
    for (let i = 0; i < 20 && status !== 429; i++) {
      status = (await call("sendContactMessage", { token: tokenOf("applicant"), json: contact(), headers: { "x-forwarded-for": `10.0.0.${i}, ${ip}` } })).status;
    }
    expect(status).toBe(429);
  });
});

// ---------------------------------------------------------------- authentication

describe("authentication", () => {
  it.each(OPERATION_IDS)("%s answers 401 without a token or with a bad one", async (operationId) => {
    for (const token of [undefined, "ub_not-a-real-token"]) {
      const res = await call(operationId, { token, params: { id: NIL }, json: {} });
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
  // The association's members and the coordinator of its municipality; to anyone else, the committee included, the case does not exist.
  listCaseMessages: { setup: async () => ({ params: { id: await submittedCase() } }), expect: only({ applicant: 200, coordinator: 200 }, 404) },
  postCaseMessage: { setup: async () => ({ params: { id: await submittedCase() }, json: { body: "Hej!" } }), expect: only({ applicant: 201, coordinator: 201 }, 404) },
  listInbox: { setup: async () => ({}), expect: only({ coordinator: 200 }, 403) },
  markMessageRead: {
    setup: async () => ({ params: { id: (await postAsService(actorOf(world.users.applicant), await submittedCase(), { body: "Hej" })).id }, json: { read: true } }),
    expect: only({ coordinator: 200 }, 403),
  },
  // Anyone signed in may write to the municipality.
  sendContactMessage: { setup: async () => ({ json: contact() }), expect: only({}, 201) },
};

describe("every operation from every role", () => {
  it("covers every documented messaging operation, with the paths and methods the handlers serve", () => {
    expect(Object.keys(MATRIX).sort()).toEqual(messagingOperations.map((o) => o.operationId).sort());
    for (const op of messagingOperations) {
      expect(HANDLERS[op.operationId as OperationId], op.operationId).toMatchObject({ method: op.method.toUpperCase(), path: op.path });
    }
    const doc = buildOpenApi();
    for (const op of messagingOperations) expect((doc.paths[op.path] as Record<string, { operationId: string }>)[op.method]!.operationId).toBe(op.operationId);
  });

  const cells = OPERATION_IDS.flatMap((operationId) => ROLES.map((role) => [operationId, role, MATRIX[operationId].expect[role]] as const));
  it.each(cells)("%s as %s → %i", async (operationId, role, status) => {
    const init = await MATRIX[operationId].setup();
    const documented = messagingOperations.find((o) => o.operationId === operationId)!;
    if (init.json !== undefined) expect(documented.requestBody!.safeParse(init.json).success, "the body is valid as documented").toBe(true);
    const res = await call(operationId, { ...init, token: tokenOf(role) });
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    if (status < 300) {
      expect(documented.successStatus ?? 200).toBe(status);
      expect(documented.response!.parse(res.body)).toEqual(res.body);
    } else {
      expect(documented.errors).toContain(status);
      expect(res.body.error).toEqual({ code: status === 403 ? "FORBIDDEN" : "NOT_FOUND", message: expect.any(String) });
    }
    expect(res.headers.get("cache-control")).toBe("no-store");
  });
});

// ---------------------------------------------------------------- rows outside the caller's scope

describe("rows outside the caller's scope", () => {
  it("another municipality's coordinator finds none of this municipality's cases or messages, and changes nothing", async () => {
    const id = await submittedCase();
    const message = await postAsService(actorOf(world.users.applicant), id, { body: "Hej" });
    for (const [operationId, init] of [
      ["listCaseMessages", { params: { id } }],
      ["postCaseMessage", { params: { id }, json: { body: "Hej" } }],
      ["markMessageRead", { params: { id: message.id } }],
    ] as [OperationId, CallInit][]) {
      const res = await call(operationId, { ...init, token: outsider.token });
      expect(res.status, operationId).toBe(404);
    }
    const inbox = await call("listInbox", { token: outsider.token });
    expect(inbox.body.items.map((m: { id: string }) => m.id)).not.toContain(message.id);
    expect(await db.message.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ readAt: null });
    expect(await db.message.count({ where: { applicationId: id } })).toBe(1);
  });

  it("are 404 for ids that are not UUIDs or do not exist", async () => {
    for (const bad of ["not-a-uuid", "'; drop table \"Message\"; --", NIL]) {
      for (const operationId of ["listCaseMessages", "postCaseMessage", "markMessageRead"] as const) {
        const res = await call(operationId, { token: tokenOf("coordinator"), params: { id: bad }, json: { body: "Hej" } });
        expect(res.status, `${operationId} ${bad}`).toBe(404);
      }
    }
  });
});
