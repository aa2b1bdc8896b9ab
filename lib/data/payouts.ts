import "server-only";
import { lockPoolOnly } from "@/lib/data/decisions";
import { db } from "@/lib/db";
import { requirePermission, type Actor, requireMunicipality } from "@/lib/auth/actor";
import { audit } from "@/lib/data/audit";
import { isUuid } from "@/lib/data/associations";
import { conflict, notFound, ServiceError } from "@/lib/errors";
import { checkPayout, mostRecentlyCompletedActivityYear } from "@/lib/domain/payout";
import { todayIn } from "@/lib/domain/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toCsv } from "@/lib/export/csv";

export const PAYOUT_STATUSES = ["ready", "paid", "blocked"] as const;
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];

export function isPayoutStatus(value: unknown): value is PayoutStatus {
  return typeof value === "string" && (PAYOUT_STATUSES as readonly string[]).includes(value);
}

/**
 * The field of a refused payout's ServiceError that carries the activity year
 * whose accepted annual report is missing (as a string: field errors are
 * strings), so the page and API clients can name it.
 */
export const MISSING_ANNUAL_REPORT_YEAR_FIELD = "annualReportYear";


/** The year whose annual report a payout on `now` needs (calendar activity years). */
export function requiredAnnualReportYear(now: Date): number {
  return mostRecentlyCompletedActivityYear(todayIn(now));
}

/**
 * The coordinator approves payout of a granted amount and the payout is
 * recorded with its date. Refused unless the association's annual report for
 * its most recently completed activity year is accepted (Piteå rule 6).
 */
export async function approvePayout(actor: Actor, decisionId: string, now = new Date()) {
  requirePermission(actor, "payout:approve");
  const municipalityId = requireMunicipality(actor);
  if (!isUuid(decisionId)) throw notFound();
  const annualReportYear = requiredAnnualReportYear(now);

  return db.$transaction(async (tx) => {
    const located = await tx.decision.findFirst({
      where: { id: decisionId, application: { municipalityId } },
      select: { allocationId: true, application: { select: { programYearId: true, partnerTownId: true } } },
    });
    if (!located) throw notFound();
    if (located.allocationId && located.application.partnerTownId) {
      // A base grant's allocation can be reopened only while none of it is paid
      // (lib/data/decisions.ts reopenBaseAllocation, under this pool lock): take
      // the same lock so a payout and a reopening never both go through.
      await lockPoolOnly(tx, located.application.programYearId, located.application.partnerTownId, "BASE");
    }
    // Two payouts of one decision at once: the second waits here, then finds it paid.
    const rows = await tx.$queryRaw<{ id: string }[]>`
      select d.id from "Decision" d join "Application" a on a.id = d."applicationId"
      where d.id = ${decisionId}::uuid and a."municipalityId" = ${municipalityId}::uuid
      for update of d`;
    if (!rows.length) throw notFound();
    const decision = await tx.decision.findUniqueOrThrow({
      where: { id: decisionId },
      include: {
        application: {
          select: {
            id: true,
            currentDecisionId: true,
            caseNumber: true,
            association: { select: { id: true, name: true, paymentMethod: true, paymentAccount: true } },
          },
        },
      },
    });
    const isCurrent = decision.supersededAt === null && decision.application.currentDecisionId === decision.id;
    const accepted = await tx.annualReport.findMany({
      where: { associationId: decision.application.association.id, status: "ACCEPTED", activityYear: annualReportYear },
      select: { activityYear: true },
    });
    const check = checkPayout({
      decisionOutcome: isCurrent ? decision.outcome : null,
      amount: decision.amount,
      alreadyPaid: decision.paidAt !== null,
      annualReportYear,
      acceptedAnnualReportYears: accepted.map((r) => r.activityYear),
    });
    if (!check.ok) {
      if (check.reason === "ANNUAL_REPORT_MISSING") {
        throw new ServiceError("CONFLICT", "errors.payout.ANNUAL_REPORT_MISSING", { [MISSING_ANNUAL_REPORT_YEAR_FIELD]: [String(check.year)] });
      }
      throw conflict(`errors.payout.${check.reason}`);
    }
    const paid = await tx.decision.update({ where: { id: decisionId }, data: { paidAt: now, paidById: actor.userId } });
    const { association } = decision.application;
    await audit(tx, actor, {
      action: "application.payout-approved",
      entityType: "Application",
      entityId: decision.application.id,
      municipalityId,
      before: { decisionId, paidAt: null },
      after: {
        decisionId,
        paidAt: now,
        amount: decision.amount,
        caseNumber: decision.application.caseNumber,
        associationId: association.id,
        paymentMethod: association.paymentMethod,
        paymentAccount: association.paymentAccount,
        annualReportYear,
      },
    });
    return { decisionId, applicationId: decision.application.id, amount: paid.amount, paidAt: paid.paidAt!, annualReportYear };
  });
}

