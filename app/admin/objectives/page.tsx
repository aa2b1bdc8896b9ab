import type { Metadata } from "next";
import Link from "next/link";
import { TableWrap } from "@/components/ui/table-wrap";
import { listObjectives } from "@/lib/data/admin";
import { getT } from "@/lib/i18n/server";
import { BackLink } from "../_components/back-link";
import { orNotFound, signedInActor } from "../_components/guard";
import { ObjectiveForm } from "./_components/objective-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("admin.objectives.title") };
}

export default async function ObjectivesPage() {
  const actor = await signedInActor("/admin/objectives");
  const objectives = await orNotFound(listObjectives(actor));
  const { t, locale } = await getT();
  const nextSortOrder = objectives.reduce((max, o) => Math.max(max, o.sortOrder), 0) + 1;
  return (
    <>
      <BackLink href="/admin" label={t("admin.back")} />
      <h1>{t("admin.objectives.title")}</h1>
      <p className="lead">{t("admin.objectives.intro")}</p>
      {objectives.length === 0 ? (
        <p>{t("admin.objectives.empty")}</p>
      ) : (
        <TableWrap label={t("admin.objectives.title")}>
          <table className="stack">
            <caption className="visually-hidden">{t("admin.objectives.title")}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t("admin.objective.sortOrder")}
                </th>
                <th scope="col">{locale === "sv" ? t("admin.objective.textSv") : t("admin.objective.textEn")}</th>
                <th scope="col">{t("admin.status.active")}</th>
                <th scope="col">{t("admin.col.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {objectives.map((o) => (
                <tr key={o.id}>
                  <td data-label={t("admin.objective.sortOrder")} className="num">
                    {o.sortOrder}
                  </td>
                  <td data-label={locale === "sv" ? t("admin.objective.textSv") : t("admin.objective.textEn")} lang={locale}>{locale === "sv" ? o.textSv : o.textEn}</td>
                  <td data-label={t("admin.status.active")}>{o.active ? t("common.yes") : t("common.no")}</td>
                  <td data-label={t("admin.col.actions")}>
                    <Link href={`/admin/objectives/${o.id}`} aria-label={t("admin.editLink", { name: locale === "sv" ? o.textSv : o.textEn })}>
                      {t("common.edit")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <h2>{t("admin.objectives.create")}</h2>
      <ObjectiveForm nextSortOrder={nextSortOrder} />
    </>
  );
}
