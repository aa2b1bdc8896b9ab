import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { admin as adminMessages } from "@/lib/i18n/messages/admin";
import { validationMessages } from "@/lib/i18n/validation-messages";
import {
  API_TOKEN_NAME_MAX,
  ApiTokenRequestSchema,
  CAP_OVERRIDES_MAX,
  CliRoleSchema,
  CliUserCreateSchema,
  COMMITTEE_TITLE_MAX,
  CommitteeMemberInputSchema,
  COUNTRY_MAX,
  DOCUMENT_NAME_MAX,
  OBJECTIVE_TEXT_MAX,
  ObjectiveInputSchema,
  ObjectiveUpdateSchema,
  PARTNER_TOWN_NAME_MAX,
  PartnerTownInputSchema,
  PartnerTownUpdateSchema,
  PROGRAM_YEAR_MAX,
  PROGRAM_YEAR_MIN,
  ProgramYearInputSchema,
  REPORT_DEADLINE_MONTHS_MAX,
  REQUIRED_DOCUMENTS_MAX,
  SORT_ORDER_MAX,
  USER_NAME_MAX,
  UserCreateSchema,
  UserSearchSchema,
  UserUpdateSchema,
} from "./admin";

/** Issues as { "dotted.path": [message keys] }, the shape the forms and the API report. */
function issues(schema: z.ZodType, input: unknown): Record<string, string[]> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of result.error.issues) (out[issue.path.join(".") || "_form"] ??= []).push(issue.message);
  return out;
}

const TOWN = "3f2a6c1e-8b4d-4e2a-9c1f-0a1b2c3d4e5f";
const OTHER_TOWN = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

describe("UserCreateSchema", () => {
  it.each<[string, unknown, Record<string, unknown>]>([
    ["address only: an active applicant", { email: "anna@example.se" }, { email: "anna@example.se", name: null, roles: [], active: true }],
    ["address is trimmed and lower-cased", { email: "  Anna@Example.SE " }, { email: "anna@example.se" }],
    ["empty name is no name", { email: "a@b.se", name: "   " }, { name: null }],
    ["name is trimmed", { email: "a@b.se", name: "  Alva  " }, { name: "Alva" }],
    ["name exactly at the limit", { email: "a@b.se", name: "x".repeat(USER_NAME_MAX) }, { name: "x".repeat(USER_NAME_MAX) }],
    ["roles are distinct and in a fixed order", { email: "a@b.se", roles: ["ADMIN", "COORDINATOR", "ADMIN"] }, { roles: ["COORDINATOR", "ADMIN"] }],
    ["inactive", { email: "a@b.se", active: false }, { active: false }],
  ])("accepts %s", (_name, input, expected) => {
    expect(UserCreateSchema.parse(input)).toMatchObject(expected);
  });

  it.each<[string, unknown, Record<string, string[]>]>([
    ["missing address", {}, { email: ["validation.required"] }],
    ["malformed address", { email: "anna@" }, { email: ["validation.email.format"] }],
    ["name one character over", { email: "a@b.se", name: "x".repeat(USER_NAME_MAX + 1) }, { name: ["validation.admin.user.name.tooLong"] }],
    ["unknown role", { email: "a@b.se", roles: ["SUPERUSER"] }, { "roles.0": ["validation.admin.roles.invalid"] }],
    ["applicant is not a staff role", { email: "a@b.se", roles: ["APPLICANT"] }, { "roles.0": ["validation.admin.roles.invalid"] }],
    ["roles not a list", { email: "a@b.se", roles: "ADMIN" }, { roles: ["validation.invalid"] }],
    ["active not a boolean", { email: "a@b.se", active: "yes" }, { active: ["validation.invalid"] }],
  ])("reports %s on its field", (_name, input, expected) => {
    expect(issues(UserCreateSchema, input)).toEqual(expected);
  });
});

describe("UserUpdateSchema", () => {
  it.each<[string, unknown, Record<string, unknown>]>([
    ["nothing: nothing changes", {}, {}],
    ["only the roles", { roles: [] }, { roles: [] }],
    ["clearing the name", { name: "" }, { name: null }],
    ["null name clears it", { name: null }, { name: null }],
    ["deactivating", { active: false }, { active: false }],
  ])("accepts %s", (_name, input, expected) => {
    expect(UserUpdateSchema.parse(input)).toEqual(expected);
  });

  it.each<[string, unknown, Record<string, string[]>]>([
    ["empty address", { email: "" }, { email: ["validation.required"] }],
    ["unknown role", { roles: ["OWNER"] }, { "roles.0": ["validation.admin.roles.invalid"] }],
    ["active as a string", { active: "false" }, { active: ["validation.invalid"] }],
  ])("reports %s on its field", (_name, input, expected) => {
    expect(issues(UserUpdateSchema, input)).toEqual(expected);
  });
});

