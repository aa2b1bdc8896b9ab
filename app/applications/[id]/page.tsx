import { cache } from "react";
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
import { CaseHandling } from "./_components/case-handling";
import { DecisionSummary } from "@/components/applications/decision-summary";
import { FollowUpPanel } from "@/components/follow-up/follow-up-panel";
import { CaseMessages } from "@/components/messages/case-messages";
import { getDecisionContext } from "@/lib/data/decisions";
import { recommendationsFor } from "@/lib/data/consultations";
import { addCalendarMonths, todayIn } from "@/lib/domain/dates";

type Props = { params: Promise<{ id: string }> };

// The metadata and the page share one reading per request.
const load = cache(async (id: string) => {
  const actor = await getSessionActor();
  if (!actor) redirect(`/sign-in?callbackUrl=/applications/${id}`);
  try {
    return { actor, application: await getApplication(actor, id) };
  } catch (error) {
    if (error instanceof ServiceError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { application } = await load((await params).id);
  const { t } = await getT();
  return { title: application.caseNumber ?? (application.title || t("application.untitled")) };
}

export default async function ApplicationPage({ params }: Props) {
  const { id } = await params;
  const { actor, application: a } = await load(id);
  const { t, locale } = await getT();
  const objectives = (await listObjectives()).map((o) => ({ id: o.id, text: locale === "sv" ? o.textSv : o.textEn }));
  const context = await getDecisionContext(actor, a.id);
  const views = context.coordinator ? await recommendationsFor(actor, a.id) : null;
  return (
    <>
      <p>
        {context.coordinator ? <Link href="/coordinator/queue">← {t("queue.title")}</Link> : <Link href="/my">← {t("nav.myPages")}</Link>}
      </p>
      <h1>
        {a.caseNumber ? `${a.caseNumber} – ` : ""}
        {t(`grantKind.${a.grantKind}`)}
      </h1>
      {context.coordinator ? <p><Link href={`/coordinator/audit?${new URLSearchParams({ case: a.caseNumber ?? a.id })}`}>{t("audit.caseHistory")}</Link></p> : null}
      {a.status === "DRAFT" ? (
        <p>
          <Link className="button" href={`/applications/${a.id}/edit`}>
            {t("application.continueEditing")}
          </Link>
        </p>
      ) : null}
      {context.decision ? <DecisionSummary decision={context.decision} /> : null}
      <FollowUpPanel actor={actor} application={a} />
      {context.coordinator ? (
        <>
          <CaseHandling
            applicationId={a.id}
            status={context.coordinator.status}
            grantKind={context.coordinator.grantKind}
            programYear={context.coordinator.programYear}
            partnerTownId={context.coordinator.partnerTownId}
            consultation={context.coordinator.consultation}
            maxApproval={context.coordinator.maxApproval}
            requestedAmount={a.requestedAmount}
            defaultClosesOn={addCalendarMonths(todayIn(new Date()), 1)}
          />
          {views ? (
            <section className="card" aria-labelledby="recommendations-title">
              <h2 id="recommendations-title" style={{ marginTop: 0 }}>
                {t("handling.recommendations")}
              </h2>
              {views.waitingFor.length && !views.closed ? <p>{t("handling.waitingFor", { names: views.waitingFor.join(", ") })}</p> : null}
              {views.recommendations?.length ? (
                <ul>
                  {views.recommendations.map((r, i) => (
                    <li key={i}>
                      <strong>{r.member.name}</strong> ({r.member.title}): {t(`handling.kind.${r.kind}`)}
                      {r.comment ? ` – ${r.comment}` : ""}
                    </li>
                  ))}
                </ul>
              ) : (
                <p>{t("handling.noRecommendations")}</p>
              )}
            </section>
          ) : null}
        </>
      ) : null}
      <ApplicationDetails a={a} objectives={objectives} />
      {a.status === "SUBMITTED" && !context.coordinator ? <WithdrawButton id={a.id} /> : null}
      <CaseMessages actor={actor} applicationId={a.id} status={a.status} />
    </>
  );
}
