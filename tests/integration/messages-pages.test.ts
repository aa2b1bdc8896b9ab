// The messaging pages rendered against a real database: the contact page
// (the municipality's details kept, the form prefilled for a signed-in
// user), a case's thread on the application page, and the coordinator's inbox.
import { createElement, type ComponentProps, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { I18nProvider } from "@/components/i18n/provider";
import { en, sv } from "@/lib/i18n/messages";
import { postCaseMessage, postContactMessage } from "@/lib/data/messages";
import { actorOf, buildWorld, insertSubmittedApplications, type World } from "../fixtures/world";

// The pages find their actor through the session, their locale in a cookie.
const session = vi.hoisted(() => ({ actor: null as Actor | null, locale: "sv" as "sv" | "en", ip: "192.0.2.200" }));
vi.mock("@/lib/auth/session", () => ({
  getSessionActor: async () => session.actor,
  requireSessionActor: async () => {
    if (!session.actor) throw new Error("no actor");
    return session.actor;
  },
}));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => ({ value: session.locale }) }),
  headers: async () => new Headers({ "x-forwarded-for": session.ip }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/navigation", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/navigation")>()),
  useRouter: () => ({ refresh: () => undefined, push: () => undefined }),
}));

import ContactPage from "@/app/contact/page";
import InboxPage from "@/app/coordinator/messages/page";
import { CaseMessages } from "@/components/messages/case-messages";
import { postCaseMessageAction } from "@/components/messages/actions";
import { sendContactMessageAction } from "@/app/contact/actions";
import { setMessageReadAction } from "@/app/coordinator/messages/actions";
import { CONTACT_LIMIT_PER_IP } from "@/lib/data/messages";

let world: World;

beforeAll(async () => {
  world = await buildWorld();
});

const render = async (node: Promise<ReactNode> | ReactNode) => {
  const props = { locale: session.locale, messages: session.locale === "sv" ? sv : en } as ComponentProps<typeof I18nProvider>;
  return renderToStaticMarkup(createElement(I18nProvider, props, await node));
};

describe("the contact page", () => {
  it("keeps the municipality's e-mail and phone and offers the form: topic, service, message, reply channel, name, e-mail, phone", async () => {
    session.actor = null;
    session.locale = "sv";
    const html = await render(ContactPage());
    expect(html.match(/<h1/g)).toHaveLength(1);
    expect(html).toContain(`href="mailto:${world.municipality.contactEmail}"`);
    expect(html).toContain('href="tel:0911696000"');
    for (const [id, label] of [
      ["contact-topic", "Vad gäller ditt ärende?"],
      ["contact-service", "Vilken verksamhet gäller det?"],
      ["contact-body", "Ditt meddelande"],
      ["contact-name", "Ditt namn"],
      ["contact-email", "E-postadress"],
      ["contact-phone", "Telefonnummer"],
    ]) {
      expect(html).toMatch(new RegExp(`<label for="${id}">${label}`));
    }
    expect(html).toMatch(/<input type="radio" id="contact-replyBy" name="replyBy" checked="" value="EMAIL"\/>/);
    expect(html).toContain('value="PHONE"');
    expect(html).toContain("Skola och utbildning");
    expect(html).toContain('<option value="OTHER">Annat</option>');
    // Nobody signed in: nothing prefilled.
    expect(html).toMatch(/id="contact-name"[^>]*value=""/);
  });

  it("prefills a signed-in user's name and e-mail, in English when chosen", async () => {
    session.actor = actorOf(world.users.applicant);
    session.locale = "en";
    try {
      const html = await render(ContactPage());
      expect(html).toContain("What is your question about?");
      expect(html).toMatch(new RegExp(`id="contact-name"[^>]*value="${world.users.applicant.name}"`));
      expect(html).toMatch(new RegExp(`id="contact-email"[^>]*value="${world.users.applicant.email.replace(/\./g, "\\.")}"`));
    } finally {
      session.locale = "sv";
    }
  });
});

