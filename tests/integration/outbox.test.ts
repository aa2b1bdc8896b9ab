// The mail outbox end to end: services write mails in their transactions, the
// worker (pg-boss, in this process) delivers them to a real SMTP server. While
// the server is down nothing is lost; when it is back every mail arrives
// exactly once, however many workers run. A mail that keeps failing is FAILED
// and staff can send it again; secret links are erased once sent and never
// sent after they expire.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { db } from "@/lib/db";
import { queueMail } from "@/lib/mail/outbox";
import { authOptions } from "@/lib/auth/options";
import { createApplication, submitApplication, updateDraft } from "@/lib/data/applications";
import { inviteMember, verifyAssociation } from "@/lib/data/associations";
import { startConsultation } from "@/lib/data/consultations";
import { listOutbox, resendMail } from "@/lib/data/outbox";
import { deliverOutboxMail, ClaimedElsewhere } from "@/lib/jobs/outbox-delivery";
import { OUTBOX_CHANNEL } from "@/lib/jobs/worker";
import { startMailCatcher, type CaughtMail, type MailCatcher } from "@/scripts/lib/mail-catcher";
import { outboxSettled, startTestWorker } from "../fixtures/mail-and-uploads";
import { actorOf, buildWorld, completeDraft, type World } from "../fixtures/world";

let catcher: MailCatcher;
let smtpPort: number;
let world: World;
const savedSmtp = process.env.SMTP_URL;
const FAR = "2099-12-31";

beforeAll(async () => {
  catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
  smtpPort = catcher.smtpPort;
  process.env.SMTP_URL = `smtp://127.0.0.1:${smtpPort}`;
  world = await buildWorld();
});

