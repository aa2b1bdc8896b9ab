import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { getSessionActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { listInbox, unreadMessageCount } from "@/lib/data/messages";
import { INBOX_KINDS, type InboxKind } from "@/lib/schemas/message";
import { TableWrap } from "@/components/ui/table-wrap";
import { formatMessageTime } from "@/components/messages/format";
import { MarkReadButton } from "./_components/mark-read-button";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("inbox.title") };
}

type Search = Record<string, string | undefined>;
/** A case message is read in its thread; the inbox shows its beginning. */
const EXCERPT = 300;

function excerpt(text: string): string {
  return text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1).trimEnd()}…` : text;
}

/** The coordinator's inbox: members' messages on cases and contact-form messages, unread first. */
export default async function InboxPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await getSessionActor();
  if (!actor) redirect("/sign-in?callbackUrl=/coordinator/messages");
  if (!can(actor, "message:staff")) notFound();
  const { t, locale } = await getT();
  const search = await searchParams;
  const kind = (INBOX_KINDS as readonly string[]).includes(search.kind ?? "") ? (search.kind as InboxKind) : undefined;
  const [inbox, unread] = await Promise.all([listInbox(actor, { kind, after: search.after || undefined }), unreadMessageCount(actor)]);
  const keep = new URLSearchParams(kind ? { kind } : {});
  const nextHref = inbox.nextCursor ? `/coordinator/messages?${new URLSearchParams([...keep, ["after", inbox.nextCursor]])}` : null;

  return (
    <>
      <p>
        <Link href="/coordinator">← {t("dashboard.title")}</Link>
      </p>
      <h1>{t("inbox.title")}</h1>
      <p className="lead">{t("inbox.intro")}</p>
      <p>
        <strong>{t("inbox.unreadCount", { count: unread })}</strong>
      </p>
      <form method="get" className="filters card" role="search" aria-label={t("inbox.filters")}>
        <div className="field">
          <label htmlFor="inbox-kind">{t("inbox.kind")}</label>
          <select id="inbox-kind" name="kind" defaultValue={kind ?? ""}>
            <option value="">{t("inbox.kind.all")}</option>
            {INBOX_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`inbox.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t("common.filter")}
        </button>
      </form>
      {inbox.items.length === 0 ? (
        <p>{t("inbox.empty")}</p>
      ) : (
        <TableWrap label={t("inbox.title")}>
          <table className="stack inbox">
            <caption className="visually-hidden">{t("inbox.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("inbox.col.received")}</th>
                <th scope="col">{t("inbox.col.from")}</th>
                <th scope="col">{t("inbox.col.about")}</th>
                <th scope="col">{t("inbox.col.message")}</th>
                <th scope="col">{t("inbox.col.status")}</th>
              </tr>
            </thead>
            <tbody>
              {inbox.items.map((m) => {
                const from = m.fromName ?? (m.application ? t("messages.role.member", { name: m.application.associationName }) : t("inbox.contactForm"));
                return (
                  <tr key={m.id} className={m.readAt ? "inbox-read" : "inbox-unread"}>
                    <td data-label={t("inbox.col.received")}>
                      <time dateTime={m.createdAt.toISOString()}>{formatMessageTime(m.createdAt, locale)}</time>
                    </td>
                    <td data-label={t("inbox.col.from")}>
                      {m.readAt ? from : <strong>{from}</strong>}
                      {m.application ? <div className="muted">{m.application.associationName}</div> : null}
                      {m.contact ? (
                        <div>
                          {m.contact.replyBy ? <div>{t(`inbox.replyBy.${m.contact.replyBy}`)}</div> : null}
                          {m.contact.email ? (
                            <div>
                              <a href={`mailto:${m.contact.email}`}>{m.contact.email}</a>
                            </div>
                          ) : null}
                          {m.contact.phone ? (
                            <div>
                              <a href={`tel:${m.contact.phone.replace(/[^\d+]/g, "")}`}>{m.contact.phone}</a>
                            </div>
                          ) : null}
                        </div>
                      ) : null}
                    </td>
                    <td data-label={t("inbox.col.about")}>
                      {m.application ? (
                        <>
                          <Link href={`/applications/${m.application.id}#messages`}>{t("inbox.case", { caseNumber: m.application.caseNumber ?? "" })}</Link>
                          {m.application.title ? <div className="muted">{m.application.title}</div> : null}
                        </>
                      ) : (
                        <>
                          <div>{m.contact?.topic}</div>
                          {m.contact?.service ? <div className="muted">{t("inbox.service", { service: t(`contact.service.${m.contact.service}`) })}</div> : null}
                        </>
                      )}
                    </td>
                    <td data-label={t("inbox.col.message")}>
                      <div className="message-body">{m.application ? excerpt(m.body) : m.body}</div>
                      {m.application ? (
                        <Link href={`/applications/${m.application.id}#messages`}>{t("inbox.openCase")}</Link>
                      ) : null}
                    </td>
                    <td data-label={t("inbox.col.status")}>
                      <p style={{ marginTop: 0 }}>
                        {m.readAt ? t("inbox.status.read", { date: formatMessageTime(m.readAt, locale) }) : <span className="status message-new">{t("inbox.status.unread")}</span>}
                      </p>
                      <MarkReadButton id={m.id} read={m.readAt !== null} from={from} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
      <nav className="pagination" aria-label={t("inbox.pages")}>
        {search.after ? <Link href={`/coordinator/messages${keep.size ? `?${keep}` : ""}`}>{t("inbox.first")}</Link> : null}
        {nextHref ? <Link href={nextHref}>{t("common.next")}</Link> : null}
      </nav>
    </>
  );
}
