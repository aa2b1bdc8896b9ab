import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { formatKronor } from "@/lib/i18n/translate";
import { getSessionActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { listCasesForMember, type MemberCase } from "@/lib/data/committee";
import { TableWrap } from "@/components/ui/table-wrap";
import type { T } from "@/lib/i18n/translate";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("committee.list.title") };
}

function consultationText(c: MemberCase, t: T): string {
  const state = c.closed ? t("committee.status.closed") : t("committee.status.open", { date: c.closesOn });
  // A case withdrawn or decided while in consultation says so beside it.
  return c.applicationStatus === "SUBMITTED" ? state : `${state} · ${t(`application.statusName.${c.applicationStatus}`)}`;
}

export default async function CommitteeCasesPage() {
  const actor = await getSessionActor();
  if (!actor) redirect("/sign-in?callbackUrl=/committee");
  if (!can(actor, "consultation:recommend")) notFound();
  const { t, locale } = await getT();
  const cases = await listCasesForMember(actor);
  const col = {
    caseNumber: t("application.caseNumber"),
    association: t("application.field.association"),
    title: t("application.field.title"),
    grantKind: t("application.field.grantKind"),
    partnerTown: t("application.field.partnerTownId"),
    amount: t("application.field.requestedAmount"),
    consultation: t("committee.col.consultation"),
    mine: t("committee.col.mine"),
  };
  return (
    <>
      <h1>{t("committee.list.title")}</h1>
      <p className="lead">{t("committee.list.intro")}</p>
      {cases.length === 0 ? (
        <p>{t("committee.list.empty")}</p>
      ) : (
        <TableWrap label={t("committee.list.title")}>
          <table className="stack">
            <caption className="visually-hidden">{t("committee.list.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{col.caseNumber}</th>
                <th scope="col">{col.association}</th>
                <th scope="col">{col.title}</th>
                <th scope="col">{col.grantKind}</th>
                <th scope="col">{col.partnerTown}</th>
                <th scope="col" className="num">
                  {col.amount}
                </th>
                <th scope="col">{col.consultation}</th>
                <th scope="col">{col.mine}</th>
              </tr>
            </thead>
            <tbody>
              {cases.map((c) => (
                <tr key={c.applicationId}>
                  <td data-label={col.caseNumber}>
                    <Link href={`/committee/${c.applicationId}`}>{c.caseNumber ?? (c.title || t("application.untitled"))}</Link>
                  </td>
                  <td data-label={col.association}>{c.association}</td>
                  <td data-label={col.title}>{c.title || "–"}</td>
                  <td data-label={col.grantKind}>{t(`grantKind.${c.grantKind}`)}</td>
                  <td data-label={col.partnerTown}>{c.partnerTown ?? "–"}</td>
                  <td data-label={col.amount} className="num">
                    {c.requestedAmount != null ? formatKronor(c.requestedAmount, locale) : "–"}
                  </td>
                  <td data-label={col.consultation}>{consultationText(c, t)}</td>
                  <td data-label={col.mine}>{c.mine ? t(`committee.kind.${c.mine}`) : <span className="muted">{t("committee.mine.none")}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}
