import type { Metadata } from "next";
import Link from "next/link";
import { TableWrap } from "@/components/ui/table-wrap";
import { listPartnerTowns } from "@/lib/data/admin";
import { getT } from "@/lib/i18n/server";
import { BackLink } from "../_components/back-link";
import { orNotFound, signedInActor } from "../_components/guard";
import { PartnerTownForm } from "./_components/partner-town-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("admin.partnerTowns.title") };
}

export default async function PartnerTownsPage() {
  const actor = await signedInActor("/admin/partner-towns");
  const towns = await orNotFound(listPartnerTowns(actor));
  const { t } = await getT();
  return (
    <>
      <BackLink href="/admin" label={t("admin.back")} />
      <h1>{t("admin.partnerTowns.title")}</h1>
      <p className="lead">{t("admin.partnerTowns.intro")}</p>
      {towns.length === 0 ? (
        <p>{t("admin.partnerTowns.empty")}</p>
      ) : (
        <TableWrap label={t("admin.partnerTowns.title")}>
          <table className="stack">
            <caption className="visually-hidden">{t("admin.partnerTowns.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.partnerTown.name")}</th>
                <th scope="col">{t("admin.partnerTown.country")}</th>
                <th scope="col">{t("admin.partnerTown.kind")}</th>
                <th scope="col">{t("admin.partnerTown.distanceClass")}</th>
                <th scope="col">{t("admin.status.active")}</th>
                <th scope="col">{t("admin.col.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {towns.map((town) => (
                <tr key={town.id}>
                  <td data-label={t("admin.partnerTown.name")}>{town.name}</td>
                  <td data-label={t("admin.partnerTown.country")}>{town.country}</td>
                  <td data-label={t("admin.partnerTown.kind")}>{t(`admin.kind.${town.kind}`)}</td>
                  <td data-label={t("admin.partnerTown.distanceClass")}>{t(`admin.distance.${town.distanceClass}`)}</td>
                  <td data-label={t("admin.status.active")}>{town.active ? t("common.yes") : t("common.no")}</td>
                  <td data-label={t("admin.col.actions")}>
                    <Link href={`/admin/partner-towns/${town.id}`} aria-label={t("admin.editLink", { name: town.name })}>
                      {t("common.edit")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <h2>{t("admin.partnerTowns.create")}</h2>
      <PartnerTownForm />
    </>
  );
}
