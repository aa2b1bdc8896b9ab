"use client";
import { cloneElement, isValidElement } from "react";

type FieldProps = {
  id: string;
  label: string;
  hint?: string;
  /** Already translated. */
  error?: string;
  required?: boolean;
  requiredLabel?: string;
  children: React.ReactElement<Record<string, unknown>>;
};

/** A labelled input with its hint and error wired up for screen readers. */
export function Field({ id, label, hint, error, required, requiredLabel, children }: FieldProps) {
  // Keeps what the input is already described by (a note beside the form, say) rather than replacing it.
  const own = isValidElement(children) ? children.props["aria-describedby"] : undefined;
  const describedBy = describedByIds(hint && `${id}-hint`, error && `${id}-error`, typeof own === "string" && own);
  const input = isValidElement(children)
    ? cloneElement(children, {
        id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy,
        "aria-required": required ? true : undefined,
      })
    : children;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required && requiredLabel ? <span className="muted"> ({requiredLabel})</span> : null}
      </label>
      {hint ? (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <p className="error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {input}
    </div>
  );
}

/** The ids for aria-describedby, in reading order; undefined when there are none. */
export function describedByIds(...ids: (string | null | undefined | false)[]): string | undefined {
  const unique = [...new Set(ids.flatMap((i) => (i ? i.split(/\s+/) : [])).filter(Boolean))];
  return unique.length ? unique.join(" ") : undefined;
}

/**
 * Errors of a whole group (checkboxes, lines) shown under its legend. Its id
 * goes in the group's aria-describedby (beside the hint's, not instead of it).
 */
export function GroupError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p className="error" id={id}>
      {error}
    </p>
  );
}

/** An error that belongs to the whole form rather than one field (already translated); nothing when there is none. */
export function FormError({ message }: { message?: string | null }) {
  return message ? (
    <p className="alert error" role="alert">
      {message}
    </p>
  ) : null;
}
