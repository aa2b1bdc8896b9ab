import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { audit } from "@/lib/data/audit";
import { isUuid } from "@/lib/data/associations";
import { consultationStatus } from "@/lib/data/consultations";
import { todayIn, dateOnlyOf } from "@/lib/domain/dates";
import { appUrl } from "@/lib/env";
import { conflict, notFound, ServiceError } from "@/lib/errors";
import { discardStored, storePdf } from "@/lib/files/storage";
import { queueMail } from "@/lib/mail/outbox";
import { decisionNotice } from "@/lib/mail/templates";
import { renderDecisionLetter, type DecisionLetterData } from "@/lib/pdf/decision-letter";


const letterInclude = {
  allocation: true,
  application: {
    include: {
      municipality: true,
      programYear: true,
      partnerTown: true,
      association: { include: { memberships: { include: { user: { select: { email: true, locale: true, active: true } } } } } },
    },
  },
} as const;

async function loadDecision(decisionId: string) {
  return db.decision.findUnique({ where: { id: decisionId }, include: letterInclude });
}

type LoadedDecision = NonNullable<Awaited<ReturnType<typeof loadDecision>>>;

/** Everything the letter states, as plain values, from the decision and what it belongs to. */
async function letterData(decision: LoadedDecision): Promise<DecisionLetterData> {
  const { application: app, allocation } = decision;
  const { municipality, programYear: program, association } = app;
  if (!app.caseNumber) throw new Error(`Decision ${decision.id}: the application has no case number`);
  // The letter says the committee was consulted; a decision without a consultation gets no letter saying so.
  const consultation = await consultationStatus(db, app.id, decision.decidedAt);
  if (!consultation) throw conflict("errors.decision.notConsulted");
  const decider = await db.user.findUnique({ where: { id: decision.decidedById }, select: { name: true, email: true } });
  // A town's own cap overrides the program's default; a base allocation records the cap it shared.
  const overrides = app.partnerTownId
    ? await db.programCap.findMany({ where: { programYearId: program.id, partnerTownId: app.partnerTownId } })
    : [];
  const capOf = (kind: "BASE" | "ACTIVITY") => overrides.find((c) => c.grantKind === kind)?.amount;

  return {
    municipality: {
      name: municipality.name,
      orgNumber: municipality.orgNumber,
      decidingBody: municipality.decidingBody,
      delegation: municipality.delegation,
      contactName: municipality.contactName,
      contactEmail: municipality.contactEmail,
      contactPhone: municipality.contactPhone,
    },
    caseNumber: app.caseNumber,
    decidedOn: todayIn(decision.decidedAt),
    association: {
      name: association.name,
      orgNumber: association.orgNumber,
      paymentMethod: association.paymentMethod,
      paymentAccount: association.paymentAccount,
    },
    application: { title: app.title, grantKind: app.grantKind, partnerTown: app.partnerTown?.name ?? "", requestedAmount: app.requestedAmount },
    decision: {
      outcome: decision.outcome,
      amount: decision.amount,
      reason: decision.reason,
      reportDueOn: decision.reportDueOn ? dateOnlyOf(decision.reportDueOn) : null,
      allocation: allocation ? { approvedCount: allocation.approvedCount, share: allocation.share, cap: allocation.cap } : null,
    },
    decidedBy: { name: decider?.name?.trim() || decider?.email || "" },
    program: {
      year: program.year,
      baseCapPerTown: allocation?.cap ?? capOf("BASE") ?? program.baseCapPerTown,
      activityCapPerTown: capOf("ACTIVITY") ?? program.activityCapPerTown,
      reportDeadlineMonths: program.reportDeadlineMonths,
      splitRule: program.splitRule,
    },
    consulted: { closesOn: consultation.closesOn, closedReason: consultation.reason },
  };
}

export type IssuedLetter = { fileId: string; issued: boolean };

/**
 * Writes the decision letter of a decision that has committed: renders the
 * PDF, stores it as the association's DECISION_LETTER file, points the
 * decision to it, records it in the audit log and mails every member of the
 * association a notice linking to the application page, where members and
 * staff can download it at any time.
 *
 * Idempotent: a decision that has a letter keeps it (`issued: false`), also
 * when two calls race. Throws when the letter cannot be written; the decision
 * stands either way and a later call issues the letter.
 */
