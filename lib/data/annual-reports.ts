import "server-only";
import { db, type Tx } from "@/lib/db";
import { requirePermission, type Actor, requireMunicipality } from "@/lib/auth/actor";
import { audit } from "@/lib/data/audit";
import { associationScope, isUuid } from "@/lib/data/associations";
import { conflict, notFound, ServiceError, validationError, zodFieldErrors } from "@/lib/errors";
import { discardStored, readStored, storePdf } from "@/lib/files/storage";
import { mostRecentlyCompletedActivityYear } from "@/lib/domain/payout";
import { todayIn } from "@/lib/domain/dates";
import { ReasonSchema } from "@/lib/schemas/association";

/** Annual reports (verksamhetsberättelser) older than this are no use to anyone deciding a payout. */
export const ANNUAL_REPORT_FIRST_YEAR = 2000;

type ReportRow = { id: string; activityYear: number; status: string; returnReason: string | null; fileId: string };

function snapshot(r: ReportRow) {
  return { activityYear: r.activityYear, status: r.status, returnReason: r.returnReason, fileId: r.fileId };
}

/** The activity year as the form sends it: a whole year, not before 2000 and not after the current one. */
function activityYearOf(value: unknown, now: Date): number {
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
  const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
  const thisYear = Number(todayIn(now).slice(0, 4));
  if (!Number.isInteger(year) || year < ANNUAL_REPORT_FIRST_YEAR || year > thisYear) {
    throw validationError({ activityYear: ["validation.annualReport.year"] });
  }
  return year;
}

/**
 * A member uploads the association's annual report for an activity year. A
 * year sent back by the coordinator gets a new row (the returned one stays, with
 * its reason); a year with a report waiting for review or accepted does not.
 */
