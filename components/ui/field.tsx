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
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
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

/** Errors of a whole group (checkboxes, lines) shown under its legend. */
export function GroupError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p className="error" id={id}>
      {error}
    </p>
  );
}
