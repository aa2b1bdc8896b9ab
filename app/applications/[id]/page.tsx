import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { getSessionActor } from "@/lib/auth/session";
import { getApplication } from "@/lib/data/applications";
import { listObjectives } from "@/lib/data/reference";
import { ServiceError } from "@/lib/errors";
import { ApplicationDetails } from "@/components/applications/application-details";
import { WithdrawButton } from "./_components/withdraw-button";

type Props = { params: Promise<{ id: string }> };

async function load(id: string) {
  const actor = await getSessionActor();
  if (!actor) redirect(`/sign-in?callbackUrl=/applications/${id}`);
  try {
    return { actor, application: await getApplication(actor, id) };
  } catch (error) {
    if (error instanceof ServiceError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { application } = await load((await params).id);
  const { t } = await getT();
  return { title: application.caseNumber ?? (application.title || t("application.untitled")) };
}

export default async function ApplicationPage({ params }: Props) {
  const { id } = await params;
  const { application: a } = await load(id);
  const { t, locale } = await getT();
  const objectives = (await listObjectives()).map((o) => ({ id: o.id, text: locale === "sv" ? o.textSv : o.textEn }));
  return (
    <>
      <p>
        <Link href="/my">← {t("nav.myPages")}</Link>
      </p>
      <h1>
        {a.caseNumber ? `${a.caseNumber} – ` : ""}
        {t(`grantKind.${a.grantKind}`)}
      </h1>
      {a.status === "DRAFT" ? (
        <p>
          <Link className="button" href={`/applications/${a.id}/edit`}>
            {t("application.continueEditing")}
          </Link>
        </p>
      ) : null}
      <ApplicationDetails a={a} objectives={objectives} />
      {a.status === "SUBMITTED" ? <WithdrawButton id={a.id} /> : null}
    </>
  );
}
