"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { AssociationRegistrationSchema } from "@/lib/schemas/association";
import { useI18n } from "@/components/i18n/provider";
import { Field, GroupError } from "@/components/ui/field";
import { ErrorSummary, type SummaryItem } from "@/components/ui/error-summary";
import { registerAssociationAction } from "../actions";

type Input = z.input<typeof AssociationRegistrationSchema>;
type Output = z.output<typeof AssociationRegistrationSchema>;

const TEXT_FIELDS = [
  { name: "name", autoComplete: "organization" },
  { name: "orgNumber", autoComplete: "off", inputMode: "numeric" },
  { name: "streetAddress", autoComplete: "street-address" },
  { name: "postalCode", autoComplete: "postal-code", inputMode: "numeric" },
  { name: "city", autoComplete: "address-level2" },
  { name: "contactName", autoComplete: "name" },
  { name: "email", autoComplete: "email", type: "email", inputMode: "email" },
  { name: "phone", autoComplete: "tel", type: "tel", inputMode: "tel" },
] as const;

export function RegistrationForm({ towns, defaultEmail, defaultName }: { towns: { id: string; label: string }[]; defaultEmail: string; defaultName: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [serverErrors, setServerErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [proofError, setProofError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(AssociationRegistrationSchema),
    defaultValues: { contactName: defaultName, email: defaultEmail, paymentMethod: "BANKGIRO", partnerTownIds: towns.length === 1 ? [towns[0]!.id] : [] },
    mode: "onTouched",
    // The error summary takes focus and links to each field.
    shouldFocusError: false,
  });
  const { errors } = form.formState;

  const errorFor = (name: string): string | undefined => {
    const client = (errors as Record<string, { message?: string } | undefined>)[name]?.message;
    const server = serverErrors[name]?.[0];
    const key = client ?? server;
    return key ? t(key) : undefined;
  };

  const summary: SummaryItem[] = submitted
    ? [...TEXT_FIELDS.map((f) => f.name), "paymentMethod", "paymentAccount", "partnerTownIds"]
        .map((name) => ({ fieldId: name === "partnerTownIds" ? `town-${towns[0]?.id}` : name, name, error: errorFor(name) }))
        .filter((i) => i.error)
        .map((i) => ({ fieldId: i.fieldId, message: `${t(`association.field.${i.name}`)}: ${i.error}` }))
        .concat(proofError ? [{ fieldId: "proof", message: `${t("association.field.proofFile")}: ${proofError}` }] : [])
    : [];

  async function send(values: Output) {
    void values;
    const fileInput = document.getElementById("proof") as HTMLInputElement;
    const file = fileInput.files?.[0];
    if (!file) {
      setProofError(t("validation.file.required"));
      return;
    }
    setProofError(null);
    setFormError(null);
    setServerErrors({});
    setPending(true);
    try {
      const raw = form.getValues();
      const data = new FormData();
      for (const [k, v] of Object.entries(raw)) {
        if (Array.isArray(v)) v.forEach((item) => data.append(k, String(item)));
        else if (v != null) data.append(k, String(v));
      }
      data.append("proof", file);
      const result = await registerAssociationAction(data);
      if (result.ok) {
        router.push(`/associations/${result.data.id}?registered=1`);
        return;
      }
      const fieldErrors = result.fieldErrors ?? {};
      if (fieldErrors.proof) setProofError(t(fieldErrors.proof[0]!));
      setServerErrors(fieldErrors);
      setFormError(result.formError ? t(result.formError) : null);
    } catch {
      setFormError(t("errors.NETWORK"));
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      noValidate
      aria-busy={pending}
      onSubmit={(e) => {
        setSubmitted(true);
        const fileInput = document.getElementById("proof") as HTMLInputElement;
        setProofError(fileInput.files?.length ? null : t("validation.file.required"));
        void form.handleSubmit(send)(e);
      }}
    >
      <ErrorSummary title={t("common.errorSummary")} items={summary} formError={formError} />
      <fieldset>
        <legend>{t("association.register.aboutAssociation")}</legend>
        {TEXT_FIELDS.map((f) => (
          <Field
            key={f.name}
            id={f.name}
            label={t(`association.field.${f.name}`)}
            hint={t(`association.hint.${f.name}`) === `association.hint.${f.name}` ? undefined : t(`association.hint.${f.name}`)}
            error={errorFor(f.name)}
            required
            requiredLabel={t("common.required")}
          >
            <input
              type={"type" in f ? f.type : "text"}
              autoComplete={f.autoComplete}
              inputMode={"inputMode" in f ? f.inputMode : undefined}
              {...form.register(f.name, { onChange: () => setServerErrors((s) => ({ ...s, [f.name]: [] })) })}
            />
          </Field>
        ))}
      </fieldset>
      <fieldset aria-describedby={errorFor("paymentAccount") ? "paymentAccount-error" : undefined}>
        <legend>{t("association.register.payment")}</legend>
        <div role="radiogroup" aria-label={t("association.field.paymentMethod")}>
          {(["BANKGIRO", "PLUSGIRO"] as const).map((method) => (
            <label className="checkbox" key={method}>
              <input type="radio" value={method} {...form.register("paymentMethod")} />
              <span>{t(`association.paymentMethod.${method}`)}</span>
            </label>
          ))}
        </div>
        <Field id="paymentAccount" label={t("association.field.paymentAccount")} hint={t("association.hint.paymentAccount")} error={errorFor("paymentAccount")} required requiredLabel={t("common.required")}>
          <input type="text" inputMode="numeric" autoComplete="off" {...form.register("paymentAccount")} />
        </Field>
      </fieldset>
      <fieldset aria-describedby={errorFor("partnerTownIds") ? "partnerTownIds-error" : "partnerTownIds-hint"}>
        <legend>{t("association.field.partnerTownIds")}</legend>
        <span className="hint" id="partnerTownIds-hint">
          {t("association.hint.partnerTownIds")}
        </span>
        <GroupError id="partnerTownIds-error" error={errorFor("partnerTownIds")} />
        {towns.map((town) => (
          <label className="checkbox" key={town.id}>
            <input type="checkbox" id={`town-${town.id}`} value={town.id} {...form.register("partnerTownIds")} />
            <span>{town.label}</span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("association.field.proof")}</legend>
        <div className="field">
          <label htmlFor="proof">{t("association.field.proofFile")}</label>
          <span className="hint" id="proof-hint">
            {t("association.hint.proof")}
          </span>
          {proofError ? (
            <p className="error" id="proof-error">
              {proofError}
            </p>
          ) : null}
          <input
            id="proof"
            name="proof"
            type="file"
            accept="application/pdf,.pdf"
            aria-invalid={proofError ? true : undefined}
            aria-describedby={proofError ? "proof-hint proof-error" : "proof-hint"}
            onChange={() => setProofError(null)}
          />
        </div>
      </fieldset>
      <div className="actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? t("association.register.sending") : t("association.register.submit")}
        </button>
        <span role="status">{pending ? t("association.register.sending") : ""}</span>
      </div>
    </form>
  );
}