export type PayoutRow = {
  decisionId: string;
  applicationId: string;
  caseNumber: string | null;
  association: { id: string; name: string; orgNumber: string; paymentMethod: "BANKGIRO" | "PLUSGIRO"; paymentAccount: string };
  amount: number;
  /** The day of the decision in Swedish time, "YYYY-MM-DD". */
  decidedOn: string;
  paidOn: string | null;
  annualReportAccepted: boolean;
  status: PayoutStatus;
};

/** Approved, current grants of a program year with money to pay, and where each stands. */
async function payoutRows(actor: Actor, year: number, now: Date): Promise<{ requiredYear: number; rows: PayoutRow[] }> {
  requirePermission(actor, "payout:approve");
  const municipalityId = requireMunicipality(actor);
  const requiredYear = requiredAnnualReportYear(now);
  if (!Number.isSafeInteger(year)) return { requiredYear, rows: [] };
  const where: Prisma.DecisionWhereInput = {
    outcome: "APPROVED",
    supersededAt: null,
    amount: { gt: 0 },
    current: { isNot: null },
    application: { municipalityId, programYear: { year } },
  };
  const decisions = await db.decision.findMany({
    where,
    orderBy: [{ decidedAt: "asc" }, { id: "asc" }],
    include: {
      application: {
        select: {
          id: true,
          caseNumber: true,
          association: { select: { id: true, name: true, orgNumber: true, paymentMethod: true, paymentAccount: true } },
        },
      },
    },
  });
  const accepted = await db.annualReport.findMany({
    where: { status: "ACCEPTED", activityYear: requiredYear, associationId: { in: [...new Set(decisions.map((d) => d.application.association.id))] } },
    select: { associationId: true },
  });
  const acceptedAssociations = new Set(accepted.map((r) => r.associationId));
  const rows = decisions.map((d): PayoutRow => {
    const annualReportAccepted = acceptedAssociations.has(d.application.association.id);
    return {
      decisionId: d.id,
      applicationId: d.application.id,
      caseNumber: d.application.caseNumber,
      association: d.application.association,
      amount: d.amount,
      decidedOn: todayIn(d.decidedAt),
      paidOn: d.paidAt ? todayIn(d.paidAt) : null,
      annualReportAccepted,
      status: d.paidAt ? "paid" : annualReportAccepted ? "ready" : "blocked",
    };
  });
  return { requiredYear, rows };
}

/**
 * The coordinator's payout list for a program year: every approved grant with
 * its payment details, whether the annual report requirement is met, and
 * whether it is paid.
 */
export async function listPayouts(actor: Actor, filters: { year: number; status?: PayoutStatus }, now = new Date()) {
  const { requiredYear, rows } = await payoutRows(actor, filters.year, now);
  return { year: filters.year, requiredYear, rows: filters.status ? rows.filter((r) => r.status === filters.status) : rows };
}

// --- CSV for the finance department -------------------------------------------------

export const PAYOUT_CSV_HEADER = ["Diarienummer", "Förening", "Organisationsnummer", "Bankgiro/Plusgiro", "Belopp", "Beslutsdatum"] as const;
// The CSV writer (BOM, semicolons, formula injection defused) lives in lib/export/csv.ts.
export { csvCell, toCsv } from "@/lib/export/csv";

const GIRO_LABEL = { BANKGIRO: "Bankgiro", PLUSGIRO: "Plusgiro" } as const;

/**
 * The payout list for the finance department: the year's grants whose payout
 * the coordinator has approved. Nothing the coordinator has not approved is
 * on it, so finance cannot pay past the annual-report rule, and an approved
 * grant is "paid" for the rest of the portal (its allocation cannot be reopened).
 */
export async function payoutListCsv(actor: Actor, filters: { year: number }, now = new Date()): Promise<string> {
  const { rows } = await payoutRows(actor, filters.year, now);
  return toCsv([
    PAYOUT_CSV_HEADER,
    ...rows
      .filter((r) => r.status === "paid")
      .map((r) => [
        r.caseNumber ?? "",
        r.association.name,
        r.association.orgNumber,
        `${GIRO_LABEL[r.association.paymentMethod]} ${r.association.paymentAccount}`,
        r.amount,
        r.decidedOn,
      ]),
  ]);
}
