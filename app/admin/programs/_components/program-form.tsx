"use client";
import { useRef } from "react";
import { useRouter } from "next/navigation";
import { useFieldArray, useForm } from "react-hook-form";
import { useI18n } from "@/components/i18n/provider";
import { describedByIds, Field, GroupError } from "@/components/ui/field";
import { GRANT_KINDS, ProgramYearInputSchema, SPLIT_RULES, type ProgramYearInput } from "@/lib/schemas/admin";
import { fieldId, formResolver, SubmitBar, useAdminForm } from "../../_components/admin-form";
import { createProgramYearAction, updateProgramYearAction } from "../actions";
import type { ProgramFormValues } from "./program-values";

const LABELS: Record<string, string> = {
  year: "admin.program.year",
  opensOn: "admin.program.opensOn",
  closesOn: "admin.program.closesOn",
  baseCapPerTown: "admin.program.baseCapPerTown",
  activityCapPerTown: "admin.program.activityCapPerTown",
  splitRule: "admin.program.splitRule",
  budget: "admin.program.budget",
  reportDeadlineMonths: "admin.program.reportDeadlineMonths",
  blockOnOverdueReport: "followUp.admin.blockOnOverdueReport",
  requiredDocuments: "admin.program.documents",
  caps: "admin.program.caps",
  nameSv: "admin.program.document.nameSv",
  nameEn: "admin.program.document.nameEn",
  grantKind: "admin.program.cap.grantKind",
  partnerTownId: "admin.program.cap.partnerTown",
  amount: "admin.program.cap.amount",
};

type Town = { id: string; name: string; active: boolean };

/**
 * Every rule of one program year: dates, caps per partner town, split rule,
 * budget, report deadline, required documents and per-town cap overrides.
 * Creates the year when `id` is absent; otherwise replaces its rules.
 */