describe("a case's thread on the application page", () => {
  it("lists each message with its writer, role and time, marks the other side's new ones, and has a labelled form", async () => {
    const [id] = (await insertSubmittedApplications(world, 1, { associationId: world.associations.mine.id })) as [string];
    await postCaseMessage(actorOf(world.users.applicant), id, { body: "Hej!\nVi har en fråga." });
    await postCaseMessage(actorOf(world.users.coordinator), id, { body: "Fråga på <b>bara</b>." });
    const html = await render(CaseMessages({ actor: actorOf(world.users.applicant), applicationId: id, status: "SUBMITTED" }));
    expect(html).toMatch(/<section class="card case-messages" id="messages" aria-labelledby="messages-title">/);
    expect(html).toMatch(/<ol class="message-list" aria-label="Meddelanden i ärendet, äldst först">/);
    expect(html.match(/<li class="message /g)).toHaveLength(2);
    expect(html).toContain("<strong>Du</strong>");
    expect(html).toContain("<strong>Sara Samordnare</strong><span class=\"muted\"> – Internationella samordnaren</span>");
    expect(html).toMatch(/<time dateTime="\d{4}-\d\d-\d\dT[^"]+Z">/);
    expect(html).toContain('<span class="status message-new">Nytt</span>');
    // What people type is text, never markup.
    expect(html).toContain("Fråga på &lt;b&gt;bara&lt;/b&gt;.");
    expect(html).toMatch(/<label for="message-body-[^"]+">Nytt meddelande/);
    expect(html).toContain("Skicka meddelandet");
    // Seen once: the next opening has nothing new.
    expect(await render(CaseMessages({ actor: actorOf(world.users.applicant), applicationId: id, status: "SUBMITTED" }))).not.toContain("message-new");
  });

  it("is not there for a draft", async () => {
    expect(await CaseMessages({ actor: actorOf(world.users.applicant), applicationId: "00000000-0000-0000-0000-000000000000", status: "DRAFT" })).toBeNull();
  });
});

describe("the coordinator's inbox", () => {
  it("shows unread messages with their case link or the sender's reply channel, each cell labelled; others get 404", async () => {
    const [id] = (await insertSubmittedApplications(world, 1, { associationId: world.associations.mine.id })) as [string];
    await postCaseMessage(actorOf(world.users.applicant), id, { body: "En fråga om ärendet." });
    await postContactMessage(null, { topic: "Vänortsresa", service: "SPORT", body: "Ring mig", replyBy: "PHONE", name: "Petra Telefon", phone: "070-987 65 43" }, { ip: "192.0.2.1", locale: "sv" });
    const caseNumber = (await db.application.findUniqueOrThrow({ where: { id } })).caseNumber!;
    session.actor = actorOf(world.users.coordinator);
    const html = await render(InboxPage({ searchParams: Promise.resolve({}) }));
    expect(html.match(/<h1/g)).toHaveLength(1);
    expect(html).toMatch(/<table class="stack inbox">/);
    for (const label of ["Mottaget", "Från", "Gäller", "Meddelande", "Status"]) expect(html).toContain(`data-label="${label}"`);
    expect(html).toContain(`href="/applications/${id}#messages"`);
    expect(html).toContain(`Ärende ${caseNumber}`);
    expect(html).toContain("Petra Telefon");
    expect(html).toContain("Vill ha svar via telefon");
    expect(html).toContain('href="tel:0709876543"');
    expect(html).toContain("Verksamhet: Idrott");
    expect(html).toContain('aria-label="Markera meddelandet från Petra Telefon som hanterat"');

    for (const role of ["applicant", "committee", "admin"] as const) {
      session.actor = actorOf(world.users[role]);
      await expect(render(InboxPage({ searchParams: Promise.resolve({}) })), role).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK|NEXT_NOT_FOUND/);
    }
  });
});

describe("the server actions", () => {
  it("contact form: field errors as keys, the receipt's address on success, the rate limit as a friendly form error; anyone may send", async () => {
    session.actor = null;
    session.ip = "192.0.2.77";
    session.locale = "en";
    try {
      const bad = await sendContactMessageAction({ topic: "Hej", service: "OTHER", body: "Fråga", replyBy: "PHONE", name: "Eva", email: "", phone: "" });
      expect(bad).toEqual({ ok: false, code: "VALIDATION", formError: "errors.VALIDATION", fieldErrors: { phone: ["validation.contact.phone.requiredForReply"] } });
      const email = `action.${world.u}@besok.example`;
      const good = { topic: "Hej", service: "OTHER", body: "Fråga", replyBy: "EMAIL", name: "Eva", email, phone: "" };
      expect(await sendContactMessageAction(good)).toEqual({ ok: true, data: { receiptTo: email } });
      // The visitor's chosen language decides the receipt's.
      expect((await db.outboxMail.findFirstOrThrow({ where: { kind: "message.contact-receipt", to: { has: email } } })).subject).toMatch(/^We have received/);
      // The client address comes from the request's headers.
      for (let i = 1; i < CONTACT_LIMIT_PER_IP; i++) await sendContactMessageAction({ ...good, email: `action${i}.${world.u}@besok.example` });
      expect(await sendContactMessageAction({ ...good, email: `late.${world.u}@besok.example` })).toEqual({ ok: false, code: "RATE_LIMITED", formError: "errors.contact.rateLimited" });
    } finally {
      session.locale = "sv";
    }
  });

  it("case message and mark read: the signed-in actor's own rights", async () => {
    const [id] = (await insertSubmittedApplications(world, 1, { associationId: world.associations.mine.id })) as [string];
    session.actor = actorOf(world.users.otherApplicant);
    expect(await postCaseMessageAction(id, "Hej")).toMatchObject({ ok: false, code: "NOT_FOUND" });
    session.actor = actorOf(world.users.applicant);
    expect(await postCaseMessageAction(id, " ")).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { body: ["validation.required"] } });
    expect(await postCaseMessageAction(id, "Hej")).toEqual({ ok: true, data: null });
    const message = await db.message.findFirstOrThrow({ where: { applicationId: id } });
    expect(await setMessageReadAction(message.id, true)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    session.actor = actorOf(world.users.coordinator);
    expect(await setMessageReadAction(message.id, true)).toEqual({ ok: true, data: null });
    expect((await db.message.findUniqueOrThrow({ where: { id: message.id } })).readById).toBe(world.users.coordinator.id);
  });
});
