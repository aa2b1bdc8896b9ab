// The follow-up report on an approved grant: the member files it with a PDF,
// the coordinator asks for completion with a comment, the member reads the
// comment, completes and resubmits, the coordinator accepts; both see every
// round. axe runs on every page visited.
import pg from "pg";
import { test, expect } from "./support/fixtures";
import { harness } from "./support/harness";

const COORDINATOR = "samordnare@pitea.example";
const MEMBER = "anna@grindavikvanner.example";
const OBJECTIVE = "Öka förståelsen mellan olika kulturer";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

/**
 * A grant of Anna's association approved last year, its activity over two
 * weeks ago and its report due in two weeks: a case of this test's own, so no
 * other journey's cases (or this year's pools) are touched.
 */
async function approvedGrant(title: string, caseNumber: string): Promise<string> {
  const client = new pg.Client({ connectionString: harness().databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `insert into "Application" (id, "municipalityId", "programYearId", "associationId", "partnerTownId", "grantKind", status, "caseNumber", title, purpose, description,
         "startDate", "endDate", "participantsTotal", "participantsUnder26", "budgetLines", "otherFunding", "requestedAmount", "createdById", "submittedAt", "updatedAt")
       select gen_random_uuid(), a."municipalityId", p.id, a.id, t.id, 'ACTIVITY', 'APPROVED', $1, $2, 'Ungdomar från båda orterna möts.', 'En helg med workshoppar.',
         current_date - 20, current_date - 14, 20, 12, '[{"label":"Resor","amount":6000}]'::jsonb, '[]'::jsonb, 4000, a."createdById", now(), now()
       from "Association" a
       join "ProgramYear" p on p."municipalityId" = a."municipalityId" and p.year = extract(year from now())::int - 1
       join "PartnerTown" t on t."municipalityId" = a."municipalityId" and t.name = 'Grindavík'
       where a.name = 'Föreningen Piteå–Grindavík'
       returning id`,
      [caseNumber, title],
    );
    const id = rows[0]!.id;
    await client.query(`insert into "ApplicationObjective" ("applicationId", "objectiveId") select $1, id from "PolicyObjective" where "textSv" = $2`, [id, OBJECTIVE]);
    const decision = await client.query<{ id: string }>(
      `insert into "Decision" (id, "applicationId", outcome, amount, reason, "decidedById", "reportDueOn")
       select gen_random_uuid(), $1, 'APPROVED', 4000, 'Beviljas enligt riktlinjerna.', id, current_date + 14 from "User" where email = $2
       returning id`,
      [id, COORDINATOR],
    );
    await client.query(`update "Application" set "currentDecisionId" = $1 where id = $2`, [decision.rows[0]!.id, id]);
    return id;
  } finally {
    await client.end();
  }
}

