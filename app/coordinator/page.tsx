import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { getSessionActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getDashboard } from "@/lib/data/dashboard";
import { formatKronor } from "@/lib/i18n/translate";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("dashboard.title") };
}

type Task = {
  key: string;
  count: number;
  href: string;
  /** More to say under the headline, already translated. */
  detail?: React.ReactNode;
};

/** The coordinator's start page: what waits today, most pressing first, then the tools. */
export default async function CoordinatorStartPage() {
  const actor = await getSessionActor();
  if (!actor) redirect("/sign-in?callbackUrl=/coordinator");
  if (!can(actor, "application:review")) notFound();
  const { t, locale } = await getT();
  const d = await getDashboard(actor);
  const currentYear = Number(d.today.slice(0, 4));
  const firstYearOf = (byYear: { year: number }[]) => byYear[0]?.year ?? currentYear;
  const kr = (n: number) => formatKronor(n, locale);

  const tasks: Task[] = [
    { key: "associationsToVerify", count: d.associationsToVerify, href: "/coordinator/associations" },
    { key: "applicationsToConsult", count: d.applicationsToConsult, href: "/coordinator/queue?status=SUBMITTED" },
    { key: "consultationsReady", count: d.consultationsReady, href: "/coordinator/queue?status=SUBMITTED" },
    { key: "reportsToReview", count: d.reportsToReview, href: "/coordinator/reports?status=AWAITING_REVIEW" },
    { key: "overdueReports", count: d.overdueReports, href: "/coordinator/reports?status=OVERDUE" },
    {
      key: "payoutsReady",
      count: d.payoutsReady.count,
      href: `/coordinator/payouts?${new URLSearchParams({ year: String(firstYearOf(d.payoutsReady.byYear)), status: "ready" })}`,
      detail: (
        <>
          {t("dashboard.payoutsReady.amount", { amount: kr(d.payoutsReady.amount) })}
          {d.payoutsReady.byYear.length > 1 ? <YearLinks t={t} byYear={d.payoutsReady.byYear.map((y) => ({ year: y.year, count: y.count }))} status="ready" /> : null}
        </>
      ),
    },
    {
      key: "missingAnnualReports",
      count: d.missingAnnualReports.associations,
      href: `/coordinator/payouts?${new URLSearchParams({ year: String(firstYearOf(d.missingAnnualReports.byYear)), status: "blocked" })}`,
      detail: (
        <>
          {d.missingAnnualReports.handedIn > 0 ? t("dashboard.missingAnnualReports.handedIn", { count: d.missingAnnualReports.handedIn }) : null}
          {d.missingAnnualReports.byYear.length > 1 ? (
            <YearLinks t={t} byYear={d.missingAnnualReports.byYear.map((y) => ({ year: y.year, count: y.associations }))} status="blocked" />
          ) : null}
        </>
      ),
    },
    { key: "annualReportsToReview", count: d.annualReportsToReview, href: "/coordinator/annual-reports" },
    { key: "unreadMessages", count: d.unreadMessages, href: "/coordinator/messages" },
    { key: "failedMails", count: d.failedMails, href: "/coordinator/mail?status=FAILED" },
  ];
  const waiting = tasks.filter((task) => task.count > 0);
  const clear = tasks.filter((task) => task.count === 0);
  const label = (key: string) => t(`dashboard.${key}`, { year: d.missingAnnualReports.year });

  return (
    <>
      <h1>{t("dashboard.title")}</h1>
      <p className="lead">{t("dashboard.intro", { date: d.today })}</p>
      {waiting.length === 0 ? (
        <div className="alert success" role="status">
          <p style={{ margin: 0 }}>{t("dashboard.allClear")}</p>
        </div>
      ) : (
        <ul className="work-list" aria-label={t("dashboard.waiting")}>
          {waiting.map((task) => (
            <li key={task.key} className="work-item">
              <Link href={task.href} className="work-link">
                <span className="work-count">{task.count}</span> <span className="work-label">{label(task.key)}</span>
              </Link>
              <p className="muted work-hint">
                {t(`dashboard.${task.key}.hint`)} {task.detail}
              </p>
            </li>
          ))}
        </ul>
      )}
      {clear.length > 0 && waiting.length > 0 ? (
        <>
          <h2>{t("dashboard.nothingWaiting")}</h2>
          <ul className="work-clear">
            {clear.map((task) => (
              <li key={task.key}>
                <Link href={task.href}>{label(task.key)}</Link> – {t("dashboard.none")}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t("dashboard.tools")}</h2>
      <ul className="work-tools">
        <li>
          <Link href="/coordinator/queue">{t("queue.title")}</Link>
        </li>
        <li>
          <Link href="/coordinator/allocations">{t("allocation.title")}</Link>
        </li>
        <li>
          <Link href="/coordinator/overview">{t("overview.title")}</Link>
        </li>
        <li>
          <Link href="/coordinator/reports">{t("dashboard.tool.reports")}</Link>
        </li>
        <li>
          <Link href="/coordinator/annual-reports">{t("annualReport.review.title")}</Link>
        </li>
        <li>
          <Link href="/coordinator/payouts">{t("payout.title")}</Link>
        </li>
        <li>
          <Link href="/coordinator/messages">{t("dashboard.tool.messages")}</Link>
        </li>
        <li>
          <Link href="/coordinator/figures">{t("figures.title")}</Link>
        </li>
        {can(actor, "outbox:manage") ? (
          <li>
            <Link href="/coordinator/mail">{t("outbox.title")}</Link>
          </li>
        ) : null}
        {can(actor, "reminder:read") ? (
          <li>
            <Link href="/coordinator/reminders">{t("reminders.title")}</Link>
          </li>
        ) : null}
        {can(actor, "audit:read") ? (
          <li>
            <Link href="/coordinator/audit">{t("audit.title")}</Link>
          </li>
        ) : null}
      </ul>
    </>
  );
}

function YearLinks({ t, byYear, status }: { t: (key: string, vars?: Record<string, string | number>) => string; byYear: { year: number; count: number }[]; status: string }) {
  return (
    <span className="work-years">
      {t("dashboard.perYear")}{" "}
      {byYear.map((y, i) => (
        <span key={y.year}>
          {i > 0 ? ", " : null}
          <Link href={`/coordinator/payouts?${new URLSearchParams({ year: String(y.year), status })}`}>{t("dashboard.yearCount", { year: y.year, count: y.count })}</Link>
        </span>
      ))}
    </span>
  );
}
