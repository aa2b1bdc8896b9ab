import type { Metadata } from "next";
import { formatDay } from "@/lib/i18n/translate-core";
import Link from "next/link";
import { TableWrap } from "@/components/ui/table-wrap";
import { notFound, redirect } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { getSessionActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { listAssociationsForReview } from "@/lib/data/associations";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("queue.pendingAssociations") };
}

export default async function PendingAssociationsPage() {
  const actor = await getSessionActor();
  if (!actor) redirect("/sign-in?callbackUrl=/coordinator/associations");
  if (!can(actor, "association:review")) notFound();
  const { t } = await getT();
  const pending = await listAssociationsForReview(actor, { status: "PENDING" });
  return (
    <>
      <p>
        <Link href="/coordinator">← {t("dashboard.title")}</Link>
      </p>
      <h1>{t("queue.pendingAssociations")}</h1>
      {pending.length === 0 ? (
        <p>{t("queue.noPendingAssociations")}</p>
      ) : (
        <TableWrap label={t("queue.pendingAssociations")}>
          <table className="stack">
            <caption className="visually-hidden">{t("queue.pendingAssociations")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("association.field.name")}</th>
                <th scope="col">{t("association.field.orgNumber")}</th>
                <th scope="col">{t("association.field.partnerTownIds")}</th>
                <th scope="col">{t("queue.registered")}</th>
              </tr>
            </thead>
            <tbody>
              {pending.map((a) => (
                <tr key={a.id}>
                  <td data-label={t("association.field.name")}>
                    <Link href={`/associations/${a.id}`}>{a.name}</Link>
                  </td>
                  <td data-label={t("association.field.orgNumber")}>{a.orgNumber}</td>
                  <td data-label={t("association.field.partnerTownIds")}>{a.partnerTowns.map((p) => p.partnerTown.name).join(", ")}</td>
                  <td data-label={t("queue.registered")}>{formatDay(a.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}