describe("UserSearchSchema", () => {
  it("trims the search", () => expect(UserSearchSchema.parse({ q: "  anna " })).toEqual({ q: "anna" }));
  it("allows no search", () => expect(UserSearchSchema.parse({})).toEqual({}));
});

describe("CommitteeMemberInputSchema", () => {
  it.each<[string, unknown, Record<string, unknown>]>([
    ["by address", { email: "KF@pitea.se", title: "Ordförande" }, { email: "kf@pitea.se", userId: null, title: "Ordförande" }],
    ["by user id", { userId: TOWN.toUpperCase(), title: "Kommunchef" }, { userId: TOWN, email: null }],
    ["an empty address beside an id", { userId: TOWN, email: "", title: "Kommunchef" }, { userId: TOWN, email: null }],
    ["title exactly at the limit", { email: "a@b.se", title: "x".repeat(COMMITTEE_TITLE_MAX) }, { title: "x".repeat(COMMITTEE_TITLE_MAX) }],
  ])("accepts %s", (_name, input, expected) => {
    expect(CommitteeMemberInputSchema.parse(input)).toMatchObject(expected);
  });

  it.each<[string, unknown, Record<string, string[]>]>([
    ["nobody and no title", {}, { title: ["validation.required"], email: ["validation.admin.committee.userRequired"] }],
    ["an empty form", { email: "", title: "" }, { title: ["validation.required"], email: ["validation.admin.committee.userRequired"] }],
    ["both id and address", { userId: TOWN, email: "a@b.se", title: "X" }, { email: ["validation.admin.committee.userOrEmail"] }],
    ["a malformed id", { userId: "42", title: "X" }, { userId: ["validation.id.invalid"] }],
    ["title one character over", { email: "a@b.se", title: "x".repeat(COMMITTEE_TITLE_MAX + 1) }, { title: ["validation.admin.committee.title.tooLong"] }],
  ])("reports %s on its field", (_name, input, expected) => {
    expect(issues(CommitteeMemberInputSchema, input)).toEqual(expected);
  });
});

describe("PartnerTownInputSchema", () => {
  const town = { name: "Grindavík", country: "Island", kind: "TWIN_TOWN", distanceClass: "NORDIC" };

  it.each<[string, unknown, Record<string, unknown>]>([
    ["a twin town, active by default", town, { ...town, active: true }],
    ["a municipal partnership far away", { ...town, name: "Lobatse", country: "Botswana", kind: "MUNICIPAL_PARTNERSHIP", distanceClass: "WORLD" }, { kind: "MUNICIPAL_PARTNERSHIP", distanceClass: "WORLD" }],
    ["inactive", { ...town, active: false }, { active: false }],
    ["name at the limit", { ...town, name: "x".repeat(PARTNER_TOWN_NAME_MAX) }, { name: "x".repeat(PARTNER_TOWN_NAME_MAX) }],
  ])("accepts %s", (_name, input, expected) => {
    expect(PartnerTownInputSchema.parse(input)).toMatchObject(expected);
  });

  it.each<[string, unknown, Record<string, string[]>]>([
    ["empty", {}, {
      name: ["validation.required"],
      country: ["validation.required"],
      kind: ["validation.required"],
      distanceClass: ["validation.required"],
    }],
    ["blank name", { ...town, name: "  " }, { name: ["validation.required"] }],
    ["name one over", { ...town, name: "x".repeat(PARTNER_TOWN_NAME_MAX + 1) }, { name: ["validation.admin.partnerTown.name.tooLong"] }],
    ["country one over", { ...town, country: "x".repeat(COUNTRY_MAX + 1) }, { country: ["validation.admin.partnerTown.country.tooLong"] }],
    ["unknown kind", { ...town, kind: "SISTER_CITY" }, { kind: ["validation.admin.partnerTown.kind.invalid"] }],
    ["unknown distance", { ...town, distanceClass: "MOON" }, { distanceClass: ["validation.admin.partnerTown.distanceClass.invalid"] }],
  ])("reports %s on its field", (_name, input, expected) => {
    expect(issues(PartnerTownInputSchema, input)).toEqual(expected);
  });

  it("PATCH keeps absent fields absent", () => {
    expect(PartnerTownUpdateSchema.parse({ active: false })).toEqual({ active: false });
    expect(issues(PartnerTownUpdateSchema, { name: "" })).toEqual({ name: ["validation.required"] });
  });
});

