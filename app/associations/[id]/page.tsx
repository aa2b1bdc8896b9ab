import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { getSessionActor } from "@/lib/auth/session";
import { getAssociation } from "@/lib/data/associations";
import { ServiceError } from "@/lib/errors";
import { InviteForm } from "./_components/invite-form";
import { ReviewAssociation } from "./_components/review-association";
import { can } from "@/lib/auth/permissions";
import { overdueReportsOf } from "@/lib/data/follow-up";
import { todayIn } from "@/lib/domain/dates";
import { OverdueBadge } from "@/components/follow-up/overdue-badge";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ registered?: string }> };

async function load(id: string) {
  const actor = await getSessionActor();
  if (!actor) redirect(`/sign-in?callbackUrl=/associations/${id}`);
  try {
    return { actor, association: await getAssociation(actor, id) };
  } catch (error) {
    if (error instanceof ServiceError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { association } = await load((await params).id);
  return { title: association.name };
}

export default async function AssociationPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { registered } = await searchParams;
  const { actor, association: a } = await load(id);
  const { t } = await getT();
  const isMember = a.memberships.some((m) => m.user.id === actor.userId);
  // Staff see the association's overdue follow-up reports (docs/decisions/0008-follow-up-reports.md).
  const overdue = can(actor, "report:review") ? ((await overdueReportsOf([a.id], todayIn(new Date()))).get(a.id) ?? []) : [];
  return (
    <>
      <h1>{a.name}</h1>
      {registered ? (
        <div className="alert success" role="status">
          {t("association.register.done")}
        </div>
      ) : null}
      <p>
        <span className={`status status-${a.status}`}>{t(`association.status.${a.status}`)}</span>
      </p>
      <OverdueBadge reports={overdue} detailed />
      {a.status === "REJECTED" && a.rejectionReason ? <p className="alert error">{t("association.rejectedReason", { reason: a.rejectionReason })}</p> : null}
      <h2>{t("association.details")}</h2>
      <dl className="facts">
        <dt>{t("association.field.orgNumber")}</dt>
        <dd>{a.orgNumber}</dd>
        <dt>{t("association.field.streetAddress")}</dt>
        <dd>
          {a.streetAddress}, {a.postalCode} {a.city}
        </dd>
        <dt>{t("association.field.contactName")}</dt>
        <dd>{a.contactName}</dd>
        <dt>{t("association.field.email")}</dt>
        <dd>{a.email}</dd>
        <dt>{t("association.field.phone")}</dt>
        <dd>{a.phone}</dd>
        <dt>{t(`association.paymentMethod.${a.paymentMethod}`)}</dt>
        <dd>{a.paymentAccount}</dd>
        <dt>{t("association.field.partnerTownIds")}</dt>
        <dd>{a.partnerTowns.map((p) => `${p.partnerTown.name} (${p.partnerTown.country})`).join(", ")}</dd>
        <dt>{t("association.proofFile")}</dt>
        <dd>
          {a.files.map((f) => (
            <a key={f.id} href={`/files/${f.id}`} download>
              {f.originalName}
            </a>
          ))}
        </dd>
      </dl>
      {a.status === "PENDING" && can(actor, "association:review") ? <ReviewAssociation id={a.id} /> : null}
      {isMember && a.status === "VERIFIED" ? (
        <p>
          <Link className="button" href={`/applications/new?associationId=${a.id}`}>
            {t("association.apply")}
          </Link>
        </p>
      ) : null}
      {a.status === "VERIFIED" ? (
        <p>
          <Link href={`/associations/${a.id}/annual-reports`}>{t("annualReport.title")}</Link>
        </p>
      ) : null}
      <h2>{t("association.members")}</h2>
      <ul>
        {a.memberships.map((m) => (
          <li key={m.user.id}>
            {m.user.name ? `${m.user.name} – ` : ""}
            {m.user.email}
          </li>
        ))}
      </ul>
      {a.invitations.length ? (
        <>
          <h3>{t("association.invite.pending")}</h3>
          <ul>
            {a.invitations.map((i) => (
              <li key={i.id}>{i.email}</li>
            ))}
          </ul>
        </>
      ) : null}
      {isMember && a.status === "VERIFIED" ? <InviteForm associationId={a.id} /> : null}
    </>
  );
}
