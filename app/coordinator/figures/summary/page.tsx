import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { getSessionActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getYearFigures, type YearFiguresResult } from "@/lib/data/figures";
import { getMunicipality, listProgramYears } from "@/lib/data/reference";
import { ServiceError } from "@/lib/errors";
import { todayIn } from "@/lib/domain/dates";
import { formatKronor } from "@/lib/i18n/translate";
import { TableWrap } from "@/components/ui/table-wrap";
import { PrintButton } from "../_components/print-button";
import { chosenYear } from "../_components/year";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("figures.summary.title") };
}

/** The yearly follow-up summary the municipal board gets: printable as it stands. */
export default async function FollowUpSummaryPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  const actor = await getSessionActor();
  if (!actor) redirect("/sign-in?callbackUrl=/coordinator/figures/summary");
  if (!can(actor, "application:review")) notFound();
  const { t, locale } = await getT();
  const [years, municipality] = await Promise.all([listProgramYears(), getMunicipality()]);
  const year = chosenYear((await searchParams).year, years);
  let f: YearFiguresResult | null = null;
  if (year) {
    try {
      f = await getYearFigures(actor, { year });
    } catch (error) {
      if (!(error instanceof ServiceError && error.code === "NOT_FOUND")) throw error;
    }
  }
  const kr = (n: number) => formatKronor(n, locale);
  const objectiveText = (o: { textSv: string; textEn: string }) => (locale === "sv" ? o.textSv : o.textEn);
  const col = {
    town: t("allocation.town"),
    reports: t("figures.col.activities"),
    participants: t("figures.col.participants"),
    under26: t("figures.col.under26"),
    costs: t("figures.col.actualCosts"),
    funding: t("figures.col.otherFunding"),
    granted: t("figures.col.granted"),
  };

  return (
    <>
      <p className="no-print">
        <Link href={year ? `/coordinator/figures?year=${year}` : "/coordinator/figures"}>← {t("figures.title")}</Link>
      </p>
      <h1>{f ? t("figures.summary.heading", { year: f.year }) : t("figures.summary.title")}</h1>
      {!f ? (
        <p>{year ? t("figures.noProgram", { year }) : t("figures.noYears")}</p>
      ) : (
        <>
          <p className="lead">{t("figures.summary.intro", { municipality: municipality.name, date: todayIn(new Date()) })}</p>
          <div className="actions no-print">
            <PrintButton />
            <a className="button secondary" href={`/coordinator/figures/export?year=${f.year}&part=summary&format=csv`} download>
              {t("figures.export.csv")}
            </a>
            <a className="button secondary" href={`/coordinator/figures/export?year=${f.year}&part=summary&format=xlsx`} download>
              {t("figures.export.xlsx")}
            </a>
          </div>

          <h2>{t("figures.summary.inBrief")}</h2>
          {f.summary.totals.reports === 0 ? (
            <p>{t("figures.summary.empty")}</p>
          ) : (
            <dl className="facts">
              <dt>{col.reports}</dt>
              <dd>{f.summary.totals.reports}</dd>
              <dt>{col.participants}</dt>
              <dd>{f.summary.totals.participantsTotal}</dd>
              <dt>{col.under26}</dt>
              <dd>{f.summary.totals.participantsUnder26}</dd>
              <dt>{col.costs}</dt>
              <dd>{kr(f.summary.totals.actualCosts)}</dd>
              <dt>{col.funding}</dt>
              <dd>{kr(f.summary.totals.otherFunding)}</dd>
              <dt>{col.granted}</dt>
              <dd>{kr(f.summary.totals.granted)}</dd>
            </dl>
          )}

          {f.summary.towns.length > 0 ? (
            <>
              <h2>{t("figures.summary.perTown")}</h2>
              <TableWrap label={t("figures.summary.perTown")}>
                <table className="stack totals">
                  <caption className="visually-hidden">{t("figures.summary.perTown")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{col.town}</th>
                      <th scope="col" className="num">{col.reports}</th>
                      <th scope="col" className="num">{col.participants}</th>
                      <th scope="col" className="num">{col.under26}</th>
                      <th scope="col" className="num">{col.costs}</th>
                      <th scope="col" className="num">{col.funding}</th>
                      <th scope="col" className="num">{col.granted}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {f.summary.towns.map((r) => (
                      <tr key={r.partnerTown.id}>
                        <td data-label={col.town}>{r.partnerTown.name}</td>
                        <td data-label={col.reports} className="num">{r.reports}</td>
                        <td data-label={col.participants} className="num">{r.participantsTotal}</td>
                        <td data-label={col.under26} className="num">{r.participantsUnder26}</td>
                        <td data-label={col.costs} className="num">{kr(r.actualCosts)}</td>
                        <td data-label={col.funding} className="num">{kr(r.otherFunding)}</td>
                        <td data-label={col.granted} className="num">{kr(r.granted)}</td>
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr>
                      <th scope="row" data-label={col.town}>{t("figures.total")}</th>
                      <td data-label={col.reports} className="num">{f.summary.totals.reports}</td>
                      <td data-label={col.participants} className="num">{f.summary.totals.participantsTotal}</td>
                      <td data-label={col.under26} className="num">{f.summary.totals.participantsUnder26}</td>
                      <td data-label={col.costs} className="num">{kr(f.summary.totals.actualCosts)}</td>
                      <td data-label={col.funding} className="num">{kr(f.summary.totals.otherFunding)}</td>
                      <td data-label={col.granted} className="num">{kr(f.summary.totals.granted)}</td>
                    </tr>
                  </tfoot>
                </table>
              </TableWrap>
            </>
          ) : null}

          <h2>{t("figures.summary.perObjective")}</h2>
          {f.summary.objectives.map((o) => (
            <section key={o.objective.id} className="summary-objective" aria-labelledby={`objective-${o.objective.id}`}>
              <h3 id={`objective-${o.objective.id}`}>{objectiveText(o.objective)}</h3>
              {o.reports === 0 ? (
                <p>{t("figures.summary.objectiveNone")}</p>
              ) : (
                <p>
                  {t("figures.summary.objectiveFacts", {
                    reports: o.reports,
                    participants: o.participantsTotal,
                    under26: o.participantsUnder26,
                    costs: kr(o.actualCosts),
                  })}
                </p>
              )}
              {o.outcomes.length > 0 ? (
                <ul className="outcomes">
                  {o.outcomes.map((r) => (
                    <li key={r.applicationId}>
                      <strong>{t("figures.summary.outcomeBy", { caseNumber: r.caseNumber ?? "–", association: r.association, town: r.partnerTown })}</strong>{" "}
                      {r.text}
                    </li>
                  ))}
                </ul>
              ) : o.reports > 0 ? (
                <p className="muted">{t("figures.summary.noOutcomes")}</p>
              ) : null}
            </section>
          ))}
          {f.summary.outcomesTruncated ? <p className="alert warning">{t("figures.summary.truncated")}</p> : null}
        </>
      )}
    </>
  );
}
