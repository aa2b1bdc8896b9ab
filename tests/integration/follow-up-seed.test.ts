// The demo data shows follow-up reports on a fresh start: one overdue (flagged,
// and holding back its association's new applications, as Piteå's demo
// program says) and one due soon for a member to write.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDemo, DEMO_USERS } from "@/prisma/seed";
import { actorOf } from "../fixtures/admin";
import { getFollowUpReport, listFollowUpReports, overdueReportsOf } from "@/lib/data/follow-up";
import { createApplication, submitApplication, updateDraft } from "@/lib/data/applications";
import { ServiceError } from "@/lib/errors";
import { todayIn } from "@/lib/domain/dates";

const NOW = new Date();

beforeAll(async () => {
  await seedDemo(db, NOW);
});

const user = (email: string) => db.user.findUniqueOrThrow({ where: { email } }).then(actorOf);

describe("the demo data", () => {
  it("has a report overdue and one due soon, both on approved grants the coordinator lists", async () => {
    const coordinator = await user(DEMO_USERS.coordinator);
    const overdue = await listFollowUpReports(coordinator, { status: "OVERDUE" }, NOW);
    expect(overdue.items.map((i) => [i.association.name, i.title])).toEqual([["Nordiska ungdomsutbytet Piteå", "Ungdomsläger i Grindavík"]]);
    const open = await listFollowUpReports(coordinator, { status: "OPEN" }, NOW);
    expect(open.items.map((i) => [i.association.name, i.title])).toEqual([["Föreningen Piteå–Grindavík", "Kulturvecka med Grindavík"]]);
    expect(open.items[0]!.dueOn > todayIn(NOW)).toBe(true);

    // Anna can write hers: the activity is over, and it named two of the municipality's objectives.
    const anna = await user(DEMO_USERS.applicant);
    const report = await getFollowUpReport(anna, open.items[0]!.applicationId, NOW);
    expect(report).toMatchObject({ canEdit: true, obligation: "OPEN" });
    expect(report.objectives).toHaveLength(2);
    expect(report.draft!.endDate! <= todayIn(NOW)).toBe(true);

    const nordiska = await db.association.findFirstOrThrow({ where: { name: "Nordiska ungdomsutbytet Piteå" } });
    expect((await overdueReportsOf([nordiska.id], todayIn(NOW))).get(nordiska.id)).toHaveLength(1);
  });

  it("holds back Nordiska ungdomsutbytet's new application, naming the overdue report", async () => {
    const bjorn = await user(DEMO_USERS.applicant2);
    const nordiska = await db.association.findFirstOrThrow({ where: { name: "Nordiska ungdomsutbytet Piteå" }, include: { partnerTowns: true } });
    const program = await db.programYear.findFirstOrThrow({ where: { year: NOW.getUTCFullYear() } });
    expect(program.blockOnOverdueReport).toBe(true);
    const objective = await db.policyObjective.findFirstOrThrow({ orderBy: { sortOrder: "asc" } });
    const draft = await createApplication(bjorn, { associationId: nordiska.id, programYearId: program.id, grantKind: "ACTIVITY" }, NOW);
    await updateDraft(bjorn, draft.id, {
      partnerTownId: nordiska.partnerTowns[0]!.partnerTownId,
      title: "Nytt läger",
      purpose: "Ett nytt läger.",
      description: "Ett nytt läger i Grindavík.",
      objectiveIds: [objective.id],
      startDate: `${program.year}-12-01`,
      endDate: `${program.year}-12-05`,
      participantsTotal: 10,
      participantsUnder26: 8,
      budgetLines: [{ label: "Resor", amount: 9_000 }],
      otherFunding: [],
      requestedAmount: 2_000,
    });
    const error = await submitApplication(bjorn, draft.id, NOW).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).vars).toMatchObject({ caseNumber: `INT ${program.year - 1}/0001`, count: 1 });
  });
});
