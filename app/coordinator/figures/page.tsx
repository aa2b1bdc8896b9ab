import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { getSessionActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getYearFigures, type YearFiguresResult } from "@/lib/data/figures";
import { listProgramYears } from "@/lib/data/reference";
import { ServiceError } from "@/lib/errors";
import { formatKronor } from "@/lib/i18n/translate";
import { TableWrap } from "@/components/ui/table-wrap";
import { BarChart } from "./_components/bar-chart";
import { chosenYear } from "./_components/year";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("figures.title") };
}

export default async function FiguresPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  const actor = await getSessionActor();
  if (!actor) redirect("/sign-in?callbackUrl=/coordinator/figures");
  if (!can(actor, "application:review")) notFound();
  const { t, locale } = await getT();
  const years = await listProgramYears();
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
  const pct = (n: number | null) => (n === null ? "–" : `${n} %`);
  const kind = (k: "BASE" | "ACTIVITY") => t(`grantKind.${k}`);
  const objectiveText = (o: { textSv: string; textEn: string }) => (locale === "sv" ? o.textSv : o.textEn);
  const col = {
    town: t("allocation.town"),
    kind: t("application.field.grantKind"),
    cap: t("figures.col.cap"),
    granted: t("figures.col.granted"),
    remaining: t("figures.col.remaining"),
    percent: t("figures.col.percentOfCap"),
    approved: t("figures.col.approved"),
    plannedTotal: t("figures.col.plannedTotal"),
    plannedUnder26: t("figures.col.plannedUnder26"),
    reports: t("figures.col.reports"),
    actualTotal: t("figures.col.actualTotal"),
    actualUnder26: t("figures.col.actualUnder26"),
    objective: t("figures.col.objective"),
    objectiveApplications: t("figures.col.objectiveApplications"),
    objectiveGranted: t("figures.col.objectiveGranted"),
  };

  return (
    <>
      <p>
        <Link href="/coordinator">← {t("dashboard.title")}</Link>
      </p>
      <h1>{f ? t("figures.heading", { year: f.year }) : t("figures.title")}</h1>
      <form method="get" className="filters card" aria-label={t("figures.chooseYear")}>
        <div className="field">
          <label htmlFor="figures-year">{t("allocation.year")}</label>
          <select id="figures-year" name="year" defaultValue={year ? String(year) : ""}>
            {years.map((y) => (
              <option key={y.id} value={y.year}>
                {y.year}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t("allocation.show")}
        </button>
      </form>
      {!f ? (
        <p>{year ? t("figures.noProgram", { year }) : t("figures.noYears")}</p>
      ) : (
        <>
          <div className="card">
            <p style={{ marginTop: 0 }}>
              <Link href={`/coordinator/figures/summary?year=${f.year}`}>{t("figures.summaryLink", { year: f.year })}</Link>
            </p>
            <p className="actions" style={{ margin: 0 }}>
              <a className="button secondary" href={`/coordinator/figures/export?year=${f.year}&part=figures&format=csv`} download>
                {t("figures.export.csv")}
              </a>
              <a className="button secondary" href={`/coordinator/figures/export?year=${f.year}&part=figures&format=xlsx`} download>
                {t("figures.export.xlsx")}
              </a>
            </p>
          </div>

          <h2>{t("figures.granted.title")}</h2>
          <p>
            {f.granted.budget === null
              ? t("figures.granted.noBudget", { granted: kr(f.granted.total) })
              : t("figures.granted.budget", {
                  granted: kr(f.granted.total),
                  budget: kr(f.granted.budget),
                  percent: pct(f.granted.percentOfBudget),
                  remaining: kr(f.granted.budgetRemaining ?? 0),
                })}
          </p>
          {f.granted.pools.length === 0 ? (
            <p>{t("figures.granted.empty")}</p>
          ) : (
            <>
              <BarChart
                caption={t("figures.granted.chart")}
                bars={[
                  ...f.granted.pools.map((p) => ({
                    label: `${p.partnerTown.name} – ${kind(p.grantKind)}`,
                    value: p.granted,
                    max: p.cap,
                    text: t("figures.ofCap", { granted: kr(p.granted), cap: kr(p.cap), percent: pct(p.percentOfCap) }),
                  })),
                  ...(f.granted.budget !== null
                    ? [
                        {
                          label: t("figures.granted.budgetBar"),
                          value: f.granted.total,
                          max: f.granted.budget,
                          text: t("figures.ofCap", { granted: kr(f.granted.total), cap: kr(f.granted.budget), percent: pct(f.granted.percentOfBudget) }),
                        },
                      ]
                    : []),
                ]}
              />
              <TableWrap label={t("figures.granted.title")}>
                <table className="stack totals">
                  <caption>{t("figures.granted.table", { year: f.year })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{col.town}</th>
                      <th scope="col">{col.kind}</th>
                      <th scope="col" className="num">{col.cap}</th>
                      <th scope="col" className="num">{col.granted}</th>
                      <th scope="col" className="num">{col.remaining}</th>
                      <th scope="col" className="num">{col.percent}</th>
                      <th scope="col" className="num">{col.approved}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {f.granted.pools.map((p) => (
                      <tr key={`${p.partnerTown.id}:${p.grantKind}`}>
                        <td data-label={col.town}>{p.partnerTown.name}</td>
                        <td data-label={col.kind}>{kind(p.grantKind)}</td>
                        <td data-label={col.cap} className="num">{kr(p.cap)}</td>
                        <td data-label={col.granted} className="num">{kr(p.granted)}</td>
                        <td data-label={col.remaining} className="num">{kr(p.remaining)}</td>
                        <td data-label={col.percent} className="num">{pct(p.percentOfCap)}</td>
                        <td data-label={col.approved} className="num">{p.approvedCount}</td>
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    {f.granted.byKind.map((k) => (
                      <tr key={k.grantKind}>
                        <th scope="row" data-label={col.town}>{t("figures.allTowns")}</th>
                        <td data-label={col.kind}>{kind(k.grantKind)}</td>
                        <td data-label={col.cap} className="num">{kr(k.cap)}</td>
                        <td data-label={col.granted} className="num">{kr(k.granted)}</td>
                        <td data-label={col.remaining} className="num">{kr(Math.max(0, k.cap - k.granted))}</td>
                        <td data-label={col.percent} className="num">{pct(k.percentOfCap)}</td>
                        <td data-label={col.approved} className="num">{k.approvedCount}</td>
                      </tr>
                    ))}
                  </tfoot>
                </table>
              </TableWrap>
            </>
          )}

          <h2>{t("figures.participants.title")}</h2>
          <p>
            {t("figures.participants.planned", { applications: f.participants.planned.applications, total: f.participants.planned.total, under26: f.participants.planned.under26 })}{" "}
            {t("figures.participants.actual", { reports: f.participants.actual.reports, total: f.participants.actual.total, under26: f.participants.actual.under26 })}
          </p>
          {f.participants.byTown.length === 0 ? (
            <p>{t("figures.participants.empty")}</p>
          ) : (
            <>
              <BarChart
                caption={t("figures.participants.chart")}
                bars={(() => {
                  const max = Math.max(1, ...f.participants.byTown.flatMap((r) => [r.planned.total, r.actual.total]));
                  return f.participants.byTown.flatMap((r) => [
                    {
                      label: t("figures.participants.plannedBar", { town: r.partnerTown.name }),
                      value: r.planned.total,
                      max,
                      part: r.planned.under26,
                      text: t("figures.participants.barText", { total: r.planned.total, under26: r.planned.under26 }),
                    },
                    {
                      label: t("figures.participants.actualBar", { town: r.partnerTown.name }),
                      value: r.actual.total,
                      max,
                      part: r.actual.under26,
                      text: t("figures.participants.barText", { total: r.actual.total, under26: r.actual.under26 }),
                    },
                  ]);
                })()}
              />
              <TableWrap label={t("figures.participants.title")}>
                <table className="stack totals">
                  <caption>{t("figures.participants.table", { year: f.year })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{col.town}</th>
                      <th scope="col" className="num">{col.approved}</th>
                      <th scope="col" className="num">{col.plannedTotal}</th>
                      <th scope="col" className="num">{col.plannedUnder26}</th>
                      <th scope="col" className="num">{col.reports}</th>
                      <th scope="col" className="num">{col.actualTotal}</th>
                      <th scope="col" className="num">{col.actualUnder26}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {f.participants.byTown.map((r) => (
                      <tr key={r.partnerTown.id}>
                        <td data-label={col.town}>{r.partnerTown.name}</td>
                        <td data-label={col.approved} className="num">{r.planned.applications}</td>
                        <td data-label={col.plannedTotal} className="num">{r.planned.total}</td>
                        <td data-label={col.plannedUnder26} className="num">{r.planned.under26}</td>
                        <td data-label={col.reports} className="num">{r.actual.reports}</td>
                        <td data-label={col.actualTotal} className="num">{r.actual.total}</td>
                        <td data-label={col.actualUnder26} className="num">{r.actual.under26}</td>
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr>
                      <th scope="row" data-label={col.town}>{t("figures.total")}</th>
                      <td data-label={col.approved} className="num">{f.participants.planned.applications}</td>
                      <td data-label={col.plannedTotal} className="num">{f.participants.planned.total}</td>
                      <td data-label={col.plannedUnder26} className="num">{f.participants.planned.under26}</td>
                      <td data-label={col.reports} className="num">{f.participants.actual.reports}</td>
                      <td data-label={col.actualTotal} className="num">{f.participants.actual.total}</td>
                      <td data-label={col.actualUnder26} className="num">{f.participants.actual.under26}</td>
                    </tr>
                  </tfoot>
                </table>
              </TableWrap>
            </>
          )}

          <h2>{t("figures.objectives.title")}</h2>
          <p>{t("figures.objectives.intro")}</p>
          {f.objectives.length === 0 ? (
            <p>{t("figures.objectives.empty")}</p>
          ) : (
            <>
              <BarChart
                caption={t("figures.objectives.chart")}
                bars={(() => {
                  const max = Math.max(1, ...f.objectives.map((o) => o.applications));
                  return f.objectives.map((o) => ({
                    label: objectiveText(o.objective),
                    value: o.applications,
                    max,
                    text: t("figures.objectives.barText", { count: o.applications, granted: kr(o.granted) }),
                  }));
                })()}
              />
              <TableWrap label={t("figures.objectives.title")}>
                <table className="stack">
                  <caption>{t("figures.objectives.table", { year: f.year })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{col.objective}</th>
                      <th scope="col" className="num">{col.objectiveApplications}</th>
                      <th scope="col" className="num">{col.objectiveGranted}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {f.objectives.map((o) => (
                      <tr key={o.objective.id}>
                        <td data-label={col.objective}>{objectiveText(o.objective)}</td>
                        <td data-label={col.objectiveApplications} className="num">{o.applications}</td>
                        <td data-label={col.objectiveGranted} className="num">{kr(o.granted)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            </>
          )}
        </>
      )}
    </>
  );
}
