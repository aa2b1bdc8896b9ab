import { describe, expect, it } from "vitest";
import { isOrgNumber, parseOrgNumber, type OrgNumberResult } from "./org-number";

// Every "valid" number below had its check digit computed with luhnCheckDigit,
// not taken from memory.
const ok = (value: string): OrgNumberResult => ({ ok: true, value });
const fail = (reason: "FORMAT" | "CHECKSUM" | "PERSONAL_IDENTITY_NUMBER"): OrgNumberResult => ({ ok: false, reason });

describe("parseOrgNumber", () => {
  it.each<[string, OrgNumberResult, string]>([
    // digits 3–4: the edge between people and legal entities
    ["802002-4280", ok("802002-4280"), "ideell förening (group 8), digits 3–4 = 20, exactly the limit"],
    ["801902-4283", fail("FORMAT"), "digits 3–4 = 19, one under the limit"],
    ["801302-4289", fail("FORMAT"), "digits 3–4 = 13, one over the last month"],
    ["801202-4280", fail("PERSONAL_IDENTITY_NUMBER"), "digits 3–4 = 12, December"],
    ["800102-4283", fail("PERSONAL_IDENTITY_NUMBER"), "digits 3–4 = 01, January"],
    ["800002-4284", fail("FORMAT"), "digits 3–4 = 00, no month and no legal entity"],
    ["809902-4286", ok("809902-4286"), "digits 3–4 = 99"],
    // personal identity and co-ordination numbers
    ["121212-1212", fail("PERSONAL_IDENTITY_NUMBER"), "Skatteverket's test personnummer"],
    ["1212121212", fail("PERSONAL_IDENTITY_NUMBER"), "same, without dash"],
    ["19121212-1212", fail("PERSONAL_IDENTITY_NUMBER"), "12-digit personnummer with century"],
    ["191212121212", fail("PERSONAL_IDENTITY_NUMBER"), "12-digit personnummer, no dash"],
    ["20121212-1212", fail("PERSONAL_IDENTITY_NUMBER"), "born 2012"],
    ["121212+1212", fail("PERSONAL_IDENTITY_NUMBER"), "'+' separator (aged 100+)"],
    ["701063-2391", fail("PERSONAL_IDENTITY_NUMBER"), "samordningsnummer (day + 60)"],
    ["121212-1213", fail("PERSONAL_IDENTITY_NUMBER"), "a mistyped personnummer is still a personnummer"],
    // checksum
    ["802002-4281", fail("CHECKSUM"), "check digit + 1"],
    ["802002-4289", fail("CHECKSUM"), "check digit − 1"],
    ["802002-4208", fail("CHECKSUM"), "last two digits swapped"],
    ["212000-2742", ok("212000-2742"), "municipality (group 2)"],
    ["202100-5448", ok("202100-5448"), "government agency (group 2)"],
    ["556036-0793", ok("556036-0793"), "aktiebolag (group 5)"],
    ["802480-1915", ok("802480-1915"), "another ideell förening"],
    // accepted spellings, one normal form
    ["8020024280", ok("802002-4280"), "10 digits"],
    ["16802002-4280", ok("802002-4280"), "12-digit form with 16"],
    ["168020024280", ok("802002-4280"), "12 digits with 16, no dash"],
    ["  802002-4280 ", ok("802002-4280"), "surrounding whitespace"],
    ["802 002-4280", ok("802002-4280"), "inner space"],
    ["802002\u00a04280", ok("802002-4280"), "no-break space instead of dash"],
    // format
    ["", fail("FORMAT"), "empty"],
    ["802002-428", fail("FORMAT"), "9 digits"],
    ["802002-42800", fail("FORMAT"), "11 digits"],
    ["80200-24280", fail("FORMAT"), "dash in the wrong place"],
    ["802002--4280", fail("FORMAT"), "two dashes"],
    ["802002+4280", fail("FORMAT"), "'+' belongs to personal identity numbers only"],
    ["17802002-4280", fail("FORMAT"), "12 digits with another prefix than 16"],
    ["16802002-4281", fail("CHECKSUM"), "12-digit form, wrong check digit"],
    ["8O2002-4280", fail("FORMAT"), "letter O for zero"],
    ["SE802002428001", fail("FORMAT"), "VAT number is not an organisation number"],
  ])("%j → %o (%s)", (input, expected) => {
    expect(parseOrgNumber(input)).toEqual(expected);
    expect(isOrgNumber(input)).toBe(expected.ok);
  });
});
