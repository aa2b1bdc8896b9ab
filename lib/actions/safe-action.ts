import "server-only";
import { z } from "zod";
import { type Actor } from "@/lib/auth/actor";
import { requireSessionActor } from "@/lib/auth/session";
import { ServiceError, zodFieldErrors, type FieldErrors } from "@/lib/errors";
import { logError } from "@/lib/log";

/** What every server action returns; messages are i18n keys the client translates. */
export type ActionResult<T = null> =
  | { ok: true; data: T }
  | { ok: false; code: string; formError?: string; formErrorVars?: Record<string, string | number>; fieldErrors?: FieldErrors };

export function toActionError(error: unknown): Extract<ActionResult, { ok: false }> {
  if (error instanceof ServiceError) {
    return { ok: false, code: error.code, formError: error.messageKey, ...(error.vars ? { formErrorVars: error.vars } : {}), fieldErrors: error.fieldErrors };
  }
  if (error instanceof z.ZodError) {
    return { ok: false, code: "VALIDATION", formError: "errors.VALIDATION", fieldErrors: zodFieldErrors(error) };
  }
  logError("server action failed", error);
  return { ok: false, code: "INTERNAL", formError: "errors.INTERNAL" };
}

/** Guard → call the service → typed result. Never lets a raw error message reach the client. */
export async function runAction<T>(fn: (actor: Actor) => Promise<T>): Promise<ActionResult<T>> {
  try {
    const actor = await requireSessionActor();
    return { ok: true, data: await fn(actor) };
  } catch (error) {
    return toActionError(error);
  }
}
