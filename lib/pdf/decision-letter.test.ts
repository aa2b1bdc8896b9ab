import { describe, expect, it } from "vitest";
import { PDFDocument } from "pdf-lib";
import { APPEAL_HEADING, formatKronor, renderDecisionLetter, type DecisionLetterData } from "./decision-letter";
import { readPdfText } from "../../tests/fixtures/pdf-text";

const approval: DecisionLetterData = {
  municipality: {
    name: "Piteå kommun",
    orgNumber: "212000-2742",
    decidingBody: "Kommunstyrelsen",
    delegation: "Delegationsordning för kommunstyrelsen, punkt 7.3",
    contactName: "Eva Öberg",
    contactEmail: "internationellt@pitea.example",
    contactPhone: "0911-69 60 00",
  },
  caseNumber: "INT 2026-0001",
  decidedOn: "2026-03-05",
  association: { name: "Föreningen Piteå–Grindavík", orgNumber: "802012-3452", paymentMethod: "BANKGIRO", paymentAccount: "5050-1055" },
  application: { title: "Musikutbyte med vänorten", grantKind: "ACTIVITY", partnerTown: "Grindavík", requestedAmount: 9_000 },
  decision: { outcome: "APPROVED", amount: 7_500, reason: "Aktiviteten stärker utbytet mellan unga musiker.", reportDueOn: "2026-07-17", allocation: null },
  decidedBy: { name: "Sara Samordnare" },
  program: { year: 2026, baseCapPerTown: 12_000, activityCapPerTown: 8_000, reportDeadlineMonths: 1, splitRule: "EQUAL_SPLIT" },
  consulted: { closesOn: "2026-03-01", closedReason: "ALL_ANSWERED" },
};

const rejection: DecisionLetterData = {
  ...approval,
  decision: { outcome: "REJECTED", amount: 0, reason: "Aktiviteten finansieras redan av regionen.", reportDueOn: null, allocation: null },
};

const baseApproval: DecisionLetterData = {
  ...approval,
  application: { ...approval.application, grantKind: "BASE", requestedAmount: 10_000 },
  decision: { outcome: "APPROVED", amount: 4_000, reason: "", reportDueOn: null, allocation: { approvedCount: 3, share: 4_000, cap: 12_000 } },
};

async function textOf(data: DecisionLetterData) {
  return readPdfText(await renderDecisionLetter(data));
}

describe("formatKronor", () => {
  it.each<[number, string]>([
    [0, "0 kr"],
    [999, "999 kr"],
    [1_000, "1 000 kr"],
    [10_000, "10 000 kr"],
    [1_234_567, "1 234 567 kr"],
  ])("%d is %s, with no-break spaces", (amount, expected) => {
    const formatted = formatKronor(amount);
    expect(formatted.replace(/\u00A0/g, " ")).toBe(expected);
    expect(formatted).not.toContain(" ");
  });
});

