// The first complete journey: a newcomer signs in with the mail from the local
// catcher, registers an association, the coordinator verifies it, the member
// applies and submits, and the coordinator finds the application in the queue.
import { writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { test, expect, uniqueEmail } from "./support/fixtures";
import { harness } from "./support/harness";
import { luhnCheckDigit } from "../../lib/domain/luhn";

const COORDINATOR = "samordnare@pitea.example";
const APPLICANT = "bjorn@stbarth.example";

function randomOrgNumber(): string {
  // Legal entities have 20 or more in digits 3–4; ideella föreningar start with 8.
  const body = `80${20 + Math.floor(Math.random() * 79)}${String(Math.floor(Math.random() * 1e5)).padStart(5, "0")}`;
  const digits = body + luhnCheckDigit(body);
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}

function pdfFile(name: string): string {
  const dir = path.join(process.cwd(), "test-results", "e2e-files");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
  return file;
}

test("a newcomer registers an association, is verified, applies, and the coordinator finds the application", async ({ browser, signIn, signedInAs, mail, expectAccessible }) => {
  test.setTimeout(180_000);
  const newcomer = uniqueEmail("newcomer");
  const associationName = `Vänortsföreningen ${Date.now().toString(36)}`;
  const member = await browser.newPage();
  const coordinator = await browser.newPage();

  await test.step("the newcomer signs in with the mail from the catcher", async () => {
    await signIn(member, newcomer);
    await member.goto("/my");
    await expect(member.getByRole("heading", { level: 1 })).toHaveText("Mina sidor");
    await expectAccessible(member);
  });

  await test.step("registers an association, fixing a wrong organisation number on its field", async () => {
    await member.getByRole("link", { name: "Registrera förening" }).click();
    await expect(member.getByRole("heading", { level: 1 })).toHaveText("Registrera förening");
    await expectAccessible(member);
    await member.getByLabel(/^Föreningens namn/).fill(associationName);
    await member.getByLabel(/^Organisationsnummer/).fill("19800101-1234");
    await member.getByLabel(/^Gatuadress/).fill("Storgatan 5");
    await member.getByLabel(/^Postnummer/).fill("94131");
    await member.getByLabel(/^Ort/).fill("Piteå");
    await member.getByLabel(/^Kontaktperson/).fill("Nora Nyberg");
    await member.getByLabel(/^Telefon/).fill("070-765 43 21");
    await member.getByLabel(/^Bankgiro- eller plusgironummer/).fill("555-1239");
    await member.getByLabel("Grindavík (Island)").check();
    await member.getByLabel(/Protokoll eller firmateckning/).setInputFiles(pdfFile("protokoll.pdf"));
    await member.getByRole("button", { name: "Skicka registreringen" }).click();
    // The error is on the field, and listed in the summary that takes focus.
    await expect(member.getByRole("main").getByRole("alert")).toContainText("Organisationsnummer");
    await expect(member.locator("#orgNumber")).toHaveAttribute("aria-invalid", "true");
    await expect(member.locator("#orgNumber-error")).toContainText("personnummer");
    await expectAccessible(member);
    await member.getByLabel(/^Organisationsnummer/).fill(randomOrgNumber());
    await member.getByRole("button", { name: "Skicka registreringen" }).click();
    await member.waitForURL(/\/associations\/[0-9a-f-]+\?registered=1/);
    await expect(member.getByRole("heading", { level: 1 })).toHaveText(associationName);
    await expect(member.getByText("Väntar på kontroll")).toBeVisible();
    await expectAccessible(member);
  });

  await test.step("the coordinator verifies it from the list of pending associations", async () => {
    await signedInAs(coordinator, COORDINATOR);
    await coordinator.goto("/coordinator/associations");
    await expectAccessible(coordinator);
    await coordinator.getByRole("link", { name: associationName }).click();
    await expect(coordinator.getByRole("heading", { level: 1 })).toHaveText(associationName);
    await expectAccessible(coordinator);
    await coordinator.getByRole("button", { name: "Godkänn föreningen" }).click();
    await expect(coordinator.getByText("Godkänd", { exact: true })).toBeVisible();
    const notice = await mail.waitFor(newcomer, { subject: /godkänd/i });
    expect(notice.text).toContain(associationName);
  });

  let caseNumber = "";
  await test.step("the member applies for an activity grant, sees the limit, and submits", async () => {
    await member.goto("/applications/new");
    await expectAccessible(member);
    await member.getByLabel(/^Aktivitetsbidrag/).check();
    await member.getByRole("button", { name: "Börja fylla i ansökan" }).click();
    await member.waitForURL(/\/applications\/[0-9a-f-]+\/edit$/);
    await member.getByLabel(/^Vänort eller samverkansort/).selectOption({ label: "Grindavík (Island)" });
    await member.getByLabel(/^Rubrik/).fill("Körutbyte med Grindavík");
    await member.getByLabel(/^Syfte/).fill("Att unga sångare från båda orterna sjunger tillsammans.");
    await member.getByLabel(/^Beskrivning/).fill("En helg med gemensamma repetitioner och en konsert i Piteå.");
    await member.getByLabel("Öka förståelsen mellan olika kulturer").check();
    await member.getByLabel(/^Startdatum/).fill("2026-12-10");
    await member.getByLabel(/^Slutdatum/).fill("2026-12-12");
    await member.getByLabel(/^Antal deltagare/).fill("24");
    await member.getByLabel(/^Varav under 26 år/).fill("18");
    await member.getByRole("button", { name: "Lägg till kostnad" }).click();
    await member.getByRole("group", { name: "Rad 1" }).getByLabel("Vad").fill("Resor och kost");
    await member.getByRole("group", { name: "Rad 1" }).getByLabel(/^Belopp/).fill("14 000");
    await member.getByRole("button", { name: "Lägg till finansiering" }).click();
    await member.getByRole("group", { name: "Rad 1" }).nth(1).getByLabel("Vad").fill("Studieförbund");
    await member.getByRole("group", { name: "Rad 1" }).nth(1).getByLabel(/^Belopp/).fill("6000");
    await member.getByLabel(/^Sökt belopp/).fill("9000");
    await expect(member.getByText(/Sparat kl\./)).toBeVisible({ timeout: 10_000 });
    // Costs 14 000 − other funding 6 000 = 8 000 is the tightest limit.
    await expect(member.locator(".limit-box")).toContainText("8 000 kr");
    await expectAccessible(member);
    await member.getByRole("button", { name: "Skicka in ansökan" }).click();
    await expect(member.locator("#requestedAmount-error")).toContainText("kostnaderna minus annan finansiering");
    await member.getByLabel(/^Sökt belopp/).fill("8000");
    await member.getByRole("button", { name: "Skicka in ansökan" }).click();
    await member.waitForURL(/\/receipt$/);
    caseNumber = (await member.getByTestId("case-number").textContent()) ?? "";
    expect(caseNumber).toMatch(/^INT \d{4}\/\d{4,}$/);
    await expectAccessible(member);
    const receipt = await mail.waitFor(newcomer, { subject: caseNumber });
    expect(receipt.text).toContain("Körutbyte med Grindavík");
  });

  await test.step("the coordinator finds it in the queue, filtered, and sees what was entered", async () => {
    await coordinator.goto("/coordinator/queue");
    await expectAccessible(coordinator);
    await coordinator.getByLabel("Typ av bidrag").selectOption("ACTIVITY");
    await coordinator.getByLabel("Vänort eller samverkansort").selectOption({ label: "Grindavík" });
    await coordinator.getByLabel("Status").selectOption("SUBMITTED");
    await coordinator.getByRole("button", { name: "Filtrera" }).click();
    const row = coordinator.getByRole("row", { name: new RegExp(caseNumber) });
    await expect(row).toContainText(associationName);
    await row.getByRole("link", { name: caseNumber }).click();
    await expect(coordinator.getByRole("heading", { level: 1 })).toContainText(caseNumber);
    await expect(coordinator.getByText("En helg med gemensamma repetitioner")).toBeVisible();
    await expect(coordinator.getByText("Öka förståelsen mellan olika kulturer")).toBeVisible();
    await expectAccessible(coordinator);
  });

  await test.step("the member withdraws it before it is decided", async () => {
    await member.goto("/my");
    await member.getByRole("link", { name: "Körutbyte med Grindavík" }).click();
    await member.getByRole("button", { name: "Återkalla ansökan" }).click();
    await member.getByRole("button", { name: "Ja, återkalla ansökan" }).click();
    await expect(member.getByText("Återkallad", { exact: true })).toBeVisible();
    await expectAccessible(member);
  });
});

test("a draft being written survives the end of the session", async ({ page, signIn, expectAccessible }) => {
  test.setTimeout(120_000);
  const applicant = "anna@grindavikvanner.example";
  await signIn(page, applicant);
  await page.goto("/applications/new");
  await page.getByRole("button", { name: "Börja fylla i ansökan" }).click();
  await page.waitForURL(/\/edit$/);
  const editUrl = page.url();
  await page.getByLabel(/^Rubrik/).fill("Vänortsträff 2026");
  await expect(page.getByText(/Sparat kl\./)).toBeVisible({ timeout: 10_000 });

  // This browser's session ends on the server (idle or absolute timeout) while the volunteer writes on.
  const cookie = (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(cookie).toBeDefined();
  const client = new pg.Client({ connectionString: harness().databaseUrl });
  await client.connect();
  // Sessions are stored by the SHA-256 of the cookie's token.
  await client.query(`delete from "Session" where "sessionToken" = encode(sha256(convert_to($1, 'UTF8')), 'hex')`, [cookie!.value]);
  await client.end();
  await page.getByLabel(/^Syfte/).fill("Hålla vänortskontakten levande under året.");
  await expect(page.getByText(/finns kvar på den här enheten/).first()).toBeVisible({ timeout: 10_000 });
  await expectAccessible(page);

  // Signing in again and coming back: nothing is lost, and it reaches the server.
  await signIn(page, applicant);
  await page.goto(editUrl);
  await expect(page.getByLabel(/^Syfte/)).toHaveValue("Hålla vänortskontakten levande under året.");
  await expect(page.getByText(/Sparat kl\./)).toBeVisible({ timeout: 10_000 });
  await page.evaluate(() => window.localStorage.clear());
  await page.reload();
  await expect(page.getByLabel(/^Syfte/)).toHaveValue("Hålla vänortskontakten levande under året.");
  await expect(page.getByLabel(/^Rubrik/)).toHaveValue("Vänortsträff 2026");
});

test("another association's application is not found", async ({ page, signedInAs }) => {
  // A draft of Anna's association, seen by Björn, who is not a member there: a 404, not "forbidden".
  const client = new pg.Client({ connectionString: harness().databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ id: string }>(
    `select a.id from "Application" a join "Association" s on s.id = a."associationId" where s.name = 'Föreningen Piteå–Grindavík' limit 1`,
  );
  await client.end();
  await signedInAs(page, APPLICANT);
  const response = await page.goto(`/applications/${rows[0]!.id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sidan finns inte");
});
