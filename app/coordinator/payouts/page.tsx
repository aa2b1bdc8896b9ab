import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { getSessionActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { isPayoutStatus, listPayouts, PAYOUT_STATUSES } from "@/lib/data/payouts";
import { listProgramYears } from "@/lib/data/reference";
import { todayIn } from "@/lib/domain/dates";
import { formatKronor } from "@/lib/i18n/translate-core";
import { TableWrap } from "@/components/ui/table-wrap";
import { StatusBadge } from "@/components/applications/status-badge";
import { ApprovePayoutButton } from "./_components/approve-payout-button";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("payout.title") };
}

type Search = { year?: string; status?: string };

// The status colours of globals.css, by what they mean.
const BADGE = { ready: "SUBMITTED", paid: "APPROVED", blocked: "REJECTED" } as const;

export default async function PayoutsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await getSessionActor();
  if (!actor) redirect("/sign-in?callbackUrl=/coordinator/payouts");
  if (!can(actor, "payout:approve")) notFound();
  const { t, locale } = await getT();
  const search = await searchParams;
  const year = search.year && /^\d{4}$/.test(search.year) ? Number(search.year) : Number(todayIn(new Date()).slice(0, 4));
  const status = isPayoutStatus(search.status) ? search.status : undefined;
  const [{ requiredYear, rows }, programYears] = await Promise.all([listPayouts(actor, { year, status }), listProgramYears()]);
  const years = [...new Set([year, ...programYears.map((p) => p.year)])].sort((a, b) => b - a);
  const ready = rows.filter((r) => r.status === "ready");
  const col = {
    caseNumber: t("payout.col.caseNumber"),
    association: t("payout.col.association"),
    orgNumber: t("payout.col.orgNumber"),
    account: t("payout.col.account"),
    amount: t("payout.col.amount"),
    decidedOn: t("payout.col.decidedOn"),
    status: t("payout.col.status"),
    payout: t("payout.col.payout"),
  };
  return (
    <>
      <p>
        <Link href="/coordinator">← {t("dashboard.title")}</Link>
      </p>
      <h1>{t("payout.title")}</h1>
      <p className="lead">{t("payout.intro", { year: requiredYear })}</p>
      <p>
        <Link href="/coordinator/annual-reports">{t("payout.reviewLink")}</Link>
      </p>
      <form method="get" className="filters card" role="search" aria-label={t("payout.filters")}>
        <div className="field">
          <label htmlFor="f-year">{t("payout.year")}</label>
          <select id="f-year" name="year" defaultValue={String(year)}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-status">{t("payout.status")}</label>
          <select id="f-status" name="status" defaultValue={status ?? ""}>
            <option value="">{t("common.all")}</option>
            {PAYOUT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`payout.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t("common.filter")}
        </button>
      </form>
      <div className="card">
        <p style={{ marginTop: 0 }}>
          <a className="button secondary" href={`/coordinator/payouts/export?year=${year}`} download aria-describedby="export-hint">
            {t("payout.export", { year })}
          </a>
        </p>
        <p className="muted" id="export-hint" style={{ marginBottom: 0 }}>
          {t("payout.exportHint")}
        </p>
      </div>
      {status !== "paid" && status !== "blocked" ? (
        <p role="status">{t("payout.summary", { count: ready.length, total: formatKronor(ready.reduce((s, r) => s + r.amount, 0), locale) })}</p>
      ) : null}
      {rows.length === 0 ? (
        <p>{t("payout.empty")}</p>
      ) : (
        <TableWrap label={t("payout.title")}>
          <table className="stack">
            <caption className="visually-hidden">
              {t("payout.title")} {year}
            </caption>
            <thead>
              <tr>
                <th scope="col">{col.caseNumber}</th>
                <th scope="col">{col.association}</th>
                <th scope="col">{col.orgNumber}</th>
                <th scope="col">{col.account}</th>
                <th scope="col" className="num">
                  {col.amount}
                </th>
                <th scope="col">{col.decidedOn}</th>
                <th scope="col">{col.status}</th>
                <th scope="col">{col.payout}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.decisionId}>
                  <td data-label={col.caseNumber}>
                    <Link href={`/applications/${r.applicationId}`}>{r.caseNumber ?? "–"}</Link>
                  </td>
                  <td data-label={col.association}>
                    <Link href={`/associations/${r.association.id}/annual-reports`}>{r.association.name}</Link>
                  </td>
                  <td data-label={col.orgNumber}>{r.association.orgNumber}</td>
                  <td data-label={col.account}>
                    {t(`association.paymentMethod.${r.association.paymentMethod}`)} {r.association.paymentAccount}
                  </td>
                  <td data-label={col.amount} className="num">
                    {formatKronor(r.amount, locale)}
                  </td>
                  <td data-label={col.decidedOn}>{r.decidedOn}</td>
                  <td data-label={col.status}>
                    <StatusBadge status={BADGE[r.status]} label={t(`payout.status.${r.status}`)} />
                    {r.status === "blocked" ? <p style={{ margin: "0.25rem 0 0" }}>{t("payout.annualReportMissing", { year: requiredYear })}</p> : null}
                  </td>
                  <td data-label={col.payout}>
                    {r.status === "paid" && r.paidOn ? (
                      t("payout.paidOn", { date: r.paidOn })
                    ) : r.status === "ready" ? (
                      <ApprovePayoutButton
                        decisionId={r.decisionId}
                        label={t("payout.approveLabel", { amount: formatKronor(r.amount, locale), name: r.association.name, caseNumber: r.caseNumber ?? "–" })}
                      />
                    ) : (
                      "–"
                    )}
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
