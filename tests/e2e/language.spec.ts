// Swedish first, English one click away, remembered, and announced to screen readers.
import { test, expect } from "./support/fixtures";

test("the interface switches to English and back, and remembers the choice", async ({ page, expectAccessible }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "sv");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Internationella bidrag");
  await page.getByRole("button", { name: "In English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("International grants");
  await expectAccessible(page);
  await page.goto("/accessibility");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accessibility statement");
  await expectAccessible(page);
  await page.getByRole("button", { name: "På svenska" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tillgänglighetsredogörelse");
  await expect(page.locator("html")).toHaveAttribute("lang", "sv");
});

test("the sign-in form, drawn in the browser, follows the language without a reload", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: "Skicka inloggningslänk" })).toBeVisible();
  await page.getByRole("button", { name: "In English" }).click();
  await expect(page.getByRole("button", { name: "Send sign-in link" })).toBeVisible();
  await expect(page.getByLabel("E-mail address")).toBeVisible();
  await page.getByRole("button", { name: "På svenska" }).click();
  await expect(page.getByRole("button", { name: "Skicka inloggningslänk" })).toBeVisible();
});

test("the accessibility statement and the privacy notice are linked from every page", async ({ page, expectAccessible }) => {
  for (const path of ["/", "/sign-in", "/privacy", "/contact"]) {
    await page.goto(path);
    await expect(page.getByRole("contentinfo").getByRole("link", { name: "Tillgänglighetsredogörelse" })).toHaveAttribute("href", "/accessibility");
    await expect(page.getByRole("contentinfo").getByRole("link", { name: "Personuppgifter" })).toHaveAttribute("href", "/privacy");
    await expectAccessible(page);
  }
});
