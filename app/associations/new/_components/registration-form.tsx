"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { AssociationRegistrationSchema } from "@/lib/schemas/association";
import { useI18n } from "@/components/i18n/provider";
import { describedByIds, Field, GroupError } from "@/components/ui/field";
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

/** Every field the form shows, in page order; a server error on any other name is an error of the whole form. */
const FIELD_NAMES: readonly string[] = [...TEXT_FIELDS.map((f) => f.name), "paymentMethod", "paymentAccount", "partnerTownIds"];

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

  const clearServerError = (name: string) => setServerErrors((s) => (s[name]?.length ? { ...s, [name]: [] } : s));

  // Each link goes to an element that exists: the first radio, the first town, or — with no towns — their fieldset.
  const fieldIdFor = (name: string) => (name === "partnerTownIds" ? (towns[0] ? `town-${towns[0].id}` : "partnerTownIds") : name);
  const summary: SummaryItem[] = submitted
    ? FIELD_NAMES.map((name) => ({ fieldId: fieldIdFor(name), name, error: errorFor(name) }))
        .filter((i) => i.error)
        .map((i) => ({ fieldId: i.fieldId, message: `${t(`association.field.${i.name}`)}: ${i.error}` }))
        .concat(proofError ? [{ fieldId: "proof", message: `${t("association.field.proofFile")}: ${proofError}` }] : [])
    : [];
  const formErrors = [
    formError,
    ...Object.entries(serverErrors)
      .filter(([name, messages]) => name !== "proof" && !FIELD_NAMES.includes(name) && messages[0])
      .map(([, messages]) => t(messages[0]!)),
  ].filter((m): m is string => !!m);
  const paymentMethodError = errorFor("paymentMethod");
  const partnerTownsError = errorFor("partnerTownIds");

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
      <ErrorSummary title={t("common.errorSummary")} items={summary} formError={formErrors} focusOn={form.formState.submitCount} />
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
              {...form.register(f.name, { onChange: () => clearServerError(f.name) })}
            />
          </Field>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("association.register.payment")}</legend>
        <fieldset aria-describedby={paymentMethodError ? "paymentMethod-error" : undefined}>
          <legend>{t("association.field.paymentMethod")}</legend>
          <GroupError id="paymentMethod-error" error={paymentMethodError} />
          {(["BANKGIRO", "PLUSGIRO"] as const).map((method, i) => (
            <label className="checkbox" key={method}>
              <input
                type="radio"
                // The first radio carries the field's name as id: the error summary links to it.
                id={i === 0 ? "paymentMethod" : `paymentMethod-${method}`}
                value={method}
                {...form.register("paymentMethod", { onChange: () => clearServerError("paymentMethod") })}
              />
              <span>{t(`association.paymentMethod.${method}`)}</span>
            </label>
          ))}
        </fieldset>
        <Field id="paymentAccount" label={t("association.field.paymentAccount")} hint={t("association.hint.paymentAccount")} error={errorFor("paymentAccount")} required requiredLabel={t("common.required")}>
          <input type="text" inputMode="numeric" autoComplete="off" {...form.register("paymentAccount", { onChange: () => clearServerError("paymentAccount") })} />
        </Field>
      </fieldset>
      <fieldset
        id="partnerTownIds"
        // With no town to tick, the summary links to the fieldset itself, so it must take focus.
        tabIndex={towns.length ? undefined : -1}
        aria-describedby={describedByIds("partnerTownIds-hint", !towns.length && "partnerTownIds-none", partnerTownsError && "partnerTownIds-error")}
      >
        <legend>{t("association.field.partnerTownIds")}</legend>
        <span className="hint" id="partnerTownIds-hint">
          {t("association.hint.partnerTownIds")}
        </span>
        <GroupError id="partnerTownIds-error" error={partnerTownsError} />
        {towns.length ? (
          towns.map((town) => (
            <label className="checkbox" key={town.id}>
              <input
                type="checkbox"
                id={`town-${town.id}`}
                value={town.id}
                aria-invalid={partnerTownsError ? true : undefined}
                {...form.register("partnerTownIds", { onChange: () => clearServerError("partnerTownIds") })}
              />
              <span>{town.label}</span>
            </label>
          ))
        ) : (
          <p id="partnerTownIds-none">{t("association.register.noTowns")}</p>
        )}
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
