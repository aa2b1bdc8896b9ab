// Swedish organisation number (organisationsnummer), normal form "NNNNNN-NNNN".
// Legal entities have digits 3–4 >= 20, which is what keeps them apart from
// personal identity and co-ordination numbers (digits 3–4 are a month 01–12).
import { isLuhnValid } from "./luhn";

export type OrgNumberReason = "FORMAT" | "CHECKSUM" | "PERSONAL_IDENTITY_NUMBER";
export type OrgNumberResult = { ok: true; value: string } | { ok: false; reason: OrgNumberReason };

// Optional "16" prefix (the 12-digit form used by Skatteverket), optional "-" or
// "+" separator; "+" only ever appears in personal identity numbers (age 100+).
const ORG_FORM = /^(?:16)?(\d{6})([-+]?)(\d{4})$/;
// 12-digit personal identity number with its century.
const PIN_12_FORM = /^(?:18|19|20)(\d{6})[-+]?(\d{4})$/;

function isMonth(twoDigits: string): boolean {
  const month = Number(twoDigits);
  return month >= 1 && month <= 12;
}

/**
 * Accepts "NNNNNN-NNNN", "NNNNNNNNNN" and "16NNNNNN-NNNN"/"16NNNNNNNNNN"
 * (whitespace ignored) and returns the normal form "NNNNNN-NNNN".
 * A personal identity number is refused with its own reason so the form can
 * tell a volunteer to use the association's number, not their own.
 */
export function parseOrgNumber(input: string): OrgNumberResult {
  const compact = input.replace(/\s+/g, "");
  const org = ORG_FORM.exec(compact);
  if (!org) {
    const pin = PIN_12_FORM.exec(compact);
    if (pin && isMonth(pin[1]!.slice(2, 4))) return { ok: false, reason: "PERSONAL_IDENTITY_NUMBER" };
    return { ok: false, reason: "FORMAT" };
  }
  const [, head, separator, tail] = org as unknown as [string, string, string, string];
  const digits34 = head.slice(2, 4);
  if (isMonth(digits34)) return { ok: false, reason: "PERSONAL_IDENTITY_NUMBER" };
  if (separator === "+" || Number(digits34) < 20) return { ok: false, reason: "FORMAT" };
  if (!isLuhnValid(head + tail)) return { ok: false, reason: "CHECKSUM" };
  return { ok: true, value: `${head}-${tail}` };
}

export function isOrgNumber(input: string): boolean {
  return parseOrgNumber(input).ok;
}
