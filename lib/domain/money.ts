// Money is whole kronor everywhere (the schema stores Int): no öre, no floats.

/** A whole number of kronor >= 0 that survives arithmetic exactly. */
export function isWholeKronor(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

/** Throws when a caller passes something that is not whole kronor >= 0 — a programming error, not user input. */
export function assertWholeKronor(value: number, name: string): void {
  if (!Number.isSafeInteger(value)) throw new TypeError(`${name} must be whole kronor (an integer), got ${value}`);
  if (value < 0) throw new RangeError(`${name} must not be negative, got ${value}`);
}
