import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { getSessionActor } from "@/lib/auth/session";
import { listPartnerTowns } from "@/lib/data/reference";
import { RegistrationForm } from "./_components/registration-form";
import { PrivacyNotice } from "@/components/privacy-notice";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("association.register.title") };
}

export default async function RegisterAssociationPage() {
  const actor = await getSessionActor();
  if (!actor) redirect("/sign-in?callbackUrl=/associations/new");
  const { t } = await getT();
  const towns = await listPartnerTowns({ activeOnly: true });
  return (
    <>
      <h1>{t("association.register.title")}</h1>
      <p className="lead">{t("association.register.intro")}</p>
      <PrivacyNotice />
      <RegistrationForm towns={towns.map((town) => ({ id: town.id, label: `${town.name} (${town.country})` }))} defaultEmail={actor.email} defaultName={actor.name ?? ""} />
    </>
  );
}
