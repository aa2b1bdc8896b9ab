"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useI18n } from "@/components/i18n/provider";
import { Field, FormError } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions/safe-action";
import { acceptAnnualReportAction, returnAnnualReportAction } from "../actions";

/** Accept one annual report, or send it back with a reason the association reads. */
export function ReviewAnnualReport({ id, year, associationName }: { id: string; year: number; associationName: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function run(action: () => Promise<ActionResult>) {
    setPending(true);
    setReasonError(undefined);
    setFormError(null);
    try {
      const result = await action();
      if (result.ok) router.refresh();
      else if (result.fieldErrors?.reason?.[0]) setReasonError(t(result.fieldErrors.reason[0]));
      else setFormError(t(result.formError ?? "errors.INTERNAL"));
    } catch {
      setFormError(t("errors.NETWORK"));
    } finally {
      setPending(false);
    }
  }

  const reasonId = `return-reason-${id}`;
  return (
    <div aria-busy={pending}>
      <FormError message={formError} />
      <div className="actions" style={{ margin: 0 }}>
        <button
          type="button"
          className="button"
          disabled={pending}
          aria-label={t("annualReport.review.acceptLabel", { year, name: associationName })}
          onClick={() => void run(() => acceptAnnualReportAction(id))}
        >
          {t("annualReport.review.accept")}
        </button>
        {!returning ? (
          <button
            type="button"
            className="button secondary"
            aria-label={t("annualReport.review.returnLabel", { year, name: associationName })}
            onClick={() => setReturning(true)}
          >
            {t("annualReport.review.return")}
          </button>
        ) : null}
      </div>
      {returning ? (
        <form
          style={{ marginTop: "1rem" }}
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => returnAnnualReportAction(id, reason));
          }}
        >
          <Field id={reasonId} label={t("annualReport.review.reason")} hint={t("annualReport.review.reasonHint")} error={reasonError}>
            <textarea value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
          </Field>
          <button type="submit" className="button danger" disabled={pending}>
            {t("annualReport.review.confirmReturn")}
          </button>
        </form>
      ) : null}
      <span role="status" className="visually-hidden">
        {pending ? t("annualReport.review.saving") : ""}
      </span>
    </div>
  );
}
