import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { getSessionActor } from "@/lib/auth/session";
import { getInvitation } from "@/lib/data/associations";
import { acceptInvitationAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("invitation.accept"), robots: { index: false } };
}

export default async function InvitationPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ error?: string }> }) {
  const { token } = await params;
  const { error } = await searchParams;
  const { t } = await getT();
  const invitation = await getInvitation(token);
  if (!invitation) {
    return (
      <>
        <h1>{t("invitation.accept")}</h1>
        <p className="alert error">{t("invitation.invalid")}</p>
      </>
    );
  }
  const actor = await getSessionActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/invitations/${token}`)}`);
  return (
    <>
      <h1>{t("invitation.title", { association: invitation.association.name })}</h1>
      <p>{t("invitation.body", { association: invitation.association.name, email: invitation.email })}</p>
      {error ? (
        <p className="alert error" role="alert">
          {t(error === "FORBIDDEN" ? "invitation.otherAddress" : "invitation.invalid")}
        </p>
      ) : null}
      {actor.email !== invitation.email ? (
        <p className="alert error">{t("invitation.otherAddress")}</p>
      ) : (
        <form action={acceptInvitationAction}>
          <input type="hidden" name="token" value={token} />
          <button type="submit" className="button">
            {t("invitation.accept")}
          </button>
        </form>
      )}
    </>
  );
}
