// Demo data: Piteå's rules (Riktlinjer för internationellt arbete, KS 2022-10-10 § 164),
// its twin towns, its committee of four, staff, associations and applications
// in several states. Loaded by `npm start` on a fresh embedded database, or by
// `npm run db:seed` on purpose. Every identifier passes its check digit.
import type { PrismaClient } from "../lib/generated/prisma/client";
import { addCalendarMonths, reportDueDate, todayIn } from "../lib/domain/dates";

export const DEMO_USERS = {
  admin: "admin@pitea.example",
  coordinator: "samordnare@pitea.example",
  applicant: "anna@grindavikvanner.example",
  applicant2: "bjorn@stbarth.example",
  newcomer: "david@kulturbyte.example",
} as const;

const COMMITTEE = [
  { email: "kf.ordforande@pitea.example", name: "Karin Fors", title: "Kommunfullmäktiges ordförande" },
  { email: "ks.ordforande@pitea.example", name: "Stefan Lind", title: "Kommunstyrelsens ordförande" },
  { email: "ks.vice@pitea.example", name: "Maria Öberg", title: "Kommunstyrelsens 1:e vice ordförande" },
  { email: "kommunchef@pitea.example", name: "Johan Berg", title: "Kommunchef" },
];

const OBJECTIVES: [string, string][] = [
  ["Stimulera till utveckling av kommunens olika verksamhetsområden", "Stimulate the development of the municipality's areas of activity"],
  ["Öka intresset för Piteå, vår region och Sverige", "Increase interest in Piteå, our region and Sweden"],
  ["Stödja Piteå kommuns näringsliv", "Support Piteå's business community"],
  ["Öka förståelsen mellan olika kulturer", "Increase understanding between cultures"],
  ["Ge unga möjligheter till internationella kontakter för att underlätta inträdet på en alltmer internationell arbetsmarknad", "Give young people international contacts that ease their entry into an increasingly international labour market"],
  ["Bidra till kunskapsutveckling hos kommunens anställda och kommunens elever", "Contribute to the learning of the municipality's employees and pupils"],
];

export async function isSeeded(db: PrismaClient): Promise<boolean> {
  return (await db.municipality.count()) > 0;
}

