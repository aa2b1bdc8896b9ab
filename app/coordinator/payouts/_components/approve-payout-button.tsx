"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useI18n } from "@/components/i18n/provider";
import { approvePayoutAction } from "../actions";

// lib/data/payouts.ts MISSING_ANNUAL_REPORT_YEAR_FIELD: the year a refused payout's annual report is missing for.
const YEAR_FIELD = "annualReportYear";

/** "Godkänn utbetalning" for one grant; a refusal is shown beside it, naming the year whose annual report is missing. */
export function ApprovePayoutButton({ decisionId, label }: { decisionId: string; label: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  async function approve() {
    setPending(true);
    setError(null);
    try {
      const result = await approvePayoutAction(decisionId);
      if (result.ok) {
        setDone(true);
        router.refresh();
      } else {
        const year = result.fieldErrors?.[YEAR_FIELD]?.[0];
        setError(year ? t("payout.refused.annualReport", { year }) : t(result.formError ?? "errors.INTERNAL"));
      }
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
        <button type="button" className="button" disabled={pending} aria-label={label} onClick={() => void approve()}>
          {pending ? t("payout.approving") : t("payout.approve")}
        </button>
      ) : null}
      <span role="status">{done ? t("payout.approved") : ""}</span>
    </div>
  );
}
