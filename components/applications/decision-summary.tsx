import { getT } from "@/lib/i18n/server";
import { formatKronor } from "@/lib/i18n/translate";
import { formatDay } from "@/lib/i18n/translate-core";

type Decision = {
  outcome: "APPROVED" | "REJECTED";
  amount: number;
  reason: string;
  decidedAt: string;
  reportDueOn: string | null;
  allocation: { share: number; approvedCount: number } | null;
  letterFileId: string | null;
  letterDue: boolean;
  paidAt: string | null;
};

/** The decision in force, as the association and the coordinator see it. */
export async function DecisionSummary({ decision }: { decision: Decision }) {
  const { t, locale } = await getT();
  return (
    <section className={`alert ${decision.outcome === "APPROVED" ? "success" : "error"}`} aria-labelledby="decision-title">
      <h2 id="decision-title" style={{ marginTop: 0 }}>
        {t(`decision.outcome.${decision.outcome}`)}
      </h2>
      <dl className="facts">
        {decision.outcome === "APPROVED" ? (
          <>
            <dt>{t("decision.amount")}</dt>
            <dd>{formatKronor(decision.amount, locale)}</dd>
          </>
        ) : null}
        {decision.allocation ? (
          <>
            <dt>{t("decision.allocation")}</dt>
            <dd>{t("decision.allocationText", { count: decision.allocation.approvedCount, share: formatKronor(decision.allocation.share, locale) })}</dd>
          </>
        ) : null}
        <dt>{t("decision.decidedOn")}</dt>
        <dd>{formatDay(new Date(decision.decidedAt))}</dd>
        {decision.reason ? (
          <>
            <dt>{t("decision.reason")}</dt>
            <dd style={{ whiteSpace: "pre-wrap" }}>{decision.reason}</dd>
          </>
        ) : null}
        {decision.paidAt ? (
          <>
            <dt>{t("decision.paidOn")}</dt>
            <dd>{formatDay(new Date(decision.paidAt))}</dd>
          </>
        ) : null}
        {decision.reportDueOn ? (
          <>
            <dt>{t("decision.reportDue")}</dt>
            <dd>
              <strong>{decision.reportDueOn}</strong>
            </dd>
          </>
        ) : null}
      </dl>
      {decision.letterFileId ? (
        <p>
          <a href={`/files/${decision.letterFileId}`} download>
            {t("decision.letter")}
          </a>
        </p>
      ) : decision.letterDue ? (
        <p>{t("decision.letterPending")}</p>
      ) : null}
    </section>
  );
}