describe("ObjectiveInputSchema", () => {
  const objective = { textSv: "Öka förståelsen mellan kulturer", textEn: "Increase understanding between cultures" };

  it.each<[string, unknown, Record<string, unknown>]>([
    ["defaults: first, active", objective, { sortOrder: 0, active: true }],
    ["order from a form string", { ...objective, sortOrder: "7" }, { sortOrder: 7 }],
    ["order at the limit", { ...objective, sortOrder: SORT_ORDER_MAX }, { sortOrder: SORT_ORDER_MAX }],
    ["text at the limit", { ...objective, textSv: "x".repeat(OBJECTIVE_TEXT_MAX) }, { textSv: "x".repeat(OBJECTIVE_TEXT_MAX) }],
  ])("accepts %s", (_name, input, expected) => {
    expect(ObjectiveInputSchema.parse(input)).toMatchObject(expected);
  });

  it.each<[string, unknown, Record<string, string[]>]>([
    ["no texts", {}, { textSv: ["validation.required"], textEn: ["validation.required"] }],
    ["Swedish text one over", { ...objective, textSv: "x".repeat(OBJECTIVE_TEXT_MAX + 1) }, { textSv: ["validation.admin.objective.text.tooLong"] }],
    ["order one over", { ...objective, sortOrder: SORT_ORDER_MAX + 1 }, { sortOrder: ["validation.admin.objective.sortOrder.invalid"] }],
    ["negative order", { ...objective, sortOrder: -1 }, { sortOrder: ["validation.admin.objective.sortOrder.invalid"] }],
    ["decimal order", { ...objective, sortOrder: "1,5" }, { sortOrder: ["validation.admin.objective.sortOrder.invalid"] }],
  ])("reports %s on its field", (_name, input, expected) => {
    expect(issues(ObjectiveInputSchema, input)).toEqual(expected);
  });

  it("PATCH keeps absent fields absent", () => {
    expect(ObjectiveUpdateSchema.parse({ sortOrder: "3" })).toEqual({ sortOrder: 3 });
  });
});