describe("renderDecisionLetter", () => {
  it("is a PDF with a Swedish title and language", async () => {
    const bytes = await renderDecisionLetter(approval);
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    const read = await readPdfText(bytes);
    expect(read.title).toBe("Beslut om aktivitetsbidrag – INT 2026-0001 – Föreningen Piteå–Grindavík");
    expect(read.language).toBe("sv-SE");
    const doc = await PDFDocument.load(bytes);
    expect(doc.getAuthor()).toBe("Piteå kommun");
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
  });

  it("states the municipality, case, association, amount, due date, delegation, appeal and contact", async () => {
    const { text } = await textOf(approval);
    for (const expected of [
      "Piteå kommun",
      "Kommunstyrelsen",
      "Diarienummer: INT 2026-0001",
      "Datum: 2026-03-05",
      "Föreningen Piteå–Grindavík",
      "802012-3452",
      "Kommunstyrelsen beviljar Föreningen Piteå–Grindavík aktivitetsbidrag med 7 500 kr för bidragsåret 2026.",
      "Beviljat belopp 7 500 kr",
      "Sökt belopp 9 000 kr",
      "Beslutsfattare Sara Samordnare",
      "Delegation Delegationsordning för kommunstyrelsen, punkt 7.3",
      "Internationella kommittén har hörts",
      "senast 2026-07-17, det vill säga 1 månad efter att aktiviteten avslutades",
      "verksamhetsberättelse för det senast avslutade verksamhetsåret",
      "Bankgiro 5050-1055",
      APPEAL_HEADING,
      "13 kap. kommunallagen",
      "Varje medlem av kommunen har rätt att överklaga beslutet",
      "skriftligt och ges in till förvaltningsrätten inom tre veckor från den dag då det tillkännagavs på kommunens anslagstavla",
      "Kontaktperson Eva Öberg",
      "internationellt@pitea.example",
      "0911-69 60 00",
      "Aktiviteten stärker utbytet mellan unga musiker.",
    ]) {
      expect(text).toContain(expected);
    }
  });

  it("cites the program's own activity cap, not a constant", async () => {
    const { text } = await textOf(approval);
    expect(text).toContain("högst 8 000 kr per samverkansort och år");
    const { text: other } = await textOf({ ...approval, program: { ...approval.program, activityCapPerTown: 15_000, reportDeadlineMonths: 2 } });
    expect(other).toContain("högst 15 000 kr per samverkansort och år");
    expect(other).toContain("2 månader efter att aktiviteten avslutades");
  });

  it("cites the base-grant cap and the equal split, and how the town's allocation was shared", async () => {
    const { text } = await textOf(baseApproval);
    expect(text).toContain("är grundbidrag högst 12 000 kr per samverkansort och år och delas lika mellan föreningarna");
    expect(text).toContain("har 3 föreningar beviljats grundbidrag. De delar lika på 12 000 kr, vilket ger 4 000 kr per förening");
    expect(text).not.toContain("Motivering");
    const { text: noSplit } = await textOf({ ...baseApproval, program: { ...baseApproval.program, splitRule: "NONE" } });
    expect(noSplit).not.toContain("delas lika mellan föreningarna");
  });

  it("without an activity end date, says the report is due the program's months after the end", async () => {
    const { text } = await textOf({ ...approval, decision: { ...approval.decision, reportDueOn: null } });
    expect(text).toContain("senast 1 månad efter att aktiviteten har avslutats");
  });

  it("a rejection states no granted amount, no conditions and no payee, but the reason and the appeal", async () => {
    const { text } = await textOf(rejection);
    expect(text).toContain("Kommunstyrelsen avslår ansökan från Föreningen Piteå–Grindavík om aktivitetsbidrag");
    expect(text).toContain("Aktiviteten finansieras redan av regionen.");
    expect(text).toContain("13 kap. kommunallagen");
    expect(text).toContain("Eva Öberg");
    for (const absent of ["Beviljat belopp", "7 500 kr", "5050-1055", "Bankgiro", "Villkor", "Utbetalning", "beviljar"]) {
      expect(text).not.toContain(absent);
    }
  });

  it("leaves the delegation out when none is configured", async () => {
    const { text } = await textOf({ ...approval, municipality: { ...approval.municipality, delegation: " " } });
    expect(text).not.toContain("Delegation ");
    expect(text).toContain("Beslutsfattare Sara Samordnare");
  });

  it("breaks a long reason over pages, with the page numbers in every footer", async () => {
    const paragraph = "Föreningen har i sin ansökan beskrivit ett omfattande utbyte med samverkansorten som bedöms ligga väl i linje med kommunens mål för det internationella arbetet. ";
    const reason = Array.from({ length: 8 }, () => paragraph.repeat(4).trim()).join("\n");
    const { pages, text } = await textOf({ ...approval, decision: { ...approval.decision, reason } });
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((page, i) => expect(page).toContain(`Sida ${i + 1} av ${pages.length}`));
    // Nothing is lost at the page break: the appeal and the contact come after the reason.
    expect(text).toContain("13 kap. kommunallagen");
    expect(text).toContain("Eva Öberg");
    expect(text.split("Föreningen har i sin ansökan").length - 1).toBe(32);
  });

  it("prints what the standard font lacks as the nearest letter, never failing", async () => {
    const { text } = await textOf({ ...approval, association: { ...approval.association, name: "Łódź–Piteå\tvänner ✓" } });
    expect(text).toContain("Lódz–Piteå vänner ?");
  });

  it("wraps a word longer than the line", async () => {
    const long = "x".repeat(300);
    const { text } = await textOf({ ...approval, decision: { ...approval.decision, reason: long } });
    expect(text.replace(/ /g, "")).toContain(long);
  });

  it("gives the same bytes for the same data", async () => {
    expect(Buffer.from(await renderDecisionLetter(approval)).equals(Buffer.from(await renderDecisionLetter(approval)))).toBe(true);
  });
});
