import type { Metadata } from "next";
import { getPartnerTown } from "@/lib/data/admin";
import { getT } from "@/lib/i18n/server";
import { BackLink } from "../../_components/back-link";
import { orNotFound, signedInActor } from "../../_components/guard";
import { PartnerTownForm } from "../_components/partner-town-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("admin.partnerTowns.editTitle") };
}

export default async function EditPartnerTownPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await signedInActor(`/admin/partner-towns/${id}`);
  const town = await orNotFound(getPartnerTown(actor, id));
  const { t } = await getT();
  return (
    <>
      <BackLink href="/admin/partner-towns" label={t("admin.partnerTowns.title")} />
      <h1>{t("admin.partnerTowns.editTitle")}</h1>
      <p className="lead">{town.name}</p>
      <PartnerTownForm town={{ id: town.id, name: town.name, country: town.country, kind: town.kind, distanceClass: town.distanceClass, active: town.active }} />
    </>
  );
}