export function ProgramForm({ id, initial, towns }: { id?: string; initial: ProgramFormValues; towns: Town[] }) {
  const { t } = useI18n();
  const router = useRouter();
  const form = useForm<ProgramFormValues, unknown, ProgramYearInput>({
    resolver: formResolver<ProgramFormValues>()(ProgramYearInputSchema),
    defaultValues: initial,
    shouldFocusError: false,
  });
  const documents = useFieldArray({ control: form.control, name: "requiredDocuments" });
  const caps = useFieldArray({ control: form.control, name: "caps" });
  const addDocumentRef = useRef<HTMLButtonElement>(null);
  const addCapRef = useRef<HTMLButtonElement>(null);

  const labelFor = (path: string): string | undefined => {
    const [head, index, leaf] = path.split(".");
    const row = index !== undefined ? Number(index) + 1 : null;
    const base = head ? LABELS[head] : undefined;
    if (row === null || !leaf) return base ? t(base) : undefined;
    const rowLabel = head === "caps" ? t("admin.program.cap", { n: row }) : t("admin.program.document", { n: row });
    const leafLabel = head === "requiredDocuments" && leaf === "grantKind" ? "admin.program.document.grantKind" : LABELS[leaf];
    return leafLabel ? `${rowLabel}, ${t(leafLabel).toLowerCase()}` : rowLabel;
  };

  const { pending, errorFor, onSubmit, summary, notice, setNotice } = useAdminForm(form, {
    send: (values) => (id ? updateProgramYearAction(id, values) : createProgramYearAction(values)),
    onSuccess: (data) => {
      if (id) {
        form.reset(form.getValues());
        setNotice("admin.form.saved");
      } else {
        router.push(`/admin/programs/${data.id}?created=1`);
      }
    },
    labelFor,
  });

  const text = (name: "year" | "baseCapPerTown" | "activityCapPerTown" | "budget" | "reportDeadlineMonths", hint: string, required = true) => (
    <Field id={fieldId(name)} label={t(LABELS[name]!)} hint={t(hint)} error={errorFor(name)} required={required} requiredLabel={t("common.required")}>
      <input type="text" inputMode="numeric" autoComplete="off" style={{ maxWidth: "14rem" }} {...form.register(name)} />
    </Field>
  );

  const splitError = errorFor("splitRule");
  const documentsError = errorFor("requiredDocuments");
  const capsError = errorFor("caps");

  return (
    <form noValidate onSubmit={onSubmit} aria-busy={pending}>
      {summary}

      {text("year", "admin.program.yearHint")}

      <fieldset>
        <legend>{t("admin.program.period")}</legend>
        {(["opensOn", "closesOn"] as const).map((name) => (
          <Field key={name} id={fieldId(name)} label={t(LABELS[name]!)} hint={t("admin.program.dateHint")} error={errorFor(name)} required requiredLabel={t("common.required")}>
            <input type="date" style={{ maxWidth: "14rem" }} {...form.register(name)} />
          </Field>
        ))}
      </fieldset>

      <fieldset>
        <legend>{t("admin.program.capsLegend")}</legend>
        {text("baseCapPerTown", "admin.program.kronorHint")}
        {text("activityCapPerTown", "admin.program.kronorHint")}
      </fieldset>

      <fieldset aria-describedby={splitError ? "splitRule-error" : undefined}>
        <legend>{t("admin.program.splitRule")}</legend>
        <GroupError id="splitRule-error" error={splitError} />
        {SPLIT_RULES.map((rule, i) => (
          <label className="checkbox" key={rule}>
            <input type="radio" id={i === 0 ? "splitRule" : `splitRule-${rule}`} value={rule} {...form.register("splitRule")} />
            <span>{t(`admin.split.${rule}`)}</span>
          </label>
        ))}
      </fieldset>

      {text("budget", "admin.program.budgetHint", false)}
      {text("reportDeadlineMonths", "admin.program.reportDeadlineHint")}
      <div className="field">
        <GroupError id="blockOnOverdueReport-error" error={errorFor("blockOnOverdueReport")} />
        <label className="checkbox">
          <input
            type="checkbox"
            id="blockOnOverdueReport"
            aria-describedby={describedByIds("blockOnOverdueReport-hint", errorFor("blockOnOverdueReport") && "blockOnOverdueReport-error")}
            {...form.register("blockOnOverdueReport")}
          />
          <span>{t("followUp.admin.blockOnOverdueReport")}</span>
        </label>
        <span className="hint" id="blockOnOverdueReport-hint">
          {t("followUp.admin.blockOnOverdueReportHint")}
        </span>
      </div>

      <fieldset aria-describedby={["requiredDocuments-hint", documentsError ? "requiredDocuments-error" : null].filter(Boolean).join(" ")}>
        <legend>{t("admin.program.documents")}</legend>
        <span className="hint" id="requiredDocuments-hint">
          {t("admin.program.documentsHint")}
        </span>
        <GroupError id="requiredDocuments-error" error={documentsError} />
        {documents.fields.length === 0 ? <p className="muted">{t("admin.program.noDocuments")}</p> : null}
        {documents.fields.map((row, i) => {
          const n = i + 1;
          const path = (leaf: string) => `requiredDocuments.${i}.${leaf}`;
          return (
            <fieldset key={row.id}>
              <legend>{t("admin.program.document", { n })}</legend>
              <Field id={fieldId(path("nameSv"))} label={t("admin.program.document.nameSv")} error={errorFor(path("nameSv"))} required requiredLabel={t("common.required")}>
                <input type="text" lang="sv" autoComplete="off" {...form.register(`requiredDocuments.${i}.nameSv`)} />
              </Field>
              <Field id={fieldId(path("nameEn"))} label={t("admin.program.document.nameEn")} error={errorFor(path("nameEn"))} required requiredLabel={t("common.required")}>
                <input type="text" lang="en" autoComplete="off" {...form.register(`requiredDocuments.${i}.nameEn`)} />
              </Field>
              <Field id={fieldId(path("grantKind"))} label={t("admin.program.document.grantKind")} error={errorFor(path("grantKind"))}>
                <select {...form.register(`requiredDocuments.${i}.grantKind`, { setValueAs: (v: unknown) => (v === "" || v === null ? null : v) })}>
                  <option value="">{t("admin.program.document.both")}</option>
                  {GRANT_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`admin.grantKind.${kind}`)}
                    </option>
                  ))}
                </select>
              </Field>
              <button
                type="button"
                className="button secondary"
                onClick={() => {
                  documents.remove(i);
                  addDocumentRef.current?.focus();
                }}
              >
                {t("admin.program.removeDocument", { n })}
              </button>
            </fieldset>
          );
        })}
        <button ref={addDocumentRef} type="button" className="button secondary" onClick={() => documents.append({ nameSv: "", nameEn: "", grantKind: null })}>
          {t("admin.program.addDocument")}
        </button>
      </fieldset>

      <fieldset aria-describedby={["caps-hint", capsError ? "caps-error" : null].filter(Boolean).join(" ")}>
        <legend>{t("admin.program.caps")}</legend>
        <span className="hint" id="caps-hint">
          {t("admin.program.capsHint")}
        </span>
        <GroupError id="caps-error" error={capsError} />
        {caps.fields.length === 0 ? <p className="muted">{t("admin.program.noCaps")}</p> : null}
        {caps.fields.map((row, i) => {
          const n = i + 1;
          const path = (leaf: string) => `caps.${i}.${leaf}`;
          return (
            <fieldset key={row.id}>
              <legend>{t("admin.program.cap", { n })}</legend>
              <Field id={fieldId(path("partnerTownId"))} label={t("admin.program.cap.partnerTown")} error={errorFor(path("partnerTownId"))} required requiredLabel={t("common.required")}>
                <select {...form.register(`caps.${i}.partnerTownId`)}>
                  <option value="">{t("admin.program.cap.choose")}</option>
                  {towns.map((town) => (
                    <option key={town.id} value={town.id}>
                      {town.active ? town.name : t("admin.program.inactiveTown", { name: town.name })}
                    </option>
                  ))}
                </select>
              </Field>
              <Field id={fieldId(path("grantKind"))} label={t("admin.program.cap.grantKind")} error={errorFor(path("grantKind"))} required requiredLabel={t("common.required")}>
                <select {...form.register(`caps.${i}.grantKind`)}>
                  {GRANT_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`admin.grantKind.${kind}`)}
                    </option>
                  ))}
                </select>
              </Field>
              <Field id={fieldId(path("amount"))} label={t("admin.program.cap.amount")} hint={t("admin.program.kronorHint")} error={errorFor(path("amount"))} required requiredLabel={t("common.required")}>
                <input type="text" inputMode="numeric" autoComplete="off" style={{ maxWidth: "14rem" }} {...form.register(`caps.${i}.amount`)} />
              </Field>
              <button
                type="button"
                className="button secondary"
                onClick={() => {
                  caps.remove(i);
                  addCapRef.current?.focus();
                }}
              >
                {t("admin.program.removeCap", { n })}
              </button>
            </fieldset>
          );
        })}
        <button ref={addCapRef} type="button" className="button secondary" onClick={() => caps.append({ partnerTownId: "", grantKind: "BASE", amount: "" })}>
          {t("admin.program.addCap")}
        </button>
      </fieldset>

      <SubmitBar pending={pending} label={id ? t("admin.form.save") : t("admin.programs.create")} notice={notice} />
    </form>
  );
}
