import type { Metadata } from "next";
import Link from "next/link";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("confirm.title"), robots: { index: false } };
}

/**
 * The sign-in mail links here, not to next-auth's callback: opening the link
 * (as mail scanners do) uses nothing up; the button's POST completes sign-in.
 */
export default async function ConfirmSignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { t } = await getT();
  const { token, email, callbackUrl } = await searchParams;
  if (!token || !email) {
    return (
      <>
        <h1>{t("confirm.title")}</h1>
        <p className="alert error">{t("confirm.missing")}</p>
        <Link href="/sign-in">{t("checkEmail.again")}</Link>
      </>
    );
  }
  const action = new URLSearchParams({ token, email, ...(callbackUrl ? { callbackUrl } : {}) });
  return (
    <>
      <h1>{t("confirm.title")}</h1>
      <p className="lead">{t("confirm.body", { email })}</p>
      <form method="post" action={`/api/auth/callback/email?${action.toString()}`}>
        <button type="submit" className="button">
          {t("confirm.button")}
        </button>
      </form>
    </>
  );
}