export async function uploadAnnualReport(
  actor: Actor,
  associationId: string,
  input: { activityYear: unknown; file: { bytes: Buffer; name: string } | null },
  now = new Date(),
) {
  if (!isUuid(associationId)) throw notFound();
  const association = await db.association.findFirst({
    where: { id: associationId, memberships: { some: { userId: actor.userId } } },
    select: { id: true, municipalityId: true },
  });
  if (!association) throw notFound();
  const activityYear = activityYearOf(input.activityYear, now);
  if (!input.file) throw validationError({ file: ["validation.file.required"] });

  const stored = await storePdf(input.file, "file");
  try {
    return await db.$transaction(async (tx) => {
      // Two uploads for one year at once: the second waits, then finds the first.
      await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${`annual-report:${associationId}:${activityYear}`}))`;
      const earlier = await tx.annualReport.findMany({ where: { associationId, activityYear }, orderBy: { createdAt: "desc" } });
      if (earlier.some((r) => r.status === "ACCEPTED")) {
        throw new ServiceError("CONFLICT", "errors.annualReport.alreadyAccepted", { activityYear: ["validation.annualReport.alreadyAccepted"] });
      }
      if (earlier.some((r) => r.status === "SUBMITTED")) {
        throw new ServiceError("CONFLICT", "errors.annualReport.awaitingReview", { activityYear: ["validation.annualReport.awaitingReview"] });
      }
      const file = await tx.storedFile.create({
        data: { ...stored, associationId, kind: "ANNUAL_REPORT", uploadedById: actor.userId },
        select: { id: true, originalName: true, size: true },
      });
      const report = await tx.annualReport.create({
        data: { associationId, activityYear, fileId: file.id, status: "SUBMITTED", uploadedById: actor.userId, createdAt: now },
      });
      const returned = earlier[0];
      await audit(tx, actor, {
        action: "annual-report.uploaded",
        entityType: "AnnualReport",
        entityId: report.id,
        municipalityId: association.municipalityId,
        before: returned ? { ...snapshot(returned), id: returned.id } : null,
        after: { ...snapshot(report), associationId, originalName: file.originalName, sha256: stored.sha256 },
      });
      return { id: report.id, activityYear, status: report.status, file: { id: file.id, originalName: file.originalName, size: file.size } };
    });
  } catch (error) {
    await discardStored(stored.storageKey);
    throw error;
  }
}

/**
 * An association's annual reports, newest year first (within a year, newest
 * upload first), for its members and the coordinator of its municipality; with
 * the year a payout made today needs.
 */
export async function listAnnualReports(actor: Actor, associationId: string, now = new Date()) {
  if (!isUuid(associationId)) throw notFound();
  const association = await db.association.findFirst({
    where: { id: associationId, ...associationScope(actor) },
    select: { id: true, name: true, status: true, memberships: { where: { userId: actor.userId }, select: { userId: true } } },
  });
  if (!association) throw notFound();
  const rows = await db.annualReport.findMany({
    where: { associationId },
    orderBy: [{ activityYear: "desc" }, { createdAt: "desc" }],
  });
  // A year has at most one report that is not sent back (the upload rule): it is
  // the year's current one and comes first, whatever the upload times say.
  const reports = rows.toSorted((a, b) => b.activityYear - a.activityYear || Number(a.status === "RETURNED") - Number(b.status === "RETURNED"));
  const files = await db.storedFile.findMany({
    where: { id: { in: reports.map((r) => r.fileId) }, associationId },
    select: { id: true, originalName: true, size: true },
  });
  const fileById = new Map(files.map((f) => [f.id, f]));
  const requiredYear = mostRecentlyCompletedActivityYear(todayIn(now));
  const required = reports.find((r) => r.activityYear === requiredYear);
  return {
    association: { id: association.id, name: association.name, status: association.status },
    isMember: association.memberships.length > 0,
    requiredYear,
    requiredYearStatus: required?.status ?? null,
    reports: reports.map((r) => ({
      id: r.id,
      activityYear: r.activityYear,
      status: r.status,
      returnReason: r.returnReason,
      uploadedAt: r.createdAt,
      reviewedAt: r.reviewedAt,
      file: fileById.get(r.fileId) ?? null,
    })),
  };
}


/** Annual reports waiting for the coordinator, oldest first. */
export async function listAnnualReportsToReview(actor: Actor) {
  requirePermission(actor, "association:review");
  const municipalityId = requireMunicipality(actor);
  const reports = await db.annualReport.findMany({
    where: { status: "SUBMITTED", association: { municipalityId } },
    orderBy: { createdAt: "asc" },
    include: { association: { select: { id: true, name: true, orgNumber: true } } },
    take: 200,
  });
  const files = await db.storedFile.findMany({
    where: { id: { in: reports.map((r) => r.fileId) } },
    select: { id: true, originalName: true, size: true },
  });
  const fileById = new Map(files.map((f) => [f.id, f]));
  return reports.map((r) => ({
    id: r.id,
    activityYear: r.activityYear,
    uploadedAt: r.createdAt,
    association: r.association,
    file: fileById.get(r.fileId) ?? null,
  }));
}

/** The report, locked for this transaction, if it belongs to an association of the municipality. */
async function lockReport(tx: Tx, municipalityId: string, id: string) {
  // Two coordinators reviewing one report: the second waits here, then finds it reviewed.
  const rows = await tx.$queryRaw<{ id: string }[]>`
    select r.id from "AnnualReport" r join "Association" a on a.id = r."associationId"
    where r.id = ${id}::uuid and a."municipalityId" = ${municipalityId}::uuid
    for update of r`;
  if (!rows.length) throw notFound();
  return tx.annualReport.findUniqueOrThrow({ where: { id } });
}

async function review(actor: Actor, id: string, outcome: { status: "ACCEPTED" } | { status: "RETURNED"; reason: string }, now: Date) {
  const municipalityId = requireMunicipality(actor);
  return db.$transaction(async (tx) => {
    const before = await lockReport(tx, municipalityId, id);
    if (before.status !== "SUBMITTED") throw conflict("errors.annualReport.alreadyReviewed");
    const after = await tx.annualReport.update({
      where: { id },
      data: {
        status: outcome.status,
        returnReason: outcome.status === "RETURNED" ? outcome.reason : null,
        reviewedById: actor.userId,
        reviewedAt: now,
      },
    });
    await audit(tx, actor, {
      action: outcome.status === "ACCEPTED" ? "annual-report.accepted" : "annual-report.returned",
      entityType: "AnnualReport",
      entityId: id,
      municipalityId,
      before: snapshot(before),
      after: { ...snapshot(after), reviewedAt: now },
    });
    return { id, activityYear: after.activityYear, status: after.status, returnReason: after.returnReason };
  });
}

export async function acceptAnnualReport(actor: Actor, id: string, now = new Date()) {
  requirePermission(actor, "association:review");
  if (!isUuid(id)) throw notFound();
  return review(actor, id, { status: "ACCEPTED" }, now);
}

/** Sends a report back with a reason the association reads; it uploads a new one for the year. */
export async function returnAnnualReport(actor: Actor, id: string, reason: unknown, now = new Date()) {
  requirePermission(actor, "association:review");
  if (!isUuid(id)) throw notFound();
  const parsed = ReasonSchema.safeParse({ reason });
  if (!parsed.success) throw validationError(zodFieldErrors(parsed.error));
  return review(actor, id, { status: "RETURNED", reason: parsed.data.reason }, now);
}

/** The PDF of one annual report, for its association's members and the coordinator of its municipality. */
export async function getAnnualReportFile(actor: Actor, id: string) {
  if (!isUuid(id)) throw notFound();
  const report = await db.annualReport.findFirst({ where: { id, association: associationScope(actor) }, select: { fileId: true } });
  if (!report) throw notFound();
  const file = await db.storedFile.findFirst({ where: { id: report.fileId, kind: "ANNUAL_REPORT" }, select: { originalName: true, storageKey: true } });
  if (!file) throw notFound();
  return { name: file.originalName, bytes: await readStored(file.storageKey) };
}
