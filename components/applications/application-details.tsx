import { getT } from "@/lib/i18n/server";
import { formatDay } from "@/lib/i18n/translate-core";
import { formatKronor } from "@/lib/i18n/translate";
import type { ApplicationView } from "@/lib/data/applications";
import { sumAmounts } from "@/lib/domain/application-rules";
import { TableWrap } from "@/components/ui/table-wrap";
import { StatusBadge } from "./status-badge";

/** Everything the applicant entered, for the applicant, the coordinator and the receipt. */
export async function ApplicationDetails({ a, objectives }: { a: ApplicationView; objectives: { id: string; text: string }[] }) {
  const { t, locale } = await getT();
  const named = objectives.filter((o) => a.objectiveIds.includes(o.id));
  // A draft's line may still lack its amount; it counts as nothing.
  const sum = (ls: { amount: number | null }[]) => sumAmounts(ls.filter((l): l is { amount: number } => l.amount != null));
  const columns = { label: t("application.lineLabel"), amount: t("application.lineAmount") };
  return (
    <>
      <dl className="facts">
        <dt>{t("application.status")}</dt>
        <dd>
          <StatusBadge status={a.status} label={t(`application.statusName.${a.status}`)} />
        </dd>
        <dt>{t("application.caseNumber")}</dt>
        <dd>{a.caseNumber ?? "–"}</dd>
        <dt>{t("application.field.association")}</dt>
        <dd>
          {a.association.name} ({a.association.orgNumber})
        </dd>
        <dt>{t("application.field.grantKind")}</dt>
        <dd>{t(`grantKind.${a.grantKind}`)}</dd>
        <dt>{t("application.field.programYear")}</dt>
        <dd>{a.programYear}</dd>
        <dt>{t("application.field.partnerTownId")}</dt>
        <dd>{a.partnerTown ? `${a.partnerTown.name} (${a.partnerTown.country})` : "–"}</dd>
        <dt>{t("application.field.startDate")}</dt>
        <dd>{a.startDate ?? "–"}</dd>
        <dt>{t("application.field.endDate")}</dt>
        <dd>{a.endDate ?? "–"}</dd>
        <dt>{t("application.field.participantsTotal")}</dt>
        <dd>{a.participantsTotal ?? "–"}</dd>
        <dt>{t("application.field.participantsUnder26")}</dt>
        <dd>{a.participantsUnder26 ?? "–"}</dd>
        <dt>{t("application.field.requestedAmount")}</dt>
        <dd>{a.requestedAmount != null ? formatKronor(a.requestedAmount, locale) : "–"}</dd>
        {a.submittedAt ? (
          <>
            <dt>{t("application.submittedAt")}</dt>
            <dd>{formatDay(new Date(a.submittedAt))}</dd>
          </>
        ) : null}
      </dl>
      <h2>{a.title || t("application.untitled")}</h2>
      <h3>{t("application.field.purpose")}</h3>
      <p style={{ whiteSpace: "pre-wrap" }}>{a.purpose || "–"}</p>
      <h3>{t("application.field.description")}</h3>
      <p style={{ whiteSpace: "pre-wrap" }}>{a.description || "–"}</p>
      <h3>{t("application.field.objectiveIds")}</h3>
      {named.length ? (
        <ul>
          {named.map((o) => (
            <li key={o.id}>{o.text}</li>
          ))}
        </ul>
      ) : (
        <p>{t("common.none")}</p>
      )}
      {a.objectiveMotivation ? (
        <>
          <h3>{t("application.field.objectiveMotivation")}</h3>
          <p style={{ whiteSpace: "pre-wrap" }}>{a.objectiveMotivation}</p>
        </>
      ) : null}
      <h3>{t("application.field.budgetLines")}</h3>
      <AmountTable lines={a.budgetLines} caption={t("application.field.budgetLines")} columns={columns} total={sum(a.budgetLines)} locale={locale} totalLabel={t("application.totalCosts")} />
      <h3>{t("application.field.otherFunding")}</h3>
      <AmountTable lines={a.otherFunding} caption={t("application.field.otherFunding")} columns={columns} total={sum(a.otherFunding)} locale={locale} totalLabel={t("application.totalFunding")} />
      <h3>{t("application.attachments")}</h3>
      {a.attachments.length ? (
        <ul>
          {a.attachments.map((f) => (
            <li key={f.id}>
              <a href={`/files/${f.id}`} download>
                {f.name}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("application.noAttachments")}</p>
      )}
    </>
  );
}

type AmountTableProps = {
  lines: { label: string; amount: number | null }[];
  /** Also the name of the scrollable region; hidden, as the heading above shows it. */
  caption: string;
  columns: { label: string; amount: string };
  total: number;
  totalLabel: string;
  locale: "sv" | "en";
};

function AmountTable({ lines, caption, columns, total, totalLabel, locale }: AmountTableProps) {
  if (!lines.length) return <p>–</p>;
  return (
    <TableWrap label={caption}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{columns.label}</th>
            <th scope="col" className="num">
              {columns.amount}
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l, i) => (
            <tr key={i}>
              {/* The line's name heads its row, so its amount is read with it. */}
              <th scope="row" style={{ fontWeight: "normal" }}>
                {l.label || "–"}
              </th>
              <td className="num">{l.amount != null ? formatKronor(l.amount, locale) : "–"}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{totalLabel}</th>
            <td className="num">
              <strong>{formatKronor(total, locale)}</strong>
            </td>
          </tr>
        </tbody>
      </table>
    </TableWrap>
  );
}
