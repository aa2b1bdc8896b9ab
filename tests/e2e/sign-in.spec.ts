// Signing in with a link by e-mail, end to end: the real form, the real mail
// (read from the mail catcher), the confirm page and next-auth's callback.
// Every test uses addresses of its own, so the tests run in parallel.
import type { Browser, Page } from "@playwright/test";
import { DEMO_USERS } from "../../prisma/seed";
import {
  confirmSignIn,
  expect,
  expectAccessible,
  MailBox,
  requestSignInLink,
  sessionEmail,
  SIGN_IN_SUBJECT,
  test,
  uniqueEmail,
} from "./support/fixtures";

const VERIFICATION_ERROR = /fungerar inte längre|no longer works/;
const RATE_LIMITED = /för många inloggningslänkar|too many sign-in links/;

/** Asks for a link on /sign-in and returns the one the mail brings. */
async function newLink(page: Page, mail: MailBox, email: string): Promise<string> {
  const before = await mail.newest(email);
  await requestSignInLink(page, email);
  return mail.linkIn(await mail.waitFor(email, { subject: SIGN_IN_SUBJECT, after: before }));
}

/** A second browser, as someone else (or another device) would open the link in. */
async function otherBrowser(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({ baseURL, locale: "sv-SE", timezoneId: "Europe/Stockholm" });
  return { context, page: await context.newPage() };
}

async function expectVerificationError(page: Page) {
  await expect(page).toHaveURL((url) => url.pathname === "/sign-in" && url.searchParams.get("error") === "Verification");
  await expect(page.getByRole("main").getByRole("alert")).toContainText(VERIFICATION_ERROR);
  await expectAccessible(page);
}

async function expectNoHorizontalScroll(page: Page, width: number) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, `${new URL(page.url()).pathname} scrolls sideways at ${width} px`).toBeLessThanOrEqual(width);
}

/** Presses Tab until `target` has the focus, as a keyboard user would. */
async function tabTo(page: Page, target: ReturnType<Page["locator"]>, maxPresses = 30) {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target, `not reachable with ${maxPresses} presses of Tab`).toBeFocused();
}

