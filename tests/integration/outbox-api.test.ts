// The outbox's state in /api/v1 through its route handlers: counts and mails
// by status, a page at a time, never a body; sending a failed mail again.
// Same permissions as the staff page (outbox:manage: coordinator and
// administrator); another municipality's mails are "not found".
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import { db } from "@/lib/db";
import { newApiToken } from "@/lib/auth/actor";
import { queueMail } from "@/lib/mail/outbox";
import { outboxOperations } from "@/lib/api/operations/outbox";
import { OUTBOX_STATUS, OutboxMailSchema, OutboxStateSchema } from "@/lib/api/outbox-schemas";
import { listOutbox, OUTBOX_PAGE_SIZE, OUTBOX_STATUSES, type resendMail } from "@/lib/data/outbox";
import type { OutboxStatus } from "@/lib/generated/prisma/client";
import { buildWorld, type World, type WorldUser } from "../fixtures/world";
import * as outboxRoute from "@/app/api/v1/outbox/route";
import * as resendRoute from "@/app/api/v1/outbox/[id]/resend/route";

// ---------------------------------------------------------------- the schemas mirror the service

/** What JSON.stringify makes of a service's result. */
type Json<T> = T extends Date ? string : T extends (infer U)[] ? Json<U>[] : T extends object ? { [K in keyof T]: Json<T[K]> } : T;
type Result<F extends (...args: never[]) => unknown> = Json<Awaited<ReturnType<F>>>;
expectTypeOf<z.output<typeof OutboxStateSchema>>().toEqualTypeOf<Result<typeof listOutbox>>();
expectTypeOf<z.output<typeof OutboxMailSchema>>().toEqualTypeOf<Result<typeof resendMail>>();
expectTypeOf<(typeof OUTBOX_STATUS)[number]>().toEqualTypeOf<OutboxStatus>();

// ---------------------------------------------------------------- calling the handlers

