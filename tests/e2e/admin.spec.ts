// The administrator keeps the program's rules as data: partner towns and a new
// program year with its caps and documents, in the browser, every page accessible.
import { test, expect } from "./support/fixtures";

const ADMIN = "admin@pitea.example";
const COORDINATOR = "samordnare@pitea.example";

test("the administrator adds a partner town and a program year with its rules", async ({ page, signedInAs, expectAccessible }) => {
  test.setTimeout(120_000);
  const town = `Testby ${Date.now().toString(36)}`;
  const year = 2040 + Math.floor(Math.random() * 50);
  await signedInAs(page, ADMIN);

  await page.goto("/admin");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Administration");
  await expectAccessible(page);
  for (const path of ["/admin/users", "/admin/committee", "/admin/objectives"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectAccessible(page);
  }
  // The committee of four from Piteå's guidelines.
  await page.goto("/admin/committee");
  await expect(page.getByText("Kommunchef", { exact: true })).toBeVisible();

  await page.goto("/admin/partner-towns");
  await expectAccessible(page);
  await page.getByLabel(/^Ortens namn/).fill(town);
  await page.getByLabel(/^Land/).fill("Norge");
  await page.getByRole("button", { name: "Lägg till" }).click();
  await expect(page.getByRole("cell", { name: town, exact: true })).toBeVisible();

  await page.goto("/admin/programs/new");
  await expectAccessible(page);
  await page.getByLabel(/^År/).fill(String(year));
  await page.getByLabel(/^Ansökan öppnar/).fill(`${year}-01-01`);
  await page.getByLabel(/^Ansökan stänger/).fill(`${year}-11-30`);
  await page.getByLabel(/^Grundbidrag, högst/).fill("12 000");
  await page.getByLabel(/^Aktivitetsbidrag, högst/).fill("8000");
  await page.getByLabel(/^Rapport senast/).fill("2");
  await page.getByRole("button", { name: "Lägg till dokument" }).click();
  await page.getByLabel("Namn på svenska").first().fill("Verksamhetsberättelse");
  await page.getByLabel("Namn på engelska").first().fill("Annual report");
  await page.getByRole("button", { name: "Nytt bidragsår" }).click();
  await page.waitForURL(/\/admin\/programs\/[0-9a-f-]+\?created=1/);
  await expect(page.getByText("Bidragsåret är skapat.")).toBeVisible();
  await expectAccessible(page);
  await page.goto("/admin/programs");
  const row = page.getByRole("row", { name: new RegExp(String(year)) });
  await expect(row).toContainText("12 000");
  await expect(row).toContainText("8 000");
  await expectAccessible(page);

  // A wrong value is reported on its field and nothing typed is lost.
  await row.getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(String(year));
  await page.getByLabel(/^Ansökan stänger/).fill(`${year - 1}-12-31`);
  await page.getByRole("button", { name: "Spara ändringar" }).click();
  await expect(page.locator("#closesOn-error, [id$='closesOn-error']").first()).toBeVisible();
  await expect(page.getByLabel(/^Grundbidrag, högst/)).toHaveValue(/12\s?000/);
  await expectAccessible(page);
});

test("administration is not found for the coordinator", async ({ page, signedInAs }) => {
  await signedInAs(page, COORDINATOR);
  const response = await page.goto("/admin/programs");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("banner").getByRole("link", { name: "Administration" })).toHaveCount(0);
});
