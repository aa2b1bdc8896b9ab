"use client";
import { useForm } from "react-hook-form";
import { useI18n } from "@/components/i18n/provider";
import { Field } from "@/components/ui/field";
import { CommitteeMemberInputSchema, type CommitteeMemberInput } from "@/lib/schemas/admin";
import { fieldId, formResolver, SubmitBar, useAdminForm } from "../../_components/admin-form";
import { addCommitteeMemberAction } from "../actions";

type Values = { email: string; title: string };
const EMPTY: Values = { email: "", title: "" };
const LABELS: Record<string, string> = { email: "admin.committee.email", userId: "admin.committee.email", title: "admin.committee.memberTitle" };

export function AddMemberForm() {
  const { t } = useI18n();
  const form = useForm<Values, unknown, CommitteeMemberInput>({
    resolver: formResolver<Values>()(CommitteeMemberInputSchema),
    defaultValues: EMPTY,
    shouldFocusError: false,
  });
  const { pending, errorFor, onSubmit, summary, notice, setNotice } = useAdminForm(form, {
    send: (values) => addCommitteeMemberAction(values),
    onSuccess: () => {
      form.reset(EMPTY);
      setNotice("admin.committee.added");
    },
    labelFor: (path) => (LABELS[path] ? t(LABELS[path]!) : undefined),
  });
  return (
    <form noValidate onSubmit={onSubmit} aria-busy={pending} className="card">
      {summary}
      <Field id={fieldId("email")} label={t("admin.committee.email")} hint={t("admin.committee.emailHint")} error={errorFor("email") ?? errorFor("userId")} required requiredLabel={t("common.required")}>
        <input type="email" autoComplete="off" inputMode="email" spellCheck={false} {...form.register("email")} />
      </Field>
      <Field id={fieldId("title")} label={t("admin.committee.memberTitle")} hint={t("admin.committee.memberTitleHint")} error={errorFor("title")} required requiredLabel={t("common.required")}>
        <input type="text" autoComplete="off" {...form.register("title")} />
      </Field>
      <SubmitBar pending={pending} label={t("admin.form.create")} notice={notice} />
    </form>
  );
}
