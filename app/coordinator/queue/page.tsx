import type { Metadata } from "next";
import { formatDay } from "@/lib/i18n/translate-core";
import Link from "next/link";
import { TableWrap } from "@/components/ui/table-wrap";
import { ConsultSelectedForm } from "./_components/consult-selected-form";
import { addCalendarMonths, todayIn } from "@/lib/domain/dates";
import { notFound, redirect } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { getSessionActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { listQueue, type QueueFilters } from "@/lib/data/applications";
import { listPartnerTowns, listProgramYears } from "@/lib/data/reference";
import { formatKronor } from "@/lib/i18n/translate";
import { StatusBadge } from "@/components/applications/status-badge";
import { overdueReportsOf } from "@/lib/data/follow-up";
import { OverdueBadge } from "@/components/follow-up/overdue-badge";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("queue.title") };
}

type Search = Record<string, string | undefined>;
const STATUSES = ["SUBMITTED", "APPROVED", "REJECTED", "WITHDRAWN"] as const;

function parseFilters(s: Search): QueueFilters {
  return {
    year: s.year && /^\d{4}$/.test(s.year) ? Number(s.year) : undefined,
    partnerTownId: s.town || undefined,
    grantKind: s.kind === "BASE" || s.kind === "ACTIVITY" ? s.kind : undefined,
    status: (STATUSES as readonly string[]).includes(s.status ?? "") ? (s.status as QueueFilters["status"]) : undefined,
    after: s.after || undefined,
  };
}

export default async function CoordinatorQueuePage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await getSessionActor();
  if (!actor) redirect("/sign-in?callbackUrl=/coordinator/queue");
  if (!can(actor, "application:review")) notFound();
  const { t, locale } = await getT();
  const search = await searchParams;
  const filters = parseFilters(search);
  const [queue, towns, years] = await Promise.all([listQueue(actor, filters), listPartnerTowns(), listProgramYears()]);
  // Associations on this page with an overdue follow-up report: one query for the page.
  const overdue = await overdueReportsOf(queue.items.map((a) => a.association.id), todayIn(new Date()));
  const keep = new URLSearchParams(Object.entries({ year: search.year, town: search.town, kind: search.kind, status: search.status }).filter(([, v]) => v) as [string, string][]);
  const nextHref = queue.nextCursor ? `/coordinator/queue?${new URLSearchParams([...keep, ["after", queue.nextCursor]])}` : null;
  return (
    <>
      <p>
        <Link href="/coordinator">← {t("dashboard.title")}</Link>
      </p>
      <h1>{t("queue.title")}</h1>
      <form method="get" className="filters card" role="search" aria-label={t("queue.filters")}>
        <div className="field">
          <label htmlFor="f-year">{t("application.field.programYear")}</label>
          <select id="f-year" name="year" defaultValue={search.year ?? ""}>
            <option value="">{t("common.all")}</option>
            {years.map((y) => (
              <option key={y.id} value={y.year}>
                {y.year}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-town">{t("application.field.partnerTownId")}</label>
          <select id="f-town" name="town" defaultValue={search.town ?? ""}>
            <option value="">{t("common.all")}</option>
            {towns.map((town) => (
              <option key={town.id} value={town.id}>
                {town.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-kind">{t("application.field.grantKind")}</label>
          <select id="f-kind" name="kind" defaultValue={search.kind ?? ""}>
            <option value="">{t("common.all")}</option>
            <option value="BASE">{t("grantKind.BASE")}</option>
            <option value="ACTIVITY">{t("grantKind.ACTIVITY")}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-status">{t("application.status")}</label>
          <select id="f-status" name="status" defaultValue={search.status ?? ""}>
            <option value="">{t("common.all")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`application.statusName.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t("common.filter")}
        </button>
      </form>
      {queue.items.length === 0 ? (
        <p>{t("queue.empty")}</p>
      ) : (
        <TableWrap label={t("queue.title")}>
          <table className="stack">
            <caption className="visually-hidden">{t("queue.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("queue.select")}</th>
                <th scope="col">{t("application.caseNumber")}</th>
                <th scope="col">{t("application.field.association")}</th>
                <th scope="col">{t("application.field.title")}</th>
                <th scope="col">{t("application.field.grantKind")}</th>
                <th scope="col">{t("application.field.partnerTownId")}</th>
                <th scope="col" className="num">
                  {t("application.field.requestedAmount")}
                </th>
                <th scope="col">{t("application.status")}</th>
                <th scope="col">{t("application.submittedAt")}</th>
              </tr>
            </thead>
            <tbody>
              {queue.items.map((a) => (
                <tr key={a.id}>
                  <td data-label={t("queue.select")}>
                    {a.status === "SUBMITTED" ? (
                      <input
                        type="checkbox"
                        name="applicationIds"
                        value={a.id}
                        form="consult-selected"
                        aria-label={t("queue.selectCase", { caseNumber: a.caseNumber ?? "" })}
                      />
                    ) : null}
                  </td>
                  <td data-label={t("application.caseNumber")}>
                    <Link href={`/applications/${a.id}`}>{a.caseNumber}</Link>
                  </td>
                  <td data-label={t("application.field.association")}>
                    {a.association.name}
                    {overdue.has(a.association.id) ? (
                      <div>
                        <OverdueBadge reports={overdue.get(a.association.id)!} />
                      </div>
                    ) : null}
                  </td>
                  <td data-label={t("application.field.title")}>{a.title}</td>
                  <td data-label={t("application.field.grantKind")}>{t(`grantKind.${a.grantKind}`)}</td>
                  <td data-label={t("application.field.partnerTownId")}>{a.partnerTown?.name ?? "–"}</td>
                  <td data-label={t("application.field.requestedAmount")} className="num">{a.requestedAmount != null ? formatKronor(a.requestedAmount, locale) : "–"}</td>
                  <td data-label={t("application.status")}>
                    <StatusBadge status={a.status} label={t(`application.statusName.${a.status}`)} />
                    {a.exceedsBudget ? <div className="error">{t("queue.exceedsBudget")}</div> : null}
                  </td>
                  <td data-label={t("application.submittedAt")}>{a.submittedAt ? formatDay(a.submittedAt) : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {queue.items.some((a) => a.status === "SUBMITTED") ? <ConsultSelectedForm defaultClosesOn={addCalendarMonths(todayIn(new Date()), 1)} /> : null}
      <nav className="pagination" aria-label={t("queue.pages")}>
        {filters.after ? <Link href={`/coordinator/queue?${keep}`}>{t("queue.first")}</Link> : null}
        {nextHref ? <Link href={nextHref}>{t("common.next")}</Link> : null}
      </nav>
    </>
  );
}
