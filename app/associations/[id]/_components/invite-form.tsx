"use client";
import { useState } from "react";
import { useI18n } from "@/components/i18n/provider";
import { Field } from "@/components/ui/field";
import { inviteMemberAction } from "../actions";

export function InviteForm({ associationId }: { associationId: string }) {
  const { t } = useI18n();
  const [email, setEmail] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [sent, setSent] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    setPending(true);
    setSent(null);
    setError(undefined);
    try {
      const result = await inviteMemberAction(associationId, email.trim());
      if (result.ok) {
        setSent(result.data.email);
        setEmail("");
      } else setError(t(result.fieldErrors?.email?.[0] ?? result.formError ?? "errors.INTERNAL"));
    } catch {
      setError(t("errors.NETWORK"));
    } finally {
      setPending(false);
    }
  }
  return (
    <form onSubmit={onSubmit} noValidate className="card" aria-busy={pending}>
      <h2 style={{ marginTop: 0 }}>{t("association.invite.title")}</h2>
      <p>{t("association.invite.intro")}</p>
      <Field id="invite-email" label={t("association.invite.email")} error={error}>
        <input type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} />
      </Field>
      <div className="actions">
        <button className="button" type="submit" disabled={pending}>
          {pending ? t("association.invite.sending") : t("association.invite.submit")}
        </button>
        <span role="status">{sent ? t("association.invite.sent", { email: sent }) : ""}</span>
      </div>
    </form>
  );
}
