import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { getSessionActor } from "@/lib/auth/session";
import { getDraftFormContext } from "@/lib/data/applications";
import { ServiceError } from "@/lib/errors";
import { ApplicationForm } from "./_components/application-form";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("application.edit.title") };
}

export default async function EditApplicationPage({ params }: Props) {
  const { id } = await params;
  const actor = await getSessionActor();
  if (!actor) redirect(`/sign-in?callbackUrl=/applications/${id}/edit`);
  let ctx;
  try {
    ctx = await getDraftFormContext(actor, id);
  } catch (error) {
    if (error instanceof ServiceError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  if (ctx.application.status !== "DRAFT") redirect(`/applications/${id}`);
  const { t, locale } = await getT();
  return (
    <>
      <h1>{t("application.edit.title")}</h1>
      <p className="lead">
        {t(`grantKind.${ctx.application.grantKind}`)} · {ctx.application.association.name} · {ctx.application.programYear}
      </p>
      <ApplicationForm
        application={ctx.application}
        towns={ctx.towns}
        objectives={ctx.objectives.map((o) => ({ id: o.id, text: locale === "sv" ? o.textSv : o.textEn }))}
        requiredDocuments={ctx.requiredDocuments.map((d) => (locale === "sv" ? d.nameSv : d.nameEn))}
        initialLimit={ctx.limit}
      />
    </>
  );
}
