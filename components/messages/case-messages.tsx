import type { Actor } from "@/lib/auth/actor";
import { listCaseMessages } from "@/lib/data/messages";
import { getT } from "@/lib/i18n/server";
import { formatMessageTime } from "./format";
import { MessageForm } from "./message-form";

/**
 * A case's messages between the association and the coordinator, with a form
 * to write one. Shown from submission on (a draft has no thread); rendering it
 * marks the other side's messages read.
 */
export async function CaseMessages({ actor, applicationId, status }: { actor: Actor; applicationId: string; status: string }) {
  if (status === "DRAFT") return null;
  const { t, locale } = await getT();
  const thread = await listCaseMessages(actor, applicationId);
  const roleOf = (fromStaff: boolean) => (fromStaff ? t("messages.role.staff") : t("messages.role.member", { name: thread.application.associationName }));
  return (
    <section className="card case-messages" id="messages" aria-labelledby="messages-title">
      <h2 id="messages-title" style={{ marginTop: 0 }}>
        {t("messages.title")}
      </h2>
      <p className="muted">{thread.viewerIsStaff ? t("messages.intro.staff") : t("messages.intro.member")}</p>
      {thread.truncated ? <p>{t("messages.truncated", { count: thread.messages.length })}</p> : null}
      {thread.messages.length === 0 ? (
        <p>{t("messages.empty")}</p>
      ) : (
        <ol className="message-list" aria-label={t("messages.list")}>
          {thread.messages.map((m) => {
            const ownSide = m.fromStaff === thread.viewerIsStaff;
            return (
              <li key={m.id} className={`message ${m.fromStaff ? "from-staff" : "from-member"}`}>
                <p className="message-meta">
                  <strong>{m.mine ? t("messages.you") : (m.authorName ?? roleOf(m.fromStaff))}</strong>
                  {m.mine || m.authorName ? <span className="muted"> – {roleOf(m.fromStaff)}</span> : null}
                  {", "}
                  <time dateTime={m.createdAt.toISOString()}>{formatMessageTime(m.createdAt, locale)}</time>
                  {m.unread ? (
                    <>
                      {" "}
                      <span className="status message-new">{t("messages.unread")}</span>
                    </>
                  ) : null}
                </p>
                <div className="message-body">{m.body}</div>
                {ownSide ? <p className="message-read muted">{m.readAt ? t("messages.readByOther") : t("messages.notReadByOther")}</p> : null}
              </li>
            );
          })}
        </ol>
      )}
      <MessageForm applicationId={applicationId} />
    </section>
  );
}
