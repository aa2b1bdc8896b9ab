import Link from "next/link";
import { getT } from "@/lib/i18n/server";

export async function SiteFooter() {
  const { t } = await getT();
  return (
    <footer className="site-footer">
      <div className="inner">
        <Link href="/accessibility">{t("footer.accessibility")}</Link>
        <Link href="/privacy">{t("footer.privacy")}</Link>
        <Link href="/contact">{t("footer.contact")}</Link>
      </div>
    </footer>
  );
}
