import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { getSessionActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getCaseForMember } from "@/lib/data/committee";
import { COMMENT_MAX } from "@/lib/data/consultations";
import { ServiceError } from "@/lib/errors";
import { ApplicationDetails } from "@/components/applications/application-details";
import { RecommendationForm } from "./_components/recommendation-form";

type Props = { params: Promise<{ applicationId: string }> };

// Once per request: generateMetadata and the page share it.
const load = cache(async (applicationId: string) => {
  const actor = await getSessionActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/committee/${applicationId}`)}`);
  if (!can(actor, "consultation:recommend")) notFound();
  try {
    return await getCaseForMember(actor, applicationId);
  } catch (error) {
    if (error instanceof ServiceError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { application: a } = await load((await params).applicationId);
  const { t } = await getT();
  return { title: t("committee.case.heading", { caseNumber: a.caseNumber ?? (a.title || t("application.untitled")) }) };
}

export default async function CommitteeCasePage({ params }: Props) {
  const { application: a, objectives, consultation: c } = await load((await params).applicationId);
  const { t, locale } = await getT();
  const blocked = c.hasConflict ? "conflict" : c.closed ? "closed" : null;
  return (
    <>
      <p>
        <Link href="/committee">← {t("committee.case.back")}</Link>
      </p>
      <h1>{t("committee.case.heading", { caseNumber: a.caseNumber ?? (a.title || t("application.untitled")) })}</h1>
      <dl className="facts">
        <dt>{t("committee.col.consultation")}</dt>
        <dd>{c.closed && c.closedReason ? t(`committee.closedReason.${c.closedReason}`) : t("committee.status.open", { date: c.closesOn })}</dd>
        <dt>{t("committee.case.lastDay")}</dt>
        <dd>{c.closesOn}</dd>
        <dt>{t("committee.case.mine")}</dt>
        <dd>{c.mine ? t(`committee.kind.${c.mine.kind}`) : t("committee.mine.none")}</dd>
        {c.mine?.comment ? (
          <>
            <dt>{t("committee.case.myComment")}</dt>
            <dd style={{ whiteSpace: "pre-wrap" }}>{c.mine.comment}</dd>
          </>
        ) : null}
      </dl>

      <section aria-labelledby="submitted-title">
        <h2 id="submitted-title">{t("committee.case.submitted")}</h2>
        <ApplicationDetails a={a} objectives={objectives.map((o) => ({ id: o.id, text: locale === "sv" ? o.textSv : o.textEn }))} />
      </section>

      <section aria-labelledby="others-title">
        <h2 id="others-title">{t("committee.others.title")}</h2>
        {c.others === null ? (
          <p className="alert warning">{t("committee.others.hidden")}</p>
        ) : c.others.length === 0 ? (
          <p>{t("committee.others.none")}</p>
        ) : (
          <ul style={{ listStyle: "none", padding: 0 }}>
            {c.others.map((r, i) => (
              <li key={i} className="card">
                <p style={{ margin: 0 }}>
                  <strong>{r.member.name}</strong>
                  {r.member.title ? <span className="muted">, {r.member.title}</span> : null}
                </p>
                <p style={{ margin: "0.25rem 0" }}>
                  <strong>{t(`committee.kind.${r.kind}`)}</strong>
                </p>
                <p style={{ margin: 0, whiteSpace: "pre-wrap" }}>{r.comment || <span className="muted">{t("committee.others.noComment")}</span>}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <RecommendationForm applicationId={a.id} mine={c.mine} blocked={blocked} commentMax={COMMENT_MAX} />
    </>
  );
}
