import { describe, expect, it } from "vitest";
import { DEFAULT_MAIL_FROM, type Env, getMailConfig, getTransportOrThrow, MailNotConfiguredError } from "./transport";

describe("getMailConfig", () => {
  it.each<[string, Env, ReturnType<typeof getMailConfig>]>([
    ["nothing set", {}, { configured: false, from: DEFAULT_MAIL_FROM, missing: ["SMTP_URL (or SMTP_HOST)"], invalid: [] }],
    ["blank values count as unset", { SMTP_URL: " ", SMTP_HOST: "" }, { configured: false, from: DEFAULT_MAIL_FROM, missing: ["SMTP_URL (or SMTP_HOST)"], invalid: [] }],
    [
      "SMTP_URL with a login",
      { SMTP_URL: "smtp://user:secret@mail.example.se:2525" },
      { configured: true, from: DEFAULT_MAIL_FROM, host: "mail.example.se", port: 2525, secure: false, authenticated: true },
    ],
    [
      "smtps:// without a port",
      { SMTP_URL: "smtps://mail.example.se", MAIL_FROM: "Bidrag <bidrag@kommun.se>" },
      { configured: true, from: "Bidrag <bidrag@kommun.se>", host: "mail.example.se", port: 465, secure: true, authenticated: false },
    ],
    ["SMTP_URL of another scheme", { SMTP_URL: "http://mail.example.se" }, { configured: false, from: DEFAULT_MAIL_FROM, missing: [], invalid: ["SMTP_URL (must look like smtp://user:pass@host:587 or smtps://…)"] }],
    [
      "SMTP_HOST alone",
      { SMTP_HOST: "mail.example.se" },
      { configured: true, from: DEFAULT_MAIL_FROM, host: "mail.example.se", port: 587, secure: false, authenticated: false },
    ],
    [
      "port 465 implies TLS",
      { SMTP_HOST: "mail.example.se", SMTP_PORT: "465", SMTP_USER: "u", SMTP_PASSWORD: "p" },
      { configured: true, from: DEFAULT_MAIL_FROM, host: "mail.example.se", port: 465, secure: true, authenticated: true },
    ],
    [
      "SMTP_SECURE overrides the port's default",
      { SMTP_HOST: "mail.example.se", SMTP_SECURE: "true" },
      { configured: true, from: DEFAULT_MAIL_FROM, host: "mail.example.se", port: 465, secure: true, authenticated: false },
    ],
    ["a user without a password", { SMTP_HOST: "h", SMTP_USER: "u" }, { configured: false, from: DEFAULT_MAIL_FROM, missing: ["SMTP_PASSWORD"], invalid: [] }],
    ["a port without a host", { SMTP_PORT: "25" }, { configured: false, from: DEFAULT_MAIL_FROM, missing: ["SMTP_HOST"], invalid: [] }],
    [
      "bad port and bad secure flag",
      { SMTP_HOST: "h", SMTP_PORT: "abc", SMTP_SECURE: "maybe" },
      { configured: false, from: DEFAULT_MAIL_FROM, missing: [], invalid: ["SMTP_PORT (not a port number)", "SMTP_SECURE (use true or false)"] },
    ],
    [
      "a MAIL_FROM that is not one address",
      { SMTP_HOST: "h", MAIL_FROM: "a@x.se, b@y.se" },
      { configured: false, from: "a@x.se, b@y.se", missing: [], invalid: ["MAIL_FROM (not one e-mail address)"] },
    ],
  ])("%s", (_, env, expected) => {
    expect(getMailConfig(env)).toEqual(expected);
  });

  it("never reports the password", () => {
    expect(JSON.stringify(getMailConfig({ SMTP_URL: "smtp://user:hunter2@h:25" }))).not.toContain("hunter2");
    expect(JSON.stringify(getMailConfig({ SMTP_URL: "ftp://user:hunter2@h:25" }))).not.toContain("hunter2");
  });
});

describe("getTransportOrThrow", () => {
  it("names what is missing", () => {
    expect(() => getTransportOrThrow({ SMTP_HOST: "h", SMTP_USER: "u" })).toThrow(MailNotConfiguredError);
    expect(() => getTransportOrThrow({})).toThrow(/missing SMTP_URL \(or SMTP_HOST\)/);
  });

  it("builds a transport once per configuration", () => {
    const first = getTransportOrThrow({ SMTP_URL: "smtp://127.0.0.1:2525" });
    expect(getTransportOrThrow({ SMTP_URL: "smtp://127.0.0.1:2525" }).transporter).toBe(first.transporter);
    expect(getTransportOrThrow({ SMTP_URL: "smtp://127.0.0.1:2526" }).transporter).not.toBe(first.transporter);
    expect(first.from).toEqual({ name: "Internationella bidrag", address: "no-reply@localhost" });
  });
});
