// The reminders of /api/v1 through their route handlers: what went out, with
// each mail's delivery, a page at a time; what is coming in the next days;
// both from every role, and nothing of another municipality's.
import { beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import { routeCaller, type Result } from "../fixtures/api-routes";
import { buildWorld, type World, type WorldUser } from "../fixtures/world";
import { approvedGrant, extraUser, openConsultation } from "../fixtures/reminders";
import { db } from "@/lib/db";
import { newApiToken } from "@/lib/auth/actor";
import { reminderOperations } from "@/lib/api/operations/reminders";
import { ReminderPageSchema, UpcomingRemindersSchema } from "@/lib/api/reminder-schemas";
import { queueDueReminders, REMINDERS_PAGE_SIZE, UPCOMING_DAYS, type listReminders, type upcomingReminders } from "@/lib/data/reminders";
import { todayIn } from "@/lib/domain/dates";
import { addDays } from "@/lib/domain/reminders";

import * as remindersRoute from "@/app/api/v1/reminders/route";
import * as upcomingRoute from "@/app/api/v1/reminders/upcoming/route";

// ---------------------------------------------------------------- the schemas mirror the services

expectTypeOf<z.output<typeof ReminderPageSchema>>().toEqualTypeOf<Result<typeof listReminders>>();
expectTypeOf<z.output<typeof UpcomingRemindersSchema>>().toEqualTypeOf<Result<typeof upcomingReminders>>();

// ---------------------------------------------------------------- calling the handlers

const HANDLERS = {
  listReminders: { path: "/reminders", module: remindersRoute },
  listUpcomingReminders: { path: "/reminders/upcoming", module: upcomingRoute },
} as const;
type OperationId = keyof typeof HANDLERS;

// Every reply, an error too, is never cached.
const call = routeCaller(HANDLERS, { check: (res) => expect(res.headers.get("cache-control")).toBe("no-store") });

// ---------------------------------------------------------------- a world with reminders sent and coming

const NOW = new Date();
const TODAY = todayIn(NOW);

let world: World;
let english: WorldUser;
/** Another municipality's coordinator. */
let outsider: WorldUser;
/** Due in 3 days: its reminder is due today, and sent by the job in beforeAll. */
let soon: Awaited<ReturnType<typeof approvedGrant>>;
/** Due in 10 days: its reminder comes in 3 days. */
let later: Awaited<ReturnType<typeof approvedGrant>>;
let consultationId: string;

beforeAll(async () => {
  world = await buildWorld(NOW);
  english = await extraUser(world, { key: "emma", name: "Emma English", locale: "en", memberOf: world.associations.mine.id });
  // Decided and paid today: no annual report reminder, whatever the month the tests run in.
  soon = await approvedGrant(world, { dueOn: addDays(TODAY, 3), decidedAt: NOW, paidAt: NOW, title: "Snart" });
  later = await approvedGrant(world, { dueOn: addDays(TODAY, 10), decidedAt: NOW, paidAt: NOW, title: "Senare" });
  ({ consultationId } = await openConsultation(world, { closesOn: addDays(TODAY, 4), cases: 1 }));

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
  const user = await db.user.create({ data: { email, name: "Olle Luleå", roles: ["COORDINATOR"], municipalityId: elsewhere.id, emailVerified: NOW } });
  const { token, hash, prefix } = newApiToken();
  await db.apiToken.create({ data: { userId: user.id, name: "test", tokenHash: hash, prefix } });
  outsider = { id: user.id, email, name: "Olle Luleå", roles: ["COORDINATOR"], municipalityId: elsewhere.id, token };
});

describe("GET /reminders/upcoming (listUpcomingReminders)", () => {
  it("lists what would go out from today through the next days, on the first day of each, by the job's rules", async () => {
    const res = await call("listUpcomingReminders", { token: world.users.coordinator.token });
    expect(res.status).toBe(200);
    const body = UpcomingRemindersSchema.parse(res.body);
    expect(body).toMatchObject({ from: TODAY, to: addDays(TODAY, UPCOMING_DAYS), truncated: false });
    const byOccasion = new Map(body.items.map((i) => [i.occasion, i]));

    expect(byOccasion.get(`report-due:${soon.decisionId}`)).toEqual({
      on: TODAY,
      kind: "REPORT_DUE_SOON",
      occasion: `report-due:${soon.decisionId}`,
      dueOn: addDays(TODAY, 3),
      application: { id: soon.applicationId, caseNumber: soon.caseNumber, title: "Snart" },
      association: { id: world.associations.mine.id, name: world.associations.mine.name },
      consultationId: null,
      member: null,
      recipients: 2,
    });
    expect(byOccasion.get(`report-due:${later.decisionId}`)).toMatchObject({ on: addDays(TODAY, 3), dueOn: addDays(TODAY, 10) });
    expect(byOccasion.get(`consultation-closing:${consultationId}:${world.users.committee.id}`)).toMatchObject({
      on: addDays(TODAY, 2),
      kind: "CONSULTATION_CLOSING",
      dueOn: addDays(TODAY, 4),
      consultationId,
      member: { id: world.users.committee.id, name: world.users.committee.name },
      application: null,
      recipients: 1,
    });
    expect(body.items.map((i) => i.on)).toEqual(body.items.map((i) => i.on).toSorted());
  });

  it("leaves out what has gone out", async () => {
    await queueDueReminders(NOW);
    const body = UpcomingRemindersSchema.parse((await call("listUpcomingReminders", { token: world.users.coordinator.token })).body);
    const occasions = body.items.map((i) => i.occasion);
    expect(occasions).not.toContain(`report-due:${soon.decisionId}`);
    expect(occasions).toContain(`report-due:${later.decisionId}`);
  });
});

describe("GET /reminders (listReminders)", () => {
  it("lists a reminder that went out with each recipient's mail and its delivery", async () => {
    await queueDueReminders(NOW); // already sent above; nothing new
    const reminder = await db.reminder.findUniqueOrThrow({ where: { occasion: `report-due:${soon.decisionId}` }, include: { mails: true } });
    const delivered = reminder.mails.find((m) => m.to.includes(english.email))!;
    const sentAt = new Date(NOW.getTime() + 60_000);
    await db.outboxMail.update({ where: { id: delivered.id }, data: { status: "SENT", sentAt, attempts: 1 } });

    const res = await call("listReminders", { token: world.users.coordinator.token });
    expect(res.status).toBe(200);
    const body = ReminderPageSchema.parse(res.body);
    expect(body.nextCursor).toBeNull();
    expect(body.items).toHaveLength(1);
    const [item] = body.items;
    expect(item).toMatchObject({
      id: reminder.id,
      kind: "REPORT_DUE_SOON",
      occasion: `report-due:${soon.decisionId}`,
      dueOn: addDays(TODAY, 3),
      application: { id: soon.applicationId, caseNumber: soon.caseNumber, title: "Snart" },
      association: { id: world.associations.mine.id, name: world.associations.mine.name },
      consultationId: null,
      member: null,
    });
    const byRecipient = new Map(item!.mails.map((m) => [m.to.join(), m]));
    expect(byRecipient.get(english.email)).toMatchObject({ status: "SENT", attempts: 1, sentAt: sentAt.toISOString(), subject: expect.stringMatching(/^Reminder: /) });
    expect(byRecipient.get(world.users.applicant.email)).toMatchObject({ status: "PENDING", attempts: 0, sentAt: null, subject: expect.stringMatching(/^Påminnelse: /) });
  });

  it("pages newest first by cursor, and filters by kind", async () => {
    const base = NOW.getTime() - 3_600_000;
    await db.reminder.createMany({
      data: Array.from({ length: REMINDERS_PAGE_SIZE + 4 }, (_, i) => ({
        municipalityId: world.municipality.id,
        kind: i % 2 ? ("REPORT_OVERDUE" as const) : ("ANNUAL_REPORT_MISSING" as const),
        occasion: `test:${world.u}:${i}`,
        associationId: world.associations.other.id,
        // Two by two at the same instant: the id orders them.
        createdAt: new Date(base - Math.floor(i / 2) * 1000),
      })),
    });
    const token = world.users.coordinator.token;
    const first = ReminderPageSchema.parse((await call("listReminders", { token })).body);
    expect(first.items).toHaveLength(REMINDERS_PAGE_SIZE);
    expect(first.nextCursor).toBe(first.items.at(-1)!.id);
    const second = ReminderPageSchema.parse((await call("listReminders", { token, query: { after: first.nextCursor! } })).body);
    expect(second.nextCursor).toBeNull();
    const all = [...first.items, ...second.items];
    expect(all).toHaveLength(REMINDERS_PAGE_SIZE + 5);
    expect(new Set(all.map((i) => i.id)).size).toBe(all.length);
    const times = all.map((i) => Date.parse(i.createdAt));
    expect(times).toEqual(times.toSorted((a, b) => b - a));
    expect(all[0]!.occasion).toBe(`report-due:${soon.decisionId}`);

    const annual = ReminderPageSchema.parse((await call("listReminders", { token, query: { kind: "ANNUAL_REPORT_MISSING" } })).body);
    expect(annual.items).toHaveLength((REMINDERS_PAGE_SIZE + 4) / 2);
    expect(annual.items.every((i) => i.kind === "ANNUAL_REPORT_MISSING" && i.association?.id === world.associations.other.id)).toBe(true);
  });

  it("refuses a kind or cursor it does not know (422)", async () => {
    const token = world.users.coordinator.token;
    const badKind = await call("listReminders", { token, query: { kind: "SOMETIMES" } });
    expect(badKind.status).toBe(422);
    expect(badKind.body.error.fields.kind).toHaveLength(1);
    expect((await call("listReminders", { token, query: { after: "not-an-id" } })).status).toBe(422);
  });
});

describe("who may read reminders", () => {
  const OPERATIONS = Object.keys(HANDLERS) as OperationId[];

  it("documents both operations", () => {
    expect(reminderOperations.map((o) => o.operationId).sort()).toEqual([...OPERATIONS].sort());
  });

  it.each(OPERATIONS)("%s: 401 without a valid token", async (operationId) => {
    expect((await call(operationId)).status).toBe(401);
    expect((await call(operationId, { token: "ub_not-a-token" })).status).toBe(401);
  });

  it.each(OPERATIONS.flatMap((op) => (["applicant", "otherApplicant", "pendingApplicant", "committee"] as const).map((role) => [op, role] as const)))(
    "%s: 403 for %s",
    async (operationId, role) => {
      const res = await call(operationId, { token: world.users[role].token });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe("FORBIDDEN");
      expect(JSON.stringify(res.body)).not.toContain(soon.applicationId);
    },
  );

  it("the administrator sees that mail goes out, not whose case it is", async () => {
    const sent = ReminderPageSchema.parse((await call("listReminders", { token: world.users.admin.token })).body);
    const mine = sent.items.find((i) => i.occasion === `report-due:${soon.decisionId}`)!;
    expect(mine).toMatchObject({ kind: "REPORT_DUE_SOON", application: null, association: null });
    expect(mine.mails).toHaveLength(2);
    const upcoming = UpcomingRemindersSchema.parse((await call("listUpcomingReminders", { token: world.users.admin.token })).body);
    expect(upcoming.items.find((i) => i.occasion === `report-due:${later.decisionId}`)).toMatchObject({ application: null, association: null, recipients: 2 });
  });

  it("another municipality's coordinator sees none of them", async () => {
    const sent = ReminderPageSchema.parse((await call("listReminders", { token: outsider.token })).body);
    expect(sent).toEqual({ items: [], nextCursor: null });
    const upcoming = UpcomingRemindersSchema.parse((await call("listUpcomingReminders", { token: outsider.token })).body);
    expect(upcoming.items).toEqual([]);
  });
});
