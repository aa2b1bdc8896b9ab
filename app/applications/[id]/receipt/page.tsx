import type { Metadata } from "next";
import { formatDay } from "@/lib/i18n/translate-core";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { getSessionActor } from "@/lib/auth/session";
import { getApplication } from "@/lib/data/applications";
import { ServiceError } from "@/lib/errors";
import { formatKronor } from "@/lib/i18n/translate";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("receipt.title") };
}

export default async function ReceiptPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getSessionActor();
  if (!actor) redirect(`/sign-in?callbackUrl=/applications/${id}/receipt`);
  let a;
  try {
    a = await getApplication(actor, id);
  } catch (error) {
    if (error instanceof ServiceError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  if (!a.caseNumber) redirect(`/applications/${id}/edit`);
  const { t, locale } = await getT();
  return (
    <>
      <h1>{t("receipt.title")}</h1>
      <div className="alert success">
        <p>{t("receipt.body")}</p>
        <p>
          {t("application.caseNumber")}: <strong data-testid="case-number">{a.caseNumber}</strong>
        </p>
      </div>
      <dl className="facts">
        <dt>{t("application.field.title")}</dt>
        <dd>{a.title}</dd>
        <dt>{t("application.field.association")}</dt>
        <dd>{a.association.name}</dd>
        <dt>{t("application.field.grantKind")}</dt>
        <dd>{t(`grantKind.${a.grantKind}`)}</dd>
        <dt>{t("application.field.partnerTownId")}</dt>
        <dd>{a.partnerTown?.name}</dd>
        <dt>{t("application.field.requestedAmount")}</dt>
        <dd>{a.requestedAmount != null ? formatKronor(a.requestedAmount, locale) : "–"}</dd>
        <dt>{t("application.submittedAt")}</dt>
        <dd>{a.submittedAt ? formatDay(new Date(a.submittedAt)) : "–"}</dd>
      </dl>
      <p>{t("receipt.mailSent")}</p>
      <p>{t("receipt.next")}</p>
      <div className="actions">
        <Link className="button" href={`/applications/${a.id}`}>
          {t("receipt.viewApplication")}
        </Link>
        <Link href="/my">{t("nav.myPages")}</Link>
      </div>
    </>
  );
}
