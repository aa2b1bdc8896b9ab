"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useI18n } from "@/components/i18n/provider";
import { Field, FormError } from "@/components/ui/field";
import { rejectAssociationAction, verifyAssociationAction } from "../actions";

/** The coordinator verifies a pending association, or rejects it with a reason. */
export function ReviewAssociation({ id }: { id: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [rejecting, setRejecting] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function run(action: () => ReturnType<typeof verifyAssociationAction>) {
    setPending(true);
    setError(undefined);
    setFormError(null);
    try {
      const result = await action();
      if (result.ok) router.refresh();
      else if (result.fieldErrors?.reason) setError(t(result.fieldErrors.reason[0]!));
      else setFormError(t(result.formError ?? "errors.INTERNAL"));
    } catch {
      setFormError(t("errors.NETWORK"));
    } finally {
      setPending(false);
    }
  }

  return (
    <section className="card" aria-labelledby="review-title">
      <h2 id="review-title" style={{ marginTop: 0 }}>
        {t("review.association.title")}
      </h2>
      <FormError message={formError} />
      <div className="actions">
        <button type="button" className="button" disabled={pending} onClick={() => void run(() => verifyAssociationAction(id))}>
          {t("review.association.verify")}
        </button>
        {!rejecting ? (
          <button type="button" className="button secondary" onClick={() => setRejecting(true)}>
            {t("review.association.reject")}
          </button>
        ) : null}
      </div>
      {rejecting ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => rejectAssociationAction(id, reason));
          }}
        >
          <Field id="reject-reason" label={t("review.association.reason")} hint={t("review.association.reasonHint")} error={error}>
            <textarea value={reason} onChange={(e) => setReason(e.target.value)} />
          </Field>
          <button type="submit" className="button danger" disabled={pending}>
            {t("review.association.confirmReject")}
          </button>
        </form>
      ) : null}
      <span role="status" className="visually-hidden">
        {pending ? t("common.saving") : ""}
      </span>
    </section>
  );
}
