// Header hygiene for outgoing mail. Subjects and addresses often carry text a
// user typed (an association's name, an invitee's address); a CR or LF in
// them must never start a new header line.

// C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]+/g;

/** One header line's worth of text: control characters become a space, ends trimmed. */
export function sanitizeHeader(value: string): string {
  return value.replace(CONTROL_CHARACTERS, " ").trim();
}

export type Mailbox = { name: string; address: string };

// Deliberately narrower than RFC 5322: no groups, comments, quoted local parts
// or lists, so one string is always exactly one recipient.
const ADDRESS = /^[^\s<>()[\]\\,;:@"]+@[^\s<>()[\]\\,;:@"]+$/;
const NAME_AND_ADDRESS = /^(.*?)\s*<([^<>]*)>$/;

/**
 * Parses "user@example.se" or "Name <user@example.se>" into one mailbox.
 * Throws when the value is not exactly one address, e.g. "a@x.se, b@y.se"
 * or "a@x.se\r\nBcc: b@y.se".
 */
export function parseMailbox(value: string): Mailbox {
  const clean = sanitizeHeader(value);
  const match = NAME_AND_ADDRESS.exec(clean);
  const name = match ? unquote(match[1] ?? "") : "";
  const address = (match ? (match[2] ?? "") : clean).trim();
  if (!ADDRESS.test(address) || /[<>]/.test(name)) {
    throw new Error(`Not a single e-mail address: ${JSON.stringify(clean)}`);
  }
  return { name, address };
}

function unquote(name: string): string {
  const trimmed = name.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1).trim() : trimmed;
}
