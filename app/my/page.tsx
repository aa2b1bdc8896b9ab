import type { Metadata } from "next";
import Link from "next/link";
import { TableWrap } from "@/components/ui/table-wrap";
import { redirect } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { getSessionActor } from "@/lib/auth/session";
import { listMyAssociations } from "@/lib/data/associations";
import { listMyApplications } from "@/lib/data/applications";
import { formatKronor } from "@/lib/i18n/translate";
import { StatusBadge } from "@/components/applications/status-badge";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("nav.myPages") };
}

export default async function MyPage() {
  const actor = await getSessionActor();
  if (!actor) redirect("/sign-in?callbackUrl=/my");
  const { t, locale } = await getT();
  const [associations, applications] = await Promise.all([listMyAssociations(actor), listMyApplications(actor)]);
  const verified = associations.filter((a) => a.status === "VERIFIED");
  return (
    <>
      <h1>{t("nav.myPages")}</h1>
      <p className="muted">{t("my.signedInAs", { email: actor.email })}</p>
      <h2>{t("my.associations")}</h2>
      {associations.length === 0 ? <p>{t("my.noAssociations")}</p> : null}
      <ul className="cards" style={{ listStyle: "none", padding: 0 }}>
        {associations.map((a) => (
          <li className="card" key={a.id}>
            <h3 style={{ marginTop: 0 }}>
              <Link href={`/associations/${a.id}`}>{a.name}</Link>
            </h3>
            <p>
              {a.orgNumber} · <span className={`status status-${a.status}`}>{t(`association.status.${a.status}`)}</span>
            </p>
            <p className="muted">{a.partnerTowns.map((p) => p.partnerTown.name).join(", ")}</p>
          </li>
        ))}
      </ul>
      <div className="actions">
        <Link className="button secondary" href="/associations/new">
          {t("association.register.title")}
        </Link>
        {verified.length ? (
          <Link className="button" href="/applications/new">
            {t("association.apply")}
          </Link>
        ) : null}
      </div>
      <h2>{t("my.applications")}</h2>
      {applications.length === 0 ? (
        <p>{t("my.noApplications")}</p>
      ) : (
        <TableWrap label={t("my.applications")}>
          <table className="stack">
            <caption className="visually-hidden">{t("my.applications")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("application.field.title")}</th>
                <th scope="col">{t("application.caseNumber")}</th>
                <th scope="col">{t("application.field.grantKind")}</th>
                <th scope="col">{t("application.field.partnerTownId")}</th>
                <th scope="col" className="num">
                  {t("application.field.requestedAmount")}
                </th>
                <th scope="col">{t("application.status")}</th>
              </tr>
            </thead>
            <tbody>
              {applications.map((a) => (
                <tr key={a.id}>
                  <td data-label={t("application.field.title")}>
                    <Link href={a.status === "DRAFT" ? `/applications/${a.id}/edit` : `/applications/${a.id}`}>{a.title || t("application.untitled")}</Link>
                    <div className="muted">{a.association.name}</div>
                  </td>
                  <td data-label={t("application.caseNumber")}>{a.caseNumber ?? "–"}</td>
                  <td data-label={t("application.field.grantKind")}>{t(`grantKind.${a.grantKind}`)}</td>
                  <td data-label={t("application.field.partnerTownId")}>{a.partnerTown?.name ?? "–"}</td>
                  <td data-label={t("application.field.requestedAmount")} className="num">{a.requestedAmount != null ? formatKronor(a.requestedAmount, locale) : "–"}</td>
                  <td data-label={t("application.status")}>
                    <StatusBadge status={a.status} label={t(`application.statusName.${a.status}`)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}
