import { describe, expect, it } from "vitest";
import {
  AssociationRegistrationSchema,
  CITY_MAX,
  EMAIL_MAX,
  InvitationSchema,
  NAME_MAX,
  PARTNER_TOWNS_MAX,
  STREET_ADDRESS_MAX,
  type AssociationRegistrationInput,
} from "./association";
import { issuesOf } from "./test-helpers";

const TOWN_A = "cce6f1cf-4d0c-4259-a2aa-3e73d88a3ba9";
const TOWN_B = "ea4097b7-5982-476f-a032-55a07e7c1837";

const valid: AssociationRegistrationInput = {
  name: "Piteå–Tromsø vänortsförening",
  orgNumber: "802002-4280",
  streetAddress: "Storgatan 1",
  postalCode: "941 85",
  city: "Piteå",
  contactName: "Anna Andersson",
  email: "anna@example.se",
  phone: "070-123 45 67",
  paymentMethod: "BANKGIRO",
  paymentAccount: "5050-1055",
  partnerTownIds: [TOWN_A],
};

const withField = (over: Record<string, unknown>) => ({ ...valid, ...over });

describe("AssociationRegistrationSchema — accepted and normalised", () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ["name exactly at the limit", { name: "x".repeat(NAME_MAX) }, { name: "x".repeat(NAME_MAX) }],
    ["name trimmed", { name: "  Vänortsföreningen  " }, { name: "Vänortsföreningen" }],
    ["org number without dash", { orgNumber: "8020024280" }, { orgNumber: "802002-4280" }],
    ["org number, 12-digit form", { orgNumber: "16802002-4280" }, { orgNumber: "802002-4280" }],
    ["street address at the limit", { streetAddress: "x".repeat(STREET_ADDRESS_MAX) }, { streetAddress: "x".repeat(STREET_ADDRESS_MAX) }],
    ["postcode without space", { postalCode: "94185" }, { postalCode: "941 85" }],
    ["postcode with SE- prefix", { postalCode: "SE-941 85" }, { postalCode: "941 85" }],
    ["postcode, lowest first digit", { postalCode: "100 05" }, { postalCode: "100 05" }],
    ["city at the limit", { city: "x".repeat(CITY_MAX) }, { city: "x".repeat(CITY_MAX) }],
    ["email trimmed and lower-cased", { email: "  Anna@Example.SE " }, { email: "anna@example.se" }],
    ["phone, shortest (7 digits)", { phone: "123 45 67" }, { phone: "123 45 67" }],
    ["phone, longest (15 digits)", { phone: "+46 70 123 45 67 8901" }, { phone: "+46 70 123 45 67 8901" }],
    ["phone, international", { phone: "+46 70-123 45 67" }, { phone: "+46 70-123 45 67" }],
    ["phone, spaces collapsed", { phone: " 0911-69  60 00 " }, { phone: "0911-69 60 00" }],
    ["bankgiro, 7 digits", { paymentAccount: "1234566" }, { paymentAccount: "123-4566" }],
    ["bankgiro with spaces", { paymentAccount: "5050 1055" }, { paymentAccount: "5050-1055" }],
    ["plusgiro grouped", { paymentMethod: "PLUSGIRO", paymentAccount: "4 10 54-8" }, { paymentAccount: "41054-8" }],
    ["plusgiro, 2 digits", { paymentMethod: "PLUSGIRO", paymentAccount: "18" }, { paymentAccount: "1-8" }],
    ["partner towns deduplicated and lower-cased", { partnerTownIds: [TOWN_A.toUpperCase(), TOWN_A, TOWN_B] }, { partnerTownIds: [TOWN_A, TOWN_B] }],
    [
      "partner towns exactly at the limit",
      { partnerTownIds: Array.from({ length: PARTNER_TOWNS_MAX }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`) },
      {},
    ],
  ])("%s", (_name, over, expected) => {
    const result = AssociationRegistrationSchema.safeParse(withField(over));
    expect(result.success ? [] : result.error.issues).toEqual([]);
    expect(result.data).toMatchObject(expected);
  });
});

describe("AssociationRegistrationSchema — refused, on the right field", () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    // limits: one over
    ["name one over the limit", { name: "x".repeat(NAME_MAX + 1) }, ["name: validation.name.tooLong"]],
    ["street address one over", { streetAddress: "x".repeat(STREET_ADDRESS_MAX + 1) }, ["streetAddress: validation.streetAddress.tooLong"]],
    ["city one over", { city: "x".repeat(CITY_MAX + 1) }, ["city: validation.city.tooLong"]],
    ["email one over", { email: `${"a".repeat(EMAIL_MAX - "@example.se".length + 1)}@example.se` }, ["email: validation.email.tooLong"]],
    ["partner towns one over", { partnerTownIds: Array.from({ length: PARTNER_TOWNS_MAX + 1 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`) }, ["partnerTownIds: validation.partnerTownIds.tooMany"]],
    ["phone, 6 digits", { phone: "123 456" }, ["phone: validation.phone.format"]],
    ["phone, 16 digits", { phone: "+46 70 123 45 67 89012" }, ["phone: validation.phone.format"]],
    // required
    ["name blank", { name: "   " }, ["name: validation.required"]],
    ["name missing", { name: undefined }, ["name: validation.required"]],
    ["name null", { name: null }, ["name: validation.required"]],
    ["contact name empty", { contactName: "" }, ["contactName: validation.required"]],
    ["org number empty", { orgNumber: "" }, ["orgNumber: validation.required"]],
    ["postcode empty", { postalCode: " " }, ["postalCode: validation.required"]],
    ["email empty", { email: "" }, ["email: validation.required"]],
    ["phone empty", { phone: "" }, ["phone: validation.required"]],
    ["payment account empty", { paymentAccount: "" }, ["paymentAccount: validation.required"]],
    ["no partner town", { partnerTownIds: [] }, ["partnerTownIds: validation.partnerTownIds.required"]],
    ["partner towns missing", { partnerTownIds: undefined }, ["partnerTownIds: validation.required"]],
    // org number reasons
    ["org number checksum", { orgNumber: "802002-4281" }, ["orgNumber: validation.orgNumber.checksum"]],
    ["org number format", { orgNumber: "802002-428" }, ["orgNumber: validation.orgNumber.format"]],
    ["personnummer", { orgNumber: "121212-1212" }, ["orgNumber: validation.orgNumber.personalIdentityNumber"]],
    ["personnummer, 12 digits", { orgNumber: "19121212-1212" }, ["orgNumber: validation.orgNumber.personalIdentityNumber"]],
    // formats
    ["postcode, 4 digits", { postalCode: "941 8" }, ["postalCode: validation.postalCode.format"]],
    ["postcode, 6 digits", { postalCode: "941 855" }, ["postalCode: validation.postalCode.format"]],
    ["postcode starting with 0", { postalCode: "041 85" }, ["postalCode: validation.postalCode.format"]],
    ["postcode with letters", { postalCode: "SW1A 1AA" }, ["postalCode: validation.postalCode.format"]],
    ["email without @", { email: "anna.example.se" }, ["email: validation.email.format"]],
    ["email without domain", { email: "anna@" }, ["email: validation.email.format"]],
    ["phone with letters", { phone: "070-ABC 45 67" }, ["phone: validation.phone.format"]],
    ["phone with + in the middle", { phone: "070+123 45 67" }, ["phone: validation.phone.format"]],
    ["phone with parentheses", { phone: "(0911) 69 60 00" }, ["phone: validation.phone.format"]],
    ["unknown payment method", { paymentMethod: "SWISH" }, ["paymentMethod: validation.paymentMethod.invalid"]],
    ["payment method missing", { paymentMethod: undefined }, ["paymentMethod: validation.required"]],
    ["partner town not an id", { partnerTownIds: ["Tromsø"] }, ["partnerTownIds.0: validation.id.invalid"]],
    ["name of the wrong type", { name: 42 }, ["name: validation.invalid"]],
    // payment account against payment method: the issue lands on paymentAccount
    ["bankgiro checksum", { paymentAccount: "5050-1056" }, ["paymentAccount: validation.paymentAccount.bankgiro.checksum"]],
    ["bankgiro, 6 digits", { paymentAccount: "123456" }, ["paymentAccount: validation.paymentAccount.bankgiro.format"]],
    ["bankgiro, 9 digits", { paymentAccount: "505010550" }, ["paymentAccount: validation.paymentAccount.bankgiro.format"]],
    ["plusgiro checksum", { paymentMethod: "PLUSGIRO", paymentAccount: "4 10 54-6" }, ["paymentAccount: validation.paymentAccount.plusgiro.checksum"]],
    ["plusgiro, 1 digit", { paymentMethod: "PLUSGIRO", paymentAccount: "8" }, ["paymentAccount: validation.paymentAccount.plusgiro.format"]],
    ["plusgiro, 9 digits", { paymentMethod: "PLUSGIRO", paymentAccount: "123456740" }, ["paymentAccount: validation.paymentAccount.plusgiro.format"]],
    ["payment account with letters", { paymentAccount: "BG 5050-1055" }, ["paymentAccount: validation.paymentAccount.bankgiro.format"]],
    ["payment account too long", { paymentAccount: "1".repeat(31) }, ["paymentAccount: validation.paymentAccount.tooLong"]],
    ["payment account without a valid method: only the method is reported", { paymentMethod: "SWISH", paymentAccount: "123" }, ["paymentMethod: validation.paymentMethod.invalid"]],
    // every error at once, the account's among them
    [
      "several fields wrong",
      { name: "", orgNumber: "121212-1212", paymentAccount: "5050-1056" },
      ["name: validation.required", "orgNumber: validation.orgNumber.personalIdentityNumber", "paymentAccount: validation.paymentAccount.bankgiro.checksum"],
    ],
  ])("%s", (_name, over, expected) => {
    expect(issuesOf(AssociationRegistrationSchema, withField(over))).toEqual(expected);
  });

  it("refuses something that is not an object", () => {
    expect(AssociationRegistrationSchema.safeParse("nope").success).toBe(false);
  });
});

describe("InvitationSchema", () => {
  it.each<[unknown, string[] | { email: string }]>([
    [{ email: " Erik@Example.se " }, { email: "erik@example.se" }],
    [{ email: "" }, ["email: validation.required"]],
    [{}, ["email: validation.required"]],
    [{ email: "erik@" }, ["email: validation.email.format"]],
    [{ email: `${"e".repeat(EMAIL_MAX)}@example.se` }, ["email: validation.email.tooLong"]],
  ])("%j", (input, expected) => {
    if (Array.isArray(expected)) expect(issuesOf(InvitationSchema, input)).toEqual(expected);
    else expect(InvitationSchema.parse(input)).toEqual(expected);
  });
});
