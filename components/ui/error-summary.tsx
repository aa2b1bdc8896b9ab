"use client";
import { useEffect, useRef } from "react";

export type SummaryItem = { fieldId: string; message: string };

/**
 * After a failed submit: one focused box listing every error, each a link to
 * its field, so keyboard and screen-reader users find them all.
 */
export function ErrorSummary({ title, items, formError }: { title: string; items: SummaryItem[]; formError?: string | null }) {
  const ref = useRef<HTMLDivElement>(null);
  const visible = items.length > 0 || !!formError;
  const signature = items.map((i) => i.fieldId + i.message).join("|") + (formError ?? "");
  useEffect(() => {
    if (visible) ref.current?.focus();
  }, [visible, signature]);
  if (!visible) return null;
  return (
    <div className="alert error" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" style={{ marginTop: 0, fontSize: "1.1rem" }}>
        {title}
      </h2>
      {formError ? <p>{formError}</p> : null}
      {items.length ? (
        <ul>
          {items.map((i) => (
            <li key={i.fieldId + i.message}>
              <a href={`#${i.fieldId}`}>{i.message}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
