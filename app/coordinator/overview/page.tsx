import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { getSessionActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getAllocationOverview } from "@/lib/data/overview";
import { listProgramYears } from "@/lib/data/reference";
import { formatKronor } from "@/lib/i18n/translate";
import { TableWrap } from "@/components/ui/table-wrap";
import { ServiceError } from "@/lib/errors";
import { todayIn } from "@/lib/domain/dates";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("overview.title") };
}

export default async function OverviewPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  const actor = await getSessionActor();
  if (!actor) redirect("/sign-in?callbackUrl=/coordinator/overview");
  if (!can(actor, "application:review")) notFound();
  const { t, locale } = await getT();
  const years = await listProgramYears();
  const { year } = await searchParams;
  const chosen = year && /^\d{4}$/.test(year) ? Number(year) : (years.find((y) => y.year === Number(todayIn(new Date()).slice(0, 4)))?.year ?? years[0]?.year);
  let overview: Awaited<ReturnType<typeof getAllocationOverview>> | null = null;
  if (chosen) {
    try {
      overview = await getAllocationOverview(actor, { year: chosen });
    } catch (error) {
      if (!(error instanceof ServiceError && error.code === "NOT_FOUND")) throw error;
    }
  }
  const kr = (n: number) => formatKronor(n, locale);
  return (
    <>
      <p>
        <Link href="/coordinator">← {t("dashboard.title")}</Link>
      </p>
      <h1>{t("overview.title")}</h1>
      <form method="get" className="filters card" aria-label={t("overview.title")}>
        <div className="field">
          <label htmlFor="o-year">{t("allocation.year")}</label>
          <select id="o-year" name="year" defaultValue={chosen ? String(chosen) : ""}>
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
      {overview ? (
        <>
          <p>
            {t("overview.totals", { decided: kr(overview.totalDecided) })}
            {overview.budget != null ? ` ${t("overview.budget", { budget: kr(overview.budget), remaining: kr(overview.budgetRemaining ?? 0) })}` : ""}
          </p>
          <TableWrap label={t("overview.title")}>
            <table className="stack">
              <caption className="visually-hidden">{t("overview.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("allocation.town")}</th>
                  <th scope="col">{t("application.field.grantKind")}</th>
                  <th scope="col" className="num">{t("overview.cap")}</th>
                  <th scope="col" className="num">{t("overview.decided")}</th>
                  <th scope="col" className="num">{t("overview.remaining")}</th>
                  <th scope="col" className="num">{t("overview.sharing")}</th>
                  <th scope="col" className="num">{t("overview.share")}</th>
                </tr>
              </thead>
              <tbody>
                {overview.pools.map((p) => (
                  <tr key={`${p.partnerTown.id}:${p.grantKind}`}>
                    <td data-label={t("allocation.town")}>{p.partnerTown.name}</td>
                    <td data-label={t("application.field.grantKind")}>{t(`grantKind.${p.grantKind}`)}</td>
                    <td data-label={t("overview.cap")} className="num">{kr(p.cap)}</td>
                    <td data-label={t("overview.decided")} className="num">{kr(p.decided)}</td>
                    <td data-label={t("overview.remaining")} className="num">{kr(p.remaining)}</td>
                    <td data-label={t("overview.sharing")} className="num">{p.sharing ?? "–"}</td>
                    <td data-label={t("overview.share")} className="num">{p.share != null ? kr(p.share) : "–"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      ) : null}
    </>
  );
}
