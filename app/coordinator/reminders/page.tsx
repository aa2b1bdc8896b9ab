import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { getSessionActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { listReminders, upcomingReminders, type SentReminder, type UpcomingReminder } from "@/lib/data/reminders";
import { MAX_OVERDUE_REMINDERS, REMINDER_KINDS, type ReminderKind } from "@/lib/domain/reminders";
import { formatDay } from "@/lib/i18n/translate-core";
import { TableWrap } from "@/components/ui/table-wrap";
import { StatusBadge } from "@/components/applications/status-badge";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("reminders.title") };
}

type Search = { kind?: string; after?: string };
type T = Awaited<ReturnType<typeof getT>>["t"];

// The status colours of globals.css, by what they mean.
const BADGE = { PENDING: "PENDING", SENT: "APPROVED", FAILED: "REJECTED", EXPIRED: "DRAFT" } as const;

function isKind(value: unknown): value is ReminderKind {
  return typeof value === "string" && (REMINDER_KINDS as readonly string[]).includes(value);
}

/** What a reminder is about: the case, the association, or the committee member. */
function Concerns({ r, t }: { r: Pick<SentReminder, "application" | "association" | "consultationId" | "member">; t: T }) {
  const parts: React.ReactNode[] = [];
  if (r.application) parts.push(<Link key="a" href={`/applications/${r.application.id}`}>{r.application.caseNumber ?? r.application.title}</Link>);
  if (r.association) parts.push(<span key="s">{r.association.name}</span>);
  if (r.consultationId) parts.push(<span key="c">{t("reminders.consultation")}</span>);
  if (r.member) parts.push(<span key="m">{t("reminders.member", { name: r.member.name })}</span>);
  if (!parts.length) return <>–</>;
  return (
    <span className="reminder-concerns">
      {parts.map((p, i) => (
        <span key={i}>
          {i > 0 ? <br /> : null}
          {p}
        </span>
      ))}
    </span>
  );
}

/** Staff see what reminders went out, with each mail's delivery, and what is coming this week. */
export default async function RemindersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await getSessionActor();
  if (!actor) redirect("/sign-in?callbackUrl=/coordinator/reminders");
  if (!can(actor, "reminder:read")) notFound();
  const { t } = await getT();
  const search = await searchParams;
  const kind = isKind(search.kind) ? search.kind : undefined;
  const after = search.after || undefined;
  const [sent, upcoming] = await Promise.all([listReminders(actor, { kind, after }), upcomingReminders(actor)]);
  const keep = new URLSearchParams(kind ? { kind } : {});
  const nextHref = sent.nextCursor ? `/coordinator/reminders?${new URLSearchParams([...keep, ["after", sent.nextCursor]])}#sent` : null;
  const shownUpcoming: UpcomingReminder[] = kind ? upcoming.items.filter((i) => i.kind === kind) : upcoming.items;
  const col = {
    on: t("reminders.col.on"),
    sentOn: t("reminders.col.sentOn"),
    kind: t("reminders.col.kind"),
    concerns: t("reminders.col.concerns"),
    dueOn: t("reminders.col.dueOn"),
    recipients: t("reminders.col.recipients"),
    delivery: t("reminders.col.delivery"),
  };

  return (
    <>
      {can(actor, "application:review") ? (
        <p>
          <Link href="/coordinator">← {t("dashboard.title")}</Link>
        </p>
      ) : null}
      <h1>{t("reminders.title")}</h1>
      <p className="lead">{t("reminders.intro")}</p>
      <details className="card">
        <summary>{t("reminders.rules")}</summary>
        <ul>
          {REMINDER_KINDS.map((k) => (
            <li key={k}>
              <strong>{t(`reminders.kind.${k}`)}:</strong> {t(`reminders.rule.${k}`, { max: MAX_OVERDUE_REMINDERS })}
            </li>
          ))}
        </ul>
      </details>
      <form method="get" className="filters card" role="search" aria-label={t("reminders.filters")}>
        <div className="field">
          <label htmlFor="f-kind">{t("reminders.filter.kind")}</label>
          <select id="f-kind" name="kind" defaultValue={kind ?? ""}>
            <option value="">{t("common.all")}</option>
            {REMINDER_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`reminders.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t("common.filter")}
        </button>
      </form>

      <h2 id="upcoming">{t("reminders.upcoming.title")}</h2>
      <p>{t("reminders.upcoming.intro", { to: upcoming.to })}</p>
      {shownUpcoming.length === 0 ? (
        <p>{t("reminders.upcoming.empty")}</p>
      ) : (
        <TableWrap label={t("reminders.upcoming.title")}>
          <table className="stack">
            <caption className="visually-hidden">{t("reminders.upcoming.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{col.on}</th>
                <th scope="col">{col.kind}</th>
                <th scope="col">{col.concerns}</th>
                <th scope="col">{col.dueOn}</th>
                <th scope="col" className="num">
                  {col.recipients}
                </th>
              </tr>
            </thead>
            <tbody>
              {shownUpcoming.map((r) => (
                <tr key={r.occasion}>
                  <td data-label={col.on}>{r.on === upcoming.from ? t("reminders.today") : r.on}</td>
                  <td data-label={col.kind}>{t(`reminders.kind.${r.kind}`)}</td>
                  <td data-label={col.concerns}>
                    <Concerns r={r} t={t} />
                  </td>
                  <td data-label={col.dueOn}>{r.dueOn ?? "–"}</td>
                  <td data-label={col.recipients} className="num">
                    {r.recipients > 0 ? t("reminders.recipientCount", { count: r.recipients }) : t("reminders.noRecipients")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {upcoming.truncated ? <p className="muted">{t("reminders.upcoming.truncated")}</p> : null}

      <h2 id="sent">{t("reminders.sent.title")}</h2>
      {sent.items.length === 0 ? (
        <p>{t("reminders.sent.empty")}</p>
      ) : (
        <TableWrap label={t("reminders.sent.title")}>
          <table className="stack">
            <caption className="visually-hidden">{t("reminders.sent.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{col.sentOn}</th>
                <th scope="col">{col.kind}</th>
                <th scope="col">{col.concerns}</th>
                <th scope="col">{col.dueOn}</th>
                <th scope="col">{col.delivery}</th>
              </tr>
            </thead>
            <tbody>
              {sent.items.map((r) => (
                <tr key={r.id}>
                  <td data-label={col.sentOn}>{formatDay(r.createdAt)}</td>
                  <td data-label={col.kind}>{t(`reminders.kind.${r.kind}`)}</td>
                  <td data-label={col.concerns}>
                    <Concerns r={r} t={t} />
                  </td>
                  <td data-label={col.dueOn}>{r.dueOn ?? "–"}</td>
                  <td data-label={col.delivery}>
                    <ul className="reminder-mails">
                      {r.mails.map((m) => (
                        <li key={m.id}>
                          <span className="reminder-recipient">{m.to.join(", ")}</span>{" "}
                          <StatusBadge status={BADGE[m.status]} label={t(`reminders.mailStatus.${m.status}`)} />
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <nav className="pagination" aria-label={t("reminders.pages")}>
        {after ? <Link href={`/coordinator/reminders?${keep}#sent`}>{t("reminders.first")}</Link> : null}
        {nextHref ? <Link href={nextHref}>{t("common.next")}</Link> : null}
      </nav>
    </>
  );
}
