"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useI18n } from "@/components/i18n/provider";
import { resendMailAction } from "../actions";

/** "Skicka igen" for one failed mail: progress while it is queued, the outcome announced beside it. */
export function ResendButton({ id, label }: { id: string; label: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  async function resend() {
    setPending(true);
    setError(null);
    try {
      const result = await resendMailAction(id);
      if (result.ok) {
        setDone(true);
        router.refresh();
      } else setError(t(result.formError ?? "errors.INTERNAL"));
    } catch {
      setError(t("errors.NETWORK"));
    } finally {
      setPending(false);
    }
  }

  return (
    <div aria-busy={pending}>
      {error ? (
        <p className="alert error" role="alert" style={{ marginTop: 0 }}>
          {error}
        </p>
      ) : null}
      {!done ? (
        <button type="button" className="button secondary" disabled={pending} aria-label={label} onClick={() => void resend()}>
          {pending ? t("outbox.resending") : t("outbox.resend")}
        </button>
      ) : null}
      <span role="status">{done ? t("outbox.resent") : ""}</span>
    </div>
  );
}
