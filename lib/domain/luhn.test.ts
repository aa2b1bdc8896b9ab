import { describe, expect, it } from "vitest";
import { isLuhnValid, luhnCheckDigit } from "./luhn";

describe("isLuhnValid", () => {
  it.each([
    // edges first
    ["", false, "empty"],
    ["0", false, "a lone digit has no payload"],
    ["00", true, "all zeros"],
    ["18", true, "shortest valid: 1 → 8"],
    ["19", false, "one over the check digit"],
    ["17", false, "one under the check digit"],
    ["59", true, "doubling 5 gives 10 → 1"],
    ["91", true, "doubling 9 gives 18 → 9"],
    ["8020024280", true, "organisation number"],
    ["8020024281", false, "organisation number, check digit + 1"],
    ["8020024289", false, "organisation number, check digit − 1"],
    ["8020024208", false, "two last digits swapped"],
    ["1212121212", true, "Skatteverket's test personal identity number"],
    ["50501055", true, "8-digit bankgiro"],
    ["79927398713", true, "the textbook example"],
    ["79927398710", false, "the textbook example, wrong check digit"],
    ["802002-4280", false, "separators are the caller's business"],
    [" 8020024280", false, "whitespace is not a digit"],
    ["８０", false, "full-width digits are not 0–9"],
  ])("%j → %s (%s)", (input, expected) => {
    expect(isLuhnValid(input)).toBe(expected);
  });
});

describe("luhnCheckDigit", () => {
  it.each([
    ["0", 0],
    ["1", 8],
    ["5", 9],
    ["9", 1],
    ["802002428", 0],
    ["121212121", 2],
    ["5050105", 5],
    ["123456", 6],
    ["7992739871", 3],
  ])("%s → %i", (payload, digit) => {
    expect(luhnCheckDigit(payload)).toBe(digit);
    expect(isLuhnValid(`${payload}${digit}`)).toBe(true);
  });

  it.each(["", "12a", "12-3", " 1"])("throws on %j", (payload) => {
    expect(() => luhnCheckDigit(payload)).toThrow(TypeError);
  });
});
