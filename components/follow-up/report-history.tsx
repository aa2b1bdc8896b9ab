import { getT } from "@/lib/i18n/server";
import { formatDay } from "@/lib/i18n/translate-core";
import type { FollowUpView } from "@/lib/data/follow-up";
import { ReportContent } from "./report-content";

/**
 * Every submitted round, newest first, with the coordinator's answer: both the
 * association and the coordinator see the same history. Each round's content
 * opens on demand.
 */
export async function ReportHistory({ rounds }: { rounds: FollowUpView["rounds"] }) {
  const { t } = await getT();
  if (!rounds.length) return null;
  return (
    <section aria-labelledby="report-history-title" className="report-history">
      <h2 id="report-history-title">{t("followUp.history.title")}</h2>
      <ol reversed className="report-rounds">
        {rounds.toReversed().map((r) => (
          <li key={r.round} className="card">
            <h3 style={{ marginTop: 0 }}>{t("followUp.history.round", { n: r.round })}</h3>
            <p>
              {t("followUp.history.submitted", { day: formatDay(new Date(r.submittedAt)), name: r.submittedBy ?? "–" })}
            </p>
            {r.outcome ? (
              <div className={`alert ${r.outcome === "ACCEPTED" ? "success" : "warning"}`}>
                <p style={{ margin: 0 }}>
                  <strong>{t(`followUp.history.outcome.${r.outcome}`)}</strong>{" "}
                  {r.reviewedAt ? t("followUp.history.reviewed", { day: formatDay(new Date(r.reviewedAt)), name: r.reviewedBy ?? "–" }) : null}
                </p>
                {r.comment ? <p style={{ whiteSpace: "pre-wrap", marginBottom: 0 }}>{r.comment}</p> : null}
              </div>
            ) : (
              <p className="muted">{t("followUp.history.awaiting")}</p>
            )}
            <details>
              <summary>{t("followUp.history.show", { n: r.round })}</summary>
              <ReportContent content={r.content} headingLevel={4} />
            </details>
          </li>
        ))}
      </ol>
    </section>
  );
}
