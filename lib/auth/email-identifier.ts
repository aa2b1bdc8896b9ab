// One spelling of an e-mail address for signing in: what next-auth sends the
// link to, what the user row holds, and what the sign-in rate limit counts.
const ADDRESS = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;
export const EMAIL_IDENTIFIER_MAX = 254;

/** The address in normal form, or null when it is not one plain address (no lists, quotes, spaces). */
export function normalizeEmailIdentifier(input: string): string | null {
  const value = input.normalize("NFKC").trim().toLowerCase();
  if (value.length > EMAIL_IDENTIFIER_MAX || !ADDRESS.test(value)) return null;
  return value;
}
