// Bankgiro and plusgiro numbers. Both carry a Luhn check digit over all digits;
// people type them with spaces and dashes in many places, so those are ignored.
import { isLuhnValid } from "./luhn";

export type GiroReason = "FORMAT" | "CHECKSUM";
export type GiroResult = { ok: true; value: string } | { ok: false; reason: GiroReason };
export type PaymentMethod = "BANKGIRO" | "PLUSGIRO";

export const BANKGIRO_MIN_DIGITS = 7;
export const BANKGIRO_MAX_DIGITS = 8;
export const PLUSGIRO_MIN_DIGITS = 2;
export const PLUSGIRO_MAX_DIGITS = 8;

function compactDigits(input: string, min: number, max: number): string | null {
  const compact = input.replace(/[\s-]+/g, "");
  return new RegExp(`^\\d{${min},${max}}$`).test(compact) ? compact : null;
}

/** 7 or 8 digits; normal form "NNN-NNNN" / "NNNN-NNNN". */
export function parseBankgiro(input: string): GiroResult {
  const digits = compactDigits(input, BANKGIRO_MIN_DIGITS, BANKGIRO_MAX_DIGITS);
  if (digits === null) return { ok: false, reason: "FORMAT" };
  if (!isLuhnValid(digits)) return { ok: false, reason: "CHECKSUM" };
  return { ok: true, value: `${digits.slice(0, -4)}-${digits.slice(-4)}` };
}

/** 2 to 8 digits; normal form: all digits but the check digit, a dash, the check digit ("41054-8"). */
export function parsePlusgiro(input: string): GiroResult {
  const digits = compactDigits(input, PLUSGIRO_MIN_DIGITS, PLUSGIRO_MAX_DIGITS);
  if (digits === null) return { ok: false, reason: "FORMAT" };
  if (!isLuhnValid(digits)) return { ok: false, reason: "CHECKSUM" };
  return { ok: true, value: `${digits.slice(0, -1)}-${digits.slice(-1)}` };
}

export function parsePaymentAccount(method: PaymentMethod, input: string): GiroResult {
  return method === "BANKGIRO" ? parseBankgiro(input) : parsePlusgiro(input);
}
