// Bodies and responses of the decision step's /api/v1 operations
// (lib/api/operations/decisions.ts): consultation with the committee,
// recommendations, activity decisions and base-grant allocations. The services
// in lib/data/consultations.ts and lib/data/decisions.ts check every body
// themselves; these schemas document what they accept, with the same limits
// and message keys. tests/integration/api-decisions.test.ts checks that the
// two agree and that the responses match the services' types.
import { z } from "zod";
import { REASON_MAX as CLOSE_REASON_MAX, REASON_MIN } from "@/lib/schemas/association";

const uuid = (error?: string) => z.guid(error ? { error } : undefined);
const dateTime = () => z.iso.datetime({ offset: true });
/** A calendar day, YYYY-MM-DD. */
const day = () => z.iso.date();

export const RECOMMENDATION_KINDS = ["APPROVE", "REJECT", "ABSTAIN", "CONFLICT"] as const;
export const DECISION_OUTCOMES = ["APPROVED", "REJECTED"] as const;
export const CONSULTATION_CLOSED_REASONS = ["ALL_ANSWERED", "CLOSING_DATE_PASSED", "CLOSED_EARLY"] as const;
/** lib/data/consultations.ts COMMENT_MAX. */
export const RECOMMENDATION_COMMENT_MAX = 4_000;
/** lib/data/decisions.ts: a decision's or reopening's reason, sent to the association. */
export const DECISION_REASON_MAX = 4_000;
export { CLOSE_REASON_MAX };

const reason = (max: number) =>
  z
    .string({ error: "validation.reason.length" })
    .trim()
    .min(REASON_MIN, { error: "validation.reason.length" })
    .max(max, { error: "validation.reason.length" });

/**
 * A JSON body as the services take it: they name every field they miss, so
 * anything but a JSON object is an empty body to them rather than a 500.
 */
export const JsonBodySchema = z.record(z.string(), z.unknown()).catch(() => ({}));

// ---------------------------------------------------------------- requests

export const StartConsultationSchema = z.object({
  applicationIds: z
    .array(uuid("validation.consultation.noCases"), { error: "validation.consultation.noCases" })
    .min(1, { error: "validation.consultation.noCases" })
    .describe("Submitted applications of the municipality not consulted before"),
  closesOn: z.iso
    .date({ error: "validation.consultation.closesOn" })
    .describe("The last day the committee can answer (Swedish time): today or later"),
});

export const CloseConsultationSchema = z.object({
  reason: reason(CLOSE_REASON_MAX).describe("Why the consultation closes before its date; kept on record"),
});

export const RecommendationInputSchema = z.object({
  kind: z
    .enum(RECOMMENDATION_KINDS, { error: "validation.recommendation.kind" })
    .describe("CONFLICT declares a conflict of interest: no more recommendations on the case, and none of the others' shown"),
  comment: z
    .string()
    .trim()
    .max(RECOMMENDATION_COMMENT_MAX, { error: "validation.recommendation.commentTooLong" })
    .optional(),
});

export const ActivityDecisionInputSchema = z
  .object({
    outcome: z.enum(DECISION_OUTCOMES, { error: "validation.decision.outcome" }),
    amount: z
      .number({ error: "validation.amount.notInteger" })
      .int({ error: "validation.amount.notInteger" })
      .min(1, { error: "validation.decision.NOT_POSITIVE" })
      .optional()
      .describe(
        "Whole kronor, required to approve: at most the amount requested, the costs minus other funding, " +
          "and what is left of the partner town's activity pool and of the year's budget",
      ),
    reason: reason(DECISION_REASON_MAX).describe("Sent to the association"),
  })
  .refine((d) => d.outcome !== "APPROVED" || d.amount !== undefined, { path: ["amount"], error: "validation.amount.notInteger" });

export const BaseAllocationInputSchema = z.object({
  programYearId: uuid(),
  partnerTownId: uuid(),
  approve: z
    .array(uuid("validation.decision.allocationIncomplete"))
    .describe(
      "Applications that share the town's base cap equally, rounded down to whole kronor. " +
        "Every submitted base-grant application of the town and year is in approve or in reject",
    ),
  reject: z.array(z.object({ applicationId: uuid("validation.decision.allocationIncomplete"), reason: reason(DECISION_REASON_MAX) })),
  reason: reason(DECISION_REASON_MAX).optional().describe("The approved grants' reason, sent to their associations"),
});

export const ReopenAllocationSchema = z.object({
  reason: reason(DECISION_REASON_MAX).describe("Why the allocation is decided again; its decisions stay in the history, superseded"),
});

// ---------------------------------------------------------------- responses

/** lib/data/consultations.ts startConsultation. */
export const ConsultationSchema = z.object({
  id: uuid(),
  closesOn: day(),
  /** The applications put to the committee. */
  cases: z.array(uuid()),
});

/** lib/data/consultations.ts closeConsultationEarly. */
export const ConsultationClosedSchema = z.object({ id: uuid(), closedEarly: z.boolean() });

/** lib/data/consultations.ts recordRecommendation: the caller's own recommendation. */
export const RecommendationSchema = z.object({ kind: z.enum(RECOMMENDATION_KINDS), comment: z.string() });

/** lib/data/consultations.ts recommendationsFor. */
export const RecommendationsViewSchema = z.object({
  closesOn: day(),
  closed: z.boolean(),
  closedReason: z.enum(CONSULTATION_CLOSED_REASONS).nullable(),
  /** Names of the members who have not answered; still listed once closed. */
  waitingFor: z.array(z.string()),
  /** A committee member's own recommendation; null for the coordinator or before answering. */
  mine: RecommendationSchema.nullable(),
  /** null for a member who has declared a conflict of interest in the case. */
  recommendations: z
    .array(
      z.object({
        member: z.object({ name: z.string(), title: z.string() }),
        kind: z.enum(RECOMMENDATION_KINDS),
        comment: z.string(),
        at: dateTime(),
      }),
    )
    .nullable(),
});

/** lib/data/decisions.ts decideActivityGrant. */
export const ActivityDecisionSchema = z.object({
  decisionId: uuid(),
  outcome: z.enum(DECISION_OUTCOMES),
  /** Whole kronor; 0 when rejected. */
  amount: z.number().int(),
  /** When the association's follow-up report is due; null when rejected. */
  reportDueOn: day().nullable(),
});

/** lib/data/decisions.ts decideBaseAllocation. */
export const BaseAllocationSchema = z.object({
  allocationId: uuid(),
  /** The town's base cap for the year, whole kronor. */
  cap: z.number().int(),
  /** What each approved application gets. */
  share: z.number().int(),
  /** share × the approved applications, never above the cap. */
  total: z.number().int(),
  decisions: z.array(z.object({ applicationId: uuid(), outcome: z.enum(DECISION_OUTCOMES), amount: z.number().int(), decisionId: uuid() })),
});

/** lib/data/decisions.ts reopenBaseAllocation. */
export const AllocationReopenedSchema = z.object({ allocationId: uuid(), reopened: z.boolean() });
