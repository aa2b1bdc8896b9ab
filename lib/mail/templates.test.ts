import { describe, expect, it } from "vitest";
import {
  applicationReceipt,
  associationRejected,
  associationVerified,
  decisionNotice,
  escapeHtml,
  formatAmount,
  invitation,
  signInLink,
  type Locale,
} from "./templates";

const HOSTILE = `<script>alert("x")</script> & 'Vänner'`;
const HOSTILE_ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Vänner&#39;";

describe("formatAmount", () => {
  it.each<[number, Locale, string]>([
    [0, "sv", "0 kr"],
    [999, "sv", "999 kr"],
    [1000, "sv", "1 000 kr"],
    [10000, "sv", "10 000 kr"],
    [1234567, "sv", "1 234 567 kr"],
    [-2500, "sv", "-2 500 kr"],
    [10000.5, "sv", "10 000,5 kr"],
    [10000, "en", "SEK 10,000"],
  ])("%d in %s is %s", (amount, locale, expected) => {
    expect(formatAmount(amount, locale)).toBe(expected);
  });

  it("uses plain spaces, not the no-break spaces Intl gives", () => {
    expect(formatAmount(10000)).not.toMatch(/[\u00A0\u202F]/);
  });

  it("refuses what is not an amount", () => {
    expect(() => formatAmount(Number.NaN)).toThrow();
  });
});

describe("escapeHtml", () => {
  it("escapes the five HTML-significant characters", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  });
});

const receipt = {
  caseNumber: "2025-0042",
  title: "Ungdomsutbyte med Tartu",
  associationName: "Föreningen Norden",
  grantKind: "ACTIVITY" as const,
  partnerTown: "Tartu",
  requestedAmount: 10000,
  url: "https://bidrag.example.se/applications/1",
};

describe("applicationReceipt", () => {
  it("shows the amount Swedish style and the facts in Swedish", () => {
    const mail = applicationReceipt(receipt);
    expect(mail.subject).toBe("Vi har tagit emot er ansökan 2025-0042");
    expect(mail.text).toContain("Sökt belopp: 10 000 kr");
    expect(mail.text).toContain("Bidrag: Aktivitetsbidrag");
    expect(mail.text).toContain("Vänort: Tartu");
    expect(mail.html).toContain("10&nbsp;000&nbsp;kr");
    expect(mail.html).toContain('<html lang="sv">');
  });

  it("is in English when asked", () => {
    const mail = applicationReceipt({ ...receipt, grantKind: "BASE", locale: "en" });
    expect(mail.subject).toBe("We have received your application 2025-0042");
    expect(mail.text).toContain("Amount requested: SEK 10,000");
    expect(mail.text).toContain("Grant: Base grant");
    expect(mail.html).toContain('<html lang="en">');
  });

  it("escapes every user-provided string in the HTML", () => {
    const mail = applicationReceipt({ ...receipt, title: HOSTILE, associationName: HOSTILE, partnerTown: HOSTILE, caseNumber: HOSTILE });
    expect(mail.html).not.toContain("<script>");
    expect(mail.html.split(HOSTILE_ESCAPED).length - 1).toBeGreaterThanOrEqual(4);
    // The plain-text part is not HTML: it keeps the text as typed.
    expect(mail.text).toContain(HOSTILE);
  });
});

describe("signInLink", () => {
  const url = "https://bidrag.example.se/sign-in/confirm?token=abc&email=anna%40example.se";

  it("says how long the link works, that it works once, and what to do if unasked", () => {
    const mail = signInLink({ url, minutesValid: 15 });
    expect(mail.subject).toBe("Din inloggningslänk");
    expect(mail.text).toContain(url);
    expect(mail.text).toContain("gäller i 15 minuter");
    expect(mail.text).toContain("bara användas en gång");
    expect(mail.text).toContain("Om du inte har bett om att logga in");
    expect(mail.html).toContain('href="https://bidrag.example.se/sign-in/confirm?token=abc&amp;email=anna%40example.se"');
  });

  it.each<[number, Locale, string]>([
    [1, "sv", "1 minut "],
    [2, "sv", "2 minuter"],
    [1, "en", "1 minute "],
    [30, "en", "30 minutes"],
  ])("%d minute(s) in %s", (minutesValid, locale, expected) => {
    expect(signInLink({ url, minutesValid, locale }).text).toContain(expected);
  });

  it.each(["javascript:alert(1)", "data:text/html,x", "not a url"])("refuses the link %s", (bad) => {
    expect(() => signInLink({ url: bad, minutesValid: 15 })).toThrow();
  });

  it("cannot be broken out of the href attribute", () => {
    const mail = signInLink({ url: 'https://x.example/"><script>alert(1)</script>', minutesValid: 15 });
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).not.toMatch(/href="[^"]*"></);
  });
});

