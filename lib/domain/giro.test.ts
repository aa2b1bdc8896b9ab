import { describe, expect, it } from "vitest";
import { parseBankgiro, parsePaymentAccount, parsePlusgiro, type GiroResult } from "./giro";

// Check digits computed with luhnCheckDigit, not taken from memory.
const ok = (value: string): GiroResult => ({ ok: true, value });
const FORMAT: GiroResult = { ok: false, reason: "FORMAT" };
const CHECKSUM: GiroResult = { ok: false, reason: "CHECKSUM" };

describe("parseBankgiro", () => {
  it.each<[string, GiroResult, string]>([
    // length edges
    ["123456", FORMAT, "6 digits, one under"],
    ["1234566", ok("123-4566"), "7 digits, the shortest"],
    ["50501055", ok("5050-1055"), "8 digits, the longest"],
    ["505010550", FORMAT, "9 digits, one over"],
    // checksum
    ["1234567", CHECKSUM, "7 digits, wrong check digit"],
    ["50501056", CHECKSUM, "check digit + 1"],
    ["50501054", CHECKSUM, "check digit − 1"],
    ["50510055", CHECKSUM, "two digits swapped"],
    // spellings
    ["5050-1055", ok("5050-1055"), "normal form"],
    ["123-4566", ok("123-4566"), "7-digit normal form"],
    [" 5050 1055 ", ok("5050-1055"), "spaces"],
    ["505-01055", ok("5050-1055"), "dash in an odd place"],
    ["5402-9673", ok("5402-9673"), "another 8-digit number"],
    // format
    ["", FORMAT, "empty"],
    ["-", FORMAT, "only a dash"],
    ["5050.1055", FORMAT, "dot"],
    ["BG 5050-1055", FORMAT, "letters"],
    ["5050_1055", FORMAT, "underscore"],
  ])("%j → %o (%s)", (input, expected) => {
    expect(parseBankgiro(input)).toEqual(expected);
  });
});

describe("parsePlusgiro", () => {
  it.each<[string, GiroResult, string]>([
    // length edges
    ["1", FORMAT, "1 digit, one under"],
    ["18", ok("1-8"), "2 digits, the shortest"],
    ["9008004", ok("900800-4"), "7 digits"],
    ["12345674", ok("1234567-4"), "8 digits, the longest"],
    ["123456740", FORMAT, "9 digits, one over"],
    // checksum
    ["19", CHECKSUM, "2 digits, wrong check digit"],
    ["4 10 54-6", CHECKSUM, "a plausible-looking number whose check digit is wrong"],
    ["4 10 54-8", ok("41054-8"), "grouped the usual way"],
    ["12345675", CHECKSUM, "check digit + 1"],
    // spellings
    ["41054-8", ok("41054-8"), "normal form"],
    ["410548", ok("41054-8"), "no separator"],
    ["90 08 00-4", ok("900800-4"), "grouped in pairs"],
    // format
    ["", FORMAT, "empty"],
    ["41054/8", FORMAT, "slash"],
    ["PG 41054-8", FORMAT, "letters"],
  ])("%j → %o (%s)", (input, expected) => {
    expect(parsePlusgiro(input)).toEqual(expected);
  });
});

describe("parsePaymentAccount", () => {
  it.each<["BANKGIRO" | "PLUSGIRO", string, GiroResult]>([
    ["BANKGIRO", "5050-1055", ok("5050-1055")],
    ["PLUSGIRO", "5050-1055", ok("5050105-5")],
    ["BANKGIRO", "41054-8", FORMAT],
    ["PLUSGIRO", "41054-8", ok("41054-8")],
    ["BANKGIRO", "5050-1056", CHECKSUM],
    ["PLUSGIRO", "41054-7", CHECKSUM],
  ])("%s %j → %o", (method, input, expected) => {
    expect(parsePaymentAccount(method, input)).toEqual(expected);
  });
});
