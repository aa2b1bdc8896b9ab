// Sends real mail over SMTP to the local mail catcher and reads it back,
// both through the catcher's API and its web inbox.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startMailCatcher, type MailCatcher } from "@/scripts/lib/mail-catcher";
import { sendMail } from "@/lib/mail/send";
import { applicationReceipt, signInLink } from "@/lib/mail/templates";
import { MailNotConfiguredError } from "@/lib/mail/transport";

let catcher: MailCatcher;
let web: string;
const savedEnv = { SMTP_URL: process.env.SMTP_URL, MAIL_FROM: process.env.MAIL_FROM };

beforeAll(async () => {
  catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
  web = `http://127.0.0.1:${catcher.httpPort}`;
});

afterAll(async () => {
  await catcher?.stop();
});

beforeEach(() => {
  catcher.clear();
  // The transport reads the environment when it sends.
  process.env.SMTP_URL = `smtp://test:test@127.0.0.1:${catcher.smtpPort}`;
  process.env.MAIL_FROM = "Internationella bidrag <no-reply@bidrag.test>";
});

afterEach(() => {
  for (const [key, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

const signInUrl = "http://localhost:3000/sign-in/confirm?token=abc123&email=anna%40example.se";

describe("sendMail through the catcher", () => {
  it("delivers a templated mail with its subject, sender and link", async () => {
    const sent = await sendMail({ to: "anna@example.se", ...signInLink({ url: signInUrl, minutesValid: 15 }) });
    expect(sent.accepted).toEqual(["anna@example.se"]);

    const mail = await catcher.waitFor((m) => m.to.includes("anna@example.se"), 5_000);
    expect(mail.subject).toBe("Din inloggningslänk");
    expect(mail.from).toMatch(/^"?Internationella bidrag"? <no-reply@bidrag\.test>$/);
    expect(mail.text).toContain(signInUrl);
    expect(mail.text).toContain("15 minuter");
    expect(mail.html).toContain('<html lang="sv">');
  });

  it("keeps Swedish characters and amounts intact", async () => {
    const content = applicationReceipt({
      caseNumber: "2025-0007",
      title: "Körläger i Åbo",
      associationName: "Föreningen Norden",
      grantKind: "ACTIVITY",
      partnerTown: "Åbo",
      requestedAmount: 12500,
      url: "http://localhost:3000/applications/7",
    });
    await sendMail({ to: "Bo Ek <bo@example.se>", ...content });

    const mail = await catcher.waitFor((m) => m.to.includes("bo@example.se"));
    expect(mail.subject).toBe("Vi har tagit emot er ansökan 2025-0007");
    expect(mail.text).toContain("Sökt belopp: 12 500 kr");
    expect(mail.text).toContain("Körläger i Åbo");
  });

  it("does not let a subject add a recipient or a header", async () => {
    await sendMail({
      to: "anna@example.se",
      subject: "Hej\r\nBcc: mallory@evil.example\r\nX-Injected: yes",
      text: "Text",
      html: "<p>Text</p>",
      replyTo: "Kansliet <kansli@example.se>",
    });

    const mail = await catcher.waitFor((m) => m.to.includes("anna@example.se"));
    expect(mail.to).toEqual(["anna@example.se"]);
    expect(mail.subject).toBe("Hej Bcc: mallory@evil.example X-Injected: yes");
    const headerNames = mail.headers.map((h) => h.key);
    expect(headerNames).not.toContain("bcc");
    expect(headerNames).not.toContain("x-injected");
    expect(mail.headers.find((h) => h.key === "reply-to")?.line).toContain("kansli@example.se");
    expect(catcher.messages()).toHaveLength(1);
  });

  it("refuses a recipient that tries to add another", async () => {
    await expect(
      sendMail({ to: "anna@example.se\r\nBcc: mallory@evil.example", subject: "Hej", text: "Text", html: "<p>Text</p>" }),
    ).rejects.toThrow(/Not a single e-mail address/);
    await expect(sendMail({ to: "anna@example.se, mallory@evil.example", subject: "Hej", text: "Text", html: "<p>Text</p>" })).rejects.toThrow(
      /Not a single e-mail address/,
    );
    expect(catcher.messages()).toEqual([]);
  });

  it("says what is missing when SMTP is not configured", async () => {
    delete process.env.SMTP_URL;
    const saved = { SMTP_HOST: process.env.SMTP_HOST };
    delete process.env.SMTP_HOST;
    try {
      await expect(sendMail({ to: "anna@example.se", subject: "Hej", text: "Text", html: "<p>Text</p>" })).rejects.toThrow(MailNotConfiguredError);
    } finally {
      if (saved.SMTP_HOST !== undefined) process.env.SMTP_HOST = saved.SMTP_HOST;
    }
  });

  it("throws when the SMTP server cannot be reached", async () => {
    const other = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
    const deadPort = other.smtpPort;
    await other.stop();
    process.env.SMTP_URL = `smtp://127.0.0.1:${deadPort}`;
    await expect(sendMail({ to: "anna@example.se", subject: "Hej", text: "Text", html: "<p>Text</p>" })).rejects.toThrow(/ECONNREFUSED/);
  });
});

describe("the catcher's web inbox", () => {
  it("lists the mail on the inbox page and in the API, and shows it with a clickable link", async () => {
    await sendMail({ to: "anna@example.se", ...signInLink({ url: signInUrl, minutesValid: 15 }) });
    await sendMail({ to: "bo@example.se", subject: "<b>Andra</b> & sista", text: "Hej", html: "<p>Hej</p>" });
    await catcher.waitFor((m) => m.to.includes("bo@example.se"));

    const api = await fetch(`${web}/api/messages`);
    expect(api.status).toBe(200);
    const list = (await api.json()) as { id: string; to: string[]; subject: string }[];
    expect(list.map((m) => m.subject)).toEqual(["<b>Andra</b> & sista", "Din inloggningslänk"]);
    const signIn = list[1]!;

    const filtered = (await (await fetch(`${web}/api/messages?to=ANNA@example.se`)).json()) as { id: string }[];
    expect(filtered.map((m) => m.id)).toEqual([signIn.id]);

    const inbox = await fetch(`${web}/`);
    expect(inbox.status).toBe(200);
    expect(inbox.headers.get("content-type")).toMatch(/^text\/html/);
    const inboxHtml = await inbox.text();
    expect(inboxHtml).toContain('<html lang="sv">');
    expect(inboxHtml).toMatch(/<title>[^<]+<\/title>/);
    expect(inboxHtml).toContain("<main");
    expect(inboxHtml).toContain(`href="/messages/${signIn.id}"`);
    expect(inboxHtml).toContain("Din inloggningslänk");
    expect(inboxHtml).toContain("anna@example.se");
    expect(inboxHtml).toContain("&lt;b&gt;Andra&lt;/b&gt; &amp; sista");
    expect(inboxHtml).not.toContain("<b>Andra</b>");
    // Newest first.
    expect(inboxHtml.indexOf("Andra")).toBeLessThan(inboxHtml.indexOf("Din inloggningslänk"));

    const page = await (await fetch(`${web}/messages/${signIn.id}`)).text();
    expect(page).toContain("<pre>");
    expect(page).toContain(`<a href="${signInUrl.replace(/&/g, "&amp;")}">`);

    // The mail's own HTML is served in a sandbox, never as part of the catcher's pages.
    const original = await fetch(`${web}/messages/${signIn.id}/html`);
    expect(original.status).toBe(200);
    expect(original.headers.get("content-security-policy")).toMatch(/^sandbox;/);

    expect((await fetch(`${web}/messages/999999`)).status).toBe(404);

    const cleared = await fetch(`${web}/api/messages`, { method: "DELETE" });
    expect(cleared.status).toBe(204);
    expect(await (await fetch(`${web}/api/messages`)).json()).toEqual([]);
  });

  it("answers only to local host names", async () => {
    const { request } = await import("node:http");
    const status = await new Promise<number | undefined>((resolve, reject) => {
      request({ host: "127.0.0.1", port: catcher.httpPort, path: "/api/messages", headers: { Host: "attacker.example" } }, (res) => {
        res.resume();
        resolve(res.statusCode);
      })
        .on("error", reject)
        .end();
    });
    expect(status).toBe(421);
  });
});