test.describe("signing in with a link by e-mail", () => {
  test("a newcomer signs in with the link from the mail", async ({ page, mail }) => {
    const email = uniqueEmail("newcomer");

    await page.goto("/");
    await expectAccessible(page);
    await page.getByRole("main").getByRole("link", { name: /^(Logga in|Sign in) / }).click();

    await expect(page).toHaveURL((url) => url.pathname === "/sign-in");
    await expectAccessible(page);
    await page.getByLabel("E-postadress").fill(email);
    await page.getByRole("button", { name: "Skicka inloggningslänk" }).click();

    await expect(page).toHaveURL((url) => url.pathname === "/sign-in/check-email");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kolla din e-post");
    await expectAccessible(page);

    const message = await mail.waitFor(email, { subject: SIGN_IN_SUBJECT });
    expect(message.to).toEqual([email]);
    const link = mail.linkIn(message);
    expect(new URL(link).origin).toBe(new URL(page.url()).origin);

    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bekräfta inloggningen");
    await expect(page.getByRole("main")).toContainText(email);
    await expectAccessible(page);
    expect(await sessionEmail(page), "opening the link alone must not sign in").toBeNull();
    await page.getByRole("main").getByRole("button", { name: "Logga in" }).click();

    // A first sign-in lands on the applicant's own pages.
    await expect(page).toHaveURL((url) => url.pathname === "/my");
    await expect(page.getByRole("banner").getByRole("button", { name: "Logga ut" })).toBeVisible();
    await expectAccessible(page);
    expect(await sessionEmail(page)).toBe(email);
  });

  test("a sign-in link works only once", async ({ page, signIn, browser, baseURL }) => {
    const { link } = await signIn(page, uniqueEmail("once"));

    const other = await otherBrowser(browser, baseURL);
    try {
      await confirmSignIn(other.page, link);
      await expectVerificationError(other.page);
      expect(await sessionEmail(other.page)).toBeNull();
    } finally {
      await other.context.close();
    }
  });

  test("a newer link voids the older one", async ({ page, mail }) => {
    const email = uniqueEmail("newer");
    const older = await newLink(page, mail, email);
    const newer = await newLink(page, mail, email);
    expect(newer).not.toBe(older);

    await confirmSignIn(page, older);
    await expectVerificationError(page);
    expect(await sessionEmail(page)).toBeNull();

    await confirmSignIn(page, newer);
    expect(await sessionEmail(page)).toBe(email);
    await expectAccessible(page);
  });

  test("opening the confirm page (a GET, as mail scanners do) neither signs in nor uses the link", async ({ page, mail, playwright, baseURL }) => {
    const email = uniqueEmail("scanner");
    const link = await newLink(page, mail, email);

    // The scanner: plain GETs with a cookie jar of its own, following redirects.
    const scanner = await playwright.request.newContext({ baseURL });
    try {
      for (let i = 0; i < 2; i++) {
        const scanned = await scanner.get(link);
        expect(scanned.status()).toBe(200);
        expect(await scanned.text()).toContain("Bekräfta inloggningen");
      }
      const jar = await scanner.storageState();
      expect(jar.cookies.map((c) => c.name).filter((name) => name.includes("session-token"))).toEqual([]);
      expect(await (await scanner.get("/api/auth/session")).json()).toEqual({});
    } finally {
      await scanner.dispose();
    }

    // Opening it in the browser does not sign in either …
    await page.goto(link);
    await expectAccessible(page);
    expect(await sessionEmail(page)).toBeNull();

    // … and the link still works for its owner.
    await confirmSignIn(page, link);
    expect(await sessionEmail(page)).toBe(email);
    await expectAccessible(page);
  });

  test("a known and an unknown address get the same answer", async ({ page, mail }) => {
    const answers: { path: string; text: string }[] = [];
    for (const email of [DEMO_USERS.applicant, uniqueEmail("unknown")]) {
      const before = await mail.newest(email);
      await requestSignInLink(page, email);
      const url = new URL(page.url());
      answers.push({ path: url.pathname, text: (await page.getByRole("main").innerText()).trim() });
      // Both get a mail: whether an address has an account never shows.
      await mail.waitFor(email, { subject: SIGN_IN_SUBJECT, after: before });
    }
    expect(answers[0]?.path).toBe("/sign-in/check-email");
    expect(answers[1]).toEqual(answers[0]);
  });

  test("too many links for one address are refused with a message", async ({ page, mail }) => {
    const email = uniqueEmail("limited");
    // SIGN_IN_LIMIT_PER_ADDRESS=5 in the test server's environment.
    for (let i = 0; i < 5; i++) await requestSignInLink(page, email, { axe: i === 0 });

    await page.goto("/sign-in");
    await page.getByLabel("E-postadress").fill(email);
    await page.getByRole("button", { name: "Skicka inloggningslänk" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText(RATE_LIMITED);
    await expect(page).toHaveURL((url) => url.pathname === "/sign-in");
    await expectAccessible(page);
    expect(await mail.list(email)).toHaveLength(5);
  });

  test("signing out ends the session on the server", async ({ page, signIn, browser, baseURL }) => {
    const email = uniqueEmail("signout");
    await signIn(page, email);
    const cookies = await page.context().cookies();
    expect(cookies.map((c) => c.name)).toContainEqual(expect.stringContaining("session-token"));

    await page.getByRole("banner").getByRole("button", { name: "Logga ut" }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/");
    await expect(page.getByRole("banner").getByRole("link", { name: "Logga in" })).toBeVisible();
    await expectAccessible(page);
    expect(await sessionEmail(page)).toBeNull();

    // The old cookie, kept by someone, no longer opens a session.
    const other = await otherBrowser(browser, baseURL);
    try {
      await other.context.addCookies(cookies);
      expect(await (await other.context.request.get("/api/auth/session")).json()).toEqual({});
      await other.page.goto("/");
      await expect(other.page.getByRole("banner").getByRole("link", { name: "Logga in" })).toBeVisible();
      await expectAccessible(other.page);
    } finally {
      await other.context.close();
    }
  });

  test("a demo coordinator's session carries over to another browser (no second mail)", async ({ page, mail, signedInAs, browser, baseURL }) => {
    const email = DEMO_USERS.coordinator;
    await signedInAs(page, email);
    await page.goto("/");
    await expect(page.getByRole("banner").getByRole("link", { name: "Handläggning" })).toBeVisible();
    await expectAccessible(page);

    // The second time reuses the session: no further mail (other specs may sign in as the demo user too).
    const mailsBefore = (await mail.list(email)).length;
    const other = await otherBrowser(browser, baseURL);
    try {
      await signedInAs(other.page, email);
      expect(await sessionEmail(other.page)).toBe(email);
      expect(await mail.list(email)).toHaveLength(mailsBefore);
    } finally {
      await other.context.close();
    }
  });

  test("works at 320 px wide and with the keyboard alone", async ({ page, mail }) => {
    const width = 320;
    await page.setViewportSize({ width, height: 640 });
    const email = uniqueEmail("keyboard");

    await page.goto("/sign-in");
    await expectAccessible(page);
    await expectNoHorizontalScroll(page, width);

    const field = page.getByLabel("E-postadress");
    await tabTo(page, field);
    await page.keyboard.type(email);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL((url) => url.pathname === "/sign-in/check-email");
    await expectAccessible(page);
    await expectNoHorizontalScroll(page, width);

    const link = mail.linkIn(await mail.waitFor(email, { subject: SIGN_IN_SUBJECT }));
    await page.goto(link);
    await expectAccessible(page);
    await expectNoHorizontalScroll(page, width);
    await tabTo(page, page.getByRole("main").getByRole("button", { name: "Logga in" }));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL((url) => url.pathname !== "/sign-in/confirm");
    expect(await sessionEmail(page)).toBe(email);
    await expectAccessible(page);
    await expectNoHorizontalScroll(page, width);
  });
});
