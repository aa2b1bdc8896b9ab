"use client";
import { useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useI18n } from "@/components/i18n/provider";
import { Field } from "@/components/ui/field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { CaseMessageSchema } from "@/lib/schemas/message";
import { postCaseMessageAction } from "./actions";

/**
 * Writes a message on a case. What was typed stays in the box until the
 * message is stored; an error is shown on the field and summarised on top.
 */
export function MessageForm({ applicationId }: { applicationId: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [submits, setSubmits] = useState(0);
  const [pending, startTransition] = useTransition();
  const sending = useRef(false);
  const fieldId = `message-body-${applicationId}`;

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending.current) return;
    setSubmits((n) => n + 1);
    setSent(false);
    setFormError(null);
    // The same schema as the server, so both say the same thing.
    const parsed = CaseMessageSchema.safeParse({ body });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "validation.invalid");
      return;
    }
    setError(null);
    sending.current = true;
    startTransition(async () => {
      try {
        const result = await postCaseMessageAction(applicationId, body);
        if (result.ok) {
          setBody("");
          setSent(true);
          router.refresh();
          return;
        }
        const onField = result.fieldErrors?.body?.[0];
        setError(onField ?? null);
        setFormError(onField ? null : (result.formError ?? "errors.INTERNAL"));
      } catch {
        setFormError("errors.NETWORK");
      } finally {
        sending.current = false;
      }
    });
  }

  return (
    <form noValidate onSubmit={onSubmit} aria-busy={pending} className="message-form">
      <ErrorSummary
        title={t("messages.form.errorSummary")}
        items={error ? [{ fieldId, message: t(error) }] : []}
        formError={formError ? t(formError) : null}
        focusOn={submits}
      />
      <Field id={fieldId} label={t("messages.form.label")} hint={t("messages.form.hint")} error={error ? t(error) : undefined}>
        <textarea
          name="body"
          rows={5}
          value={body}
          onChange={(e) => {
            setBody(e.target.value);
            setSent(false);
            if (error) setError(null);
          }}
        />
      </Field>
      <div className="actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? t("messages.form.sending") : t("messages.form.send")}
        </button>
        <p role="status" className={sent && !pending ? "alert success" : undefined} style={{ margin: 0 }}>
          {pending ? t("messages.form.sending") : sent ? t("messages.form.sent") : ""}
        </p>
      </div>
    </form>
  );
}