export async function seedDemo(db: PrismaClient, today = new Date()): Promise<void> {
  const year = today.getUTCFullYear();
  await db.$transaction(async (tx) => {
    const m = await tx.municipality.create({
      data: {
        slug: "pitea",
        name: "Piteå kommun",
        orgNumber: "212000-2742",
        decidingBody: "Internationella samordnaren efter samråd med internationella kommittén",
        delegation: "Kommunstyrelsens delegationsordning, bidrag till föreningar inom budget för internationellt arbete (Riktlinjer för internationellt arbete, KS 2022-10-10 § 164)",
        caseNumberPrefix: "INT",
        contactName: "Internationella samordnaren",
        contactEmail: DEMO_USERS.coordinator,
        contactPhone: "0911-69 60 00",
      },
    });

    const [grindavik, stbarth] = await Promise.all([
      tx.partnerTown.create({ data: { municipalityId: m.id, name: "Grindavík", country: "Island", kind: "TWIN_TOWN", distanceClass: "NORDIC" } }),
      tx.partnerTown.create({ data: { municipalityId: m.id, name: "Saint-Barthélemy", country: "Frankrike (Västindien)", kind: "TWIN_TOWN", distanceClass: "WORLD" } }),
      // Exchange with Russian towns is paused: kept for history, closed for applications.
      tx.partnerTown.create({ data: { municipalityId: m.id, name: "Kandalaksja", country: "Ryssland", kind: "TWIN_TOWN", distanceClass: "EUROPE", active: false } }),
    ]);

    const objectives: { id: string }[] = [];
    for (const [i, [textSv, textEn]] of OBJECTIVES.entries()) {
      objectives.push(await tx.policyObjective.create({ data: { municipalityId: m.id, textSv, textEn, sortOrder: i + 1 } }));
    }

    const program = await tx.programYear.create({
      data: {
        municipalityId: m.id,
        year,
        opensOn: new Date(`${year}-01-01`),
        closesOn: new Date(`${year}-12-31`),
        baseCapPerTown: 10_000,
        activityCapPerTown: 10_000,
        splitRule: "EQUAL_SPLIT",
        budget: 60_000,
        reportDeadlineMonths: 1,
        // An association whose follow-up report is overdue cannot apply again until it is in.
        blockOnOverdueReport: true,
        requiredDocuments: {
          create: [
            { nameSv: "Verksamhetsberättelse för senast avslutade verksamhetsår", nameEn: "Annual report for the most recently completed activity year", sortOrder: 1 },
            { grantKind: "ACTIVITY", nameSv: "Budget för aktiviteten", nameEn: "Budget for the activity", sortOrder: 2 },
          ],
        },
      },
    });
    await tx.programYear.create({
      data: {
        municipalityId: m.id,
        year: year + 1,
        opensOn: new Date(`${year + 1}-01-01`),
        closesOn: new Date(`${year + 1}-12-31`),
        baseCapPerTown: 10_000,
        activityCapPerTown: 10_000,
        splitRule: "EQUAL_SPLIT",
        reportDeadlineMonths: 1,
      },
    });

    const user = (email: string, name: string, extra: object = {}) =>
      tx.user.create({ data: { email, name, emailVerified: today, ...extra } });
    await user(DEMO_USERS.admin, "Alva Admin", { roles: ["ADMIN"], municipalityId: m.id });
    const coordinator = await user(DEMO_USERS.coordinator, "Sara Samordnare", { roles: ["COORDINATOR"], municipalityId: m.id });
    for (const c of COMMITTEE) {
      const u = await user(c.email, c.name, { roles: ["COMMITTEE"], municipalityId: m.id });
      await tx.committeeMember.create({ data: { municipalityId: m.id, userId: u.id, title: c.title } });
    }
    const anna = await user(DEMO_USERS.applicant, "Anna Andersson");
    const bjorn = await user(DEMO_USERS.applicant2, "Björn Berglund");
    const david = await user(DEMO_USERS.newcomer, "David Dahl");

    const association = (data: {
      name: string; orgNumber: string; contactName: string; email: string; giro: ["BANKGIRO" | "PLUSGIRO", string];
      status: "PENDING" | "VERIFIED"; towns: string[]; members: string[];
    }) =>
      tx.association.create({
        data: {
          municipalityId: m.id,
          name: data.name,
          orgNumber: data.orgNumber,
          streetAddress: "Storgatan 1",
          postalCode: "941 31",
          city: "Piteå",
          contactName: data.contactName,
          email: data.email,
          phone: "070-123 45 67",
          paymentMethod: data.giro[0],
          paymentAccount: data.giro[1],
          status: data.status,
          decidedAt: data.status === "VERIFIED" ? today : null,
          decidedById: data.status === "VERIFIED" ? coordinator.id : null,
          createdById: data.members[0]!,
          partnerTowns: { create: data.towns.map((partnerTownId) => ({ partnerTownId })) },
          memberships: { create: data.members.map((userId) => ({ userId })) },
        },
      });

    const grindavikVanner = await association({
      name: "Föreningen Piteå–Grindavík", orgNumber: "802400-1235", contactName: "Anna Andersson",
      email: DEMO_USERS.applicant, giro: ["BANKGIRO", "555-1239"], status: "VERIFIED", towns: [grindavik.id], members: [anna.id],
    });
    const stBarthSallskapet = await association({
      name: "Saint-Barth-sällskapet i Piteå", orgNumber: "802500-4568", contactName: "Björn Berglund",
      email: DEMO_USERS.applicant2, giro: ["PLUSGIRO", "123456-6"], status: "VERIFIED", towns: [stbarth.id, grindavik.id], members: [bjorn.id, anna.id],
    });
    const nordiska = await association({
      name: "Nordiska ungdomsutbytet Piteå", orgNumber: "802600-7891", contactName: "Björn Berglund",
      email: DEMO_USERS.applicant2, giro: ["BANKGIRO", "5050-1055"], status: "VERIFIED", towns: [grindavik.id], members: [bjorn.id],
    });
    await association({
      name: "Kulturbyte Norrbotten", orgNumber: "802700-1117", contactName: "David Dahl",
      email: DEMO_USERS.newcomer, giro: ["BANKGIRO", "9876-5431"], status: "PENDING", towns: [stbarth.id], members: [david.id],
    });

    let caseSeq = 0;
    const application = async (data: {
      association: string; town: string; kind: "BASE" | "ACTIVITY"; status: "DRAFT" | "SUBMITTED" | "WITHDRAWN";
      title: string; purpose: string; description: string; start: string; end: string; total: number; young: number;
      budget: [string, number][]; funding: [string, number][]; requested: number; objectives: number[]; by: string;
    }) => {
      const submitted = data.status !== "DRAFT";
      const caseNumber = submitted ? `INT ${year}/${String(++caseSeq).padStart(4, "0")}` : null;
      return tx.application.create({
        data: {
          municipalityId: m.id,
          programYearId: program.id,
          associationId: data.association,
          partnerTownId: data.town,
          grantKind: data.kind,
          status: data.status,
          caseNumber,
          title: data.title,
          purpose: data.purpose,
          description: data.description,
          startDate: new Date(data.start),
          endDate: new Date(data.end),
          participantsTotal: data.total,
          participantsUnder26: data.young,
          budgetLines: data.budget.map(([label, amount]) => ({ label, amount })),
          otherFunding: data.funding.map(([label, amount]) => ({ label, amount })),
          requestedAmount: data.requested,
          createdById: data.by,
          submittedAt: submitted ? today : null,
          withdrawnAt: data.status === "WITHDRAWN" ? today : null,
          objectives: { create: data.objectives.map((i) => ({ objectiveId: objectives[i]!.id })) },
        },
      });
    };

    await application({
      association: grindavikVanner.id, town: grindavik.id, kind: "BASE", status: "SUBMITTED",
      title: "Grundbidrag för vänortsarbetet med Grindavík", purpose: "Hålla kontakten levande mellan föreningarna i Piteå och Grindavík.",
      description: "Digitala träffar varannan månad, ett gemensamt nyhetsbrev och planering av ett ungdomsutbyte.",
      start: `${year}-02-01`, end: `${year}-12-15`, total: 40, young: 12, budget: [["Nyhetsbrev och möten", 6_000], ["Planeringsresa", 9_000]],
      funding: [["Medlemsavgifter", 3_000]], requested: 10_000, objectives: [3, 4], by: anna.id,
    });
    await application({
      association: stBarthSallskapet.id, town: stbarth.id, kind: "ACTIVITY", status: "SUBMITTED",
      title: "Musikutbyte med Saint-Barthélemy", purpose: "Unga musiker från Piteå och Saint-Barthélemy spelar tillsammans.",
      description: "En veckas workshop i Piteå i juni med avslutande konsert på Piteå Dansar och Ler.",
      start: `${year}-06-10`, end: `${year}-06-17`, total: 18, young: 14, budget: [["Lokalhyra", 4_000], ["Kost", 8_000], ["Instrumenthyra", 2_500]],
      funding: [["Studieförbundet", 5_000]], requested: 9_500, objectives: [1, 3, 4], by: bjorn.id,
    });
    await application({
      association: stBarthSallskapet.id, town: grindavik.id, kind: "BASE", status: "WITHDRAWN",
      title: "Grundbidrag Grindavík (återkallad)", purpose: "Vänortskontakter med Grindavík.", description: "Återkallad eftersom en annan förening ansöker.",
      start: `${year}-03-01`, end: `${year}-11-30`, total: 10, young: 2, budget: [["Möten", 2_000]], funding: [], requested: 5_000, objectives: [3], by: bjorn.id,
    });
    await application({
      association: grindavikVanner.id, town: grindavik.id, kind: "ACTIVITY", status: "DRAFT",
      title: "Ungdomsläger i Grindavík", purpose: "Ungdomar från Piteå besöker Grindavík.", description: "",
      start: `${year + 1}-07-01`, end: `${year + 1}-07-08`, total: 12, young: 10, budget: [["Resor", 30_000]], funding: [["Egen insats", 12_000]], requested: 10_000, objectives: [4], by: anna.id,
    });
    await tx.caseCounter.create({ data: { municipalityId: m.id, year, last: caseSeq } });

    // Last year's grants, followed up this year: one report overdue (flagged to
    // the coordinator, and holding back Nordiska ungdomsutbytet's new
    // applications), one due in a couple of weeks for Anna to write.
    const lastYear = await tx.programYear.create({
      data: {
        municipalityId: m.id,
        year: year - 1,
        opensOn: new Date(`${year - 1}-01-01`),
        closesOn: new Date(`${year - 1}-12-31`),
        baseCapPerTown: 10_000,
        activityCapPerTown: 10_000,
        splitRule: "EQUAL_SPLIT",
        reportDeadlineMonths: 1,
      },
    });
    const todayStr = todayIn(today);
    const daysBefore = (n: number) => new Date(Date.parse(`${todayStr}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
    let lastYearSeq = 0;
    const granted = async (data: {
      association: string; title: string; purpose: string; start: string; end: string; total: number; young: number;
      budget: [string, number][]; amount: number; objectives: number[]; by: string;
    }) => {
      const created = await tx.application.create({
        data: {
          municipalityId: m.id,
          programYearId: lastYear.id,
          associationId: data.association,
          partnerTownId: grindavik.id,
          grantKind: "ACTIVITY",
          status: "APPROVED",
          caseNumber: `INT ${year - 1}/${String(++lastYearSeq).padStart(4, "0")}`,
          title: data.title,
          purpose: data.purpose,
          description: data.purpose,
          startDate: new Date(data.start),
          endDate: new Date(data.end),
          participantsTotal: data.total,
          participantsUnder26: data.young,
          budgetLines: data.budget.map(([label, amount]) => ({ label, amount })),
          otherFunding: [],
          requestedAmount: data.amount,
          createdById: data.by,
          submittedAt: new Date(`${year - 1}-11-15T09:00:00Z`),
          objectives: { create: data.objectives.map((i) => ({ objectiveId: objectives[i]!.id })) },
        },
      });
      const decision = await tx.decision.create({
        data: {
          applicationId: created.id,
          outcome: "APPROVED",
          amount: data.amount,
          reason: "Aktiviteten ger unga internationella kontakter och följer riktlinjerna.",
          decidedById: coordinator.id,
          decidedAt: new Date(`${year - 1}-12-10T09:00:00Z`),
          reportDueOn: new Date(`${reportDueDate(data.end, lastYear.reportDeadlineMonths)}T00:00:00Z`),
          paidAt: new Date(`${year - 1}-12-20T09:00:00Z`),
          paidById: coordinator.id,
        },
      });
      await tx.application.update({ where: { id: created.id }, data: { currentDecisionId: decision.id } });
    };
    // Ended two months ago: the report was due a month ago.
    await granted({
      association: nordiska.id, title: "Ungdomsläger i Grindavík", purpose: "Tolv ungdomar från Piteå på läger med jämnåriga i Grindavík.",
      start: addCalendarMonths(todayStr, -2).slice(0, 8) + "01", end: addCalendarMonths(todayStr, -2), total: 14, young: 12,
      budget: [["Resor", 18_000], ["Logi", 6_000]], amount: 8_000, objectives: [3, 4], by: bjorn.id,
    });
    // Ended 18 days ago: the report is due in about two weeks.
    await granted({
      association: grindavikVanner.id, title: "Kulturvecka med Grindavík", purpose: "En vecka med isländsk musik, film och mat i Piteå.",
      start: daysBefore(24), end: daysBefore(18), total: 60, young: 25,
      budget: [["Lokalhyra", 5_000], ["Artistarvoden", 7_000]], amount: 6_000, objectives: [1, 3], by: anna.id,
    });
    await tx.caseCounter.create({ data: { municipalityId: m.id, year: year - 1, last: lastYearSeq } });
    await tx.auditEvent.create({
      data: { actorKind: "system", action: "demo.seeded", entityType: "Municipality", entityId: m.id, municipalityId: m.id },
    });
  });
}
