import type { Metadata } from "next";
import Link from "next/link";
import { TableWrap } from "@/components/ui/table-wrap";
import { listProgramYears } from "@/lib/data/admin";
import { getT } from "@/lib/i18n/server";
import { formatKronor } from "@/lib/i18n/translate";
import { BackLink } from "../_components/back-link";
import { orNotFound, signedInActor } from "../_components/guard";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("admin.programs.title") };
}

export default async function ProgramsPage() {
  const actor = await signedInActor("/admin/programs");
  const years = await orNotFound(listProgramYears(actor));
  const { t, locale } = await getT();
  return (
    <>
      <BackLink href="/admin" label={t("admin.back")} />
      <h1>{t("admin.programs.title")}</h1>
      <p className="lead">{t("admin.programs.intro")}</p>
      <p>
        <Link className="button" href="/admin/programs/new">
          {t("admin.programs.create")}
        </Link>
      </p>
      {years.length === 0 ? (
        <p>{t("admin.programs.empty")}</p>
      ) : (
        <TableWrap label={t("admin.programs.title")}>
          <table className="stack">
            <caption className="visually-hidden">{t("admin.programs.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.programs.col.year")}</th>
                <th scope="col">{t("admin.programs.col.period")}</th>
                <th scope="col" className="num">
                  {t("admin.programs.col.baseCap")}
                </th>
                <th scope="col" className="num">
                  {t("admin.programs.col.activityCap")}
                </th>
                <th scope="col" className="num">
                  {t("admin.programs.col.budget")}
                </th>
              </tr>
            </thead>
            <tbody>
              {years.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link href={`/admin/programs/${p.id}`} aria-label={t("admin.editLink", { name: t("admin.programs.editTitle", { year: p.year }) })}>
                      {p.year}
                    </Link>
                  </th>
                  <td data-label={t("admin.programs.col.period")}>
                    {p.opensOn} – {p.closesOn}
                  </td>
                  <td data-label={t("admin.programs.col.baseCap")} className="num">
                    {formatKronor(p.baseCapPerTown, locale)}
                  </td>
                  <td data-label={t("admin.programs.col.activityCap")} className="num">
                    {formatKronor(p.activityCapPerTown, locale)}
                  </td>
                  <td data-label={t("admin.programs.col.budget")} className="num">
                    {p.budget === null ? t("admin.programs.noBudget") : formatKronor(p.budget, locale)}
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
