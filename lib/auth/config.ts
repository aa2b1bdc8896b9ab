// Session and sign-in limits, read once from the environment (README: Configuration).
function seconds(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw ? Number(raw) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number of seconds`);
  return value;
}

function count(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw ? Number(raw) : fallback;
  // A typo must not switch a limit off.
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number`);
  return value;
}

export const authConfig = {
  /** A session unused this long ends. */
  idleTimeout: seconds("SESSION_IDLE_TIMEOUT", 30 * 60),
  /** A session ends this long after sign-in however active it is. */
  absoluteTimeout: seconds("SESSION_ABSOLUTE_TIMEOUT", 12 * 60 * 60),
  /** A sign-in link is valid this long, and only once. */
  signInLinkLifetime: seconds("SIGN_IN_LINK_LIFETIME", 10 * 60),
  /** Sign-in mails per address and per IP within the window. */
  signInPerAddress: count("SIGN_IN_LIMIT_PER_ADDRESS", 5),
  signInPerIp: count("SIGN_IN_LIMIT_PER_IP", 20),
  signInWindow: seconds("SIGN_IN_LIMIT_WINDOW", 15 * 60),
};
