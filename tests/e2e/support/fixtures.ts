// The `test` every end-to-end spec imports: Playwright's own, pointed at the
// portal global setup started, plus
//  - `mail`: the mail catcher's inbox (GET /api/messages?to=…), waited on;
//  - `signIn(page, email)`: the real sign-in, through the mail and the confirm button;
//  - `signedInAs(page, email)`: a session for a journey that is not about signing in;
//  - `expectAccessible(page)`: axe (WCAG 2.0/2.1 A and AA) on the page as it is now.
import { createHash, randomBytes } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import type { CaughtMail } from "../../../scripts/lib/mail-catcher";
import { harness, LOCKS_DIR, SESSIONS_DIR } from "./harness";

export { expect };
export type { CaughtMail };

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
/** Subject of the sign-in mail, in Swedish or English. */
export const SIGN_IN_SUBJECT = /inloggningslänk|sign-in link/i;
/** The path the sign-in mail links to. */
export const CONFIRM_PATH = "/sign-in/confirm";

/** A fresh address no other test (or earlier run) uses, so parallel tests never share links or limits. */
export function uniqueEmail(label: string): string {
  return `${label}-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}@e2e.example`;
}

type WaitOptions = {
  /** Only a mail whose subject matches. */
  subject?: string | RegExp;
  /** Only a mail newer than this one (by catcher id), e.g. the newest before the request. */
  after?: CaughtMail | string | null;
  timeout?: number;
};

export class MailBox {
  constructor(readonly url: string) {}

  /** Every caught mail delivered to `to`, newest first. */
  async list(to: string): Promise<CaughtMail[]> {
    const response = await fetch(`${this.url}/api/messages?to=${encodeURIComponent(to)}`, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`The mail catcher answered ${response.status} ${response.statusText}`);
    return (await response.json()) as CaughtMail[];
  }

  /** The newest mail to `to`, or null: pass it as `after` to wait for the next one. */
  async newest(to: string): Promise<CaughtMail | null> {
    return (await this.list(to))[0] ?? null;
  }

