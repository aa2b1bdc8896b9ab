// Rules an application must meet before it can be submitted. The zod schema in
// lib/schemas/application.ts calls these so the form, the server action and the
// API all say the same thing on the same field.
import { compareDateOnly } from "./dates";
import { assertWholeKronor } from "./money";

export type GrantKind = "BASE" | "ACTIVITY";
export type AmountLine = { label: string; amount: number };

/** A motivation this long (trimmed) can stand in for ticking a policy objective. */
export const OBJECTIVE_MOTIVATION_MIN = 30;

export function sumAmounts(lines: readonly { amount: number }[]): number {
  let sum = 0;
  for (const [i, line] of lines.entries()) {
    assertWholeKronor(line.amount, `lines[${i}].amount`);
    sum += line.amount;
  }
  return sum;
}

/** What is left for the municipality to fund; never below zero. */
export function netCostsFromTotals(totalCosts: number, totalOtherFunding: number): number {
  assertWholeKronor(totalCosts, "totalCosts");
  assertWholeKronor(totalOtherFunding, "totalOtherFunding");
  return Math.max(0, totalCosts - totalOtherFunding);
}

export function netCosts(budgetLines: readonly { amount: number }[], otherFunding: readonly { amount: number }[]): number {
  return netCostsFromTotals(sumAmounts(budgetLines), sumAmounts(otherFunding));
}

export type RequestedAmountCheck =
  | { ok: true }
  | { ok: false; reason: "EXCEEDS_NET_COSTS"; netCosts: number; excess: number };

/**
 * An activity grant pays for what is "not financed otherwise" (Piteå rule 3):
 * the request may not exceed the costs minus other funding. A base grant is
 * not tied to a budget.
 */
export function checkRequestedAmount(input: {
  grantKind: GrantKind;
  requestedAmount: number;
  budgetLines: readonly { amount: number }[];
  otherFunding: readonly { amount: number }[];
}): RequestedAmountCheck {
  assertWholeKronor(input.requestedAmount, "requestedAmount");
  if (input.grantKind !== "ACTIVITY") return { ok: true };
  const net = netCosts(input.budgetLines, input.otherFunding);
  if (input.requestedAmount <= net) return { ok: true };
  return { ok: false, reason: "EXCEEDS_NET_COSTS", netCosts: net, excess: input.requestedAmount - net };
}

export type RuleCheck<Reason extends string> = { ok: true } | { ok: false; reason: Reason };

/** An activity grant needs a budget to measure "not financed otherwise" against. */
export function checkBudgetLines(grantKind: GrantKind, budgetLines: readonly unknown[]): RuleCheck<"BUDGET_LINES_REQUIRED"> {
  return grantKind === "ACTIVITY" && budgetLines.length === 0 ? { ok: false, reason: "BUDGET_LINES_REQUIRED" } : { ok: true };
}

/** Rule 4: the application must follow the municipality's goals — tick one, or explain. */
export function checkObjectives(
  objectiveIds: readonly string[],
  objectiveMotivation: string,
): RuleCheck<"OBJECTIVE_OR_MOTIVATION_REQUIRED"> {
  if (objectiveIds.length > 0) return { ok: true };
  return [...objectiveMotivation.trim()].length >= OBJECTIVE_MOTIVATION_MIN
    ? { ok: true }
    : { ok: false, reason: "OBJECTIVE_OR_MOTIVATION_REQUIRED" };
}

/** A one-day activity has start = end. */
export function checkPeriod(startDate: string, endDate: string): RuleCheck<"END_BEFORE_START"> {
  return compareDateOnly(endDate, startDate) < 0 ? { ok: false, reason: "END_BEFORE_START" } : { ok: true };
}

export function checkParticipants(participantsTotal: number, participantsUnder26: number): RuleCheck<"UNDER_26_EXCEEDS_TOTAL"> {
  return participantsUnder26 > participantsTotal ? { ok: false, reason: "UNDER_26_EXCEEDS_TOTAL" } : { ok: true };
}

/**
 * No request above the town's cap for its grant kind: more can never be
 * granted. (Pool and budget still left are checked when deciding, since they
 * change as other applications are decided.)
 */
export function checkRequestedWithinCap(requestedAmount: number, cap: number): { ok: true } | { ok: false; reason: "EXCEEDS_TOWN_CAP"; cap: number } {
  assertWholeKronor(requestedAmount, "requestedAmount");
  assertWholeKronor(cap, "cap");
  return requestedAmount <= cap ? { ok: true } : { ok: false, reason: "EXCEEDS_TOWN_CAP", cap };
}
