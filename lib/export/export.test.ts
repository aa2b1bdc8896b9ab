import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { csvCell, tablesToCsv, toCsv } from "./csv";
import { contentDisposition } from "./response";
import { sheetNames, tablesToXlsx } from "./xlsx";

describe("csvCell", () => {
  it.each<[string | number | null, string]>([
    ["Vänorten Grindavík", "Vänorten Grindavík"],
    ['Säg "hej"', '"Säg ""hej"""'],
    ["A;B", '"A;B"'],
    ["Rad 1\r\nRad 2", '"Rad 1\r\nRad 2"'],
    [" mellanslag", '" mellanslag"'],
    ["=1+1", "'=1+1"],
    ["+46 70", "'+46 70"],
    ["-5", "'-5"],
    ["@SUM(A1)", "'@SUM(A1)"],
    [9_000, "9000"],
    [-500, "-500"],
    [null, ""],
  ])("%j → %j", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe("CSV files", () => {
  it("start with a byte-order mark, split on semicolons and end lines with CRLF", () => {
    expect(toCsv([["Ort", "Belopp"], ["Grindavík", 10_000]])).toBe("\uFEFFOrt;Belopp\r\nGrindavík;10000\r\n");
  });

  it("hold one table as a plain CSV, several with a title line each and an empty line between", () => {
    const a = { title: "Per ort", header: ["Ort", "Belopp"], rows: [["Grindavík", 1]] };
    const b = { title: "Per mål", header: ["Mål"], rows: [["Kultur"]] };
    expect(tablesToCsv([a])).toBe("\uFEFFOrt;Belopp\r\nGrindavík;1\r\n");
    expect(tablesToCsv([a, b])).toBe("\uFEFFPer ort\r\nOrt;Belopp\r\nGrindavík;1\r\n\r\nPer mål\r\nMål\r\nKultur\r\n");
  });
});

describe("XLSX files", () => {
  it("have a sheet per table with numbers stored as numbers and texts as strings, never formulas", async () => {
    const bytes = await tablesToXlsx([
      { title: "Bidrag per ort", header: ["Ort", "Beviljat"], rows: [["=HYPERLINK(\"x\")", 10_000], ["Grindavík", null]] },
      { title: "Mål", header: ["Mål"], rows: [] },
    ]);
    const files = unzipSync(new Uint8Array(bytes));
    const sheet = strFromU8(files["xl/worksheets/sheet1.xml"]!);
    const strings = strFromU8(files["xl/sharedStrings.xml"]!);
    expect(sheet).toContain('<c r="B2"><v>10000</v></c>');
    expect(sheet).not.toContain("<f>");
    expect(strings).toContain('<t>=HYPERLINK("x")</t>');
    expect(strings).toContain("Beviljat");
    expect(strFromU8(files["xl/workbook.xml"]!)).toMatch(/name="Bidrag per ort".*name="Mål"/s);
  });

  it("get sheet names Excel accepts: short, without forbidden characters, unique", () => {
    expect(sheetNames(["Per ort: 2026/2027", "x".repeat(40), "Mål", "mål", ""])).toEqual([
      "Per ort 2026 2027",
      "x".repeat(31),
      "Mål",
      "mål 2",
      "Blad 5",
    ]);
  });
});

describe("contentDisposition", () => {
  it("names the file in ASCII and in UTF-8", () => {
    expect(contentDisposition("året-i-siffror-2026.csv")).toBe(
      `attachment; filename="aret-i-siffror-2026.csv"; filename*=UTF-8''%C3%A5ret-i-siffror-2026.csv`,
    );
  });
});