  /** Waits for the newest mail to `to` that matches, and returns it. */
  async waitFor(to: string, { subject, after, timeout = 15_000 }: WaitOptions = {}): Promise<CaughtMail> {
    const afterId = after == null ? 0 : Number(typeof after === "string" ? after : after.id);
    const matches = (mail: CaughtMail) =>
      Number(mail.id) > afterId &&
      (subject === undefined || (typeof subject === "string" ? mail.subject.includes(subject) : subject.test(mail.subject)));
    const deadline = Date.now() + timeout;
    for (;;) {
      const mails = await this.list(to);
      const found = mails.find(matches);
      if (found) return found;
      if (Date.now() > deadline) {
        const seen = mails.map((m) => `#${m.id} "${m.subject}"`).join(", ") || "none";
        throw new Error(`No mail to ${to}${subject ? ` with subject ${String(subject)}` : ""}${afterId ? ` newer than #${afterId}` : ""} within ${timeout} ms (seen: ${seen})`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** The first link in the mail's text whose path starts with `pathPrefix`. */
  linkIn(mail: CaughtMail, pathPrefix = CONFIRM_PATH): string {
    for (const [candidate] of mail.text.matchAll(/https?:\/\/[^\s<>"']+/g)) {
      if (URL.canParse(candidate) && new URL(candidate).pathname.startsWith(pathPrefix)) return candidate;
    }
    throw new Error(`Mail #${mail.id} ("${mail.subject}") has no link to ${pathPrefix}:\n${mail.text}`);
  }
}

/** Runs axe on the page as it is now and fails with a readable list of every violation. */
export async function expectAccessible(page: Page, options: { disableRules?: string[] } = {}): Promise<void> {
  const where = new URL(page.url());
  await base.step(`axe: ${where.pathname}${where.search}`, async () => {
    // After a client-side navigation Next sets the new <title> a moment after the
    // content shows; give it that moment (axe still reports a title that never comes).
    await page.waitForFunction(() => document.title.trim() !== "", null, { timeout: 3_000 }).catch(() => undefined);
    const builder = () => {
      const axe = new AxeBuilder({ page }).withTags(WCAG_TAGS);
      return options.disableRules?.length ? axe.disableRules(options.disableRules) : axe;
    };
    let results;
    try {
      results = await builder().analyze();
    } catch (error) {
      // axe finishes its run in a new page of the same context, which a page from
      // browser.newPage() cannot open; it then runs in the page itself (legacy mode).
      if (!String(error).includes("browser.newContext()")) throw error;
      results = await builder().setLegacyMode(true).analyze();
    }
    const { violations } = results;
    const report = violations.map((v) =>
      [
        `${v.id} [${v.impact ?? "?"}] ${v.help} (${v.helpUrl})`,
        ...v.nodes.map((node) => `  at ${node.target.join(" ")}: ${(node.failureSummary ?? "").replace(/\s*\n\s*/g, " ")}`),
      ].join("\n"),
    );
    expect(report, `${violations.length} accessibility violation(s) on ${where.pathname}${where.search}:\n\n${report.join("\n\n")}\n`).toEqual([]);
  });
}

/** The signed-in user's e-mail according to the server, or null (GET /api/auth/session answers {} without a session). */
export async function sessionEmail(page: Page): Promise<string | null> {
  const response = await page.request.get("/api/auth/session");
  expect(response.ok()).toBe(true);
  const session = (await response.json()) as { user?: { email?: string | null } };
  return session.user?.email ?? null;
}

/** Fills in and sends the sign-in form on /sign-in; returns once the check-your-mail page shows. */
export async function requestSignInLink(page: Page, email: string, { axe = true }: { axe?: boolean } = {}): Promise<void> {
  await page.goto("/sign-in");
  if (axe) await expectAccessible(page);
  await page.getByLabel(/^(E-postadress|E-mail address)$/).fill(email);
  await page.getByRole("button", { name: /^(Skicka inloggningslänk|Send sign-in link)$/ }).click();
  await page.waitForURL((url) => url.pathname === "/sign-in/check-email");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Kolla din e-post|Check your e-mail/);
  if (axe) await expectAccessible(page);
}

/** Opens a sign-in link and presses the confirm button; the caller checks where that led. */
export async function confirmSignIn(page: Page, link: string, { axe = true }: { axe?: boolean } = {}): Promise<void> {
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Bekräfta inloggningen|Confirm sign-in/);
  if (axe) await expectAccessible(page);
  // The header has a "Logga in" link too when signed out; the confirm button is in main.
  await page.getByRole("main").getByRole("button", { name: /^(Logga in|Sign in)$/ }).click();
  await page.waitForURL((url) => url.pathname !== new URL(link).pathname);
}

const fileFor = (dir: string, email: string, ext: string) =>
  path.join(dir, `${createHash("sha256").update(email.toLowerCase()).digest("hex").slice(0, 16)}.${ext}`);

/**
 * Runs `action` while no other worker signs in with the same address: a new
 * link voids the older one, so two sign-ins as one demo user at once would
 * break each other.
 */
async function withAddressLock<T>(email: string, action: () => Promise<T>): Promise<T> {
  mkdirSync(LOCKS_DIR, { recursive: true });
  const lock = fileFor(LOCKS_DIR, email, "lock");
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      closeSync(openSync(lock, "wx"));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      // A worker that died holding the lock leaves it behind.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 60_000) rmSync(lock, { force: true });
      } catch {
        // gone meanwhile
      }
      if (Date.now() > deadline) throw new Error(`Waited too long for another worker's sign-in as ${email}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    return await action();
  } finally {
    rmSync(lock, { force: true });
  }
}

type Fixtures = {
  mail: MailBox;
  /** The real sign-in: form, mail, link, confirm button; returns the link it used. Runs axe on every page on the way. */
  signIn: (page: Page, email: string) => Promise<{ link: string }>;
  /**
   * Signs the page's context in as `email` for a journey that is about
   * something else: the first time in a run through signIn, afterwards with
   * the session cookie that sign-in got, as long as the server still accepts
   * it. The product allows only a few sign-in mails per address (5 in 15
   * minutes here), so many journeys as one demo user need this.
   */
  signedInAs: (page: Page, email: string) => Promise<void>;
  expectAccessible: (page: Page, options?: { disableRules?: string[] }) => Promise<void>;
};

export const test = base.extend<Fixtures>({
  // The port is chosen at run time, after this configuration was read.
  baseURL: async ({}, provide) => {
    await provide(harness().baseUrl);
  },
  mail: async ({}, provide) => {
    await provide(new MailBox(harness().mailUrl));
  },
  expectAccessible: async ({}, provide) => {
    await provide(expectAccessible);
  },
  signIn: async ({ mail }, provide) => {
    await provide((page, email) =>
      withAddressLock(email, async () => {
        const before = await mail.newest(email);
        await requestSignInLink(page, email);
        const message = await mail.waitFor(email, { subject: SIGN_IN_SUBJECT, after: before });
        const link = mail.linkIn(message);
        await confirmSignIn(page, link);
        expect(new URL(page.url()).pathname, "signing in should not end on a sign-in page").not.toMatch(/^\/(sign-in|api\/auth)/);
        expect(await sessionEmail(page)).toBe(email.toLowerCase());
        await expectAccessible(page);
        return { link };
      }),
    );
  },
  signedInAs: async ({ signIn }, provide) => {
    await provide(async (page, email) => {
      const file = fileFor(SESSIONS_DIR, email, "json");
      const reuse = async () => {
        if (!existsSync(file)) return false;
        const context = page.context();
        await context.addCookies(JSON.parse(readFileSync(file, "utf8")) as Parameters<typeof context.addCookies>[0]);
        if ((await sessionEmail(page)) === email.toLowerCase()) return true;
        await context.clearCookies();
        return false;
      };
      if (await reuse()) return;
      // Another worker may have signed in as the same user while this one waited.
      await withAddressLock(`cache:${email}`, async () => {
        if (await reuse()) return;
        await signIn(page, email);
        mkdirSync(SESSIONS_DIR, { recursive: true });
        writeFileSync(file, JSON.stringify(await page.context().cookies()));
      });
    });
  },
});
