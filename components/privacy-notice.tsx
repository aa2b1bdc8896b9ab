import Link from "next/link";
import { getT } from "@/lib/i18n/server";
import { getMunicipality } from "@/lib/data/reference";

/** Shown where personal data is collected: what, why, how long, who to ask. */
export async function PrivacyNotice() {
  const { t } = await getT();
  const m = await getMunicipality();
  return (
    <details className="card">
      <summary>
        <strong>{t("privacy.summary")}</strong>
      </summary>
      <p>{t("privacy.what")}</p>
      <p>{t("privacy.why")}</p>
      <p>{t("privacy.howLong")}</p>
      <p>{t("privacy.who", { municipality: m.name, email: m.contactEmail })}</p>
      <p>
        <Link href="/privacy">{t("privacy.readMore")}</Link>
      </p>
    </details>
  );
}
