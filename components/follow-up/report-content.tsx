import { Fragment } from "react";
import { getT } from "@/lib/i18n/server";
import { formatKronor } from "@/lib/i18n/translate";
import { netCostsFromTotals, sumAmounts } from "@/lib/domain/application-rules";
import type { FollowUpContent } from "@/lib/data/follow-up";

/** One submitted round of a report, as it was sent: what was done, when, who took part, outcomes, money, attachments. */
export async function ReportContent({ content, headingLevel = 3 }: { content: FollowUpContent; headingLevel?: 3 | 4 }) {
  const { t, locale } = await getT();
  const H = headingLevel === 3 ? "h3" : "h4";
  const costs = sumAmounts(content.costLines);
  const funding = sumAmounts(content.otherFunding);
  return (
    <div className="report-content">
      <H>{t("followUp.section.done")}</H>
      <p style={{ whiteSpace: "pre-wrap" }}>{content.summary}</p>
      <dl className="facts">
        <dt>{t("followUp.field.startDate")}</dt>
        <dd>{content.startDate}</dd>
        <dt>{t("followUp.field.endDate")}</dt>
        <dd>{content.endDate}</dd>
        <dt>{t("followUp.field.participantsTotal")}</dt>
        <dd>{content.participantsTotal}</dd>
        <dt>{t("followUp.field.participantsUnder26")}</dt>
        <dd>{content.participantsUnder26}</dd>
      </dl>
      {content.outcomes.length ? (
        <>
          <H>{t("followUp.section.outcomes")}</H>
          <dl className="facts report-outcomes">
            {content.outcomes.map((o) => (
              <Fragment key={o.objectiveId}>
                <dt>{locale === "sv" ? o.objectiveSv : o.objectiveEn || o.objectiveSv}</dt>
                <dd style={{ whiteSpace: "pre-wrap" }}>{o.text}</dd>
              </Fragment>
            ))}
          </dl>
        </>
      ) : null}
      <H>{t("followUp.section.money")}</H>
      <Lines caption={t("followUp.field.costLines")} lines={content.costLines} total={costs} totalLabel={t("followUp.totalCosts")} locale={locale} t={t} />
      {content.otherFunding.length ? (
        <Lines caption={t("followUp.field.otherFunding")} lines={content.otherFunding} total={funding} totalLabel={t("followUp.totalFunding")} locale={locale} t={t} />
      ) : null}
      <p>
        {t("followUp.netCosts")}: <strong>{formatKronor(netCostsFromTotals(costs, funding), locale)}</strong>
      </p>
      <H>{t("followUp.attachments")}</H>
      {content.attachments.length ? (
        <ul>
          {content.attachments.map((f) => (
            <li key={f.id}>
              <a href={`/files/${f.id}`} download>
                {f.name}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("application.noAttachments")}</p>
      )}
    </div>
  );
}

function Lines({
  caption,
  lines,
  total,
  totalLabel,
  locale,
  t,
}: {
  caption: string;
  lines: { label: string; amount: number }[];
  total: number;
  totalLabel: string;
  locale: "sv" | "en";
  t: (k: string) => string;
}) {
  return (
    <table className="stack">
      <caption style={{ textAlign: "left", fontWeight: 600 }}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("application.lineLabel")}</th>
          <th scope="col" className="num">
            {t("application.lineAmount")}
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l, i) => (
          <tr key={i}>
            <td data-label={t("application.lineLabel")}>{l.label}</td>
            <td data-label={t("application.lineAmount")} className="num">
              {formatKronor(l.amount, locale)}
            </td>
          </tr>
        ))}
        <tr>
          <th scope="row">{totalLabel}</th>
          <td data-label={totalLabel} className="num">
            <strong>{formatKronor(total, locale)}</strong>
          </td>
        </tr>
      </tbody>
    </table>
  );
}
