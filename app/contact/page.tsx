import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { getMunicipality } from "@/lib/data/reference";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("contact.title") };
}

export default async function ContactPage() {
  const { t } = await getT();
  const m = await getMunicipality();
  return (
    <>
      <h1>{t("contact.title")}</h1>
      <p>{t("contact.body", { name: `${m.contactName}, ${m.name}` })}</p>
      <dl className="facts">
        <dt>{t("contact.email")}</dt>
        <dd>
          <a href={`mailto:${m.contactEmail}`}>{m.contactEmail}</a>
        </dd>
        <dt>{t("contact.phone")}</dt>
        <dd>
          <a href={`tel:${m.contactPhone.replace(/[^\d+]/g, "")}`}>{m.contactPhone}</a>
        </dd>
      </dl>
    </>
  );
}
