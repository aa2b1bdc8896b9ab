import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { getSessionActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { listAnnualReportsToReview } from "@/lib/data/annual-reports";
import { formatDay } from "@/lib/i18n/translate-core";
import { TableWrap } from "@/components/ui/table-wrap";
import { ReviewAnnualReport } from "./_components/review-annual-report";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("annualReport.review.title") };
}

export default async function AnnualReportsToReviewPage() {
  const actor = await getSessionActor();
  if (!actor) redirect("/sign-in?callbackUrl=/coordinator/annual-reports");
  if (!can(actor, "association:review")) notFound();
  const { t } = await getT();
  const reports = await listAnnualReportsToReview(actor);
  return (
    <>
      <p>
        <Link href="/coordinator">← {t("dashboard.title")}</Link>
      </p>
      <h1>{t("annualReport.review.title")}</h1>
      <p className="lead">{t("annualReport.review.intro")}</p>
      <p>
        <Link href="/coordinator/payouts">{t("payout.title")}</Link>
      </p>
      {reports.length === 0 ? (
        <p>{t("annualReport.review.empty")}</p>
      ) : (
        <TableWrap label={t("annualReport.review.title")}>
          <table className="stack">
            <caption className="visually-hidden">{t("annualReport.review.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("annualReport.col.association")}</th>
                <th scope="col">{t("annualReport.col.year")}</th>
                <th scope="col">{t("annualReport.col.uploaded")}</th>
                <th scope="col">{t("annualReport.col.file")}</th>
                <th scope="col">{t("annualReport.col.review")}</th>
              </tr>
            </thead>
            <tbody>
              {reports.map((r) => (
                <tr key={r.id}>
                  <td data-label={t("annualReport.col.association")}>
                    <Link href={`/associations/${r.association.id}/annual-reports`}>{r.association.name}</Link>
                  </td>
                  <td data-label={t("annualReport.col.year")}>{r.activityYear}</td>
                  <td data-label={t("annualReport.col.uploaded")}>{formatDay(r.uploadedAt)}</td>
                  <td data-label={t("annualReport.col.file")}>
                    {r.file ? (
                      <a href={`/files/${r.file.id}`} download>
                        {r.file.originalName}
                      </a>
                    ) : (
                      "–"
                    )}
                  </td>
                  <td data-label={t("annualReport.col.review")}>
                    <ReviewAnnualReport id={r.id} year={r.activityYear} associationName={r.association.name} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}
