"use client";
import { FormError } from "@/components/ui/field";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useI18n } from "@/components/i18n/provider";
import { createApplicationAction } from "../actions";

type Props = { associations: { id: string; name: string }[]; programs: { id: string; year: number }[]; defaultAssociationId: string };

export function NewApplicationForm({ associations, programs, defaultAssociationId }: Props) {
  const { t } = useI18n();
  const router = useRouter();
  const [associationId, setAssociationId] = useState(defaultAssociationId);
  const [programYearId, setProgramYearId] = useState(programs[0]!.id);
  const [grantKind, setGrantKind] = useState<"BASE" | "ACTIVITY">("BASE");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    setPending(true);
    setError(null);
    try {
      const result = await createApplicationAction({ associationId, programYearId, grantKind });
      if (result.ok) router.push(`/applications/${result.data.id}/edit`);
      else {
        const first = Object.values(result.fieldErrors ?? {})[0]?.[0];
        setError(t(first ?? result.formError ?? "errors.INTERNAL"));
        setPending(false);
      }
    } catch {
      setError(t("errors.NETWORK"));
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="card" aria-busy={pending}>
      <FormError message={error} />
      <div className="field">
        <label htmlFor="associationId">{t("application.field.association")}</label>
        <select id="associationId" value={associationId} onChange={(e) => setAssociationId(e.target.value)}>
          {associations.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="programYearId">{t("application.field.programYear")}</label>
        <select id="programYearId" value={programYearId} onChange={(e) => setProgramYearId(e.target.value)}>
          {programs.map((p) => (
            <option key={p.id} value={p.id}>
              {p.year}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend>{t("application.field.grantKind")}</legend>
        {(["BASE", "ACTIVITY"] as const).map((kind) => (
          <label className="checkbox" key={kind}>
            <input type="radio" name="grantKind" value={kind} checked={grantKind === kind} onChange={() => setGrantKind(kind)} />
            <span>
              <strong>{t(`grantKind.${kind}`)}</strong>
              <br />
              <span className="muted">{t(`grantKind.${kind}.explained`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? t("application.new.creating") : t("application.new.start")}
        </button>
        <span role="status">{pending ? t("application.new.creating") : ""}</span>
      </div>
    </form>
  );
}
