// The year in figures and the follow-up summary for the municipal board, and
// the counts of the coordinator's start page. Pure: lib/data loads grouped
// sums (one query each), these functions put them together, add totals and
// shares, and apply the report obligation rule to counted buckets.
import { reportObligation, type FollowUpStatus } from "./follow-up";

export type GrantKind = "BASE" | "ACTIVITY";
export const GRANT_KINDS: readonly GrantKind[] = ["BASE", "ACTIVITY"];

export type TownRef = { id: string; name: string };
export type ObjectiveRef = { id: string; textSv: string; textEn: string };

/** A whole percentage of `whole`, rounded half up; null when there is no whole to be a part of. */
export function percentOf(part: number, whole: number | null): number | null {
  if (whole === null || whole <= 0) return null;
  return Math.round((part * 100) / whole);
}

// ------------------------------------------------------------ follow-up JSON

/** The report's outcomes, [{ objectiveId, text }], with empty texts and malformed entries left out. */
export function parseOutcomes(outcomes: unknown): { objectiveId: string; text: string }[] {
  if (!Array.isArray(outcomes)) return [];
  return outcomes.flatMap((o) => {
    const { objectiveId, text } = (o ?? {}) as { objectiveId?: unknown; text?: unknown };
    return typeof objectiveId === "string" && typeof text === "string" && text.trim() ? [{ objectiveId, text: text.trim() }] : [];
  });
}

// ------------------------------------------------------------ the year in figures

/** One pool of the allocation overview (lib/data/overview.ts): what is granted, in force, against the cap. */
export type PoolFacts = { partnerTown: TownRef; grantKind: GrantKind; cap: number; decided: number; approvedCount: number };

/** Approved applications of a town, with the participants they planned. */
export type PlannedFacts = { partnerTownId: string; applications: number; participantsTotal: number; participantsUnder26: number };

/** Accepted follow-up reports of a town: what actually happened. */
export type ReportedFacts = {
  partnerTownId: string;
  reports: number;
  participantsTotal: number;
  participantsUnder26: number;
  actualCosts: number;
  otherFunding: number;
  /** Granted (in force) to the applications reported on. */
  granted: number;
};

/** Approved applications naming an objective, and what they were granted (an application naming two counts under both). */
export type ObjectiveGrantFacts = { objectiveId: string; applications: number; granted: number };

/** Accepted follow-up reports of applications naming an objective. */
export type ObjectiveReportFacts = { objectiveId: string; reports: number; participantsTotal: number; participantsUnder26: number; actualCosts: number };

/** One outcome text of an accepted report against one objective. */
export type OutcomeFacts = { objectiveId: string; applicationId: string; caseNumber: string | null; association: string; partnerTown: string; text: string };

export type YearFactsInput = {
  year: number;
  budget: number | null;
  pools: readonly PoolFacts[];
  towns: readonly TownRef[];
  objectives: readonly ObjectiveRef[];
  planned: readonly PlannedFacts[];
  reported: readonly ReportedFacts[];
  objectiveGrants: readonly ObjectiveGrantFacts[];
  objectiveReports: readonly ObjectiveReportFacts[];
  outcomes: readonly OutcomeFacts[];
  /** More outcome texts exist than were loaded. */
  outcomesTruncated: boolean;
};

export type Participants = { total: number; under26: number };
export type ReportTotals = Omit<ReportedFacts, "partnerTownId">;

const noReports = (): ReportTotals => ({ reports: 0, participantsTotal: 0, participantsUnder26: 0, actualCosts: 0, otherFunding: 0, granted: 0 });

