// Messages on a case and the contact form, through the services against a
// real database: a member and the coordinator write to each other and each
// side's notices land in the outbox for the right people in their own
// language; nobody else finds the case; the contact form checks the reply
// channel, is rate-limited, and queues a notice and a receipt that no typed
// line break can turn into a header; the coordinator's inbox lists unread
// first, a page at a time, and marks messages handled.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ServiceError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import {
  CASE_MESSAGES_PER_HOUR,
  CONTACT_LIMIT_PER_ADDRESS,
  CONTACT_LIMIT_PER_IP,
  INBOX_PAGE_SIZE,
  listCaseMessages,
  listInbox,
  postCaseMessage,
  postContactMessage,
  setMessageRead,
  unreadMessageCount,
} from "@/lib/data/messages";
import { actorOf, buildWorld, insertSubmittedApplications, type World } from "../fixtures/world";

let world: World;
let caseId: string;
let member: Actor;
/** A second member of the same association, who reads English. */
let englishMember: { id: string; email: string };
/** A member who has left (deactivated): gets nothing. */
let formerMember: { id: string; email: string };
let coordinator: Actor;
/** A second coordinator of the municipality, who reads English. */
let englishCoordinator: { id: string; email: string };
/** A coordinator of another municipality. */
let elsewhere: { coordinator: Actor; municipalityId: string };

async function failure(promise: Promise<unknown>): Promise<ServiceError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ServiceError);
  return error as ServiceError;
}

