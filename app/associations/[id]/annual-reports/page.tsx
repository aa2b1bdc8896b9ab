import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { getSessionActor } from "@/lib/auth/session";
import { listAnnualReports } from "@/lib/data/annual-reports";
import { ServiceError } from "@/lib/errors";
import { formatDay } from "@/lib/i18n/translate-core";
import { TableWrap } from "@/components/ui/table-wrap";
import { StatusBadge } from "@/components/applications/status-badge";
import { UploadAnnualReportForm } from "./_components/upload-form";

type Props = { params: Promise<{ id: string }> };

// The status colours of globals.css, by what they mean.
const BADGE = { SUBMITTED: "SUBMITTED", ACCEPTED: "APPROVED", RETURNED: "REJECTED" } as const;

async function load(id: string) {
  const actor = await getSessionActor();
  if (!actor) redirect(`/sign-in?callbackUrl=/associations/${id}/annual-reports`);
  try {
    return await listAnnualReports(actor, id);
  } catch (error) {
    if (error instanceof ServiceError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { association } = await load((await params).id);
  const { t } = await getT();
  return { title: t("annualReport.heading", { name: association.name }) };
}

export default async function AnnualReportsPage({ params }: Props) {
  const { id } = await params;
  const data = await load(id);
  const { t } = await getT();
  const { association, requiredYear, requiredYearStatus, reports } = data;
  return (
    <>
      <p>
        <Link href={`/associations/${association.id}`}>← {t("annualReport.back")}</Link>
      </p>
      <h1>{t("annualReport.heading", { name: association.name })}</h1>
      <p className="lead">{t("annualReport.intro")}</p>
      <p className={`alert${requiredYearStatus === "ACCEPTED" ? " success" : requiredYearStatus === "RETURNED" ? " warning" : ""}`}>
        {t("annualReport.required", { year: requiredYear })} {t(`annualReport.requiredStatus.${requiredYearStatus ?? "none"}`)}
      </p>
      {data.isMember ? <UploadAnnualReportForm associationId={association.id} defaultYear={requiredYear} /> : null}
      <h2>{t("annualReport.list")}</h2>
      {reports.length === 0 ? (
        <p>{t("annualReport.empty")}</p>
      ) : (
        <TableWrap label={t("annualReport.list")}>
          <table className="stack">
            <caption className="visually-hidden">{t("annualReport.list")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("annualReport.col.year")}</th>
                <th scope="col">{t("annualReport.col.status")}</th>
                <th scope="col">{t("annualReport.col.uploaded")}</th>
                <th scope="col">{t("annualReport.col.file")}</th>
                <th scope="col">{t("annualReport.col.returnReason")}</th>
              </tr>
            </thead>
            <tbody>
              {reports.map((r) => (
                <tr key={r.id}>
                  <td data-label={t("annualReport.col.year")}>{r.activityYear}</td>
                  <td data-label={t("annualReport.col.status")}>
                    <StatusBadge status={BADGE[r.status]} label={t(`annualReport.status.${r.status}`)} />
                  </td>
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
                  <td data-label={t("annualReport.col.returnReason")}>{r.returnReason ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}