export async function issueDecisionLetter(decisionId: string, actor: Actor | "system" = "system"): Promise<IssuedLetter> {
  if (!isUuid(decisionId)) throw notFound();
  const decision = await loadDecision(decisionId);
  if (!decision) throw notFound();
  if (decision.letterFileId) {
    await db.pendingLetter.deleteMany({ where: { decisionId } });
    return { fileId: decision.letterFileId, issued: false };
  }
  // A decision reopened before its letter went out is no longer in force: no letter states it.
  if (decision.supersededAt) {
    await db.pendingLetter.deleteMany({ where: { decisionId } });
    throw conflict("errors.decision.superseded");
  }

  const data = await letterData(decision);
  const app = decision.application;
  const stored = await storePdf({ bytes: Buffer.from(await renderDecisionLetter(data)), name: `Beslut ${data.caseNumber}.pdf` }, "letter");
  let result: IssuedLetter;
  try {
    result = await db.$transaction(async (tx) => {
      // A second call for the same decision waits here, then finds the first one's letter.
      const [row] = await tx.$queryRaw<{ letterFileId: string | null; supersededAt: Date | null }[]>`select "letterFileId", "supersededAt" from "Decision" where id = ${decisionId}::uuid for update`;
      if (row?.letterFileId) return { fileId: row.letterFileId, issued: false };
      if (row?.supersededAt) throw conflict("errors.decision.superseded");
      await tx.pendingLetter.deleteMany({ where: { decisionId } });
      const file = await tx.storedFile.create({
        data: { ...stored, kind: "DECISION_LETTER", associationId: app.associationId, applicationId: app.id, uploadedById: decision.decidedById },
      });
      await tx.decision.update({ where: { id: decisionId }, data: { letterFileId: file.id } });
      await audit(tx, actor, {
        action: "decision.letter-issued",
        entityType: "Application",
        entityId: app.id,
        municipalityId: app.municipalityId,
        after: { decisionId, outcome: decision.outcome, amount: decision.amount, fileId: file.id, name: file.originalName, size: file.size, sha256: file.sha256 },
      });
      // The outbox has no attachments: the mail links to the page where the letter is downloaded.
      await queueMail(
        tx,
        app.association.memberships
          .filter(({ user }) => user.active)
          .map(({ user }) => ({
            to: user.email,
            kind: "decision.notice",
            municipalityId: app.municipalityId,
            applicationId: app.id,
            ...decisionNotice({
              caseNumber: data.caseNumber,
              outcome: decision.outcome,
              amount: decision.amount,
              url: `${appUrl()}/applications/${app.id}`,
              locale: user.locale,
            }),
          })),
      );
      return { fileId: file.id, issued: true };
    });
  } catch (error) {
    await discardStored(stored.storageKey);
    throw error;
  }
  if (!result.issued) await discardStored(stored.storageKey);
  return result;
}

/** How many pending letters one call of issuePendingLetters takes at most. */
export const PENDING_LETTER_BATCH = 50;

/**
 * Issues the letters still to be written (PendingLetter): `decisionIds`, or
 * when none are given the oldest waiting ones (the worker's sweep). A letter
 * that fails stays pending, with its attempts counted, for the next sweep; a
 * superseded decision's row is removed (no letter states it). Returns how
 * many were issued and how many failed.
 */
export async function issuePendingLetters(decisionIds?: readonly string[], now = new Date()): Promise<{ issued: number; failed: { decisionId: string; error: unknown }[] }> {
  const ids = decisionIds
    ? decisionIds.filter(isUuid)
    : // Those that failed before go last and wait longer after each failure (2, 4, 8 … minutes, at most a day),
      // so one that keeps failing never holds up the rest nor fills the log every minute.
      (
        await db.$queryRaw<{ decisionId: string }[]>`
          select "decisionId" from "PendingLetter"
          where "lastAttemptAt" is null
            or "lastAttemptAt" < ${now}::timestamp - least(interval '1 minute' * power(2, least(attempts, 20)), interval '1 day')
          order by attempts, "createdAt"
          limit ${PENDING_LETTER_BATCH}`
      ).map((p) => p.decisionId);
  let issued = 0;
  const failed: { decisionId: string; error: unknown }[] = [];
  for (const decisionId of ids) {
    try {
      if ((await issueDecisionLetter(decisionId, "system")).issued) issued++;
    } catch (error) {
      if (error instanceof ServiceError && (error.code === "NOT_FOUND" || error.messageKey === "errors.decision.superseded")) continue;
      await db.pendingLetter.updateMany({ where: { decisionId }, data: { attempts: { increment: 1 }, lastAttemptAt: now } });
      failed.push({ decisionId, error });
    }
  }
  return { issued, failed };
}

/** The stored file of a decision's letter; null before it is issued. Download it with getFileForDownload, which checks access. */
export async function getLetterFileId(decisionId: string): Promise<string | null> {
  if (!isUuid(decisionId)) return null;
  const decision = await db.decision.findUnique({ where: { id: decisionId }, select: { letterFileId: true } });
  return decision?.letterFileId ?? null;
}
