"use client";
import { useForm, type UseFormRegister } from "react-hook-form";
import { useI18n } from "@/components/i18n/provider";
import { Field, GroupError } from "@/components/ui/field";
import { STAFF_ROLES, UserCreateSchema, UserUpdateSchema, type StaffRole, type UserCreate, type UserUpdate } from "@/lib/schemas/admin";
import { fieldId, formResolver, SubmitBar, useAdminForm } from "../../_components/admin-form";
import { createUserAction, updateUserAction } from "../actions";

type Values = { email: string; name: string; roles: StaffRole[]; active: boolean };

const EMPTY: Values = { email: "", name: "", roles: [], active: true };

const LABELS: Record<string, string> = { email: "admin.user.email", name: "admin.user.name", roles: "admin.user.roles", active: "admin.user.active" };

function UserFields({ register, errorFor }: { register: UseFormRegister<Values>; errorFor: (path: string) => string | undefined }) {
  const { t } = useI18n();
  const rolesError = errorFor("roles") ?? STAFF_ROLES.map((_, i) => errorFor(`roles.${i}`)).find(Boolean);
  const activeError = errorFor("active");
  return (
    <>
      <Field id={fieldId("email")} label={t("admin.user.email")} hint={t("admin.user.emailHint")} error={errorFor("email")} required requiredLabel={t("common.required")}>
        <input type="email" autoComplete="off" inputMode="email" spellCheck={false} {...register("email")} />
      </Field>
      <Field id={fieldId("name")} label={t("admin.user.name")} hint={t("admin.user.nameHint")} error={errorFor("name")}>
        <input type="text" autoComplete="off" {...register("name")} />
      </Field>
      <fieldset aria-describedby={["roles-hint", rolesError ? "roles-error" : null].filter(Boolean).join(" ")}>
        <legend>{t("admin.user.roles")}</legend>
        <span className="hint" id="roles-hint">
          {t("admin.user.rolesHint")}
        </span>
        <GroupError id="roles-error" error={rolesError} />
        {STAFF_ROLES.map((role, i) => (
          <label className="checkbox" key={role}>
            <input type="checkbox" id={i === 0 ? "roles" : `roles-${role}`} value={role} {...register("roles")} />
            <span>{t(`admin.role.${role}`)}</span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <GroupError id="active-error" error={activeError} />
        <label className="checkbox">
          <input type="checkbox" id="active" aria-describedby={activeError ? "active-error" : undefined} aria-invalid={activeError ? true : undefined} {...register("active")} />
          <span>{t("admin.user.active")}</span>
        </label>
      </div>
    </>
  );
}

export function CreateUserForm() {
  const { t } = useI18n();
  const form = useForm<Values, unknown, UserCreate>({ resolver: formResolver<Values>()(UserCreateSchema), defaultValues: EMPTY, shouldFocusError: false });
  const { pending, errorFor, onSubmit, summary, notice, setNotice } = useAdminForm(form, {
    send: (values) => createUserAction(values),
    onSuccess: () => {
      form.reset(EMPTY);
      setNotice("admin.user.created");
    },
    labelFor: (path) => (LABELS[path.split(".")[0]!] ? t(LABELS[path.split(".")[0]!]!) : undefined),
  });
  return (
    <form noValidate onSubmit={onSubmit} aria-busy={pending} className="card">
      {summary}
      <UserFields register={form.register} errorFor={errorFor} />
      <SubmitBar pending={pending} label={t("admin.form.create")} notice={notice} />
    </form>
  );
}

export function EditUserForm({ user }: { user: { id: string; email: string; name: string | null; roles: StaffRole[]; active: boolean } }) {
  const { t } = useI18n();
  const initial: Values = { email: user.email, name: user.name ?? "", roles: user.roles, active: user.active };
  const form = useForm<Values, unknown, UserUpdate>({ resolver: formResolver<Values>()(UserUpdateSchema), defaultValues: initial, shouldFocusError: false });
  const { pending, errorFor, onSubmit, summary, notice, setNotice } = useAdminForm(form, {
    send: (values) => updateUserAction(user.id, values),
    onSuccess: () => {
      form.reset(form.getValues());
      setNotice("admin.form.saved");
    },
    labelFor: (path) => (LABELS[path.split(".")[0]!] ? t(LABELS[path.split(".")[0]!]!) : undefined),
  });
  return (
    <form noValidate onSubmit={onSubmit} aria-busy={pending} className="card">
      {summary}
      <UserFields register={form.register} errorFor={errorFor} />
      <SubmitBar pending={pending} label={t("admin.form.save")} notice={notice} />
    </form>
  );
}
