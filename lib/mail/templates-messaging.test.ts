import { describe, expect, it } from "vitest";
import type { Locale } from "./templates";
import { caseMessageNotice, contactMessageNotice, contactReceipt } from "./templates-messaging";

const HOSTILE = `<script>alert("x")</script> & 'Vänner'`;
const HOSTILE_ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Vänner&#39;";
const INJECTION = "Hej\r\nBcc: victim@example.se\nX-Evil: 1";

const caseNotice = (over: Partial<Parameters<typeof caseMessageNotice>[0]> = {}) =>
  caseMessageNotice({
    caseNumber: "INT 2026/12",
    title: "Musikutbyte",
    associationName: "Vänortsföreningen",
    toStaff: true,
    url: "https://bidrag.pitea.example/applications/abc#messages",
    ...over,
  });

const contactNotice = (over: Partial<Parameters<typeof contactMessageNotice>[0]> = {}) =>
  contactMessageNotice({
    topic: "Fråga om bidrag",
    service: "Bidrag till föreningar",
    replyBy: "PHONE",
    name: "Eva Ek",
    email: null,
    phone: "070-123 45 67",
    body: "När kommer beslutet?\nTack!",
    url: "https://bidrag.pitea.example/coordinator/messages",
    ...over,
  });

describe("caseMessageNotice", () => {
  it.each<[Locale, boolean, string, RegExp]>([
    ["sv", true, "Nytt meddelande i ärende INT 2026/12", /Vänortsföreningen har skrivit ett nytt meddelande/],
    ["sv", false, "Nytt meddelande i ärende INT 2026/12", /Internationella samordnaren har skrivit/],
    ["en", true, "New message on case INT 2026/12", /Vänortsföreningen has written a new message/],
    ["en", false, "New message on case INT 2026/12", /The international coordinator has written/],
  ])("in %s, to staff %s: says who wrote on which case, with a link", (locale, toStaff, subject, says) => {
    const mail = caseNotice({ locale, toStaff });
    expect(mail.subject).toBe(subject);
    expect(mail.text).toMatch(says);
    expect(mail.text).toContain("https://bidrag.pitea.example/applications/abc#messages");
    expect(mail.html).toContain(`lang="${locale}"`);
    expect(mail.html).toContain('href="https://bidrag.pitea.example/applications/abc#messages"');
  });

  it("is Swedish unless told", () => {
    expect(caseNotice().subject).toMatch(/^Nytt meddelande/);
  });

  it("keeps a case number with a line break on one subject line", () => {
    const mail = caseNotice({ caseNumber: INJECTION });
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.subject).toBe("Nytt meddelande i ärende Hej Bcc: victim@example.se X-Evil: 1");
  });

  it("escapes names in the HTML", () => {
    const mail = caseNotice({ associationName: HOSTILE, title: HOSTILE });
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain(HOSTILE_ESCAPED);
  });

  it("leaves out the application row when the application has no title", () => {
    expect(caseNotice({ title: "" }).text).not.toMatch(/^Ansökan:/m);
    expect(caseNotice({ title: "X" }).text).toMatch(/^Ansökan: X$/m);
  });

  it("refuses a link that is not http(s)", () => {
    expect(() => caseNotice({ url: "javascript:alert(1)" })).toThrow();
  });
});

describe("contactMessageNotice", () => {
  it.each<[Locale, string, string]>([
    ["sv", "Kontaktformuläret: Fråga om bidrag", "Svar via: Telefon"],
    ["en", "Contact form: Fråga om bidrag", "Reply by: Phone"],
  ])("in %s: the topic in the subject, the reply channel and the message in the body", (locale, subject, reply) => {
    const mail = contactNotice({ locale });
    expect(mail.subject).toBe(subject);
    expect(mail.text).toContain(reply);
    expect(mail.text).toContain("070-123 45 67");
    expect(mail.text).toContain("> När kommer beslutet?\n> Tack!");
    expect(mail.text).toContain("https://bidrag.pitea.example/coordinator/messages");
  });

  it("shows the address only when one was given", () => {
    expect(contactNotice().text).not.toMatch(/^E-post:/m);
    expect(contactNotice({ replyBy: "EMAIL", email: "eva@example.se", phone: null }).text).toMatch(/^E-post: eva@example\.se$/m);
    expect(contactNotice({ replyBy: "EMAIL", email: "eva@example.se", phone: null }).text).not.toMatch(/^Telefon:/m);
  });

  it("never lets a topic or a name start a header line, and keeps the subject short", () => {
    const mail = contactNotice({ topic: `${INJECTION} ${"x".repeat(200)}`, name: INJECTION });
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.subject.length).toBeLessThanOrEqual("Kontaktformuläret: ".length + 80);
    expect(mail.subject.endsWith("…")).toBe(true);
    expect(mail.text).toContain("Namn: Hej Bcc: victim@example.se X-Evil: 1");
  });

  it("escapes what the visitor typed in the HTML", () => {
    const mail = contactNotice({ topic: HOSTILE, name: HOSTILE, body: HOSTILE });
    expect(mail.html).not.toContain("<script>");
    expect(mail.html.split(HOSTILE_ESCAPED).length - 1).toBeGreaterThanOrEqual(3);
  });
});

describe("contactReceipt", () => {
  it.each<[Locale, "EMAIL" | "PHONE", string, RegExp]>([
    ["sv", "EMAIL", "Vi har tagit emot ditt meddelande – Piteå kommun", /Vi svarar dig via e-post/],
    ["sv", "PHONE", "Vi har tagit emot ditt meddelande – Piteå kommun", /Vi ringer upp dig/],
    ["en", "EMAIL", "We have received your message – Piteå kommun", /We will reply to you by e-mail/],
    ["en", "PHONE", "We have received your message – Piteå kommun", /We will call you/],
  ])("in %s, reply by %s", (locale, replyBy, subject, says) => {
    const mail = contactReceipt({ municipalityName: "Piteå kommun", replyBy, locale });
    expect(mail.subject).toBe(subject);
    expect(mail.text).toMatch(says);
  });
});
