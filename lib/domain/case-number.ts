// Case registration numbers (diarienummer) such as "INT 2026/0042": the
// municipality's prefix, the year, and a per-year sequence number.

export const CASE_SEQ_MIN_DIGITS = 4;

// Starts with a letter; letters (Swedish too), digits, "." and "-", single
// spaces between words ("KS", "INT", "KFN-INT", "Dnr KS").
const PREFIX = /^[A-Za-zÅÄÖåäöÉé][A-Za-zÅÄÖåäöÉé0-9.-]*(?: [A-Za-zÅÄÖåäöÉé0-9.-]+)*$/;
export const CASE_PREFIX_MAX = 20;

export type CaseNumber = { prefix: string; year: number; seq: number };
export type CaseNumberResult = { ok: true; value: CaseNumber } | { ok: false; reason: "FORMAT" };

export function isCasePrefix(prefix: string): boolean {
  return prefix.length <= CASE_PREFIX_MAX && PREFIX.test(prefix);
}

/** "INT 2026/0042": at least four sequence digits, more once the year passes 9999 cases. */
export function formatCaseNumber(prefix: string, year: number, seq: number): string {
  if (!isCasePrefix(prefix)) throw new RangeError(`formatCaseNumber: bad prefix ${JSON.stringify(prefix)}`);
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`formatCaseNumber: bad year ${year}`);
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`formatCaseNumber: bad sequence number ${seq}`);
  return `${prefix} ${year}/${String(seq).padStart(CASE_SEQ_MIN_DIGITS, "0")}`;
}

/**
 * Reads a case number as people type it into a search box: extra whitespace
 * and missing leading zeros are forgiven ("INT  2026 / 42" → INT, 2026, 42).
 * The prefix keeps the case it was typed in; callers compare it case-insensitively.
 */
export function parseCaseNumber(input: string): CaseNumberResult {
  const m = /^(.+) (\d{4}) ?\/ ?(\d+)$/.exec(input.trim().replace(/\s+/g, " "));
  if (!m) return { ok: false, reason: "FORMAT" };
  const prefix = m[1]!;
  const year = Number(m[2]);
  const seq = Number(m[3]);
  if (!isCasePrefix(prefix) || year < 1000 || !Number.isSafeInteger(seq) || seq < 1) {
    return { ok: false, reason: "FORMAT" };
  }
  return { ok: true, value: { prefix, year, seq } };
}
