// The coordinator consults the committee and decides; the association sees the decision.
import { test, expect } from "./support/fixtures";

const COORDINATOR = "samordnare@pitea.example";
const APPLICANT = "bjorn@stbarth.example";
const COMMITTEE_MEMBER = "kf.ordforande@pitea.example";

test("the committee is consulted, the coordinator decides within the pool, the member downloads the letter, and payout waits for the annual report", async ({ page, browser, signedInAs, expectAccessible }) => {
  test.setTimeout(120_000);
  await signedInAs(page, COORDINATOR);
  await page.goto("/coordinator/queue?kind=ACTIVITY&status=SUBMITTED");
  const row = page.getByRole("row", { name: /Musikutbyte med Saint-Barthélemy/ });
  await row.getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "Handläggning" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Skicka till kommittén" }).click();
  await expect(page.getByText(/Kommittén samråds till och med/)).toBeVisible();
  await expect(page.getByText(/Väntar på svar från/)).toBeVisible();
  await expectAccessible(page);

  // A committee member reads the case on their own page and recommends.
  const chair = await browser.newPage();
  await signedInAs(chair, COMMITTEE_MEMBER);
  await chair.goto("/committee");
  await expect(chair.getByRole("heading", { level: 1 })).toHaveText("Samråd");
  await expectAccessible(chair);
  await chair.getByRole("row", { name: /Musikutbyte med Saint-Barthélemy/ }).getByRole("link").first().click();
  await expect(chair.getByText("En veckas workshop i Piteå i juni med avslutande konsert på Piteå Dansar och Ler.")).toBeVisible();
  await expectAccessible(chair);
  await chair.getByLabel(/^Bifall/).check();
  await chair.getByLabel(/^Kommentar/).fill("Bra för unga musiker i båda orterna.");
  await chair.getByRole("button", { name: "Spara rekommendation" }).click();
  await expect(chair.getByText("Ditt svar är sparat.")).toBeVisible();
  await chair.close();

  await page.reload();
  await expect(page.getByText(/Bifall – Bra för unga musiker i båda orterna\./)).toBeVisible();

  // Closing early needs a reason, given on its field.
  await page.getByRole("button", { name: "Stäng samrådet" }).click();
  await expect(page.locator("#closeReason-error")).toBeVisible();
  await page.getByLabel(/Skäl att stänga samrådet i förtid/).fill("Kommittén samrådde på sitt möte den här veckan.");
  await page.getByRole("button", { name: "Stäng samrådet" }).click();

  // Costs 14 500 − funding 5 000 = 9 500, the request, fits in the town's 10 000 pool.
  await expect(page.getByText(/Högst 9\s500 kr kan beviljas/)).toBeVisible();
  await page.getByLabel(/^Beviljat belopp/).fill("9501");
  await page.getByLabel(/^Motivering/).fill("Aktiviteten ger unga internationella kontakter och följer riktlinjerna.");
  await page.getByRole("button", { name: "Fatta beslut" }).click();
  await expect(page.locator("#amount-error")).toContainText("Högre än det sökta beloppet");
  await expectAccessible(page);
  await page.getByLabel(/^Beviljat belopp/).fill("9500");
  await page.getByRole("button", { name: "Fatta beslut" }).click();
  await expect(page.getByRole("heading", { name: "Beviljad" })).toBeVisible();
  await expect(page.locator("section[aria-labelledby=decision-title]")).toContainText(/Beviljat belopp \(kr\)\s*9\s500 kr/);
  await expectAccessible(page);
  const url = page.url();

  const member = await browser.newPage();
  await signedInAs(member, APPLICANT);
  await member.goto(url);
  await expect(member.getByRole("heading", { name: "Beviljad" })).toBeVisible();
  await expect(member.getByText(/Rapport ska lämnas senast/)).toBeVisible();
  await expect(member.getByRole("heading", { name: "Handläggning" })).toHaveCount(0);
  await expectAccessible(member);

  // The decision letter: the worker writes it as the decision commits; a PDF the member downloads.
  const letterLink = member.getByRole("link", { name: "Ladda ned beslutet (PDF)" });
  await expect(async () => {
    if (await letterLink.isVisible()) return;
    await expect(member.getByText("Beslutsbrevet skrivs nu")).toBeVisible();
    await member.reload();
    await expect(letterLink).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  const [download] = await Promise.all([member.waitForEvent("download"), letterLink.click()]);
  const letter = await download.createReadStream().then(async (stream) => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  });
  expect(letter.subarray(0, 5).toString()).toBe("%PDF-");

  // No payout while the annual report for the last completed year is not accepted.
  const lastYear = String(Number(new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" }).slice(0, 4)) - 1);
  await page.goto("/coordinator/payouts");
  const payoutRow = page.getByRole("row", { name: /Saint-Barth-sällskapet/ }).filter({ hasText: "9" });
  await expect(payoutRow.first()).toContainText(`Verksamhetsberättelsen för ${lastYear} är inte godkänd`);
  await expect(payoutRow.first().getByRole("button", { name: /Godkänn utbetalning/ })).toHaveCount(0);
  await expectAccessible(page);

  // The member hands in the annual report; the coordinator accepts it.
  await member.goto("/my");
  await member.getByRole("link", { name: "Saint-Barth-sällskapet i Piteå" }).click();
  await member.getByRole("link", { name: "Verksamhetsberättelser" }).click();
  await expect(member.getByText(`behövs verksamhetsberättelsen för ${lastYear}`)).toBeVisible();
  await expectAccessible(member);
  await member.getByLabel(/^Verksamhetsår/).fill(lastYear);
  await member.getByLabel(/Verksamhetsberättelsen som PDF/).setInputFiles({ name: "verksamhetsberattelse.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n") });
  await member.getByRole("button", { name: "Lämna in" }).click();
  await expect(member.getByText(`Verksamhetsberättelsen för ${lastYear} är inlämnad`)).toBeVisible();
  await page.goto("/coordinator/annual-reports");
  await expectAccessible(page);
  await page.getByRole("button", { name: new RegExp(`Godkänn verksamhetsberättelsen för ${lastYear} från Saint-Barth-sällskapet`) }).click();
  await expect(page.getByRole("button", { name: new RegExp(`Godkänn verksamhetsberättelsen för ${lastYear} från Saint-Barth-sällskapet`) })).toHaveCount(0);

  // Now the payout goes through and its date is recorded.
  await page.goto("/coordinator/payouts");
  await page.getByRole("button", { name: /Godkänn utbetalning av 9\s500 kr till Saint-Barth-sällskapet/ }).click();
  await expect(page.getByRole("button", { name: /Godkänn utbetalning av 9\s500 kr till Saint-Barth-sällskapet/ })).toHaveCount(0);
  await page.goto(url);
  await expect(page.getByText("Utbetalt")).toBeVisible();
});

test("the coordinator allocates a town's base grant and sees the share before confirming", async ({ page, signedInAs, expectAccessible }) => {
  test.setTimeout(120_000);
  await signedInAs(page, COORDINATOR);
  await page.goto("/coordinator/queue?kind=BASE&status=SUBMITTED");
  await page.getByRole("row", { name: /Grundbidrag för vänortsarbetet med Grindavík/ }).getByRole("link").first().click();
  await page.getByRole("button", { name: "Skicka till kommittén" }).click();
  await page.getByLabel(/Skäl att stänga samrådet i förtid/).fill("Samrått med kommittén per telefon.");
  await page.getByRole("button", { name: "Stäng samrådet" }).click();
  await page.getByRole("link", { name: "Gå till fördelningen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Fördela grundbidrag");
  await expect(page.locator(".limit-box")).toContainText(/1 föreningar får 10\s000 kr var/);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Besluta fördelningen" }).click();
  await expect(page.getByText(/Beslutad fördelning: 1 föreningar får 10\s000 kr var/)).toBeVisible();
  await expectAccessible(page);
});

test("the coordinator ticks applications in the queue and puts them to the committee together", async ({ page, signedInAs, expectAccessible }) => {
  const pg = (await import("pg")).default;
  const { harness } = await import("./support/harness");
  const title = `Batchsamråd ${Date.now().toString(36)}`;
  const client = new pg.Client({ connectionString: harness().databaseUrl });
  await client.connect();
  // Two submitted activity applications of their own, so no other journey's cases are touched.
  for (const n of [1, 2]) {
    await client.query(
      `insert into "Application" (id, "municipalityId", "programYearId", "associationId", "partnerTownId", "grantKind", status, "caseNumber", title, "requestedAmount", "createdById", "submittedAt", "updatedAt")
       select gen_random_uuid(), a."municipalityId", p.id, a.id, t.id, 'ACTIVITY', 'SUBMITTED', $1, $2, 2000, a."createdById", now(), now()
       from "Association" a, "ProgramYear" p, "PartnerTown" t
       where a.name = 'Föreningen Piteå–Grindavík' and p.year = extract(year from now())::int and t.name = 'Grindavík'`,
      [`E2E ${title} ${n}`, `${title} ${n}`],
    );
  }
  await client.end();

  await signedInAs(page, COORDINATOR);
  await page.goto("/coordinator/queue?kind=ACTIVITY&status=SUBMITTED");
  await expectAccessible(page);
  for (const n of [1, 2]) await page.getByRole("checkbox", { name: `Välj E2E ${title} ${n}` }).check();
  await page.getByRole("button", { name: "Skicka valda till kommittén" }).click();
  await expect(page.getByText("2 ansökningar är skickade till kommittén.")).toBeVisible();
  await page.getByRole("link", { name: `E2E ${title} 1` }).click();
  await expect(page.getByText(/Kommittén samråds till och med/)).toBeVisible();
});
