import type { Metadata } from "next";
import Link from "next/link";
import { getT } from "@/lib/i18n/server";
import { authConfig } from "@/lib/auth/config";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("checkEmail.title") };
}

export default async function CheckEmailPage() {
  const { t } = await getT();
  const catcher = process.env.MAIL_CATCHER_URL;
  return (
    <>
      <h1>{t("checkEmail.title")}</h1>
      <p className="lead">{t("checkEmail.body", { minutes: Math.round(authConfig.signInLinkLifetime / 60) })}</p>
      <p>{t("checkEmail.spam")}</p>
      {catcher ? (
        <div className="alert">
          {t("checkEmail.catcher")} <a href={catcher}>{catcher}</a>
        </div>
      ) : null}
      <p>
        <Link href="/sign-in">{t("checkEmail.again")}</Link>
      </p>
    </>
  );
}