export function yearFigures(f: YearFactsInput) {
  const pools = f.pools.map((p) => ({
    partnerTown: p.partnerTown,
    grantKind: p.grantKind,
    cap: p.cap,
    granted: p.decided,
    remaining: Math.max(0, p.cap - p.decided),
    approvedCount: p.approvedCount,
    percentOfCap: percentOf(p.decided, p.cap),
  }));
  const byKind = GRANT_KINDS.map((grantKind) => {
    const of = pools.filter((p) => p.grantKind === grantKind);
    const cap = of.reduce((s, p) => s + p.cap, 0);
    const granted = of.reduce((s, p) => s + p.granted, 0);
    return { grantKind, cap, granted, approvedCount: of.reduce((s, p) => s + p.approvedCount, 0), percentOfCap: percentOf(granted, cap) };
  });
  const totalGranted = pools.reduce((s, p) => s + p.granted, 0);
  const totalCaps = pools.reduce((s, p) => s + p.cap, 0);

  // Towns in the overview's order (by name), then any other town with figures.
  const townOrder = new Map<string, TownRef>();
  for (const p of f.pools) townOrder.set(p.partnerTown.id, p.partnerTown);
  const townsById = new Map(f.towns.map((t) => [t.id, t]));
  for (const id of [...f.planned.map((r) => r.partnerTownId), ...f.reported.map((r) => r.partnerTownId)]) {
    if (!townOrder.has(id)) townOrder.set(id, townsById.get(id) ?? { id, name: "–" });
  }
  const plannedBy = new Map(f.planned.map((r) => [r.partnerTownId, r]));
  const reportedBy = new Map(f.reported.map((r) => [r.partnerTownId, r]));

  const participantsByTown = [...townOrder.values()]
    .map((town) => {
      const planned = plannedBy.get(town.id);
      const reported = reportedBy.get(town.id);
      return {
        partnerTown: town,
        planned: { applications: planned?.applications ?? 0, total: planned?.participantsTotal ?? 0, under26: planned?.participantsUnder26 ?? 0 },
        actual: { reports: reported?.reports ?? 0, total: reported?.participantsTotal ?? 0, under26: reported?.participantsUnder26 ?? 0 },
      };
    })
    .filter((r) => r.planned.applications > 0 || r.actual.reports > 0);
  const sumParticipants = <K extends "planned" | "actual">(key: K) =>
    participantsByTown.reduce(
      (s, r) => ({
        count: s.count + (key === "planned" ? r.planned.applications : r.actual.reports),
        total: s.total + r[key].total,
        under26: s.under26 + r[key].under26,
      }),
      { count: 0, total: 0, under26: 0 },
    );
  const planned = sumParticipants("planned");
  const actual = sumParticipants("actual");

  const grantsBy = new Map(f.objectiveGrants.map((r) => [r.objectiveId, r]));
  const objectiveReportsBy = new Map(f.objectiveReports.map((r) => [r.objectiveId, r]));
  const outcomesBy = new Map<string, Omit<OutcomeFacts, "objectiveId">[]>();
  for (const { objectiveId, ...o } of f.outcomes) {
    const list = outcomesBy.get(objectiveId) ?? [];
    list.push(o);
    outcomesBy.set(objectiveId, list);
  }

  const summaryTowns = [...townOrder.values()].flatMap((town) => {
    const r = reportedBy.get(town.id);
    if (!r || r.reports === 0) return [];
    const { reports, participantsTotal, participantsUnder26, actualCosts, otherFunding, granted } = r;
    return [{ partnerTown: town, reports, participantsTotal, participantsUnder26, actualCosts, otherFunding, granted }];
  });
  const summaryTotals = summaryTowns.reduce<ReportTotals>(
    (s, r) => ({
      reports: s.reports + r.reports,
      participantsTotal: s.participantsTotal + r.participantsTotal,
      participantsUnder26: s.participantsUnder26 + r.participantsUnder26,
      actualCosts: s.actualCosts + r.actualCosts,
      otherFunding: s.otherFunding + r.otherFunding,
      granted: s.granted + r.granted,
    }),
    noReports(),
  );

  return {
    year: f.year,
    granted: {
      total: totalGranted,
      caps: totalCaps,
      budget: f.budget,
      budgetRemaining: f.budget === null ? null : Math.max(0, f.budget - totalGranted),
      percentOfBudget: percentOf(totalGranted, f.budget),
      byKind,
      pools,
    },
    participants: {
      planned: { applications: planned.count, total: planned.total, under26: planned.under26 },
      actual: { reports: actual.count, total: actual.total, under26: actual.under26 },
      byTown: participantsByTown,
    },
    objectives: f.objectives.map((objective) => ({
      objective,
      applications: grantsBy.get(objective.id)?.applications ?? 0,
      granted: grantsBy.get(objective.id)?.granted ?? 0,
    })),
    summary: {
      totals: summaryTotals,
      towns: summaryTowns,
      objectives: f.objectives.map((objective) => {
        const r = objectiveReportsBy.get(objective.id);
        return {
          objective,
          reports: r?.reports ?? 0,
          participantsTotal: r?.participantsTotal ?? 0,
          participantsUnder26: r?.participantsUnder26 ?? 0,
          actualCosts: r?.actualCosts ?? 0,
          outcomes: outcomesBy.get(objective.id) ?? [],
        };
      }),
      outcomesTruncated: f.outcomesTruncated,
    },
  };
}

export type YearFigures = ReturnType<typeof yearFigures>;

// ------------------------------------------------------------ the start page

/**
 * Current approved grants counted by the state of their follow-up report
 * (null: none started) and by whether the due day has passed, with the
 * earliest due day of each bucket. Counting by bucket keeps the query one
 * aggregate whatever the number of grants.
 */
export type ObligationBucket = { status: FollowUpStatus | null; duePassed: boolean; earliestDueOn: string; count: number };

/**
 * How many reports are overdue on `today`. Every grant in a bucket shares its
 * report status and its side of today, so the rule (reportObligation) gives
 * all of them the answer it gives the bucket's earliest due day.
 */
export function countOverdue(buckets: readonly ObligationBucket[], today: string): number {
  return buckets.reduce((n, b) => n + (reportObligation({ dueOn: b.earliestDueOn, status: b.status, today }) === "OVERDUE" ? b.count : 0), 0);
}