afterAll(async () => {
  await catcher?.stop();
  if (savedSmtp === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = savedSmtp;
});

/** Polls until `check` holds; fails naming `what` after the timeout. */
async function until(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const sameMail = (row: { to: string[]; subject: string }) => (m: CaughtMail) => m.to.includes(row.to[0]!) && m.subject === row.subject;

async function submittedApplication(title: string): Promise<string> {
  const actor = actorOf(world.users.applicant);
  const draft = await createApplication(actor, { associationId: world.associations.mine.id, programYearId: world.program.id, grantKind: "ACTIVITY" });
  await updateDraft(actor, draft.id, completeDraft(world, { title, requestedAmount: 1_000 }));
  await submitApplication(actor, draft.id);
  return draft.id;
}

async function rowsAfter(ids: Set<string>) {
  return (await db.outboxMail.findMany({ orderBy: { createdAt: "asc" } })).filter((r) => !ids.has(r.id));
}

async function existingIds() {
  return new Set((await db.outboxMail.findMany({ select: { id: true } })).map((r) => r.id));
}

describe("while the SMTP server is down", () => {
  it("loses nothing, and delivers every mail exactly once when it is back", async () => {
    const log: string[] = [];
    const stop = await startTestWorker(log, { retryLimit: 50 });
    try {
      const before = await existingIds();
      await catcher.stop();

      const first = await submittedApplication("Körläger i Åbo");
      const second = await submittedApplication("Slöjdutbyte");
      await verifyAssociation(actorOf(world.users.coordinator), world.associations.pending.id);
      await startConsultation(actorOf(world.users.coordinator), { applicationIds: [first, second], closesOn: FAR });
      await inviteMember(actorOf(world.users.applicant), world.associations.mine.id, { email: `ny.${world.u}@test.example` });

      const rows = await rowsAfter(before);
      expect(rows.map((r) => r.kind).sort()).toEqual(
        ["application.receipt", "application.receipt", "association.invitation", "association.verified", "consultation.request"].sort(),
      );
      // The worker tries, fails and keeps every mail waiting.
      await until("every mail has failed twice", async () => {
        const now = await db.outboxMail.findMany({ where: { id: { in: rows.map((r) => r.id) } } });
        return now.every((r) => r.attempts >= 2);
      });
      const waiting = await db.outboxMail.findMany({ where: { id: { in: rows.map((r) => r.id) } } });
      expect(waiting.map((r) => r.status)).toEqual(rows.map(() => "PENDING"));
      expect(new Set(waiting.map((r) => r.lastError))).toEqual(new Set(["ECONNREFUSED"]));
      expect(log.some((line) => line.startsWith("warn:") && line.includes("ECONNREFUSED"))).toBe(true);

      catcher = await startMailCatcher({ smtpPort, httpPort: 0 });
      await outboxSettled(30_000);
      // Time for a second copy to arrive, were one (wrongly) on its way.
      await new Promise((r) => setTimeout(r, 1_500));

      const sent = await db.outboxMail.findMany({ where: { id: { in: rows.map((r) => r.id) } } });
      for (const row of sent) {
        expect(row.status, row.kind).toBe("SENT");
        expect(row.sentAt).not.toBeNull();
        expect(row.messageId).toBeTruthy();
        expect(row.claimedAt).toBeNull();
        expect(catcher.messages().filter(sameMail(row)), `${row.kind} to ${row.to[0]}`).toHaveLength(1);
      }
      expect(catcher.messages()).toHaveLength(rows.length);
      // The invitation's link is a secret: gone from the outbox once delivered. Other mails keep their text.
      const invitation = sent.find((r) => r.kind === "association.invitation")!;
      expect([invitation.sensitive, invitation.text, invitation.html]).toEqual([true, "", ""]);
      expect(catcher.messages().find(sameMail(invitation))!.text).toMatch(/\/invitations\/[\w-]+/);
      expect(sent.find((r) => r.kind === "association.verified")!.text).not.toBe("");
      expect(log.filter((line) => line.startsWith("error:"))).toEqual([]);
    } finally {
      await stop();
    }
  }, 90_000);
});

describe("the outbox row and its notice", () => {
  it("exist only when the transaction that wrote them commits", async () => {
    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    const heard: string[] = [];
    listener.on("notification", (n) => heard.push(n.payload ?? ""));
    await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
    try {
      const mail = { to: `rollback.${world.u}@test.example`, subject: "Ångrat", text: "Text", html: "<p>Text</p>", kind: "test.rollback", municipalityId: world.municipality.id };
      await expect(
        db.$transaction(async (tx) => {
          await queueMail(tx, [mail]);
          throw new Error("the change fails after queueing its mail");
        }),
      ).rejects.toThrow(/fails after queueing/);
      const [committed] = await db.$transaction((tx) => queueMail(tx, [{ ...mail, kind: "test.commit" }]));
      await until("the committed mail is announced", async () => heard.includes(committed!));
      expect(heard).toEqual([committed]);
      expect(await db.outboxMail.count({ where: { kind: "test.rollback" } })).toBe(0);
    } finally {
      await listener.end();
    }
  });

  it("is picked up by a worker started later, from its sweep", async () => {
    const [id] = await db.$transaction((tx) =>
      queueMail(tx, [{ to: `late.${world.u}@test.example`, subject: "Väntade på arbetaren", text: "Hej", html: "<p>Hej</p>", kind: "test.late", municipalityId: world.municipality.id }]),
    );
    const log: string[] = [];
    const stop = await startTestWorker(log);
    try {
      await outboxSettled();
      expect((await db.outboxMail.findUniqueOrThrow({ where: { id } })).status).toBe("SENT");
      expect(catcher.messages().filter((m) => m.subject === "Väntade på arbetaren")).toHaveLength(1);
    } finally {
      await stop();
    }
  });
});

describe("several workers on one database", () => {
  it("deliver each mail once", async () => {
    const logs: string[] = [];
    const stops = await Promise.all([startTestWorker(logs, { concurrency: 3 }), startTestWorker(logs, { concurrency: 3 })]);
    try {
      const ids = await db.$transaction((tx) =>
        queueMail(
          tx,
          Array.from({ length: 30 }, (_, i) => ({
            to: `many${i}.${world.u}@test.example`,
            subject: `Massutskick ${i}`,
            text: "Hej",
            html: "<p>Hej</p>",
            kind: "test.bulk",
            municipalityId: world.municipality.id,
          })),
        ),
      );
      await outboxSettled();
      await new Promise((r) => setTimeout(r, 1_000));
      const rows = await db.outboxMail.findMany({ where: { id: { in: ids } } });
      expect(rows.every((r) => r.status === "SENT" && r.attempts === 1)).toBe(true);
      for (const row of rows) expect(catcher.messages().filter(sameMail(row)), row.subject).toHaveLength(1);
      expect(logs).toEqual([]);
    } finally {
      await Promise.all(stops.map((stop) => stop()));
    }
  }, 60_000);

  it("never let two attempts hold one mail at once", async () => {
    const [id] = await db.$transaction((tx) =>
      queueMail(tx, [{ to: `claim.${world.u}@test.example`, subject: "Ett anspråk", text: "Hej", html: "<p>Hej</p>", kind: "test.claim", municipalityId: world.municipality.id }]),
    );
    // No worker runs: two attempts at the same mail, the first slow to send.
    await db.outboxMail.update({ where: { id }, data: { queuedAt: new Date() } });
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 3 });
    let sends = 0;
    const slowSend = async () => {
      sends++;
      await new Promise((r) => setTimeout(r, 300));
      return { messageId: "<claim@test>", accepted: [], rejected: [] };
    };
    try {
      const results = await Promise.allSettled([
        deliverOutboxMail(pool, id!, { lastAttempt: false, send: slowSend }),
        new Promise((r) => setTimeout(r, 50)).then(() => deliverOutboxMail(pool, id!, { lastAttempt: false, send: slowSend })),
      ]);
      expect(sends).toBe(1);
      expect(results[0]).toMatchObject({ status: "fulfilled", value: { outcome: "sent" } });
      expect(results[1]).toMatchObject({ status: "rejected", reason: expect.any(ClaimedElsewhere) });
      // Once it is sent, a late attempt finds nothing to do.
      expect(await deliverOutboxMail(pool, id!, { lastAttempt: false, send: slowSend })).toEqual({ outcome: "done" });
      expect(sends).toBe(1);
    } finally {
      await pool.end();
    }
  });
});

