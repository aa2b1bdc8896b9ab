import { describe, expect, it } from "vitest";
import { followUpAccepted, followUpReturned } from "./templates-follow-up";

const HOSTILE = `<script>alert("x")</script> & 'Vänner'`;
const HOSTILE_ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Vänner&#39;";
const base = { caseNumber: "INT 2026/0007", title: "Musikutbyte med Saint-Barthélemy", url: "https://bidrag.example.se/applications/1/report" };

describe("followUpReturned", () => {
  it("quotes the coordinator's comment and links to the report, in Swedish", () => {
    const mail = followUpReturned({ ...base, comment: "Kvitton för resorna saknas.\nBifoga dem som PDF." });
    expect(mail.subject).toBe("Komplettera återrapporten för INT 2026/0007");
    expect(mail.text).toContain("återrapporten för INT 2026/0007 (Musikutbyte med Saint-Barthélemy)");
    expect(mail.text).toContain("> Kvitton för resorna saknas.\n> Bifoga dem som PDF.");
    expect(mail.text).toContain("Komplettera rapporten:\nhttps://bidrag.example.se/applications/1/report");
    expect(mail.html).toContain('<html lang="sv">');
    expect(mail.html).toContain("<blockquote");
  });

  it("is in English when the member chose English", () => {
    const mail = followUpReturned({ ...base, comment: "Receipts are missing.", locale: "en" });
    expect(mail.subject).toBe("Please complete the follow-up report for INT 2026/0007");
    expect(mail.text).toContain("> Receipts are missing.");
    expect(mail.text).toContain("Complete the report:\nhttps://bidrag.example.se/applications/1/report");
    expect(mail.html).toContain('<html lang="en">');
  });

  it("escapes what people typed in the HTML and keeps the subject on one line", () => {
    const mail = followUpReturned({ ...base, title: HOSTILE, comment: HOSTILE, caseNumber: "INT 2026/0007\r\nBcc: x@example.se" });
    expect(mail.html).not.toContain("<script>");
    expect(mail.html.split(HOSTILE_ESCAPED).length - 1).toBeGreaterThanOrEqual(2);
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.text).toContain(HOSTILE);
  });

  it("refuses a link that is not http(s)", () => {
    expect(() => followUpReturned({ ...base, url: "javascript:alert(1)", comment: "x" })).toThrow(/http/);
  });
});

describe("followUpAccepted", () => {
  it("says the report is accepted, in Swedish and in English", () => {
    const sv = followUpAccepted(base);
    expect(sv.subject).toBe("Återrapporten för INT 2026/0007 är godkänd");
    expect(sv.text).toContain("Kommunen har godkänt återrapporten för INT 2026/0007 (Musikutbyte med Saint-Barthélemy)");
    expect(sv.text).toContain("Se rapporten:\nhttps://bidrag.example.se/applications/1/report");
    const en = followUpAccepted({ ...base, locale: "en" });
    expect(en.subject).toBe("The follow-up report for INT 2026/0007 is accepted");
    expect(en.text).toContain("See the report:\nhttps://bidrag.example.se/applications/1/report");
  });

  it("escapes the title in the HTML", () => {
    const mail = followUpAccepted({ ...base, title: HOSTILE });
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain(HOSTILE_ESCAPED);
  });
});