type Handler = (req: NextRequest, ctx: { params: Promise<never> }) => Promise<Response>;
const HANDLERS = {
  getOutbox: { method: "GET", path: "/outbox", module: outboxRoute },
  resendOutboxMail: { method: "POST", path: "/outbox/{id}/resend", module: resendRoute },
} as const;
type OperationId = keyof typeof HANDLERS;
type Reply = { status: number; body: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

async function call(operationId: OperationId, init: { token?: string; id?: string; query?: Record<string, string> } = {}): Promise<Reply> {
  const { method, path, module } = HANDLERS[operationId];
  const url = new URL(`http://localhost:3000/api/v1${path.replace("{id}", encodeURIComponent(init.id ?? ""))}`);
  for (const [k, v] of Object.entries(init.query ?? {})) url.searchParams.set(k, v);
  const headers = new Headers(init.token ? { authorization: `Bearer ${init.token}` } : {});
  const handler = (module as Record<string, unknown>)[method] as Handler;
  const res = await handler(new NextRequest(url, { method, headers }), { params: Promise.resolve({ id: init.id } as never) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

let world: World;
let outsider: WorldUser;
const ids: Record<OutboxStatus, string[]> = { FAILED: [], PENDING: [], SENT: [], EXPIRED: [] };

let clock = 0;
/** Mails written straight in each status (no worker runs in this file), oldest first, a second apart. */
async function mailsIn(status: OutboxStatus, n: number, extra: { sensitive?: boolean } = {}) {
  const created = await db.$transaction((tx) =>
    queueMail(
      tx,
      Array.from({ length: n }, (_, i) => ({
        to: `${status.toLowerCase()}${i}.${world.u}@test.example`,
        subject: `${status} ${i}`,
        text: "hemlig text",
        html: "<p>hemlig text</p>",
        kind: "test.api",
        municipalityId: world.municipality.id,
        ...extra,
      })),
    ),
  );
  for (const id of created) {
    await db.outboxMail.update({
      where: { id },
      data: { status, queuedAt: new Date(), attempts: status === "FAILED" ? 11 : 1, lastError: status === "FAILED" ? "ECONNREFUSED" : null, createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, clock++)) },
    });
  }
  return created;
}

beforeAll(async () => {
  world = await buildWorld();
  ids.FAILED = await mailsIn("FAILED", OUTBOX_PAGE_SIZE + 5);
  ids.SENT = await mailsIn("SENT", 2);
  ids.EXPIRED = [...(await mailsIn("EXPIRED", 1)), ...(await mailsIn("EXPIRED", 1, { sensitive: true }))];
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
  const user = await db.user.create({ data: { email: `lulea.${world.u}@test.example`, roles: ["COORDINATOR"], municipalityId: elsewhere.id } });
  const { token, hash, prefix } = newApiToken();
  await db.apiToken.create({ data: { userId: user.id, name: "test", tokenHash: hash, prefix } });
  outsider = { id: user.id, email: user.email, name: "", roles: ["COORDINATOR"], municipalityId: elsewhere.id, token };
});

describe("the outbox operations", () => {
  it("are documented with the handlers that implement them", () => {
    expect(outboxOperations.map((o) => [o.operationId, o.method.toUpperCase(), o.path])).toEqual(
      Object.entries(HANDLERS).map(([id, h]) => [id, h.method, h.path]),
    );
    expect([...OUTBOX_STATUS]).toEqual([...OUTBOX_STATUSES]);
  });

  it("answer 401 without a token and 403 to roles without outbox:manage", async () => {
    const failed = ids.FAILED[0]!;
    expect((await call("getOutbox")).status).toBe(401);
    expect((await call("resendOutboxMail", { id: failed })).status).toBe(401);
    for (const role of ["applicant", "committee"] as const) {
      expect((await call("getOutbox", { token: world.users[role].token })).status, role).toBe(403);
      expect((await call("resendOutboxMail", { token: world.users[role].token, id: failed })).status, role).toBe(403);
    }
    expect((await db.outboxMail.findUniqueOrThrow({ where: { id: failed } })).status).toBe("FAILED");
  });
});

describe("GET /outbox", () => {
  it("gives the counts and the failed mails first, newest first, a page at a time, without bodies", async () => {
    const first = await call("getOutbox", { token: world.users.coordinator.token });
    expect(first.status).toBe(200);
    expect(OutboxStateSchema.safeParse(first.body).success).toBe(true);
    expect(first.body.status).toBe("FAILED");
    expect(first.body.counts).toEqual({ FAILED: OUTBOX_PAGE_SIZE + 5, PENDING: 0, SENT: 2, EXPIRED: 2 });
    expect(first.body.mails).toHaveLength(OUTBOX_PAGE_SIZE);
    expect(first.body.mails[0]).toMatchObject({ id: ids.FAILED.at(-1), status: "FAILED", attempts: 11, lastError: "ECONNREFUSED", resendable: true });
    expect(JSON.stringify(first.body)).not.toContain("hemlig text");
    const second = await call("getOutbox", { token: world.users.coordinator.token, query: { status: "FAILED", after: first.body.nextCursor } });
    expect(second.body.mails.map((m: { id: string }) => m.id)).toEqual(ids.FAILED.slice(0, 5).reverse());
    expect(second.body.nextCursor).toBeNull();
    const seen = [...first.body.mails, ...second.body.mails].map((m: { id: string }) => m.id);
    expect(new Set(seen).size).toBe(ids.FAILED.length);
  });

  it("lists the other statuses on request, the administrator too, and refuses an unknown one", async () => {
    const expired = await call("getOutbox", { token: world.users.admin.token, query: { status: "EXPIRED" } });
    expect(expired.status).toBe(200);
    expect(expired.body.mails.map((m: { id: string; resendable: boolean }) => [m.id, m.resendable])).toEqual([
      [ids.EXPIRED[1], false],
      [ids.EXPIRED[0], true],
    ]);
    expect((await call("getOutbox", { token: world.users.coordinator.token, query: { status: "LOST" } })).status).toBe(422);
    expect((await call("getOutbox", { token: world.users.coordinator.token, query: { after: "not-an-id" } })).status).toBe(422);
  });

  it("shows another municipality's staff none of it", async () => {
    const theirs = await call("getOutbox", { token: outsider.token });
    expect(theirs.status).toBe(200);
    expect(theirs.body.counts).toEqual({ FAILED: 0, PENDING: 0, SENT: 0, EXPIRED: 0 });
    expect(theirs.body.mails).toEqual([]);
  });
});

describe("POST /outbox/{id}/resend", () => {
  it("puts a failed mail back in the queue once, audited", async () => {
    const id = ids.FAILED[0]!;
    const res = await call("resendOutboxMail", { token: world.users.coordinator.token, id });
    expect(res.status).toBe(200);
    expect(OutboxMailSchema.safeParse(res.body).success).toBe(true);
    expect(res.body).toMatchObject({ id, status: "PENDING", attempts: 0, lastError: null, resendable: false });
    expect(await db.outboxMail.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "PENDING", queuedAt: null, claimedAt: null });
    expect(await db.auditEvent.count({ where: { action: "outbox.mail-resent", entityId: id, actorId: world.users.coordinator.id } })).toBe(1);
    const again = await call("resendOutboxMail", { token: world.users.coordinator.token, id });
    expect(again.status).toBe(409);
  });

  it("sends an expired mail again without its time limit, but not one whose secret link is gone", async () => {
    const [plain, secret] = ids.EXPIRED as [string, string];
    await db.outboxMail.update({ where: { id: plain }, data: { expiresAt: new Date(Date.UTC(2026, 0, 2)) } });
    const res = await call("resendOutboxMail", { token: world.users.admin.token, id: plain });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "PENDING", expiresAt: null });
    expect((await call("resendOutboxMail", { token: world.users.admin.token, id: secret })).status).toBe(409);
    expect((await call("resendOutboxMail", { token: world.users.coordinator.token, id: ids.SENT[0] })).status).toBe(409);
  });

  it("answers 404 for another municipality's mail, an unknown id and a malformed one", async () => {
    const failed = ids.FAILED[1]!;
    expect((await call("resendOutboxMail", { token: outsider.token, id: failed })).status).toBe(404);
    expect((await call("resendOutboxMail", { token: world.users.coordinator.token, id: crypto.randomUUID() })).status).toBe(404);
    expect((await call("resendOutboxMail", { token: world.users.coordinator.token, id: "nope" })).status).toBe(404);
    expect((await db.outboxMail.findUniqueOrThrow({ where: { id: failed } })).status).toBe("FAILED");
  });
});