describe("invitation", () => {
  it("names the inviter and the association, escaped", () => {
    const mail = invitation({ associationName: HOSTILE, inviterName: "Bo <bo@x.se>", url: "https://bidrag.example.se/invite/1" });
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain(HOSTILE_ESCAPED);
    expect(mail.html).toContain("Bo &lt;bo@x.se&gt;");
    expect(mail.text).toContain("Bo <bo@x.se> har bjudit in dig");
  });

  it("keeps a line break in a name out of the subject", () => {
    const mail = invitation({ associationName: "Norden\r\nBcc: x@y", inviterName: "Bo", url: "https://bidrag.example.se/invite/1" });
    expect(mail.subject).toBe("Du är inbjuden till Norden Bcc: x@y");
  });
});

describe("association decisions", () => {
  it("verified: escapes the name", () => {
    const mail = associationVerified({ associationName: HOSTILE, url: "https://bidrag.example.se/" });
    expect(mail.subject).toContain("är godkänd");
    expect(mail.html).not.toContain("<script>");
  });

  it("rejected: escapes the reason and keeps its line breaks in the text", () => {
    const mail = associationRejected({ associationName: "Norden", reason: `Protokoll saknas.\n${HOSTILE}` });
    expect(mail.subject).toBe("Norden kunde inte godkännas");
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain(HOSTILE_ESCAPED);
    expect(mail.text).toContain("> Protokoll saknas.\n> <script>");
  });
});

describe("every template", () => {
  const all = (locale: Locale) => [
    signInLink({ url: "https://x.example/", minutesValid: 10, locale }),
    invitation({ associationName: "A", inviterName: "B", url: "https://x.example/", locale }),
    applicationReceipt({ ...receipt, locale }),
    associationVerified({ associationName: "A", url: "https://x.example/", locale }),
    associationRejected({ associationName: "A", reason: "R", locale }),
  ];

  it.each<Locale>(["sv", "en"])("has a one-line subject, a text and a titled HTML document in %s", (locale) => {
    for (const mail of all(locale)) {
      expect(mail.subject).not.toMatch(/[\r\n]/);
      expect(mail.subject.length).toBeGreaterThan(0);
      expect(mail.text.length).toBeGreaterThan(0);
      expect(mail.html).toContain(`<html lang="${locale}">`);
      expect(mail.html).toContain(`<title>${escapeHtml(mail.subject)}</title>`);
    }
  });
});

describe("decisionNotice", () => {
  const notice = { caseNumber: "INT 2026-0001", outcome: "APPROVED" as const, amount: 7_500, url: "https://bidrag.example.se/applications/1" };

  it("approved: names the case, the amount Swedish style, and links to the letter", () => {
    const mail = decisionNotice(notice);
    expect(mail.subject).toBe("Beslut om er ansökan INT 2026-0001");
    expect(mail.text).toContain("bidraget är beviljat");
    expect(mail.text).toContain("Beslut: Beviljad");
    expect(mail.text).toContain("Beviljat belopp: 7 500 kr");
    expect(mail.text).toContain("hur man överklagar");
    expect(mail.text).toContain(notice.url);
    expect(mail.html).toContain("7&nbsp;500&nbsp;kr");
    expect(mail.html).toContain(`href="${notice.url}"`);
  });

  it("rejected: no amount", () => {
    const mail = decisionNotice({ ...notice, outcome: "REJECTED" });
    expect(mail.text).toContain("ansökan är avslagen");
    expect(mail.text).toContain("Beslut: Avslagen");
    expect(mail.text).not.toContain("kr");
    expect(mail.text).not.toContain("Beviljat belopp");
  });

  it.each<["APPROVED" | "REJECTED", string, boolean]>([
    ["APPROVED", "Decision: Approved", true],
    ["REJECTED", "Decision: Rejected", false],
  ])("in English, %s", (outcome, line, hasAmount) => {
    const mail = decisionNotice({ ...notice, outcome, locale: "en" });
    expect(mail.subject).toBe("Decision on your application INT 2026-0001");
    expect(mail.text).toContain(line);
    expect(mail.text.includes("Amount granted: SEK 7,500")).toBe(hasAmount);
    expect(mail.html).toContain('<html lang="en">');
  });

  it.each<Locale>(["sv", "en"])("has a one-line subject and a titled HTML document in %s, with the case number escaped", (locale) => {
    const mail = decisionNotice({ ...notice, caseNumber: `${HOSTILE}\r\nBcc: x@y`, locale });
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.html).toContain(`<title>${escapeHtml(mail.subject)}</title>`);
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain(HOSTILE_ESCAPED);
  });

  it.each(["javascript:alert(1)", "not a url"])("refuses the link %s", (url) => {
    expect(() => decisionNotice({ ...notice, url })).toThrow();
  });
});
