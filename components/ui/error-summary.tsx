"use client";
import { useEffect, useId, useRef } from "react";

/** `fieldId` must be the id of an element on the page; an error with no such element belongs in `formError`. */
export type SummaryItem = { fieldId: string; message: string };

type Props = {
  title: string;
  items: SummaryItem[];
  /** Errors of the whole form, already translated: one, several, or none. */
  formError?: string | readonly string[] | null;
  /**
   * Focus moves to the summary when this changes (pass the submit count), and
   * only then. Without it, whenever the errors change — a blur after a submit
   * then pulls the keyboard user back to the top.
   */
  focusOn?: unknown;
};

/**
 * After a failed submit: one focused box listing every error, each a link to
 * its field, so keyboard and screen-reader users find them all.
 */
export function ErrorSummary({ title, items, formError, focusOn }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const formErrors = (typeof formError === "string" ? [formError] : (formError ?? [])).filter(Boolean);
  const visible = items.length > 0 || formErrors.length > 0;
  const signature = items.map((i) => i.fieldId + i.message).join("|") + formErrors.join("|");
  // With focusOn (a submit counter), focus moves on each submit and when errors
  // first appear after one (a server's answer comes after the count changed).
  const trigger = focusOn === undefined ? (visible ? signature : null) : `${String(focusOn)}|${visible}`;
  useEffect(() => {
    // ref.current is null while nothing is shown.
    ref.current?.focus();
  }, [trigger]);
  if (!visible) return null;
  return (
    <div className="alert error" role="alert" tabIndex={-1} ref={ref} aria-labelledby={titleId}>
      <h2 id={titleId} style={{ marginTop: 0, fontSize: "1.1rem" }}>
        {title}
      </h2>
      {formErrors.map((m, i) => (
        <p key={i}>{m}</p>
      ))}
      {items.length ? (
        <ul>
          {items.map((i, n) => (
            <li key={`${n}:${i.fieldId}`}>
              <a href={`#${i.fieldId}`} onClick={(e) => focusField(e, i.fieldId)}>
                {i.message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * Following a fragment link does not reliably focus the target (not at all
 * when the hash is already the same), so focus it here, with its label or
 * legend scrolled into view so the question is seen with the field.
 */
function focusField(e: React.MouseEvent<HTMLAnchorElement>, id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  e.preventDefault();
  // A fieldset or a message can be a target too; it must take focus to be one.
  if (target.tabIndex < 0 && !target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
  const label = document.querySelector(`label[for="${CSS.escape(id)}"]`) ?? target.closest("fieldset")?.querySelector("legend") ?? target;
  label.scrollIntoView({ block: "start" });
  target.focus({ preventScroll: true });
  // A long group (many cost lines) can leave its button below the fold.
  const box = target.getBoundingClientRect();
  if (box.top < 0 || box.bottom > window.innerHeight) target.scrollIntoView({ block: "nearest" });
}
