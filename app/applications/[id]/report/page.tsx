import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { getSessionActor } from "@/lib/auth/session";
import { getFollowUpReport } from "@/lib/data/follow-up";
import { ServiceError } from "@/lib/errors";
import { formatKronor } from "@/lib/i18n/translate";
import { ReportStatus } from "@/components/follow-up/report-status";
import { ReportContent } from "@/components/follow-up/report-content";
import { ReportHistory } from "@/components/follow-up/report-history";
import { ReportForm } from "./_components/report-form";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ submitted?: string }> };

async function load(id: string) {
  const actor = await getSessionActor();
  if (!actor) redirect(`/sign-in?callbackUrl=/applications/${id}/report`);
  try {
    return { actor, view: await getFollowUpReport(actor, id) };
  } catch (error) {
    if (error instanceof ServiceError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { view } = await load((await params).id);
  const { t } = await getT();
  return { title: t("followUp.page.title", { caseNumber: view.application.caseNumber ?? view.application.title }) };
}

/** The association's follow-up report on one grant: the form while it is theirs to write, and every round sent. */
export default async function FollowUpReportPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { submitted } = await searchParams;
  const { view } = await load(id);
  // The coordinator reviews on their own page; this one is the association's.
  if (!view.viewer.member) redirect(`/coordinator/reports/${id}`);
  const { t, locale } = await getT();
  const a = view.application;
  const last = view.rounds.at(-1);
  return (
    <>
      <p>
        <Link href={`/applications/${a.id}`}>← {a.caseNumber ?? a.title}</Link>
      </p>
      <h1>{t("followUp.page.title", { caseNumber: a.caseNumber ?? a.title })}</h1>
      <p className="lead">
        {a.title} · {a.association.name}
        {a.partnerTown ? ` · ${a.partnerTown}` : ""}
      </p>
      {submitted && view.status === "SUBMITTED" ? (
        <div className="alert success" role="status">
          {t("followUp.page.submittedNotice")}
        </div>
      ) : null}
      <dl className="facts">
        <dt>{t("followUp.status")}</dt>
        <dd>
          <ReportStatus status={view.status} obligation={view.obligation} />
        </dd>
        <dt>{t("followUp.dueOn")}</dt>
        <dd>
          <strong>{view.dueOn}</strong>
          {view.obligation === "OPEN" && view.daysLeft >= 0 ? ` (${t("followUp.daysLeft", { count: view.daysLeft })})` : ""}
        </dd>
        <dt>{t("decision.amount")}</dt>
        <dd>{formatKronor(a.approvedAmount, locale)}</dd>
      </dl>
      {view.status === "RETURNED" && last?.comment ? (
        <section className="alert warning" aria-labelledby="returned-title">
          <h2 id="returned-title" style={{ marginTop: 0 }}>
            {t("followUp.page.returnedTitle")}
          </h2>
          <p style={{ whiteSpace: "pre-wrap" }}>{last.comment}</p>
          <p style={{ marginBottom: 0 }}>{t("followUp.page.returnedHint")}</p>
        </section>
      ) : null}
      {view.obligation === "OVERDUE" ? <p className="alert error">{t("followUp.page.overdue", { dueOn: view.dueOn })}</p> : null}
      {view.canEdit ? (
        <>
          <p>{t("followUp.page.intro")}</p>
          <ReportForm view={view} />
        </>
      ) : last ? (
        <section aria-labelledby="latest-title">
          <h2 id="latest-title">{t(view.status === "ACCEPTED" ? "followUp.page.accepted" : "followUp.page.awaiting")}</h2>
          <ReportContent content={last.content} />
        </section>
      ) : null}
      <ReportHistory rounds={view.rounds} />
    </>
  );
}