describe("ProgramYearInputSchema", () => {
  const program = {
    year: 2027,
    opensOn: "2027-01-01",
    closesOn: "2027-12-31",
    baseCapPerTown: 10_000,
    activityCapPerTown: 10_000,
    splitRule: "EQUAL_SPLIT",
    budget: 60_000,
    reportDeadlineMonths: 1,
  };

  it.each<[string, unknown, Record<string, unknown>]>([
    ["Piteå's rules, no documents or overrides", program, { ...program, requiredDocuments: [], caps: [] }],
    ["form strings with spaces", { ...program, year: "2027", baseCapPerTown: "10 000", budget: "60 000", reportDeadlineMonths: "1" }, { year: 2027, baseCapPerTown: 10_000, budget: 60_000, reportDeadlineMonths: 1 }],
    ["opens and closes the same day", { ...program, closesOn: "2027-01-01" }, { closesOn: "2027-01-01" }],
    ["no budget from an empty field", { ...program, budget: "" }, { budget: null }],
    ["no budget when absent", { ...program, budget: undefined }, { budget: null }],
    ["caps of zero", { ...program, baseCapPerTown: 0, activityCapPerTown: "0" }, { baseCapPerTown: 0, activityCapPerTown: 0 }],
    ["no split", { ...program, splitRule: "NONE" }, { splitRule: "NONE" }],
    ["report due at once", { ...program, reportDeadlineMonths: 0 }, { reportDeadlineMonths: 0 }],
    ["report due at the limit", { ...program, reportDeadlineMonths: REPORT_DEADLINE_MONTHS_MAX }, { reportDeadlineMonths: REPORT_DEADLINE_MONTHS_MAX }],
    ["first and last year", { ...program, year: PROGRAM_YEAR_MIN }, { year: PROGRAM_YEAR_MIN }],
    ["a document for both grants from the form's empty choice", { ...program, requiredDocuments: [{ nameSv: "Budget", nameEn: "Budget", grantKind: "" }] }, { requiredDocuments: [{ nameSv: "Budget", nameEn: "Budget", grantKind: null }] }],
    ["a document for the activity grant", { ...program, requiredDocuments: [{ nameSv: "Budget", nameEn: "Budget", grantKind: "ACTIVITY" }] }, { requiredDocuments: [{ nameSv: "Budget", nameEn: "Budget", grantKind: "ACTIVITY" }] }],
    ["one town, both grants overridden", { ...program, caps: [{ partnerTownId: TOWN, grantKind: "BASE", amount: "5 000" }, { partnerTownId: TOWN, grantKind: "ACTIVITY", amount: 0 }] }, { caps: [{ partnerTownId: TOWN, grantKind: "BASE", amount: 5_000 }, { partnerTownId: TOWN, grantKind: "ACTIVITY", amount: 0 }] }],
  ])("accepts %s", (_name, input, expected) => {
    expect(ProgramYearInputSchema.parse(input)).toMatchObject(expected);
  });

  it.each<[string, unknown, Record<string, string[]>]>([
    ["closes one day before it opens", { ...program, opensOn: "2027-03-01", closesOn: "2027-02-28" }, { closesOn: ["validation.admin.program.closesBeforeOpens"] }],
    ["a day that does not exist", { ...program, closesOn: "2027-02-29" }, { closesOn: ["validation.date.format"] }],
    ["an empty date", { ...program, opensOn: "" }, { opensOn: ["validation.required"] }],
    ["a year before the first", { ...program, year: PROGRAM_YEAR_MIN - 1 }, { year: ["validation.admin.program.year.invalid"] }],
    ["a year after the last", { ...program, year: PROGRAM_YEAR_MAX + 1 }, { year: ["validation.admin.program.year.invalid"] }],
    ["a cap one krona below zero", { ...program, baseCapPerTown: -1 }, { baseCapPerTown: ["validation.amount.negative"] }],
    ["a cap with öre", { ...program, activityCapPerTown: "10000,50" }, { activityCapPerTown: ["validation.amount.notInteger"] }],
    ["a budget in words", { ...program, budget: "sextio tusen" }, { budget: ["validation.amount.invalid"] }],
    ["an unknown split rule", { ...program, splitRule: "PRO_RATA" }, { splitRule: ["validation.admin.program.splitRule.invalid"] }],
    ["report due one month over", { ...program, reportDeadlineMonths: REPORT_DEADLINE_MONTHS_MAX + 1 }, { reportDeadlineMonths: ["validation.admin.program.reportDeadlineMonths.tooLarge"] }],
    ["report due before the activity", { ...program, reportDeadlineMonths: -1 }, { reportDeadlineMonths: ["validation.count.negative"] }],
    ["a document without names", { ...program, requiredDocuments: [{ nameSv: "", nameEn: " " }] }, { "requiredDocuments.0.nameSv": ["validation.required"], "requiredDocuments.0.nameEn": ["validation.required"] }],
    ["a document name one over", { ...program, requiredDocuments: [{ nameSv: "x".repeat(DOCUMENT_NAME_MAX + 1), nameEn: "x" }] }, { "requiredDocuments.0.nameSv": ["validation.admin.program.document.name.tooLong"] }],
    ["a document for an unknown grant", { ...program, requiredDocuments: [{ nameSv: "x", nameEn: "x", grantKind: "TRAVEL" }] }, { "requiredDocuments.0.grantKind": ["validation.grantKind.invalid"] }],
    ["one document too many", { ...program, requiredDocuments: Array.from({ length: REQUIRED_DOCUMENTS_MAX + 1 }, () => ({ nameSv: "x", nameEn: "x" })) }, { requiredDocuments: ["validation.admin.program.documents.tooMany"] }],
    ["one override too many", { ...program, caps: Array.from({ length: CAP_OVERRIDES_MAX + 1 }, (_, i) => ({ partnerTownId: TOWN, grantKind: i % 2 ? "BASE" : "ACTIVITY", amount: 1 })) }, { caps: ["validation.admin.program.caps.tooMany"] }],
    ["an override without a town", { ...program, caps: [{ partnerTownId: "", grantKind: "BASE", amount: 1 }] }, { "caps.0.partnerTownId": ["validation.id.invalid"] }],
    ["an override with a negative amount", { ...program, caps: [{ partnerTownId: TOWN, grantKind: "BASE", amount: -1 }] }, { "caps.0.amount": ["validation.amount.negative"] }],
    ["the same town and grant twice", { ...program, caps: [{ partnerTownId: TOWN, grantKind: "BASE", amount: 1 }, { partnerTownId: OTHER_TOWN, grantKind: "BASE", amount: 1 }, { partnerTownId: TOWN.toUpperCase(), grantKind: "BASE", amount: 2 }] }, { "caps.2.partnerTownId": ["validation.admin.program.cap.duplicate"] }],
    ["every error at once", { ...program, year: "", opensOn: "2027-05-01", closesOn: "2027-04-30", splitRule: undefined }, {
      year: ["validation.required"],
      closesOn: ["validation.admin.program.closesBeforeOpens"],
      splitRule: ["validation.required"],
    }],
  ])("reports %s on its field", (_name, input, expected) => {
    expect(issues(ProgramYearInputSchema, input)).toEqual(expected);
  });

  it("parses its own output again to the same value (the server re-checks what the form sent)", () => {
    const once = ProgramYearInputSchema.parse({
      ...program,
      budget: "",
      requiredDocuments: [{ nameSv: "A", nameEn: "A", grantKind: "" }],
      caps: [{ partnerTownId: TOWN, grantKind: "BASE", amount: "1 000" }],
    });
    expect(ProgramYearInputSchema.parse(once)).toEqual(once);
  });
});

