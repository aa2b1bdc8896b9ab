"use client";
import { FormError } from "@/components/ui/field";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useI18n } from "@/components/i18n/provider";
import { withdrawApplicationAction } from "../actions";

/** Withdrawing is final, so it asks once more before it happens. */
export function WithdrawButton({ id }: { id: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function withdraw() {
    setPending(true);
    setError(null);
    try {
      const result = await withdrawApplicationAction(id);
      if (result.ok) router.refresh();
      else setError(t(result.formError ?? "errors.INTERNAL"));
    } catch {
      setError(t("errors.NETWORK"));
    } finally {
      setPending(false);
      setConfirming(false);
    }
  }
  return (
    <section className="card" aria-labelledby="withdraw-title">
      <h2 id="withdraw-title" style={{ marginTop: 0 }}>
        {t("application.withdraw.title")}
      </h2>
      <p>{t("application.withdraw.explain")}</p>
      <FormError message={error} />
      {confirming ? (
        <div className="actions">
          <button type="button" className="button danger" disabled={pending} onClick={() => void withdraw()}>
            {pending ? t("common.saving") : t("application.withdraw.confirm")}
          </button>
          <button type="button" className="button secondary" onClick={() => setConfirming(false)}>
            {t("common.cancel")}
          </button>
        </div>
      ) : (
        <button type="button" className="button secondary" onClick={() => setConfirming(true)}>
          {t("application.withdraw.button")}
        </button>
      )}
    </section>
  );
}
