import { describe, expect, it } from "vitest";
import { en, sv } from "@/lib/i18n/messages";
import { CaseMessageSchema, CONTACT_NAME_MAX, CONTACT_SERVICES, CONTACT_TOPIC_MAX, ContactMessageSchema, MarkReadSchema, MESSAGE_BODY_MAX } from "./message";
import { issuesOf } from "./test-helpers";

const long = (n: number) => "x".repeat(n);

describe("CaseMessageSchema", () => {
  it.each<[string, unknown, string[]]>([
    ["one character", { body: "?" }, []],
    ["exactly the limit", { body: long(MESSAGE_BODY_MAX) }, []],
    ["one over the limit", { body: long(MESSAGE_BODY_MAX + 1) }, ["body: validation.message.body.tooLong"]],
    ["empty", { body: "" }, ["body: validation.required"]],
    ["only spaces and line breaks", { body: "  \n\t " }, ["body: validation.required"]],
    ["missing", {}, ["body: validation.required"]],
    ["not text", { body: 12 }, ["body: validation.invalid"]],
  ])("%s", (_, input, expected) => {
    expect(issuesOf(CaseMessageSchema, input)).toEqual(expected);
  });

  it("keeps line breaks inside the text and trims the ends", () => {
    expect(CaseMessageSchema.parse({ body: "  Hej!\n\nVi undrar över budgeten.\n " }).body).toBe("Hej!\n\nVi undrar över budgeten.");
  });
});

const contact = {
  topic: "Fråga om aktivitetsbidrag",
  service: "GRANTS",
  body: "När kommer beslutet?",
  replyBy: "EMAIL",
  name: "Eva Ek",
  email: "Eva@Example.se",
  phone: "",
};

describe("ContactMessageSchema", () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ["reply by e-mail with an address", {}, []],
    ["reply by phone with a number and no address", { replyBy: "PHONE", email: "", phone: "070-123 45 67" }, []],
    ["reply by phone, address given too", { replyBy: "PHONE", phone: "+46 70 123 45 67" }, []],
    ["reply by e-mail with no address", { email: "" }, ["email: validation.contact.email.requiredForReply"]],
    ["reply by e-mail, address absent", { email: undefined }, ["email: validation.contact.email.requiredForReply"]],
    ["reply by e-mail, address null", { email: null }, ["email: validation.contact.email.requiredForReply"]],
    ["reply by phone with no number", { replyBy: "PHONE", phone: "  " }, ["phone: validation.contact.phone.requiredForReply"]],
    ["a bad address even when replying by phone", { replyBy: "PHONE", phone: "070-123 45 67", email: "eva@" }, ["email: validation.email.format"]],
    ["a bad number even when replying by e-mail", { phone: "12" }, ["phone: validation.phone.format"]],
    ["letters in the number", { replyBy: "PHONE", phone: "070-ABC" }, ["phone: validation.phone.format"]],
    ["an address too long", { email: `${long(250)}@example.se` }, ["email: validation.email.tooLong"]],
    ["no reply channel", { replyBy: undefined }, ["replyBy: validation.required"]],
    ["an unknown reply channel", { replyBy: "FAX" }, ["replyBy: validation.contact.replyBy.invalid"]],
    ["no service", { service: undefined }, ["service: validation.required"]],
    ["an unknown service", { service: "PARKING" }, ["service: validation.contact.service.invalid"]],
    ["an empty topic", { topic: " " }, ["topic: validation.required"]],
    ["a topic at the limit", { topic: long(CONTACT_TOPIC_MAX) }, []],
    ["a topic one over", { topic: long(CONTACT_TOPIC_MAX + 1) }, ["topic: validation.contact.topic.tooLong"]],
    ["a name one over", { name: long(CONTACT_NAME_MAX + 1) }, ["name: validation.contact.name.tooLong"]],
    ["no name", { name: "" }, ["name: validation.required"]],
    ["no message", { body: "" }, ["body: validation.required"]],
    ["a message one over", { body: long(MESSAGE_BODY_MAX + 1) }, ["body: validation.message.body.tooLong"]],
  ])("%s", (_, change, expected) => {
    expect(issuesOf(ContactMessageSchema, { ...contact, ...change })).toEqual(expected);
  });

  it("reports every field at once, the reply channel's rule included", () => {
    expect(issuesOf(ContactMessageSchema, { replyBy: "PHONE" }).sort()).toEqual(
      [
        "topic: validation.required",
        "service: validation.required",
        "body: validation.required",
        "name: validation.required",
        "phone: validation.contact.phone.requiredForReply",
      ].sort(),
    );
  });

  it("accepts every service it offers", () => {
    for (const service of CONTACT_SERVICES) expect(issuesOf(ContactMessageSchema, { ...contact, service })).toEqual([]);
  });

  it("folds a line break in the topic or the name into a space, so neither can start a header line", () => {
    const v = ContactMessageSchema.parse({ ...contact, topic: "Hej\r\nBcc: x@evil.example", name: "Eva\nEk\u2028" });
    expect(v.topic).toBe("Hej Bcc: x@evil.example");
    expect(v.name).toBe("Eva Ek");
  });

  it("gives a lower-case address, a tidy number, and null for what was not given", () => {
    expect(ContactMessageSchema.parse({ ...contact, phone: " 070  123 45 67 " })).toMatchObject({ email: "eva@example.se", phone: "070 123 45 67" });
    expect(ContactMessageSchema.parse({ ...contact, replyBy: "PHONE", email: "", phone: "0911-69 60 00" })).toMatchObject({ email: null });
    expect(ContactMessageSchema.parse(contact)).toMatchObject({ phone: null });
  });
});

describe("MarkReadSchema", () => {
  it("means read when nothing is said", () => {
    expect(MarkReadSchema.parse({})).toEqual({ read: true });
    expect(MarkReadSchema.parse({ read: false })).toEqual({ read: false });
    expect(issuesOf(MarkReadSchema, { read: "yes" })).toEqual(["read: validation.invalid"]);
  });
});

describe("the messages' texts", () => {
  it("exist in both languages for every key the schemas use", () => {
    const keys = [
      "validation.message.body.tooLong",
      "validation.contact.topic.tooLong",
      "validation.contact.service.invalid",
      "validation.contact.replyBy.invalid",
      "validation.contact.name.tooLong",
      "validation.contact.email.requiredForReply",
      "validation.contact.phone.requiredForReply",
      ...CONTACT_SERVICES.map((s) => `contact.service.${s}`),
    ];
    for (const k of keys) {
      expect(sv[k], k).toEqual(expect.any(String));
      expect(en[k], k).toEqual(expect.any(String));
    }
  });
});
