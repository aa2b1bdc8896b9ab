"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useI18n } from "@/components/i18n/provider";
import { Field, FormError } from "@/components/ui/field";
import { consultSelectedAction } from "../actions";

/** The checked rows of the queue (checkboxes tied to this form by its id) go to the committee together. */
export function ConsultSelectedForm({ defaultClosesOn }: { defaultClosesOn: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [closesOn, setClosesOn] = useState(defaultClosesOn);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return (
    <form
      id="consult-selected"
      className="card"
      aria-busy={pending}
      onSubmit={async (e) => {
        e.preventDefault();
        const ids = new FormData(e.currentTarget).getAll("applicationIds").map(String);
        setError(null);
        setDone(null);
        if (!ids.length) {
          setError(t("validation.consultation.noCases"));
          return;
        }
        setPending(true);
        try {
          const result = await consultSelectedAction(ids, closesOn);
          if (result.ok) {
            setDone(t("queue.consulted", { count: result.data.count }));
            router.refresh();
          } else setError(t(Object.values(result.fieldErrors ?? {})[0]?.[0] ?? result.formError ?? "errors.INTERNAL"));
        } catch {
          setError(t("errors.NETWORK"));
        } finally {
          setPending(false);
        }
      }}
    >
      <h2 style={{ marginTop: 0 }}>{t("queue.consultTitle")}</h2>
      <p>{t("queue.consultIntro")}</p>
      <FormError message={error} />
      <Field id="consult-closesOn" label={t("handling.closesOn")} hint={t("handling.closesOnHint")}>
        <input type="date" value={closesOn} onChange={(e) => setClosesOn(e.target.value)} />
      </Field>
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("common.saving") : t("queue.consultSelected")}
      </button>
      <span role="status">{done ?? ""}</span>
    </form>
  );
}