describe("command-line inputs", () => {
  it.each<[unknown, string]>([
    ["admin", "admin"],
    [" Coordinator ", "coordinator"],
    ["APPLICANT", "applicant"],
    ["committee", "committee"],
  ])("role %j is %s", (input, expected) => {
    expect(CliRoleSchema.parse(input)).toBe(expected);
  });

  it.each<[unknown]>([["owner"], [""], [undefined]])("refuses role %j", (input) => {
    expect(CliRoleSchema.safeParse(input).success).toBe(false);
  });

  it("reports a bad role on its field", () => {
    expect(issues(CliUserCreateSchema, { email: "a@b.se", role: "boss" })).toEqual({ role: ["validation.admin.cliRole.invalid"] });
  });

  it.each<[string, unknown, Record<string, string[]>]>([
    ["no name", { email: "a@b.se", name: "" }, { name: ["validation.required"] }],
    ["name one over", { email: "a@b.se", name: "x".repeat(API_TOKEN_NAME_MAX + 1) }, { name: ["validation.admin.token.name.tooLong"] }],
    ["bad address", { email: "nope", name: "ci" }, { email: ["validation.email.format"] }],
  ])("token request: %s", (_name, input, expected) => {
    expect(issues(ApiTokenRequestSchema, input)).toEqual(expected);
  });
});

describe("admin texts", () => {
  it("has every key in English too, none empty", () => {
    expect(Object.keys(adminMessages.en).sort()).toEqual(Object.keys(adminMessages.sv).sort());
    for (const text of [...Object.values(adminMessages.sv), ...Object.values(adminMessages.en)]) expect(text.trim()).not.toBe("");
  });

  it("has a text for every message key the schemas can report", () => {
    const known = new Set([...Object.keys(adminMessages.sv), ...Object.keys(validationMessages.sv)]);
    const source = [
      issues(UserCreateSchema, { roles: ["X"], active: 1, name: "x".repeat(USER_NAME_MAX + 1) }),
      issues(CommitteeMemberInputSchema, { userId: TOWN, email: "a@b.se", title: "x".repeat(COMMITTEE_TITLE_MAX + 1) }),
      issues(CommitteeMemberInputSchema, {}),
      issues(PartnerTownInputSchema, { name: "x".repeat(999), country: "x".repeat(999), kind: "X", distanceClass: "X" }),
      issues(ObjectiveInputSchema, { textSv: "x".repeat(9999), textEn: "", sortOrder: -1 }),
      issues(ProgramYearInputSchema, { year: 1, opensOn: "2027-02-02", closesOn: "2027-02-01", splitRule: "X", reportDeadlineMonths: 99, requiredDocuments: [{ nameSv: "x".repeat(999) }], caps: [{ partnerTownId: TOWN, grantKind: "BASE", amount: 1 }, { partnerTownId: TOWN, grantKind: "BASE", amount: 1 }] }),
      issues(CliUserCreateSchema, { email: "a@b.se", role: "x" }),
    ];
    for (const message of source.flatMap((i) => Object.values(i).flat())) expect(known, message).toContain(message);
  });
});