test("a member files a report, the coordinator asks for completion, the member completes it, and the coordinator accepts it", async ({ page, browser, signedInAs, expectAccessible, mail }) => {
  test.setTimeout(180_000);
  const title = `Vänortshelg ${Date.now().toString(36)}`;
  const caseNumber = `E2E ${title}`;
  const id = await approvedGrant(title, caseNumber);
  const comment = "Kostnaden för bussen saknas. Lägg till den och skicka in igen.";

  await test.step("the member writes the report from the case page, attaches a PDF and submits it", async () => {
    await signedInAs(page, MEMBER);
    await page.goto(`/applications/${id}`);
    await expect(page.getByRole("heading", { name: "Återrapport", exact: true })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Skriv återrapporten" }).click();
    await page.waitForURL(new RegExp(`/applications/${id}/report$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Återrapport för ${caseNumber}`);
    // What the application planned is filled in to start with.
    await expect(page.getByLabel(/^Antal deltagare/)).toHaveValue("20");
    await expectAccessible(page);

    await page.getByLabel(/^Vad gjordes\?/).fill("Tjugo ungdomar träffades en helg i Piteå med workshoppar i musik och film.");
    await page.getByLabel(/^Varav under 26 år/).fill("14");
    await page.getByLabel(new RegExp(`^Resultat: ${OBJECTIVE}`)).fill("Ungdomarna håller kontakten och planerar ett besök i Grindavík.");
    await expect(page.getByText(/Sparat kl\./)).toBeVisible({ timeout: 10_000 });

    await page.getByLabel("Lägg till en bilaga (PDF)").setInputFiles({ name: "deltagarlista.pdf", mimeType: "application/pdf", buffer: PDF });
    await page.getByRole("button", { name: "Ladda upp" }).click();
    await expect(page.getByRole("link", { name: "deltagarlista.pdf" })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("button", { name: "Skicka in återrapporten" }).click();
    await page.waitForURL(new RegExp(`/applications/${id}/report\\?submitted=1$`));
    await expect(page.getByText(/Återrapporten är inskickad\./)).toBeVisible();
    await expect(page.getByRole("heading", { name: "Omgång 1" })).toBeVisible();
    await expectAccessible(page);
  });

  const coordinator = await browser.newPage();
  await test.step("the coordinator finds it among the reports to review and asks for completion, with a comment", async () => {
    await signedInAs(coordinator, COORDINATOR);
    await coordinator.goto("/coordinator/reports");
    await expect(coordinator.getByRole("heading", { level: 1 })).toHaveText("Återrapporter");
    await expectAccessible(coordinator);
    await coordinator.getByRole("row", { name: new RegExp(title) }).getByRole("link", { name: caseNumber }).click();
    await expect(coordinator.getByRole("heading", { level: 1 })).toHaveText(`Granska återrapport för ${caseNumber}`);
    await expect(coordinator.getByRole("heading", { name: "Inskickad rapport, omgång 1" })).toBeVisible();
    await expect(coordinator.getByText("Ungdomarna håller kontakten och planerar ett besök i Grindavík.").first()).toBeVisible();
    await expect(coordinator.getByRole("link", { name: "deltagarlista.pdf" }).first()).toBeVisible();
    await expectAccessible(coordinator);

    await coordinator.getByRole("button", { name: "Begär komplettering" }).click();
    // The comment is required, and said so on its field.
    await coordinator.getByRole("button", { name: "Skicka tillbaka för komplettering" }).click();
    await expect(coordinator.locator("#comment-error")).toBeVisible();
    await expectAccessible(coordinator);
    await coordinator.getByLabel(/^Vad ska kompletteras\?/).fill(comment);
    await coordinator.getByRole("button", { name: "Skicka tillbaka för komplettering" }).click();
    await expect(coordinator.getByText("Återrapporten är skickad tillbaka för komplettering.", { exact: false })).toBeVisible();
    await expect(coordinator.getByText(comment)).toBeVisible();
    await expectAccessible(coordinator);
  });

  await test.step("the member is mailed, reads the comment, completes the report and resubmits it", async () => {
    const notice = await mail.waitFor(MEMBER, { subject: `Komplettera återrapporten för ${caseNumber}` });
    expect(notice.text).toContain(comment);
    await page.goto(mail.linkIn(notice, `/applications/${id}/report`));
    await expect(page.getByRole("heading", { name: "Kommunen ber er komplettera rapporten" })).toBeVisible();
    await expect(page.getByText(comment).first()).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("button", { name: "Lägg till kostnad" }).click();
    const line = page.getByRole("group", { name: "Kostnad, rad 2" });
    await line.getByLabel("Vad").fill("Buss Piteå–Luleå");
    await line.getByLabel(/^Belopp/).fill("2 500");
    await expect(page.getByText(/Sparat kl\./)).toBeVisible({ timeout: 10_000 });
    await expectAccessible(page);
    await page.getByRole("button", { name: "Skicka in kompletteringen" }).click();
    await page.waitForURL(new RegExp(`/applications/${id}/report\\?submitted=1$`));
    await expect(page.getByRole("heading", { name: "Omgång 2" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Omgång 1" })).toBeVisible();
    await expectAccessible(page);
  });

  await test.step("the coordinator accepts the completed report; both see every round", async () => {
    await coordinator.goto(`/coordinator/reports/${id}`);
    await expect(coordinator.getByRole("heading", { name: "Inskickad rapport, omgång 2" })).toBeVisible();
    await expect(coordinator.getByRole("cell", { name: "Buss Piteå–Luleå" }).first()).toBeVisible();
    await expectAccessible(coordinator);
    await coordinator.getByRole("button", { name: "Godkänn återrapporten" }).click();
    await expect(coordinator.getByText("Återrapporten är godkänd.")).toBeVisible();
    await expect(coordinator.getByRole("heading", { name: "Omgång 1" })).toBeVisible();
    await expect(coordinator.getByRole("heading", { name: "Omgång 2" })).toBeVisible();
    await expect(coordinator.getByText(comment)).toBeVisible();
    await expectAccessible(coordinator);

    await mail.waitFor(MEMBER, { subject: `Återrapporten för ${caseNumber} är godkänd` });
    await page.goto(`/applications/${id}/report`);
    await expect(page.getByRole("heading", { name: "Godkänd rapport" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Omgång 1" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Omgång 2" })).toBeVisible();
    await expect(page.getByText(comment)).toBeVisible();
    await expectAccessible(page);
  });
  await coordinator.close();
});
