"use client";
// What every admin form shares: submit through a server action, server errors
// put on their fields (dotted paths, as the schemas report them), one error
// summary that takes focus, and a status line while saving and after.
import { useState } from "react";
import { get, type FieldErrors, type FieldValues, type Path, type Resolver, type UseFormReturn } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { useI18n } from "@/components/i18n/provider";
import { ErrorSummary, type SummaryItem } from "@/components/ui/error-summary";
import type { ActionResult } from "@/lib/actions/safe-action";

/** The DOM id of the input for a dotted path: "caps.0.amount" → "caps-0-amount". */
export function fieldId(path: string): string {
  return path.replace(/\./g, "-");
}

function flattenErrors(node: unknown, path: string[], out: { path: string; message: string }[]): void {
  if (!node || typeof node !== "object") return;
  const entry = node as Record<string, unknown>;
  if (typeof entry.message === "string" && entry.message) out.push({ path: path.join("."), message: entry.message });
  for (const [k, v] of Object.entries(entry)) {
    // "ref" is the DOM element; "root" holds a list's own error.
    if (k === "ref" || k === "message" || k === "type" || k === "types") continue;
    flattenErrors(v, k === "root" ? path : [...path, k], out);
  }
}

/**
 * zodResolver for a form whose values are what the inputs hold (strings,
 * booleans, lists). Those values must be a valid input of the schema — the
 * compiler checks that — but the schema's input type is wider (numbers or
 * strings, optional fields), which react-hook-form's Resolver type does not
 * accept as is.
 */
export function formResolver<TValues extends FieldValues>() {
  return <S extends z.ZodType>(schema: S & (TValues extends z.input<S> ? unknown : { formValuesAreNotAnInputOf: S })) =>
    zodResolver(schema as never) as unknown as Resolver<TValues, unknown, z.output<S>>;
}

export function useAdminForm<TIn extends FieldValues, TOut, R>(
  form: UseFormReturn<TIn, unknown, TOut>,
  opts: {
    send: (values: TIn) => Promise<ActionResult<R>>;
    onSuccess: (data: R) => void;
    /** The label a summary line starts with, e.g. "E-postadress: …". */
    labelFor?: (path: string) => string | undefined;
  },
) {
  const { t } = useI18n();
  const [submitted, setSubmitted] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const pending = form.formState.isSubmitting;

  /** The translated error of one field (or of a list, for its own errors). */
  const errorFor = (path: string): string | undefined => {
    const errors: FieldErrors<TIn> = form.formState.errors;
    const at = (p: string) => (get(errors, p) as { message?: unknown } | undefined)?.message;
    const found = at(path) ?? at(`${path}.root`);
    const key = typeof found === "string" ? found : undefined;
    return key ? t(key) : undefined;
  };

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    setSubmitted(true);
    setNotice(null);
    setFormError(null);
    void form.handleSubmit(async () => {
      try {
        // What the user typed, not the parsed values: the server parses it with the same schema.
        const result = await opts.send(form.getValues());
        if (result.ok) {
          setSubmitted(false);
          opts.onSuccess(result.data);
          return;
        }
        for (const [path, messages] of Object.entries(result.fieldErrors ?? {})) {
          if (messages[0]) form.setError(path as Path<TIn>, { type: "server", message: messages[0] });
        }
        setFormError(result.code === "VALIDATION" && result.fieldErrors ? null : (result.formError ?? "errors.INTERNAL"));
      } catch {
        setFormError("errors.NETWORK");
      }
    })(event);
  };

  const items: SummaryItem[] = [];
  if (submitted) {
    const flat: { path: string; message: string }[] = [];
    flattenErrors(form.formState.errors, [], flat);
    for (const { path, message } of flat) {
      const label = opts.labelFor?.(path);
      items.push({ fieldId: fieldId(path), message: label ? `${label}: ${t(message)}` : t(message) });
    }
  }

  const summary = <ErrorSummary title={t("admin.form.errorSummary")} items={items} formError={formError ? t(formError) : null} focusOn={form.formState.submitCount} />;

  return { pending, errorFor, onSubmit, summary, notice, setNotice };
}

/** The submit button, disabled while saving, and a status line screen readers announce. */
export function SubmitBar({ pending, label, notice }: { pending: boolean; label: string; notice: string | null }) {
  const { t } = useI18n();
  return (
    <div className="actions">
      <button type="submit" className="button" disabled={pending} aria-disabled={pending}>
        {pending ? t("admin.form.saving") : label}
      </button>
      <p role="status" className={notice && !pending ? "alert success" : undefined} style={{ margin: 0 }}>
        {pending ? t("admin.form.saving") : notice ? t(notice) : ""}
      </p>
    </div>
  );
}
