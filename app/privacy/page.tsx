import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { getMunicipality } from "@/lib/data/reference";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("privacyPage.title") };
}

export default async function PrivacyPage() {
  const { t } = await getT();
  const m = await getMunicipality();
  return (
    <>
      <h1>{t("privacyPage.title")}</h1>
      <p>{t("privacy.what")}</p>
      <p>{t("privacy.why")}</p>
      <p>{t("privacy.howLong")}</p>
      <p>{t("privacy.who", { municipality: m.name, email: m.contactEmail })}</p>
      <p>{t("privacyPage.rights")}</p>
      <p>{t("privacyPage.cookies")}</p>
    </>
  );
}
