"use client";
import { useRef, useState, useTransition } from "react";
import { useI18n } from "@/components/i18n/provider";
import { TableWrap } from "@/components/ui/table-wrap";
import { removeCommitteeMemberAction } from "../actions";

type Member = { id: string; name: string | null; email: string; title: string; active: boolean };

/**
 * The committee with a remove button per member. The removed row disappears,
 * so the result is announced in a status line that also takes the focus.
 */
export function MembersTable({ members }: { members: Member[] }) {
  const { t } = useI18n();
  const [pendingId, setPendingId] = useState<string | null>(null);
  const [, startTransition] = useTransition();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);

  function remove(member: Member) {
    const name = member.name ?? member.email;
    setPendingId(member.id);
    setMessage(null);
    startTransition(async () => {
      try {
        const result = await removeCommitteeMemberAction(member.id);
        setMessage(result.ok ? { text: t("admin.committee.removed", { name }), error: false } : { text: t(result.formError ?? "errors.INTERNAL"), error: true });
      } catch {
        setMessage({ text: t("errors.NETWORK"), error: true });
      } finally {
        setPendingId(null);
        statusRef.current?.focus();
      }
    });
  }

  return (
    <>
      <p role="status" tabIndex={-1} ref={statusRef} className={message ? (message.error ? "alert error" : "alert success") : "visually-hidden"}>
        {pendingId ? t("admin.committee.removing") : (message?.text ?? "")}
      </p>
      {members.length === 0 ? (
        <p>{t("admin.committee.empty")}</p>
      ) : (
        <TableWrap label={t("admin.committee.title")}>
          <table className="stack">
            <caption className="visually-hidden">{t("admin.committee.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.committee.col.name")}</th>
                <th scope="col">{t("admin.committee.col.title")}</th>
                <th scope="col">{t("admin.committee.col.email")}</th>
                <th scope="col">{t("admin.col.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.id}>
                  <td data-label={t("admin.committee.col.name")}>
                    {m.name ?? m.email}
                    {m.active ? null : <span className="muted"> ({t("admin.status.inactive")})</span>}
                  </td>
                  <td data-label={t("admin.committee.col.title")}>{m.title}</td>
                  <td data-label={t("admin.committee.col.email")}>{m.email}</td>
                  <td data-label={t("admin.col.actions")}>
                    <button
                      type="button"
                      className="button secondary"
                      disabled={pendingId !== null}
                      aria-label={t("admin.committee.removeLabel", { name: m.name ?? m.email })}
                      onClick={() => remove(m)}
                    >
                      {pendingId === m.id ? t("admin.committee.removing") : t("admin.committee.remove")}
                    </button>
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
