import { describe, expect, it } from "vitest";
import { deliveryError } from "./outbox-delivery";
import { MailNotConfiguredError } from "@/lib/mail/transport";

const smtpError = (props: Record<string, unknown>) => Object.assign(new Error("server said something with anna@example.se in it"), props);

describe("deliveryError", () => {
  it.each([
    ["an unreachable server, by the system's name", smtpError({ code: "ESOCKET", errno: -111, syscall: "connect" }), "ECONNREFUSED", false],
    ["a connection timeout", smtpError({ code: "ETIMEDOUT", command: "CONN" }), "ETIMEDOUT", false],
    ["no SMTP configured", new MailNotConfiguredError(["SMTP_URL (or SMTP_HOST)"], []), "SMTP_NOT_CONFIGURED", false],
    ["a refused login", smtpError({ code: "EAUTH", responseCode: 535 }), "EAUTH 535", false],
    ["a busy server (4xx)", smtpError({ code: "EENVELOPE", responseCode: 451 }), "EENVELOPE 451", false],
    ["an unknown recipient (5xx)", smtpError({ code: "EENVELOPE", responseCode: 550 }), "EENVELOPE 550", true],
    ["a refused message (5xx)", smtpError({ code: "EMESSAGE", responseCode: 554 }), "EMESSAGE 554", true],
    ["a 5xx greeting (the server, not the mail)", smtpError({ code: "ECONNECTION", responseCode: 554 }), "ECONNECTION 554", false],
    ["a bad address", new Error('Not a single e-mail address: "a@b, c@d"'), "INVALID_ADDRESS", true],
    ["anything else", new Error("boom"), "SEND_FAILED", false],
    ["a code that is not a code", smtpError({ code: "not a code; DROP" }), "SEND_FAILED", false],
    ["not even an error", "a string", "SEND_FAILED", false],
    ["nothing", undefined, "SEND_FAILED", false],
  ])("%s: %s", (_what, error, code, permanent) => {
    expect(deliveryError(error)).toEqual({ code, permanent });
  });

  it("never carries the server's words", () => {
    expect(deliveryError(smtpError({ code: "EENVELOPE", responseCode: 550 })).code).not.toContain("anna");
  });
});
