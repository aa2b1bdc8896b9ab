import { describe, expect, it } from "vitest";
import { parseMailbox, sanitizeHeader } from "./headers";

describe("sanitizeHeader", () => {
  it.each([
    ["CRLF then a header", "Hej\r\nBcc: x@y", "Hej Bcc: x@y"],
    ["bare LF", "Hej\nBcc: x@y", "Hej Bcc: x@y"],
    ["bare CR", "Hej\rBcc: x@y", "Hej Bcc: x@y"],
    ["several controls in a row", "a\r\n\r\n\tb", "a b"],
    ["NUL, DEL and a C1 control", "a\u0000b\u007Fc\u0085d", "a b c d"],
    ["Unicode line separators", "a\u2028b\u2029c", "a b c"],
    ["leading and trailing space", "  Hej  ", "Hej"],
    ["only controls", "\r\n", ""],
    ["ordinary Swedish text", "Ansökan från Föreningen Åäö", "Ansökan från Föreningen Åäö"],
  ])("%s", (_, input, expected) => {
    expect(sanitizeHeader(input)).toBe(expected);
  });

  it("leaves no line break in a subject that tries to add a Bcc header", () => {
    const subject = sanitizeHeader("Din ansökan\r\nBcc: x@y");
    expect(subject).not.toMatch(/[\r\n]/);
  });
});

describe("parseMailbox", () => {
  it.each([
    ["a bare address", "anna@example.se", { name: "", address: "anna@example.se" }],
    ["a name and address", "Anna Andersson <anna@example.se>", { name: "Anna Andersson", address: "anna@example.se" }],
    ["a quoted name", '"Andersson, Anna" <anna@example.se>', { name: "Andersson, Anna", address: "anna@example.se" }],
    ["the default sender", "Internationella bidrag <no-reply@localhost>", { name: "Internationella bidrag", address: "no-reply@localhost" }],
    ["surrounding space", "  anna@example.se ", { name: "", address: "anna@example.se" }],
  ])("accepts %s", (_, input, expected) => {
    expect(parseMailbox(input)).toEqual(expected);
  });

  it.each([
    ["an injected Bcc header", "anna@example.se\r\nBcc: x@y"],
    ["an injected Bcc after a name", "Anna <anna@example.se>\r\nBcc: x@y"],
    ["two addresses", "anna@example.se, bo@example.se"],
    ["a group", "Alla: anna@example.se, bo@example.se;"],
    ["no at sign", "anna"],
    ["empty", ""],
    ["angle brackets in the name", "<x@y> <anna@example.se>"],
    ["spaces in the address", "anna andersson@example.se"],
  ])("rejects %s", (_, input) => {
    expect(() => parseMailbox(input)).toThrow(/Not a single e-mail address/);
  });
});