const caseMails = (applicationId: string) =>
  db.outboxMail.findMany({ where: { applicationId, kind: "message.case" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

/** Every active coordinator of Piteå (the test worlds share the municipality). */
async function piteaCoordinators() {
  return db.user.findMany({ where: { municipalityId: world.municipality.id, roles: { has: "COORDINATOR" }, active: true }, select: { email: true, locale: true } });
}

let ipSequence = 0;
const freshIp = () => `198.51.100.${++ipSequence}`;

beforeAll(async () => {
  world = await buildWorld();
  [caseId] = (await insertSubmittedApplications(world, 1, { associationId: world.associations.mine.id })) as [string];
  member = actorOf(world.users.applicant);
  coordinator = actorOf(world.users.coordinator);
  englishMember = await db.user.create({
    data: { email: `english.${world.u}@test.example`, name: "Emma English", locale: "en", memberships: { create: { associationId: world.associations.mine.id } } },
  });
  formerMember = await db.user.create({
    data: { email: `former.${world.u}@test.example`, name: "Fredrik Former", active: false, memberships: { create: { associationId: world.associations.mine.id } } },
  });
  englishCoordinator = await db.user.create({
    data: { email: `coordinator-en.${world.u}@test.example`, name: "Chris Coordinator", locale: "en", roles: ["COORDINATOR"], municipalityId: world.municipality.id },
  });
  const other = await db.municipality.create({
    data: {
      slug: `annan-${world.u}`,
      name: "Annan kommun",
      orgNumber: "212000-0001",
      decidingBody: "Samordnaren",
      contactName: "Samordnaren",
      contactEmail: "samordnare@annan.example",
      contactPhone: "0100-10 00 00",
    },
  });
  const otherCoordinator = await db.user.create({
    data: { email: `samordnare.annan.${world.u}@test.example`, name: "Olle Annan", roles: ["COORDINATOR"], municipalityId: other.id },
  });
  elsewhere = {
    municipalityId: other.id,
    coordinator: { userId: otherCoordinator.id, email: otherCoordinator.email, name: otherCoordinator.name, roles: ["COORDINATOR"], municipalityId: other.id, locale: "sv", via: "session" },
  };
});

describe("a case's thread", () => {
  it("carries a member's message to every coordinator of the municipality, each in their language, and the reply to every active member", async () => {
    const t0 = new Date(Date.now() - 60_000);
    const sent = await postCaseMessage(member, caseId, { body: "  Hej! Får vi byta datum för resan?\n\nMvh Anna " }, t0);
    expect(sent).toMatchObject({ body: "Hej! Får vi byta datum för resan?\n\nMvh Anna", fromStaff: false, mine: true, authorName: world.users.applicant.name });
    const stored = await db.message.findUniqueOrThrow({ where: { id: sent.id } });
    expect(stored).toMatchObject({ applicationId: caseId, municipalityId: world.municipality.id, authorId: member.userId, fromStaff: false, readAt: null });

    const caseNumber = (await db.application.findUniqueOrThrow({ where: { id: caseId } })).caseNumber!;
    const toStaff = await caseMails(caseId);
    const coordinators = await piteaCoordinators();
    expect(toStaff.map((m) => m.to).sort()).toEqual(coordinators.map((c) => [c.email]).sort());
    for (const mail of toStaff) {
      const locale = coordinators.find((c) => c.email === mail.to[0])!.locale;
      expect(mail.subject).toBe(locale === "en" ? `New message on case ${caseNumber}` : `Nytt meddelande i ärende ${caseNumber}`);
      expect(mail).toMatchObject({ municipalityId: world.municipality.id, status: "PENDING" });
      expect(mail.text).toContain(`http://localhost:3000/applications/${caseId}#messages`);
      // The notice says there is a message; the message itself stays in the portal.
      expect(mail.text).not.toContain("byta datum");
    }
    expect(toStaff.some((m) => m.to[0] === englishCoordinator.email && m.subject.startsWith("New message"))).toBe(true);
    expect(toStaff.some((m) => m.to[0] === world.users.coordinator.email && m.subject.startsWith("Nytt meddelande"))).toBe(true);
    expect(await db.auditEvent.count({ where: { action: "message.posted", entityId: sent.id, actorId: member.userId } })).toBe(1);

    // The coordinator opens the thread: the member's message is new once, and read from then on.
    const before = await unreadMessageCount(coordinator);
    const opened = await listCaseMessages(coordinator, caseId);
    expect(opened.viewerIsStaff).toBe(true);
    expect(opened.messages).toEqual([expect.objectContaining({ id: sent.id, unread: true, mine: false, fromStaff: false, authorName: "Anna Andersson" })]);
    expect(await db.message.findUniqueOrThrow({ where: { id: sent.id } })).toMatchObject({ readById: coordinator.userId, readAt: expect.any(Date) });
    expect(await unreadMessageCount(coordinator)).toBe(before - 1);
    expect((await listCaseMessages(coordinator, caseId)).messages[0]).toMatchObject({ unread: false });

    // The coordinator replies: one notice per active member but nobody else, each in their language.
    const reply = await postCaseMessage(coordinator, caseId, { body: "Ja, skicka nya datum här." }, new Date(t0.getTime() + 1_000));
    expect(reply.fromStaff).toBe(true);
    const toMembers = (await caseMails(caseId)).slice(toStaff.length);
    expect(toMembers.map((m) => m.to[0]).sort()).toEqual([world.users.applicant.email, englishMember.email].sort());
    expect(toMembers.find((m) => m.to[0] === englishMember.email)!.subject).toBe(`New message on case ${caseNumber}`);
    expect(toMembers.find((m) => m.to[0] === world.users.applicant.email)!.subject).toBe(`Nytt meddelande i ärende ${caseNumber}`);
    expect(toMembers.flatMap((m) => m.to)).not.toContain(formerMember.email);

    // The member has one unread message until opening the thread, which lists both in order.
    expect(await unreadMessageCount(member)).toBe(1);
    const thread = await listCaseMessages(member, caseId);
    expect(thread.viewerIsStaff).toBe(false);
    expect(thread.messages.map((m) => [m.fromStaff, m.mine, m.unread])).toEqual([
      [false, true, false],
      [true, false, true],
    ]);
    // The member's own message shows that the coordinator has read it.
    expect(thread.messages[0]!.readAt).toEqual(expect.any(Date));
    expect(await unreadMessageCount(member)).toBe(0);
    // Opening marks only the other side's messages: the coordinator's reply is read, the member's own untouched.
    expect(await db.message.findUniqueOrThrow({ where: { id: reply.id } })).toMatchObject({ readById: member.userId });
  });

  it("goes to the municipality's contact address when it has no coordinator", async () => {
    const [id] = (await insertSubmittedApplications(world, 1, { associationId: world.associations.mine.id })) as [string];
    const active = await db.user.findMany({ where: { municipalityId: world.municipality.id, roles: { has: "COORDINATOR" }, active: true }, select: { id: true } });
    await db.user.updateMany({ where: { id: { in: active.map((u) => u.id) } }, data: { active: false } });
    try {
      await postCaseMessage(member, id, { body: "Finns det någon där?" });
      expect((await caseMails(id)).map((m) => m.to)).toEqual([[world.municipality.contactEmail]]);
    } finally {
      await db.user.updateMany({ where: { id: { in: active.map((u) => u.id) } }, data: { active: true } });
    }
  });

  it("stays open after the case is decided or withdrawn", async () => {
    const [withdrawn] = (await insertSubmittedApplications(world, 1, { associationId: world.associations.mine.id, status: "WITHDRAWN" })) as [string];
    await postCaseMessage(member, withdrawn, { body: "Vi drog tillbaka av misstag." });
    await postCaseMessage(coordinator, withdrawn, { body: "Skicka in en ny ansökan." });
    expect((await listCaseMessages(member, withdrawn)).messages).toHaveLength(2);
  });

  it("is not there to anyone outside the case: another association, the committee, the administrator, another municipality's coordinator", async () => {
    const outsiders: [string, Actor][] = [
      ["another association's member", actorOf(world.users.otherApplicant)],
      ["a committee member", actorOf(world.users.committee)],
      ["the administrator", actorOf(world.users.admin)],
      ["another municipality's coordinator", elsewhere.coordinator],
    ];
    const count = await db.message.count();
    const mails = await db.outboxMail.count();
    for (const [who, actor] of outsiders) {
      expect((await failure(listCaseMessages(actor, caseId))).code, who).toBe("NOT_FOUND");
      expect((await failure(postCaseMessage(actor, caseId, { body: "Hej" }))).code, who).toBe("NOT_FOUND");
    }
    for (const id of ["not-a-uuid", "00000000-0000-0000-0000-000000000000"]) {
      expect((await failure(listCaseMessages(member, id))).code).toBe("NOT_FOUND");
    }
    expect(await db.message.count()).toBe(count);
    expect(await db.outboxMail.count()).toBe(mails);
    // Nor do their unread counts include the case.
    expect(await unreadMessageCount(actorOf(world.users.otherApplicant))).toBe(0);
    expect(await unreadMessageCount(actorOf(world.users.committee))).toBe(0);
  });

  it("opens when the application is submitted: a draft has no thread, and the coordinator does not see drafts at all", async () => {
    const draft = await db.application.create({
      data: {
        municipalityId: world.municipality.id,
        programYearId: world.program.id,
        associationId: world.associations.mine.id,
        grantKind: "ACTIVITY",
        createdById: member.userId,
      },
    });
    const refused = await failure(postCaseMessage(member, draft.id, { body: "Hej" }));
    expect([refused.code, refused.messageKey]).toEqual(["CONFLICT", "errors.message.notSubmitted"]);
    expect((await failure(listCaseMessages(coordinator, draft.id))).code).toBe("NOT_FOUND");
    expect(await db.message.count({ where: { applicationId: draft.id } })).toBe(0);
  });

  it("refuses an empty or overlong message on the field, writing and sending nothing", async () => {
    const count = await db.message.count();
    for (const body of ["", "   \n ", "x".repeat(5_001)]) {
      const error = await failure(postCaseMessage(member, caseId, { body }));
      expect(error.code).toBe("VALIDATION");
      expect(Object.keys(error.fieldErrors ?? {})).toEqual(["body"]);
    }
    expect((await failure(postCaseMessage(member, caseId, null))).fieldErrors).toEqual({ body: ["validation.required"] });
    expect(await db.message.count()).toBe(count);
  });

  it("limits how many messages one person sends in an hour", async () => {
    const writer = await db.user.create({ data: { email: `busy.${world.u}@test.example`, name: "Busy", memberships: { create: { associationId: world.associations.mine.id } } } });
    const actor: Actor = { userId: writer.id, email: writer.email, name: writer.name, roles: [], municipalityId: null, locale: "sv", via: "session" };
    for (let i = 0; i < CASE_MESSAGES_PER_HOUR; i++) await postCaseMessage(actor, caseId, { body: `Meddelande ${i}` });
    const error = await failure(postCaseMessage(actor, caseId, { body: "Ett till" }));
    expect([error.code, error.messageKey]).toEqual(["RATE_LIMITED", "errors.message.rateLimited"]);
    expect(await db.message.count({ where: { authorId: writer.id } })).toBe(CASE_MESSAGES_PER_HOUR);
  });
});

const contact = {
  topic: "Fråga om aktivitetsbidrag",
  service: "GRANTS",
  body: "Kan vi söka för en resa i höst?",
  replyBy: "EMAIL",
  name: "Eva Ek",
  email: "eva.ek@besok.example",
  phone: "",
};

describe("the contact form", () => {
  it("requires an e-mail address for a reply by e-mail and a phone number for a reply by phone, on that field", async () => {
    const count = await db.message.count();
    const ip = freshIp();
    const byEmail = await failure(postContactMessage(null, { ...contact, email: "" }, { ip, locale: "sv" }));
    expect(byEmail.fieldErrors).toEqual({ email: ["validation.contact.email.requiredForReply"] });
    const byPhone = await failure(postContactMessage(null, { ...contact, replyBy: "PHONE", phone: "" }, { ip, locale: "sv" }));
    expect(byPhone.fieldErrors).toEqual({ phone: ["validation.contact.phone.requiredForReply"] });
    const nothing = await failure(postContactMessage(null, {}, { ip, locale: "sv" }));
    expect(Object.keys(nothing.fieldErrors ?? {}).sort()).toEqual(["body", "name", "replyBy", "service", "topic"]);
    expect(await db.message.count()).toBe(count);
  });

  it("becomes a case-less message for the coordinator, with a notice to every coordinator and a receipt to the sender", async () => {
    const sender = `eva.${world.u}@besok.example`;
    const result = await postContactMessage(null, { ...contact, email: sender.toUpperCase() }, { ip: freshIp(), locale: "en" });
    expect(result.receiptTo).toBe(sender);
    const message = await db.message.findUniqueOrThrow({ where: { id: result.id } });
    expect(message).toMatchObject({
      applicationId: null,
      authorId: null,
      fromStaff: false,
      municipalityId: world.municipality.id,
      topic: contact.topic,
      service: "GRANTS",
      replyBy: "EMAIL",
      senderName: "Eva Ek",
      senderEmail: sender,
      senderPhone: null,
      readAt: null,
    });

    const mails = await db.outboxMail.findMany({ where: { OR: [{ kind: "message.contact", replyTo: sender }, { kind: "message.contact-receipt", to: { has: sender } }] } });
    const notices = mails.filter((m) => m.kind === "message.contact");
    const coordinators = await piteaCoordinators();
    expect(notices.map((m) => m.to).sort()).toEqual(coordinators.map((c) => [c.email]).sort());
    for (const notice of notices) {
      const locale = coordinators.find((c) => c.email === notice.to[0])!.locale;
      expect(notice.subject).toBe(locale === "en" ? `Contact form: ${contact.topic}` : `Kontaktformuläret: ${contact.topic}`);
      expect(notice.text).toContain(locale === "en" ? "Grants to associations for international exchange" : "Bidrag till föreningar för internationellt utbyte");
      expect(notice.text).toContain("> Kan vi söka för en resa i höst?");
      expect(notice.text).toContain("http://localhost:3000/coordinator/messages");
      expect(notice.municipalityId).toBe(world.municipality.id);
    }
    // The receipt goes in the visitor's language and repeats nothing they typed.
    const receipts = mails.filter((m) => m.kind === "message.contact-receipt");
    expect(receipts).toHaveLength(1);
    expect(receipts[0]).toMatchObject({ to: [sender], replyTo: null, subject: "We have received your message – Piteå kommun" });
    expect(receipts[0]!.text).not.toContain("Eva");
    expect(receipts[0]!.text).not.toContain("resa");
    expect(await db.auditEvent.count({ where: { action: "message.contact-received", entityId: result.id, actorKind: "system" } })).toBe(1);
  });

  it("sends no receipt without an e-mail address, and a signed-in sender's message is theirs, the receipt in their language", async () => {
    const phoneOnly = await postContactMessage(null, { ...contact, replyBy: "PHONE", email: "", phone: "070-123 45 67" }, { ip: freshIp(), locale: "sv" });
    expect(phoneOnly.receiptTo).toBeNull();
    const notices = await db.outboxMail.findMany({ where: { kind: { startsWith: "message.contact" }, createdAt: { gte: (await db.message.findUniqueOrThrow({ where: { id: phoneOnly.id } })).createdAt } } });
    expect(notices.every((m) => m.kind === "message.contact" && m.replyTo === null)).toBe(true);
    expect(notices.find((m) => m.to[0] === world.users.coordinator.email)!.text).toContain("Svar via: Telefon");

    const signedIn: Actor = { ...member, locale: "en" };
    const mine = await postContactMessage(signedIn, { ...contact, email: world.users.applicant.email }, { ip: freshIp(), locale: "sv" });
    expect((await db.message.findUniqueOrThrow({ where: { id: mine.id } })).authorId).toBe(member.userId);
    const receipt = await db.outboxMail.findFirstOrThrow({ where: { kind: "message.contact-receipt", to: { has: world.users.applicant.email } } });
    expect(receipt.subject).toBe("We have received your message – Piteå kommun");
  });

  it("is limited per e-mail address and per client address, with a friendly error; refused input does not count", async () => {
    const address = `limit.${world.u}@besok.example`;
    for (let i = 0; i < 3; i++) await failure(postContactMessage(null, { ...contact, email: address, body: "" }, { ip: freshIp(), locale: "sv" }));
    for (let i = 0; i < CONTACT_LIMIT_PER_ADDRESS; i++) await postContactMessage(null, { ...contact, email: address }, { ip: freshIp(), locale: "sv" });
    const byAddress = await failure(postContactMessage(null, { ...contact, email: address.toUpperCase() }, { ip: freshIp(), locale: "sv" }));
    expect([byAddress.code, byAddress.messageKey]).toEqual(["RATE_LIMITED", "errors.contact.rateLimited"]);
    expect(await db.message.count({ where: { senderEmail: address } })).toBe(CONTACT_LIMIT_PER_ADDRESS);
    expect(await db.outboxMail.count({ where: { kind: "message.contact-receipt", to: { has: address } } })).toBe(CONTACT_LIMIT_PER_ADDRESS);

    const ip = freshIp();
    for (let i = 0; i < CONTACT_LIMIT_PER_IP; i++) {
      await postContactMessage(null, { ...contact, replyBy: "PHONE", email: "", phone: "070-123 45 67", body: `Fråga ${i}` }, { ip, locale: "sv" });
    }
    const byIp = await failure(postContactMessage(null, { ...contact, email: `another.${world.u}@besok.example` }, { ip, locale: "sv" }));
    expect([byIp.code, byIp.messageKey]).toEqual(["RATE_LIMITED", "errors.contact.rateLimited"]);
    // Another client is not held back by it.
    await postContactMessage(null, { ...contact, email: `another.${world.u}@besok.example` }, { ip: freshIp(), locale: "sv" });
  });

  it("never lets a line break typed into the name or the topic reach a mail header", async () => {
    const sender = `inject.${world.u}@besok.example`;
    const evil = "victim@evil.example";
    const result = await postContactMessage(
      null,
      { ...contact, email: sender, name: `Eva\r\nBcc: ${evil}`, topic: `Hej\r\nBcc: ${evil}\nSubject: Vinst!` },
      { ip: freshIp(), locale: "sv" },
    );
    const stored = await db.message.findUniqueOrThrow({ where: { id: result.id } });
    expect(stored.senderName).toBe(`Eva Bcc: ${evil}`);
    expect(stored.topic).toBe(`Hej Bcc: ${evil} Subject: Vinst!`);
    const mails = await db.outboxMail.findMany({ where: { OR: [{ replyTo: sender }, { to: { has: sender } }] } });
    expect(mails.length).toBeGreaterThan(1);
    for (const mail of mails) {
      expect(mail.subject).not.toMatch(/[\r\n\u2028\u2029]/);
      expect(mail.to).not.toContain(evil);
      expect(mail.to.join(",")).not.toMatch(/evil/);
      if (mail.replyTo) expect(mail.replyTo).toBe(sender);
    }
    // An address with a header tucked in is not an address.
    const error = await failure(postContactMessage(null, { ...contact, email: `${sender}\r\nBcc: ${evil}` }, { ip: freshIp(), locale: "sv" }));
    expect(error.fieldErrors).toEqual({ email: ["validation.email.format"] });
  });
});

describe("the coordinator's inbox", () => {
  /** Messages in the other municipality, straight into the database: `unread` unread and `read` read, one second apart. */
  async function seed(n: { unread: number; read: number; staff: number }) {
    const base = Date.UTC(2030, 0, 1);
    const writer = await db.user.create({ data: { email: `olga.${world.u}@test.example`, name: "Olga Annan" } });
    const [applicationId] = await (async () => {
      const association = await db.association.create({
        data: {
          municipalityId: elsewhere.municipalityId,
          name: `Annan förening ${world.u}`,
          orgNumber: "802002-4280",
          streetAddress: "Gatan 1",
          postalCode: "100 00",
          city: "Annanstad",
          contactName: "Anna",
          email: "anna@annan.example",
          phone: "070-000 00 00",
          paymentMethod: "BANKGIRO",
          paymentAccount: "5050-1055",
          createdById: writer.id,
          memberships: { create: { userId: writer.id } },
        },
      });
      const program = await db.programYear.create({
        data: { municipalityId: elsewhere.municipalityId, year: 2030, opensOn: new Date("2030-01-01"), closesOn: new Date("2030-12-31"), baseCapPerTown: 1, activityCapPerTown: 1, reportDeadlineMonths: 1 },
      });
      const a = await db.application.create({
        data: {
          municipalityId: elsewhere.municipalityId,
          programYearId: program.id,
          associationId: association.id,
          grantKind: "ACTIVITY",
          status: "SUBMITTED",
          caseNumber: `ANN 2030/${world.u}`,
          title: "Körresa",
          createdById: writer.id,
          submittedAt: new Date(base),
        },
      });
      return [a.id];
    })();
    const rows = [];
    for (let i = 0; i < n.unread + n.read + n.staff; i++) {
      const isCase = i % 2 === 0;
      const read = i >= n.unread && i < n.unread + n.read;
      const staff = i >= n.unread + n.read;
      rows.push({
        municipalityId: elsewhere.municipalityId,
        applicationId: isCase || staff ? applicationId : null,
        authorId: isCase && !staff ? writer.id : staff ? elsewhere.coordinator.userId : null,
        fromStaff: staff,
        body: `Meddelande ${i}`,
        ...(isCase || staff ? {} : { topic: `Ämne ${i}`, service: "SPORT", replyBy: "PHONE" as const, senderName: `Besökare ${i}`, senderPhone: "070-111 22 33" }),
        // Interleaved in time, so "unread first" is not just "newest first".
        createdAt: new Date(base + i * 7_919 * 1000 - (i % 3) * 86_400_000),
        readAt: read ? new Date(base) : null,
      });
    }
    await db.message.createMany({ data: rows });
    return { applicationId };
  }

  it("lists unread first, newest first within each, a page at a time, without repeats or gaps; case messages link the case, contact messages show the reply channel", async () => {
    const { applicationId } = await seed({ unread: 20, read: 12, staff: 3 });
    const seen: Awaited<ReturnType<typeof listInbox>>["items"] = [];
    let after: string | undefined;
    for (let page = 0; page < 5; page++) {
      const result = await listInbox(elsewhere.coordinator, { after });
      expect(result.items.length).toBeLessThanOrEqual(INBOX_PAGE_SIZE);
      seen.push(...result.items);
      if (!result.nextCursor) break;
      after = result.nextCursor;
    }
    expect(seen).toHaveLength(32);
    expect(new Set(seen.map((m) => m.id)).size).toBe(32);
    const unreadPart = seen.slice(0, 20);
    const readPart = seen.slice(20);
    expect(unreadPart.every((m) => m.readAt === null)).toBe(true);
    expect(readPart.every((m) => m.readAt !== null)).toBe(true);
    for (const part of [unreadPart, readPart]) {
      const times = part.map((m) => m.createdAt.getTime());
      expect(times).toEqual([...times].sort((a, b) => b - a));
    }
    const aCase = seen.find((m) => m.kind === "case")!;
    expect(aCase).toMatchObject({ application: { id: applicationId, caseNumber: `ANN 2030/${world.u}`, title: "Körresa" }, contact: null, fromName: "Olga Annan" });
    const aContact = seen.find((m) => m.kind === "contact")!;
    expect(aContact).toMatchObject({ application: null, contact: { replyBy: "PHONE", phone: "070-111 22 33", service: "SPORT" }, fromName: expect.stringMatching(/^Besökare/) });

    // Filtered by kind.
    const contactsOnly = await listInbox(elsewhere.coordinator, { kind: "contact" });
    expect(contactsOnly.items.length).toBeGreaterThan(0);
    expect(contactsOnly.items.every((m) => m.kind === "contact")).toBe(true);
    expect((await listInbox(elsewhere.coordinator, { kind: "case" })).items.every((m) => m.kind === "case")).toBe(true);
    // A cursor that is not one starts from the top.
    expect((await listInbox(elsewhere.coordinator, { after: "junk" })).items[0]!.id).toBe(seen[0]!.id);

    // Piteå's coordinator sees none of it, and counts none of it.
    const pitea = await listInbox(coordinator, { kind: "contact" });
    expect(pitea.items.some((m) => seen.some((s) => s.id === m.id))).toBe(false);
    expect(await unreadMessageCount(elsewhere.coordinator)).toBe(20);

    // Marking handled moves a message to the read part, audited; marking it unread moves it back.
    const first = seen[0]!;
    const marked = await setMessageRead(elsewhere.coordinator, first.id, true);
    expect(marked.readAt).toEqual(expect.any(Date));
    expect(await unreadMessageCount(elsewhere.coordinator)).toBe(19);
    expect((await listInbox(elsewhere.coordinator)).items[0]!.id).not.toBe(first.id);
    expect(await setMessageRead(elsewhere.coordinator, first.id, true)).toEqual(marked);
    expect(await db.auditEvent.count({ where: { entityId: first.id, action: "message.read" } })).toBe(1);
    expect((await setMessageRead(elsewhere.coordinator, first.id, false)).readAt).toBeNull();
    expect(await db.auditEvent.count({ where: { entityId: first.id, action: "message.unread" } })).toBe(1);
    expect(await unreadMessageCount(elsewhere.coordinator)).toBe(20);

    // Outside the inbox: another municipality's message, the coordinator's own side, anyone not a coordinator.
    expect((await failure(setMessageRead(coordinator, first.id))).code).toBe("NOT_FOUND");
    const own = await db.message.findFirstOrThrow({ where: { municipalityId: elsewhere.municipalityId, fromStaff: true } });
    expect((await failure(setMessageRead(elsewhere.coordinator, own.id))).code).toBe("NOT_FOUND");
    expect((await failure(setMessageRead(elsewhere.coordinator, "nope"))).code).toBe("NOT_FOUND");
    for (const user of [world.users.applicant, world.users.committee, world.users.admin]) {
      expect((await failure(setMessageRead(actorOf(user), first.id))).code).toBe("FORBIDDEN");
      expect((await failure(listInbox(actorOf(user)))).code).toBe("FORBIDDEN");
    }
  });
});
