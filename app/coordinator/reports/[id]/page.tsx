import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { getSessionActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getFollowUpReport, overdueReportsOf } from "@/lib/data/follow-up";
import { ServiceError } from "@/lib/errors";
import { todayIn } from "@/lib/domain/dates";
import { formatKronor } from "@/lib/i18n/translate";
import { ReportStatus } from "@/components/follow-up/report-status";
import { ReportContent } from "@/components/follow-up/report-content";
import { ReportHistory } from "@/components/follow-up/report-history";
import { OverdueBadge } from "@/components/follow-up/overdue-badge";
import { ReviewReport } from "./_components/review-report";

type Props = { params: Promise<{ id: string }> };

async function load(id: string) {
  const actor = await getSessionActor();
  if (!actor) redirect(`/sign-in?callbackUrl=/coordinator/reports/${id}`);
  if (!can(actor, "report:review")) notFound();
  try {
    const view = await getFollowUpReport(actor, id);
    if (!view.viewer.reviewer) notFound();
    return { actor, view };
  } catch (error) {
    if (error instanceof ServiceError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { view } = await load((await params).id);
  const { t } = await getT();
  return { title: t("followUp.review.pageTitle", { caseNumber: view.application.caseNumber ?? view.application.title }) };
}

/** The coordinator's page for one report: the latest round to review, the decision, and every round before it. */
export default async function ReviewFollowUpReportPage({ params }: Props) {
  const { id } = await params;
  const { view } = await load(id);
  const { t, locale } = await getT();
  const a = view.application;
  const last = view.rounds.at(-1);
  const overdue = (await overdueReportsOf([a.association.id], todayIn(new Date()))).get(a.association.id) ?? [];
  return (
    <>
      <p>
        <Link href="/coordinator/reports">← {t("followUp.list.title")}</Link>
      </p>
      <h1>{t("followUp.review.pageTitle", { caseNumber: a.caseNumber ?? a.title })}</h1>
      <p className="lead">
        <Link href={`/applications/${a.id}`}>{a.title}</Link> · {a.association.name}
        {a.partnerTown ? ` · ${a.partnerTown}` : ""}
      </p>
      <OverdueBadge reports={overdue} detailed />
      <dl className="facts">
        <dt>{t("followUp.status")}</dt>
        <dd>
          <ReportStatus status={view.status} obligation={view.obligation} />
        </dd>
        <dt>{t("followUp.dueOn")}</dt>
        <dd>{view.dueOn}</dd>
        <dt>{t("decision.amount")}</dt>
        <dd>{formatKronor(a.approvedAmount, locale)}</dd>
        <dt>{t("followUp.planned")}</dt>
        <dd>
          {t("followUp.plannedText", {
            start: a.planned.startDate ?? "–",
            end: a.planned.endDate ?? "–",
            total: a.planned.participantsTotal ?? "–",
            young: a.planned.participantsUnder26 ?? "–",
          })}
        </dd>
      </dl>
      {view.canReview && last ? (
        <>
          <section aria-labelledby="latest-title">
            <h2 id="latest-title">{t("followUp.review.latest", { n: last.round })}</h2>
            <ReportContent content={last.content} />
          </section>
          <ReviewReport applicationId={a.id} round={last.round} />
        </>
      ) : (
        <p className={view.status === "ACCEPTED" ? "alert success" : "alert"}>{t(`followUp.review.state.${view.status ?? "NONE"}`)}</p>
      )}
      <ReportHistory rounds={view.rounds} />
    </>
  );
}
