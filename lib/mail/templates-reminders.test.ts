import { describe, expect, it } from "vitest";
import { annualReportMissing, consultationClosing, reportDueSoon, reportOverdue } from "./templates-reminders";

const HOSTILE = `<script>alert("x")</script> & 'Vänner'`;
const HOSTILE_ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Vänner&#39;";

const report = {
  caseNumber: "INT 2026/7",
  title: "Musikutbyte med Tartu",
  associationName: "Föreningen Norden",
  dueOn: "2026-07-31",
  url: "https://bidrag.example.se/applications/1/report",
};

describe("reportDueSoon", () => {
  it.each<[number, "sv" | "en", string, string]>([
    [7, "sv", "Påminnelse: återrapporten för INT 2026/7 ska vara inne 2026-07-31", "Om 7 dagar, 2026-07-31, ska Föreningen Norden lämna återrapporten"],
    [1, "sv", "Påminnelse: återrapporten för INT 2026/7 ska vara inne 2026-07-31", "Om 1 dag, 2026-07-31"],
    [0, "sv", "Påminnelse: återrapporten för INT 2026/7 ska vara inne 2026-07-31", "I dag, 2026-07-31, ska Föreningen Norden"],
    [7, "en", "Reminder: the follow-up report on INT 2026/7 is due 2026-07-31", "is due in 7 days, on 2026-07-31"],
    [1, "en", "Reminder: the follow-up report on INT 2026/7 is due 2026-07-31", "is due in 1 day, on 2026-07-31"],
    [0, "en", "Reminder: the follow-up report on INT 2026/7 is due 2026-07-31", "is due today, 2026-07-31"],
  ])("%i days left in %s", (daysLeft, locale, subject, sentence) => {
    const mail = reportDueSoon({ ...report, daysLeft, locale });
    expect(mail.subject).toBe(subject);
    expect(mail.text).toContain(sentence);
    expect(mail.text).toContain(report.url);
    expect(mail.html).toContain(`href="${report.url}"`);
    expect(mail.html).toContain(`<html lang="${locale}">`);
  });

  it("is Swedish unless told otherwise", () => {
    expect(reportDueSoon({ ...report, daysLeft: 3 }).text).toContain("Skriv rapporten");
  });

  it("escapes what users typed", () => {
    const mail = reportDueSoon({ ...report, title: HOSTILE, associationName: HOSTILE, daysLeft: 3 });
    expect(mail.html).toContain(HOSTILE_ESCAPED);
    expect(mail.html).not.toContain("<script>");
  });

  it("refuses a link that is not http(s) and a due date that is not a day", () => {
    expect(() => reportDueSoon({ ...report, url: "javascript:alert(1)", daysLeft: 1 })).toThrow();
    expect(() => reportDueSoon({ ...report, dueOn: "31/7", daysLeft: 1 })).toThrow();
  });
});

describe("reportOverdue", () => {
  it.each<[number, "sv" | "en", boolean, string, string | null]>([
    [1, "sv", false, "Försenad: återrapporten för INT 2026/7 skulle vara inne 2026-07-31", null],
    [3, "sv", false, "Försenad: återrapporten för INT 2026/7 skulle vara inne 2026-07-31", "Det här är sista påminnelsen."],
    [1, "en", false, "Overdue: the follow-up report on INT 2026/7 was due 2026-07-31", null],
    [3, "en", false, "Overdue: the follow-up report on INT 2026/7 was due 2026-07-31", "This is the last reminder."],
  ])("round %i of 3 in %s", (round, locale, blocks, subject, last) => {
    const mail = reportOverdue({ ...report, round, lastRound: 3, blocksNewApplications: blocks, locale });
    expect(mail.subject).toBe(subject);
    if (last) expect(mail.text).toContain(last);
    else expect(mail.text).not.toMatch(/sista påminnelsen|last reminder/);
  });

  it.each<["sv" | "en", boolean, string]>([
    ["sv", true, "Tills den är inne kan föreningen inte skicka in nya ansökningar."],
    ["sv", false, "Tills den är inne ser kommunens handläggare att föreningen har en försenad rapport."],
    ["en", true, "Until it is in, the association cannot submit new applications."],
    ["en", false, "Until it is in, the municipality's staff see the association as one with an overdue report."],
  ])("in %s, blocking new applications %s, says so", (locale, blocks, sentence) => {
    expect(reportOverdue({ ...report, round: 1, lastRound: 3, blocksNewApplications: blocks, locale }).text).toContain(sentence);
  });
});

describe("annualReportMissing", () => {
  const input = { associationName: "Föreningen Norden", year: 2026, url: "https://bidrag.example.se/associations/1/annual-reports" };

  it.each<["sv" | "en", string, string]>([
    ["sv", "Påminnelse: verksamhetsberättelsen för 2026 från Föreningen Norden", "för verksamhetsåret 2026"],
    ["en", "Reminder: the annual report for 2026 of Föreningen Norden", "for the activity year 2026"],
  ])("in %s", (locale, subject, sentence) => {
    const mail = annualReportMissing({ ...input, locale });
    expect(mail.subject).toBe(subject);
    expect(mail.text).toContain(sentence);
    expect(mail.text).toContain(input.url);
  });

  it("keeps a name with line breaks on one line in the subject", () => {
    expect(annualReportMissing({ ...input, associationName: "Föreningen\r\nBcc: x@y.se" }).subject).not.toMatch(/[\r\n]/);
  });
});

describe("consultationClosing", () => {
  const input = { closesOn: "2026-10-15", url: "https://bidrag.example.se/committee" };

  it.each<[number, number, "sv" | "en", string, string]>([
    [2, 1, "sv", "Samrådet med internationella kommittén stänger om 2 dagar, 2026-10-15.", "Du har ännu inte svarat på 1 ärende."],
    [0, 3, "sv", "Samrådet med internationella kommittén stänger i dag, 2026-10-15.", "Du har ännu inte svarat på 3 ärenden."],
    [1, 1, "en", "The consultation with the international committee closes in 1 day, on 2026-10-15.", "You have not yet answered 1 case."],
    [0, 2, "en", "The consultation with the international committee closes today, 2026-10-15.", "You have not yet answered 2 cases."],
  ])("%i days left, %i unanswered, in %s", (daysLeft, unanswered, locale, first, second) => {
    const mail = consultationClosing({ ...input, daysLeft, unanswered, locale });
    expect(mail.subject).toBe(locale === "sv" ? "Påminnelse: samrådet med kommittén stänger 2026-10-15" : "Reminder: the committee's consultation closes 2026-10-15");
    expect(mail.text).toContain(first);
    expect(mail.text).toContain(second);
    expect(mail.text).toContain(input.url);
  });
});
