import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { getMunicipality } from "@/lib/data/reference";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("a11y.title") };
}

export default async function AccessibilityPage() {
  const { t } = await getT();
  const m = await getMunicipality();
  return (
    <>
      <h1>{t("a11y.title")}</h1>
      <p className="lead">{t("a11y.intro", { municipality: m.name })}</p>
      <h2>{t("a11y.statusHeading")}</h2>
      <p>{t("a11y.status")}</p>
      <h2>{t("a11y.knownHeading")}</h2>
      <p>{t("a11y.known")}</p>
      <h2>{t("a11y.reportHeading")}</h2>
      <p>{t("a11y.report", { name: m.contactName, email: m.contactEmail, phone: m.contactPhone })}</p>
      <h2>{t("a11y.supervisionHeading")}</h2>
      <p>{t("a11y.supervision")}</p>
      <p className="muted">{t("a11y.assessed")}</p>
    </>
  );
}
