// Every message key a schema can produce has a text in Swedish and English.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { validationMessages } from "@/lib/i18n/validation-messages";
import * as allMessages from "@/lib/i18n/messages";
import { ApplicationCreateSchema, ApplicationDraftSchema, ApplicationSubmitSchema } from "./application";
import { AssociationRegistrationSchema, InvitationSchema, ReasonSchema } from "./association";

const TOWN = "024d3fe7-b1f2-4f0d-91e9-4bc7b9d5c80e";
const association = {
  name: "Vänortsföreningen",
  orgNumber: "802002-4280",
  streetAddress: "Storgatan 1",
  postalCode: "941 85",
  city: "Piteå",
  contactName: "Anna",
  email: "anna@example.se",
  phone: "070-123 45 67",
  paymentMethod: "BANKGIRO",
  paymentAccount: "5050-1055",
  partnerTownIds: [TOWN],
};
const application = {
  programYearId: TOWN,
  grantKind: "ACTIVITY",
  partnerTownId: TOWN,
  title: "Utbyte",
  purpose: "Syfte",
  description: "Beskrivning",
  objectiveIds: [TOWN],
  objectiveMotivation: "",
  startDate: "2027-06-15",
  endDate: "2027-06-18",
  participantsTotal: 12,
  participantsUnder26: 10,
  budgetLines: [{ label: "Resor", amount: 10_000 }],
  otherFunding: [],
  requestedAmount: 5_000,
};
const long = (n: number) => "x".repeat(n);

// One bad input per way a field can fail.
const BAD_INPUTS: [z.ZodType, unknown][] = [
  [AssociationRegistrationSchema, {}],
  [AssociationRegistrationSchema, { ...association, name: 1, partnerTownIds: [] }],
  [AssociationRegistrationSchema, { ...association, name: long(1_000), streetAddress: long(1_000), city: long(1_000), contactName: long(1_000) }],
  [AssociationRegistrationSchema, { ...association, orgNumber: "802002-4281", email: "anna@", phone: "12", postalCode: "1" }],
  [AssociationRegistrationSchema, { ...association, orgNumber: "121212-1212", email: `${long(300)}@example.se` }],
  [AssociationRegistrationSchema, { ...association, orgNumber: "1", paymentAccount: "5050-1056" }],
  [AssociationRegistrationSchema, { ...association, paymentAccount: "1" }],
  [AssociationRegistrationSchema, { ...association, paymentAccount: long(100) }],
  [AssociationRegistrationSchema, { ...association, paymentMethod: "PLUSGIRO", paymentAccount: "19" }],
  [AssociationRegistrationSchema, { ...association, paymentMethod: "PLUSGIRO", paymentAccount: "1" }],
  [AssociationRegistrationSchema, { ...association, paymentMethod: "SWISH", partnerTownIds: ["x"] }],
  [AssociationRegistrationSchema, { ...association, partnerTownIds: Array.from({ length: 1_000 }, () => TOWN) }],
  [InvitationSchema, { email: "nope" }],
  [ReasonSchema, { reason: "   ok  " }],
  [ApplicationSubmitSchema, {}],
  [ApplicationSubmitSchema, { ...application, grantKind: "X", title: long(10_000), purpose: long(10_000), description: long(100_000), objectiveMotivation: long(10_000) }],
  [ApplicationSubmitSchema, { ...application, objectiveIds: [], endDate: "2027-06-01", participantsUnder26: 13, requestedAmount: 10_001 }],
  [ApplicationSubmitSchema, { ...application, startDate: "2027-02-29", budgetLines: [] }],
  // An oversized list stops zod before the cross-field rules, so it gets its own row.
  [ApplicationSubmitSchema, { ...application, objectiveIds: Array.from({ length: 1_000 }, () => TOWN) }],
  [ApplicationSubmitSchema, { ...application, requestedAmount: 0, participantsTotal: "x", participantsUnder26: "1.5" }],
  [ApplicationSubmitSchema, { ...application, requestedAmount: "1.5", participantsTotal: -1, participantsUnder26: 1e9 }],
  [ApplicationSubmitSchema, { ...application, requestedAmount: "x", budgetLines: [{ label: long(1_000), amount: -1 }] }],
  [ApplicationSubmitSchema, { ...application, requestedAmount: 1e12, otherFunding: Array.from({ length: 1_000 }, () => ({ label: "x", amount: 0 })) }],
  [ApplicationDraftSchema, { title: 3, partnerTownId: "x", budgetLines: "x" }],
  [ApplicationCreateSchema, {}],
];

function producedKeys(): Set<string> {
  const keys = new Set<string>();
  for (const [schema, input] of BAD_INPUTS) {
    const result = schema.safeParse(input);
    expect(result.success, JSON.stringify(input).slice(0, 200)).toBe(false);
    for (const issue of result.error!.issues) keys.add(issue.message);
  }
  return keys;
}

/** Every "validation.…" string literal in the schema sources, reachable or not. */
function keysInSources(): Set<string> {
  const dir = import.meta.dirname;
  const keys = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))) {
    for (const m of readFileSync(path.join(dir, file), "utf8").matchAll(/"(validation\.[A-Za-z0-9.]+)"/g)) keys.add(m[1]!);
  }
  return keys;
}

describe("validation messages", () => {
  const { sv, en } = validationMessages;

  it("Swedish and English have the same keys", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
  });

  it.each(Object.keys(sv))("%s has real text in both languages", (key) => {
    for (const text of [sv[key as keyof typeof sv], en[key as keyof typeof en]]) {
      expect(text.trim().length).toBeGreaterThan(10);
      expect(text).not.toMatch(/\{\w+\}|undefined|NaN|validation\./);
    }
    expect(sv[key as keyof typeof sv]).not.toBe(en[key as keyof typeof en]);
  });

  it("every key produced by the table of bad inputs has both texts", () => {
    const produced = [...producedKeys()];
    expect(produced.filter((k) => !(k in sv))).toEqual([]);
    expect(produced.filter((k) => !(k in en))).toEqual([]);
  });

  it("every key written in the schema sources has both texts", () => {
    // Area schemas (e.g. lib/schemas/admin.ts) keep their texts in their area's file.
    const written = [...keysInSources()];
    expect(written.length).toBeGreaterThan(20);
    expect(written.filter((k) => !(k in allMessages.sv) || !(k in allMessages.en))).toEqual([]);
  });

  it("every key in the dictionary is produced by some bad input (no dead texts, no untested keys)", () => {
    const produced = producedKeys();
    expect(Object.keys(sv).filter((k) => !produced.has(k))).toEqual([]);
  });
});
