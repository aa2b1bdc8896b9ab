import "server-only";
// The SMTP connection, configured from the environment and read at call time
// so a changed environment (tests, a restarted catcher) takes effect.
import nodemailer, { type Transporter } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import { parseMailbox, type Mailbox } from "./headers";

/** process.env, or a plain object in tests. */
export type Env = Record<string, string | undefined>;

export const DEFAULT_MAIL_FROM = "Internationella bidrag <no-reply@localhost>";

/** What is configured, without secrets, so it is safe to log or show an admin. */
export type MailConfig =
  | { configured: true; from: string; host: string; port: number; secure: boolean; authenticated: boolean }
  | { configured: false; from: string; missing: string[]; invalid: string[] };

export class MailNotConfiguredError extends Error {
  constructor(
    readonly missing: string[],
    readonly invalid: string[],
  ) {
    const parts = [
      missing.length ? `missing ${missing.join(", ")}` : "",
      invalid.length ? `invalid ${invalid.join(", ")}` : "",
    ].filter(Boolean);
    super(
      `Cannot send e-mail, SMTP is not configured (${parts.join("; ")}). ` +
        "Set SMTP_URL (e.g. smtp://user:pass@host:587) or SMTP_HOST with SMTP_PORT, SMTP_USER, SMTP_PASSWORD and SMTP_SECURE. " +
        "For local development run `npx tsx scripts/mail-catcher.ts` and set SMTP_URL=smtp://127.0.0.1:1025.",
    );
    this.name = "MailNotConfiguredError";
  }
}

// nodemailer's defaults wait up to two minutes to connect and ten for a reply;
// a request that sends mail should fail sooner than that.
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

type Resolved =
  | { ok: true; config: Extract<MailConfig, { configured: true }>; options: SMTPTransport.Options; from: Mailbox }
  | { ok: false; config: Extract<MailConfig, { configured: false }> };

function resolve(env: Env): Resolved {
  const value = (name: string) => env[name]?.trim() || undefined;
  const missing: string[] = [];
  const invalid: string[] = [];

  const fromText = value("MAIL_FROM") ?? DEFAULT_MAIL_FROM;
  let from: Mailbox | undefined;
  try {
    from = parseMailbox(fromText);
  } catch {
    invalid.push("MAIL_FROM (not one e-mail address)");
  }

  let smtp: { host: string; port: number; secure: boolean; authenticated: boolean; options: SMTPTransport.Options } | undefined;
  const url = value("SMTP_URL");
  if (url) {
    // Never echo the URL: it may hold the password.
    const parsed = URL.canParse(url) ? new URL(url) : undefined;
    if (!parsed || !["smtp:", "smtps:"].includes(parsed.protocol) || !parsed.hostname) {
      invalid.push("SMTP_URL (must look like smtp://user:pass@host:587 or smtps://…)");
    } else {
      const secure = parsed.protocol === "smtps:" || parsed.searchParams.get("secure") === "true";
      smtp = {
        host: parsed.hostname,
        port: Number(parsed.port) || (secure ? 465 : 587),
        secure,
        authenticated: parsed.username !== "",
        // As a url option nodemailer still honours query settings such as tls.rejectUnauthorized.
        options: { url, ...TIMEOUTS },
      };
    }
  } else {
    const host = value("SMTP_HOST");
    const portText = value("SMTP_PORT");
    const secureText = value("SMTP_SECURE");
    const user = value("SMTP_USER");
    const password = env.SMTP_PASSWORD || undefined; // a password may start or end with a space
    if (!host) missing.push(portText || user || secureText ? "SMTP_HOST" : "SMTP_URL (or SMTP_HOST)");
    const port = portText === undefined ? undefined : Number(portText);
    if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) invalid.push("SMTP_PORT (not a port number)");
    const secure = secureText === undefined ? port === 465 : parseBoolean(secureText);
    if (secure === undefined) invalid.push("SMTP_SECURE (use true or false)");
    if (user && !password) missing.push("SMTP_PASSWORD");
    if (password && !user) missing.push("SMTP_USER");
    if (host && secure !== undefined && !invalid.length && !missing.length) {
      const realPort = port ?? (secure ? 465 : 587);
      smtp = {
        host,
        port: realPort,
        secure,
        authenticated: Boolean(user),
        options: { host, port: realPort, secure, auth: user && password ? { user, pass: password } : undefined, ...TIMEOUTS },
      };
    }
  }

  if (!smtp || !from || missing.length || invalid.length) {
    return { ok: false, config: { configured: false, from: fromText, missing, invalid } };
  }
  const { options, ...summary } = smtp;
  return {
    ok: true,
    config: { configured: true, from: fromText, ...summary },
    // Mail content is ours; never let it make nodemailer read files or fetch URLs.
    options: { ...options, disableFileAccess: true, disableUrlAccess: true },
    from,
  };
}

function parseBoolean(text: string): boolean | undefined {
  if (/^(true|1|yes)$/i.test(text)) return true;
  if (/^(false|0|no)$/i.test(text)) return false;
  return undefined;
}

/** Whether mail can be sent, and if not what is missing. Never throws. */
export function getMailConfig(env: Env = process.env): MailConfig {
  return resolve(env).config;
}

let cached: { key: string; transporter: Transporter<SMTPTransport.SentMessageInfo> } | undefined;

/** The transport for the current environment; throws MailNotConfiguredError without one. */
export function getTransportOrThrow(env: Env = process.env): {
  transporter: Transporter<SMTPTransport.SentMessageInfo>;
  from: Mailbox;
} {
  const resolved = resolve(env);
  if (!resolved.ok) throw new MailNotConfiguredError(resolved.config.missing, resolved.config.invalid);
  const key = JSON.stringify(resolved.options);
  if (cached?.key !== key) {
    cached?.transporter.close();
    cached = { key, transporter: nodemailer.createTransport(resolved.options) };
  }
  return { transporter: cached.transporter, from: resolved.from };
}
