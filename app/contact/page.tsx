import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { getSessionActor } from "@/lib/auth/session";
import { getMunicipality } from "@/lib/data/reference";
import { CONTACT_SERVICES } from "@/lib/schemas/message";
import { ContactForm } from "./_components/contact-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("contact.title") };
}

export default async function ContactPage() {
  const { t } = await getT();
  const [m, actor] = await Promise.all([getMunicipality(), getSessionActor()]);
  return (
    <>
      <h1>{t("contact.title")}</h1>
      <p>{t("contact.body", { name: `${m.contactName}, ${m.name}` })}</p>
      <section className="card" aria-labelledby="contact-form-title">
        <h2 id="contact-form-title" style={{ marginTop: 0 }}>
          {t("contact.form.title")}
        </h2>
        <p>{t("contact.form.intro")}</p>
        <ContactForm
          services={CONTACT_SERVICES.map((s) => ({ value: s, label: t(`contact.service.${s}`) }))}
          recipient={`${m.contactName}, ${m.name}`}
          defaultName={actor?.name ?? ""}
          defaultEmail={actor?.email ?? ""}
        />
      </section>
      <section aria-labelledby="contact-other-title">
        <h2 id="contact-other-title">{t("contact.form.otherWays")}</h2>
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
      </section>
    </>
  );
}
