// Mod-10 (Luhn) check used by Swedish organisation numbers, personal identity
// numbers, bankgiro and plusgiro numbers.

const DIGITS = /^\d+$/;

function luhnSum(digits: string): number {
  let sum = 0;
  // Double every second digit counting from the right, the check digit not doubled.
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum;
}

/** True when `digits` (only 0–9, at least two) ends in a correct Luhn check digit. */
export function isLuhnValid(digits: string): boolean {
  if (digits.length < 2 || !DIGITS.test(digits)) return false;
  return luhnSum(digits) % 10 === 0;
}

/** The check digit to append to `payload` (only 0–9, at least one). Throws on anything else. */
export function luhnCheckDigit(payload: string): number {
  if (!DIGITS.test(payload)) throw new TypeError(`luhnCheckDigit: not a digit string: ${JSON.stringify(payload)}`);
  return (10 - (luhnSum(`${payload}0`) % 10)) % 10;
}
