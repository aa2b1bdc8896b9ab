import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { getSessionActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { isOutboxStatus, listOutbox, OUTBOX_STATUSES } from "@/lib/data/outbox";
import { TableWrap } from "@/components/ui/table-wrap";
import { ResendButton } from "./_components/resend-button";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("outbox.title") };
}

type Search = { status?: string; after?: string };

// Instants as day and minute in Swedish time, whatever the server's zone.
const WHEN = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", dateStyle: "short", timeStyle: "short" });

export default async function OutboxPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await getSessionActor();
  if (!actor) redirect("/sign-in?callbackUrl=/coordinator/mail");
  if (!can(actor, "outbox:manage")) notFound();
  const { t } = await getT();
  const search = await searchParams;
  const status = isOutboxStatus(search.status) ? search.status : "FAILED";
  const { counts, mails, nextCursor } = await listOutbox(actor, { status, after: search.after });
  /** A text for a known key, else the value as it is (a kind or code the page has no words for). */
  const known = (prefix: string, value: string) => {
    const text = t(`${prefix}.${value}`);
    return text === `${prefix}.${value}` ? value : text;
  };
  const col = {
    created: t("outbox.col.created"),
    to: t("outbox.col.to"),
    subject: t("outbox.col.subject"),
    kind: t("outbox.col.kind"),
    attempts: t("outbox.col.attempts"),
    error: t("outbox.col.error"),
    sent: t("outbox.col.sent"),
    action: t("outbox.col.action"),
  };
  const showAction = status === "FAILED" || status === "EXPIRED";
  return (
    <>
      {can(actor, "application:review") ? (
        <p>
          <Link href="/coordinator">← {t("dashboard.title")}</Link>
        </p>
      ) : null}
      <h1>{t("outbox.title")}</h1>
      <p className="lead">{t("outbox.intro")}</p>
      <nav aria-label={t("outbox.statuses")}>
        <ul className="actions" style={{ listStyle: "none", padding: 0 }}>
          {OUTBOX_STATUSES.map((s) => (
            <li key={s}>
              <Link href={`/coordinator/mail?status=${s}`} aria-current={s === status ? "page" : undefined}>
                {s === status ? (
                  <strong>{t("outbox.statusCount", { status: t(`outbox.status.${s}`), count: counts[s] })}</strong>
                ) : (
                  t("outbox.statusCount", { status: t(`outbox.status.${s}`), count: counts[s] })
                )}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {status === "FAILED" && counts.FAILED > 0 ? (
        <p className="alert error" role="status">
          {t("outbox.failedAlert", { count: counts.FAILED })}
        </p>
      ) : null}
      <h2>{t(`outbox.status.${status}`)}</h2>
      {mails.length === 0 ? (
        <p>{t("outbox.empty")}</p>
      ) : (
        <TableWrap label={t(`outbox.status.${status}`)}>
          <table className="stack">
            <caption className="visually-hidden">
              {t("outbox.title")}: {t(`outbox.status.${status}`)}
            </caption>
            <thead>
              <tr>
                <th scope="col">{col.created}</th>
                <th scope="col">{col.to}</th>
                <th scope="col">{col.subject}</th>
                <th scope="col">{col.kind}</th>
                <th scope="col" className="num">
                  {col.attempts}
                </th>
                {status === "SENT" ? <th scope="col">{col.sent}</th> : <th scope="col">{col.error}</th>}
                {showAction ? <th scope="col">{col.action}</th> : null}
              </tr>
            </thead>
            <tbody>
              {mails.map((m) => (
                <tr key={m.id}>
                  <td data-label={col.created}>{WHEN.format(m.createdAt)}</td>
                  <td data-label={col.to}>{m.to.join(", ")}</td>
                  <td data-label={col.subject}>
                    {m.subject}
                    {m.applicationId ? (
                      <>
                        {" "}
                        (<Link href={`/applications/${m.applicationId}`}>{t("outbox.case")}</Link>)
                      </>
                    ) : null}
                    {m.sensitive ? <p className="muted" style={{ margin: "0.25rem 0 0" }}>{t("outbox.secret")}</p> : null}
                  </td>
                  <td data-label={col.kind}>{known("outbox.kind", m.kind)}</td>
                  <td data-label={col.attempts} className="num">
                    {m.attempts}
                  </td>
                  {status === "SENT" ? (
                    <td data-label={col.sent}>{m.sentAt ? WHEN.format(m.sentAt) : "–"}</td>
                  ) : (
                    <td data-label={col.error}>{m.lastError ? known("outbox.error", m.lastError) : t("outbox.noError")}</td>
                  )}
                  {showAction ? (
                    <td data-label={col.action}>
                      {m.resendable ? <ResendButton id={m.id} label={t("outbox.resendLabel", { subject: m.subject, to: m.to.join(", ") })} /> : "–"}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {search.after || nextCursor ? (
        <p>
          {search.after ? <Link href={`/coordinator/mail?status=${status}`}>{t("outbox.first")}</Link> : null}
          {search.after && nextCursor ? " · " : null}
          {nextCursor ? <Link href={`/coordinator/mail?${new URLSearchParams({ status, after: nextCursor })}`}>{t("outbox.next")}</Link> : null}
        </p>
      ) : null}
    </>
  );
}
