import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { getSessionActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { listFollowUpReports } from "@/lib/data/follow-up";
import { listProgramYears } from "@/lib/data/reference";
import { FOLLOW_UP_LIST_STATUSES, FollowUpListQuerySchema } from "@/lib/schemas/follow-up";
import { formatDay } from "@/lib/i18n/translate-core";
import { TableWrap } from "@/components/ui/table-wrap";
import { ReportStatus } from "@/components/follow-up/report-status";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("followUp.list.title") };
}

type Search = Record<string, string | undefined>;

/** The coordinator's reports: by default those waiting for review; also overdue, open, accepted, or all; by year. */
export default async function FollowUpReportsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await getSessionActor();
  if (!actor) redirect("/sign-in?callbackUrl=/coordinator/reports");
  if (!can(actor, "report:review")) notFound();
  const { t } = await getT();
  const search = await searchParams;
  // A hand-edited address with a bad filter shows the default list rather than an error.
  const parsed = FollowUpListQuerySchema.safeParse({ status: search.status || undefined, year: search.year, after: search.after });
  const query = parsed.success ? parsed.data : FollowUpListQuerySchema.parse({});
  const [list, years] = await Promise.all([listFollowUpReports(actor, query), listProgramYears()]);
  const keep = new URLSearchParams(
    Object.entries({ status: parsed.success ? search.status : undefined, year: parsed.success ? search.year : undefined }).filter(([, v]) => v) as [string, string][],
  );
  const nextHref = list.nextCursor ? `/coordinator/reports?${new URLSearchParams([...keep, ["after", list.nextCursor]])}` : null;
  const title = t(`followUp.list.heading.${query.status}`);
  return (
    <>
      <p>
        <Link href="/coordinator">← {t("nav.coordinator")}</Link>
      </p>
      <h1>{t("followUp.list.title")}</h1>
      <p className="lead">{t("followUp.list.intro")}</p>
      <form method="get" className="filters card" role="search" aria-label={t("followUp.list.filters")}>
        <div className="field">
          <label htmlFor="f-status">{t("followUp.list.show")}</label>
          <select id="f-status" name="status" defaultValue={query.status}>
            {FOLLOW_UP_LIST_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`followUp.list.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-year">{t("application.field.programYear")}</label>
          <select id="f-year" name="year" defaultValue={query.year ? String(query.year) : ""}>
            <option value="">{t("common.all")}</option>
            {years.map((y) => (
              <option key={y.id} value={y.year}>
                {y.year}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t("common.filter")}
        </button>
      </form>
      <h2>{title}</h2>
      {list.items.length === 0 ? (
        <p>{t("followUp.list.empty")}</p>
      ) : (
        <TableWrap label={title}>
          <table className="stack">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t("application.caseNumber")}</th>
                <th scope="col">{t("application.field.association")}</th>
                <th scope="col">{t("application.field.title")}</th>
                <th scope="col">{t("followUp.dueOn")}</th>
                <th scope="col">{t("followUp.status")}</th>
                <th scope="col">{t("followUp.list.submittedAt")}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((r) => (
                <tr key={r.applicationId}>
                  <td data-label={t("application.caseNumber")}>
                    <Link href={`/coordinator/reports/${r.applicationId}`}>{r.caseNumber ?? r.title}</Link>
                  </td>
                  <td data-label={t("application.field.association")}>
                    <Link href={`/associations/${r.association.id}`}>{r.association.name}</Link>
                  </td>
                  <td data-label={t("application.field.title")}>{r.title}</td>
                  <td data-label={t("followUp.dueOn")}>{r.dueOn}</td>
                  <td data-label={t("followUp.status")}>
                    <ReportStatus status={r.status} obligation={r.obligation} />
                    {r.rounds > 1 ? <div className="muted">{t("followUp.list.rounds", { count: r.rounds })}</div> : null}
                  </td>
                  <td data-label={t("followUp.list.submittedAt")}>{r.submittedAt ? formatDay(new Date(r.submittedAt)) : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <nav className="pagination" aria-label={t("followUp.list.pages")}>
        {query.after ? <Link href={`/coordinator/reports?${keep}`}>{t("queue.first")}</Link> : null}
        {nextHref ? <Link href={nextHref}>{t("common.next")}</Link> : null}
      </nav>
    </>
  );
}
