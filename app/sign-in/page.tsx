import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { getSessionActor } from "@/lib/auth/session";
import { SignInForm } from "./_components/sign-in-form";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { appUrl } from "@/lib/env";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("signIn.title") };
}

const KNOWN_ERRORS = ["RateLimited", "EmailSignin", "Verification", "AccessDenied"];

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { t } = await getT();
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl, appUrl());
  if (await getSessionActor()) redirect(callbackUrl);
  const error = params.error ? (KNOWN_ERRORS.includes(params.error) ? `signIn.error.${params.error}` : "signIn.error.default") : null;
  return (
    <>
      <h1>{t("signIn.title")}</h1>
      <p className="lead">{t("signIn.intro")}</p>
      {error ? (
        <div className="alert error" role="alert">
          {t(error)}
        </div>
      ) : null}
      <SignInForm callbackUrl={callbackUrl} />
      <p className="muted">{t("signIn.newcomer")}</p>
    </>
  );
}