describe("a mail that cannot be delivered", () => {
  it("is FAILED after its retries, shown to staff, and delivered once when sent again", async () => {
    const dead = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
    const deadPort = dead.smtpPort;
    await dead.stop();
    process.env.SMTP_URL = `smtp://127.0.0.1:${deadPort}`;
    const other = await buildWorld();
    const log: string[] = [];
    const stop = await startTestWorker(log, { retryLimit: 2 });
    try {
      const before = await existingIds();
      await verifyAssociation(actorOf(world.users.coordinator), other.associations.pending.id);
      const [row] = await rowsAfter(before);
      expect(row).toMatchObject({ kind: "association.verified", to: [other.users.pendingApplicant.email] });
      await until("the mail is FAILED", async () => (await db.outboxMail.findUniqueOrThrow({ where: { id: row!.id } })).status === "FAILED");
      const failed = await db.outboxMail.findUniqueOrThrow({ where: { id: row!.id } });
      expect(failed).toMatchObject({ attempts: 3, lastError: "ECONNREFUSED", claimedAt: null });
      expect(log.filter((l) => l.startsWith("error:"))).toEqual([expect.stringContaining(`mail ${row!.id} not sent (ECONNREFUSED); it is FAILED`)]);

      const coordinator = actorOf(world.users.coordinator);
      const listed = await listOutbox(coordinator, { status: "FAILED" });
      expect(listed.counts.FAILED).toBeGreaterThanOrEqual(1);
      expect(listed.mails.find((m) => m.id === row!.id)).toMatchObject({ status: "FAILED", attempts: 3, lastError: "ECONNREFUSED", resendable: true });
      expect(listed.mails[0]).not.toHaveProperty("text");

      process.env.SMTP_URL = `smtp://127.0.0.1:${smtpPort}`;
      const resent = await resendMail(coordinator, row!.id);
      expect(resent).toMatchObject({ status: "PENDING", attempts: 0, lastError: null });
      await outboxSettled();
      await new Promise((r) => setTimeout(r, 1_000));
      expect(await db.outboxMail.findUniqueOrThrow({ where: { id: row!.id } })).toMatchObject({ status: "SENT", attempts: 1, lastError: null });
      expect(catcher.messages().filter(sameMail(row!))).toHaveLength(1);
      expect(await db.auditEvent.count({ where: { action: "outbox.mail-resent", entityId: row!.id, actorId: world.users.coordinator.id } })).toBe(1);
      await expect(resendMail(coordinator, row!.id)).rejects.toMatchObject({ code: "CONFLICT" });
    } finally {
      process.env.SMTP_URL = `smtp://127.0.0.1:${smtpPort}`;
      await stop();
    }
  }, 60_000);
});

