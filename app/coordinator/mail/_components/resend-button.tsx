"use client";
import { useState } from "react";
import { useI18n } from "@/components/i18n/provider";
import { useAction } from "@/components/ui/use-action";
import { resendMailAction } from "../actions";

/** "Skicka igen" for one failed mail: progress while it is queued, the outcome announced beside it. */
export function ResendButton({ id, label }: { id: string; label: string }) {
  const { t } = useI18n();
  const { pending, formError, run } = useAction();
  const [done, setDone] = useState(false);

  async function resend() {
    if (await run(() => resendMailAction(id))) setDone(true);
  }

  return (
    <div aria-busy={pending}>
      {formError ? (
        <p className="alert error" role="alert" style={{ marginTop: 0 }}>
          {formError}
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
