import Link from "next/link";
import { getT } from "@/lib/i18n/server";
import type { Actor } from "@/lib/auth/actor";
import { followUpPanel } from "@/lib/data/follow-up";
import { OverdueBadge } from "./overdue-badge";
import { ReportStatus } from "./report-status";

type Application = { id: string; status: string; programYearId: string; association: { id: string } };

/**
 * The follow-up part of a case page: the report (due date, where it stands,
 * the way to it) for the association and the coordinator; the association's
 * overdue reports for staff; and, on a member's draft, why it cannot be
 * submitted while a report is overdue.
 */
export async function FollowUpPanel({ actor, application }: { actor: Actor; application: Application }) {
  const panel = await followUpPanel(actor, {
    id: application.id,
    status: application.status,
    associationId: application.association.id,
    programYearId: application.programYearId,
  });
  const { t } = await getT();
  const report = panel.report;
  const linkText = !report
    ? ""
    : report.viewer.member
      ? t(`followUp.panel.memberLink.${report.status ?? "NONE"}`)
      : t(report.status === "SUBMITTED" ? "followUp.panel.reviewLink" : "followUp.panel.staffLink");
  const href = report?.viewer.member ? `/applications/${application.id}/report` : `/coordinator/reports/${application.id}`;
  return (
    <>
      {panel.blockedBy ? (
        <div className="alert error" role="note">
          <p style={{ marginTop: 0 }}>
            {t("followUp.blocked.notice", { caseNumber: panel.blockedBy.caseNumber ?? panel.blockedBy.title, dueOn: panel.blockedBy.dueOn })}
          </p>
          <p style={{ marginBottom: 0 }}>
            <Link href={`/applications/${panel.blockedBy.applicationId}/report`}>{t("followUp.blocked.link")}</Link>
          </p>
        </div>
      ) : null}
      <OverdueBadge reports={panel.overdue} detailed />
      {report ? (
        <section className="card" aria-labelledby="follow-up-title">
          <h2 id="follow-up-title" style={{ marginTop: 0 }}>
            {t("followUp.panel.title")}
          </h2>
          <dl className="facts">
            <dt>{t("followUp.status")}</dt>
            <dd>
              <ReportStatus status={report.status} obligation={report.obligation} />
            </dd>
            <dt>{t("followUp.dueOn")}</dt>
            <dd>{report.dueOn}</dd>
          </dl>
          <p style={{ marginBottom: 0 }}>
            <Link className="button" href={href}>
              {linkText}
            </Link>
          </p>
        </section>
      ) : null}
    </>
  );
}