describe("sign-in links", () => {
  const sendSignInMail = async (email: string, expires: Date) => {
    // next-auth keeps the options given to the provider, our sendVerificationRequest among them, under `options`.
    const provider = authOptions.providers[0] as unknown as {
      options: { sendVerificationRequest(params: { identifier: string; url: string; expires: Date; token: string }): Promise<void> };
    };
    const token = `secret-${crypto.randomUUID()}`;
    const url = `http://localhost:3000/api/auth/callback/email?callbackUrl=%2Fmy&token=${token}&email=${encodeURIComponent(email)}`;
    await provider.options.sendVerificationRequest({ identifier: email, url, expires, token });
    return { token, row: await db.outboxMail.findFirstOrThrow({ where: { to: { has: email } } }) };
  };

  it("are delivered once and then erased from the outbox", async () => {
    const stop = await startTestWorker([]);
    try {
      const email = `signin.${world.u}@test.example`;
      const { token, row } = await sendSignInMail(email, new Date(Date.now() + 600_000));
      expect(row).toMatchObject({ kind: "auth.sign-in", sensitive: true, municipalityId: null });
      expect(row.text).toContain(`token=${token}`);
      await outboxSettled();
      const sent = await db.outboxMail.findUniqueOrThrow({ where: { id: row.id } });
      expect([sent.status, sent.text, sent.html]).toEqual(["SENT", "", ""]);
      const mail = catcher.messages().filter((m) => m.to.includes(email));
      expect(mail).toHaveLength(1);
      expect(mail[0]!.text).toContain(`token=${token}`);
    } finally {
      await stop();
    }
  });

  it("are never sent once they have expired", async () => {
    const email = `expired.${world.u}@test.example`;
    const { row } = await sendSignInMail(email, new Date(Date.now() - 1_000));
    const stop = await startTestWorker([]);
    try {
      await outboxSettled();
      await new Promise((r) => setTimeout(r, 500));
      const expired = await db.outboxMail.findUniqueOrThrow({ where: { id: row.id } });
      expect([expired.status, expired.attempts, expired.text, expired.html]).toEqual(["EXPIRED", 0, "", ""]);
      expect(catcher.messages().filter((m) => m.to.includes(email))).toEqual([]);
      // Gone with its secret: staff cannot send it again (it belongs to no municipality's staff either).
      await db.outboxMail.update({ where: { id: row.id }, data: { municipalityId: world.municipality.id } });
      await expect(resendMail(actorOf(world.users.coordinator), row.id)).rejects.toMatchObject({ code: "CONFLICT" });
    } finally {
      await stop();
    }
  });
});
