"use client";
import { useI18n } from "@/components/i18n/provider";
import { useAction } from "@/components/ui/use-action";
import { setMessageReadAction } from "../actions";

/** "Markera som hanterat", or back to unread; names the sender for screen readers. */
export function MarkReadButton({ id, read, from }: { id: string; read: boolean; from: string }) {
  const { t } = useI18n();
  const { pending, formError, run } = useAction();
  return (
    <div aria-busy={pending}>
      {formError ? (
        <p className="alert error" role="alert" style={{ marginTop: 0 }}>
          {formError}
        </p>
      ) : null}
      <button
        type="button"
        className={read ? "button secondary" : "button"}
        disabled={pending}
        aria-label={t(read ? "inbox.markUnreadLabel" : "inbox.markReadLabel", { name: from })}
        onClick={() => void run(() => setMessageReadAction(id, !read))}
      >
        {pending ? t("inbox.saving") : t(read ? "inbox.markUnread" : "inbox.markRead")}
      </button>
    </div>
  );
}
