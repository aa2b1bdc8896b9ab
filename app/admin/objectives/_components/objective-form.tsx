"use client";
import { useForm } from "react-hook-form";
import { useI18n } from "@/components/i18n/provider";
import { Field, GroupError } from "@/components/ui/field";
import { ObjectiveInputSchema, ObjectiveUpdateSchema, type ObjectiveInput, type ObjectiveUpdate } from "@/lib/schemas/admin";
import { fieldId, formResolver, SubmitBar, useAdminForm } from "../../_components/admin-form";
import { createObjectiveAction, updateObjectiveAction } from "../actions";

type Values = { textSv: string; textEn: string; sortOrder: string; active: boolean };

const LABELS: Record<string, string> = {
  textSv: "admin.objective.textSv",
  textEn: "admin.objective.textEn",
  sortOrder: "admin.objective.sortOrder",
  active: "admin.objective.active",
};

type Props = { objective?: { id: string; textSv: string; textEn: string; sortOrder: number; active: boolean }; nextSortOrder?: number };

/** Adds a policy objective, or changes one when `objective` is given. */
export function ObjectiveForm({ objective, nextSortOrder = 0 }: Props) {
  const { t } = useI18n();
  const empty: Values = { textSv: "", textEn: "", sortOrder: String(nextSortOrder), active: true };
  const initial: Values = objective
    ? { textSv: objective.textSv, textEn: objective.textEn, sortOrder: String(objective.sortOrder), active: objective.active }
    : empty;
  const form = useForm<Values, unknown, ObjectiveInput | ObjectiveUpdate>({
    resolver: objective ? formResolver<Values>()(ObjectiveUpdateSchema) : formResolver<Values>()(ObjectiveInputSchema),
    defaultValues: initial,
    shouldFocusError: false,
  });
  const { pending, errorFor, onSubmit, summary, notice, setNotice } = useAdminForm(form, {
    send: (values) => (objective ? updateObjectiveAction(objective.id, values) : createObjectiveAction(values)),
    onSuccess: () => {
      if (objective) {
        form.reset(form.getValues());
        setNotice("admin.form.saved");
      } else {
        form.reset({ ...empty, sortOrder: String(Number(form.getValues("sortOrder")) + 1 || 0) });
        setNotice("admin.objective.created");
      }
    },
    labelFor: (path) => (LABELS[path] ? t(LABELS[path]!) : undefined),
  });
  const activeError = errorFor("active");
  return (
    <form noValidate onSubmit={onSubmit} aria-busy={pending} className="card">
      {summary}
      <Field id={fieldId("textSv")} label={t("admin.objective.textSv")} error={errorFor("textSv")} required requiredLabel={t("common.required")}>
        <textarea lang="sv" rows={3} {...form.register("textSv")} />
      </Field>
      <Field id={fieldId("textEn")} label={t("admin.objective.textEn")} error={errorFor("textEn")} required requiredLabel={t("common.required")}>
        <textarea lang="en" rows={3} {...form.register("textEn")} />
      </Field>
      <Field id={fieldId("sortOrder")} label={t("admin.objective.sortOrder")} hint={t("admin.objective.sortOrderHint")} error={errorFor("sortOrder")}>
        <input type="text" inputMode="numeric" autoComplete="off" style={{ maxWidth: "8rem" }} {...form.register("sortOrder")} />
      </Field>
      <div className="field">
        <GroupError id="active-error" error={activeError} />
        <label className="checkbox">
          <input type="checkbox" id="active" aria-describedby={activeError ? "active-error" : undefined} {...form.register("active")} />
          <span>{t("admin.objective.active")}</span>
        </label>
      </div>
      <SubmitBar pending={pending} label={objective ? t("admin.form.save") : t("admin.form.create")} notice={notice} />
    </form>
  );
}
