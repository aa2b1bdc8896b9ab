"use client";
import { useForm, type UseFormRegister } from "react-hook-form";
import { useI18n } from "@/components/i18n/provider";
import { Field, GroupError } from "@/components/ui/field";
import {
  DISTANCE_CLASSES,
  PARTNER_KINDS,
  PartnerTownInputSchema,
  PartnerTownUpdateSchema,
  type PartnerTownInput,
  type PartnerTownUpdate,
} from "@/lib/schemas/admin";
import { fieldId, formResolver, SubmitBar, useAdminForm } from "../../_components/admin-form";
import { createPartnerTownAction, updatePartnerTownAction } from "../actions";

type Values = {
  name: string;
  country: string;
  kind: (typeof PARTNER_KINDS)[number];
  distanceClass: (typeof DISTANCE_CLASSES)[number];
  active: boolean;
};

const EMPTY: Values = { name: "", country: "", kind: "TWIN_TOWN", distanceClass: "NORDIC", active: true };

const LABELS: Record<string, string> = {
  name: "admin.partnerTown.name",
  country: "admin.partnerTown.country",
  kind: "admin.partnerTown.kind",
  distanceClass: "admin.partnerTown.distanceClass",
  active: "admin.partnerTown.active",
};

function Choices<K extends "kind" | "distanceClass">(props: {
  name: K;
  legend: string;
  hint?: string;
  options: readonly Values[K][];
  optionLabel: (value: Values[K]) => string;
  error?: string;
  register: UseFormRegister<Values>;
}) {
  const describedBy = [props.hint ? `${props.name}-hint` : null, props.error ? `${props.name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset aria-describedby={describedBy}>
      <legend>{props.legend}</legend>
      {props.hint ? (
        <span className="hint" id={`${props.name}-hint`}>
          {props.hint}
        </span>
      ) : null}
      <GroupError id={`${props.name}-error`} error={props.error} />
      {props.options.map((value, i) => (
        <label className="checkbox" key={value}>
          <input type="radio" id={i === 0 ? props.name : `${props.name}-${value}`} value={value} {...props.register(props.name)} />
          <span>{props.optionLabel(value)}</span>
        </label>
      ))}
    </fieldset>
  );
}

type Props = { town?: { id: string } & Values };

/** Adds a partner town, or changes one when `town` is given. */
export function PartnerTownForm({ town }: Props) {
  const { t } = useI18n();
  const initial: Values = town ? { name: town.name, country: town.country, kind: town.kind, distanceClass: town.distanceClass, active: town.active } : EMPTY;
  const form = useForm<Values, unknown, PartnerTownInput | PartnerTownUpdate>({
    resolver: town ? formResolver<Values>()(PartnerTownUpdateSchema) : formResolver<Values>()(PartnerTownInputSchema),
    defaultValues: initial,
    shouldFocusError: false,
  });
  const { pending, errorFor, onSubmit, summary, notice, setNotice } = useAdminForm(form, {
    send: (values) => (town ? updatePartnerTownAction(town.id, values) : createPartnerTownAction(values)),
    onSuccess: () => {
      if (town) {
        form.reset(form.getValues());
        setNotice("admin.form.saved");
      } else {
        form.reset(EMPTY);
        setNotice("admin.partnerTown.created");
      }
    },
    labelFor: (path) => (LABELS[path] ? t(LABELS[path]!) : undefined),
  });
  const activeError = errorFor("active");
  return (
    <form noValidate onSubmit={onSubmit} aria-busy={pending} className="card">
      {summary}
      <Field id={fieldId("name")} label={t("admin.partnerTown.name")} error={errorFor("name")} required requiredLabel={t("common.required")}>
        <input type="text" autoComplete="off" {...form.register("name")} />
      </Field>
      <Field id={fieldId("country")} label={t("admin.partnerTown.country")} error={errorFor("country")} required requiredLabel={t("common.required")}>
        <input type="text" autoComplete="off" {...form.register("country")} />
      </Field>
      <Choices name="kind" legend={t("admin.partnerTown.kind")} options={PARTNER_KINDS} optionLabel={(v) => t(`admin.kind.${v}`)} error={errorFor("kind")} register={form.register} />
      <Choices
        name="distanceClass"
        legend={t("admin.partnerTown.distanceClass")}
        hint={t("admin.partnerTown.distanceHint")}
        options={DISTANCE_CLASSES}
        optionLabel={(v) => t(`admin.distance.${v}`)}
        error={errorFor("distanceClass")}
        register={form.register}
      />
      <div className="field">
        <GroupError id="active-error" error={activeError} />
        <label className="checkbox">
          <input type="checkbox" id="active" aria-describedby={activeError ? "active-error" : undefined} {...form.register("active")} />
          <span>{t("admin.partnerTown.active")}</span>
        </label>
      </div>
      <SubmitBar pending={pending} label={town ? t("admin.form.save") : t("admin.form.create")} notice={notice} />
    </form>
  );
}
