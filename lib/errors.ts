import type { z } from "zod";

// Errors the service layer raises on purpose. Entry points map them to a
// typed form result or a JSON error; anything else becomes a generic error
// and is never shown raw to the client.
export type ErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "VALIDATION"
  | "CONFLICT"
  | "RATE_LIMITED"
  | "PAYLOAD_TOO_LARGE";

export const HTTP_STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 422,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
};

export type FieldErrors = Record<string, string[]>;

export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** An i18n key, e.g. "errors.notFound". */
    readonly messageKey: string = `errors.${code}`,
    readonly fieldErrors?: FieldErrors,
    /** Values for the message's placeholders, e.g. the case number a refusal names. */
    readonly vars?: Record<string, string | number>,
  ) {
    super(messageKey);
    this.name = "ServiceError";
  }
}

export const notFound = () => new ServiceError("NOT_FOUND", "errors.NOT_FOUND");
export const forbidden = (key = "errors.FORBIDDEN") => new ServiceError("FORBIDDEN", key);
export const conflict = (key: string) => new ServiceError("CONFLICT", key);
export const validationError = (fieldErrors: FieldErrors, key = "errors.VALIDATION") =>
  new ServiceError("VALIDATION", key, fieldErrors);

/** A zod error as field errors: dotted paths to message keys. */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
