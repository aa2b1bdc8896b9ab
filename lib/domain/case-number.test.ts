import { describe, expect, it } from "vitest";
import { formatCaseNumber, parseCaseNumber, type CaseNumberResult } from "./case-number";

describe("formatCaseNumber", () => {
  it.each<[string, number, number, string]>([
    ["INT", 2026, 1, "INT 2026/0001"],
    ["INT", 2026, 42, "INT 2026/0042"],
    ["INT", 2026, 999, "INT 2026/0999"],
    ["INT", 2026, 9999, "INT 2026/9999"],
    ["INT", 2026, 10000, "INT 2026/10000"],
    ["INT", 2026, 123456, "INT 2026/123456"],
    ["KS", 2027, 123, "KS 2027/0123"],
    ["KFN-INT", 2027, 5, "KFN-INT 2027/0005"],
    ["Dnr KS", 2027, 5, "Dnr KS 2027/0005"],
    ["KSÄ", 2027, 5, "KSÄ 2027/0005"],
  ])("(%j, %i, %i) → %j", (prefix, year, seq, expected) => {
    expect(formatCaseNumber(prefix, year, seq)).toBe(expected);
  });

  it.each<[string, number, number, string]>([
    ["INT", 2026, 0, "sequence starts at 1"],
    ["INT", 2026, -1, "negative sequence"],
    ["INT", 2026, 1.5, "fractional sequence"],
    ["INT", 999, 1, "3-digit year"],
    ["INT", 10000, 1, "5-digit year"],
    ["INT", 2026.5, 1, "fractional year"],
    ["", 2026, 1, "empty prefix"],
    [" INT", 2026, 1, "leading space"],
    ["INT ", 2026, 1, "trailing space"],
    ["INT/X", 2026, 1, "slash in prefix"],
    ["1NT", 2026, 1, "prefix starts with a digit"],
    ["A".repeat(21), 2026, 1, "prefix one over the limit"],
  ])("throws on (%j, %s, %s): %s", (prefix, year, seq) => {
    expect(() => formatCaseNumber(prefix, year, seq)).toThrow(RangeError);
  });

  it("accepts a prefix exactly at the limit", () => {
    expect(formatCaseNumber("A".repeat(20), 2026, 1)).toBe(`${"A".repeat(20)} 2026/0001`);
  });
});

describe("parseCaseNumber", () => {
  const ok = (prefix: string, year: number, seq: number): CaseNumberResult => ({ ok: true, value: { prefix, year, seq } });
  const FORMAT: CaseNumberResult = { ok: false, reason: "FORMAT" };

  it.each<[string, CaseNumberResult]>([
    ["INT 2026/0042", ok("INT", 2026, 42)],
    ["INT 2026/0001", ok("INT", 2026, 1)],
    ["INT 2026/9999", ok("INT", 2026, 9999)],
    ["INT 2026/10000", ok("INT", 2026, 10000)],
    ["INT 2026/42", ok("INT", 2026, 42)],
    ["  INT   2026 / 0042 ", ok("INT", 2026, 42)],
    ["int 2026/0042", ok("int", 2026, 42)],
    ["Dnr KS 2027/0123", ok("Dnr KS", 2027, 123)],
    ["KFN-INT 2027/0005", ok("KFN-INT", 2027, 5)],
    ["INT 2026/0000", FORMAT],
    ["INT2026/0042", FORMAT],
    ["INT 26/0042", FORMAT],
    ["INT 0999/0042", FORMAT],
    ["INT 2026-0042", FORMAT],
    ["INT 2026/", FORMAT],
    ["2026/0042", FORMAT],
    ["INT 2026/42a", FORMAT],
    ["", FORMAT],
  ])("%j → %o", (input, expected) => {
    expect(parseCaseNumber(input)).toEqual(expected);
  });

  it.each<[string, number, number]>([
    ["INT", 2026, 42],
    ["KS", 2027, 10000],
    ["Dnr KS", 2028, 1],
  ])("round-trips %j %i/%i", (prefix, year, seq) => {
    expect(parseCaseNumber(formatCaseNumber(prefix, year, seq))).toEqual({ ok: true, value: { prefix, year, seq } });
  });
});
