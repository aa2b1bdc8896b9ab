"use client";
import { useEffect, useRef, useState } from "react";
import Link from "next/link";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { ContactMessageSchema, REPLY_CHANNELS } from "@/lib/schemas/message";
import { useI18n } from "@/components/i18n/provider";
import { describedByIds, Field, GroupError } from "@/components/ui/field";
import { ErrorSummary, type SummaryItem } from "@/components/ui/error-summary";
import { sendContactMessageAction } from "../actions";

type Input = z.input<typeof ContactMessageSchema>;
type Output = z.output<typeof ContactMessageSchema>;

/** Every field in page order; a server error on any other name is an error of the whole form. */
const FIELD_NAMES = ["topic", "service", "body", "replyBy", "name", "email", "phone"] as const;
type FieldName = (typeof FIELD_NAMES)[number];

const LABELS: Record<FieldName, string> = {
  topic: "contact.form.topic",
  service: "contact.form.service",
  body: "contact.form.body",
  replyBy: "contact.form.replyBy",
  name: "contact.form.name",
  email: "contact.form.email",
  phone: "contact.form.phone",
};

type Props = {
  services: { value: string; label: string }[];
  /** Who the message reaches, as the thank-you names them. */
  recipient: string;
  defaultName: string;
  defaultEmail: string;
};

/**
 * The contact form ("Vad gäller ditt ärende", "Vilken verksamhet", reply by
 * e-mail or phone). The chosen channel's address or number is required; what
 * was typed stays when sending fails.
 */
export function ContactForm({ services, recipient, defaultName, defaultEmail }: Props) {
  const { t } = useI18n();
  const [serverErrors, setServerErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const [sent, setSent] = useState<{ receiptTo: string | null } | null>(null);
  const thanks = useRef<HTMLDivElement>(null);
  const defaults: Input = { topic: "", service: "" as Input["service"], body: "", replyBy: "EMAIL", name: defaultName, email: defaultEmail, phone: "" };
  // Also written into the inputs themselves, so the server's HTML shows them before the form script runs.
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(ContactMessageSchema),
    defaultValues: defaults,
    mode: "onTouched",
    // The error summary takes focus and links to each field.
    shouldFocusError: false,
  });
  const { errors } = form.formState;
  const replyBy = useWatch({ control: form.control, name: "replyBy" });

  useEffect(() => {
    if (sent) thanks.current?.focus();
  }, [sent]);

  const errorFor = (name: FieldName): string | undefined => {
    const client = (errors as Record<string, { message?: string } | undefined>)[name]?.message;
    const key = client ?? serverErrors[name]?.[0];
    return key ? t(key) : undefined;
  };
  const clearServerError = (name: string) => setServerErrors((s) => (s[name]?.length ? { ...s, [name]: [] } : s));
  // A change of channel changes which of e-mail and phone is required: check both again once they have been checked.
  const recheckContact = () => {
    if (submitted) void form.trigger(["email", "phone"]);
    clearServerError("email");
    clearServerError("phone");
  };

  const summary: SummaryItem[] = submitted
    ? FIELD_NAMES.map((name) => ({ name, error: errorFor(name) }))
        .filter((i) => i.error)
        .map((i) => ({ fieldId: `contact-${i.name}`, message: `${t(LABELS[i.name])}: ${i.error}` }))
    : [];
  const formErrors = [
    formError,
    ...Object.entries(serverErrors)
      .filter(([name, messages]) => !(FIELD_NAMES as readonly string[]).includes(name) && messages[0])
      .map(([, messages]) => t(messages[0]!)),
  ].filter((m): m is string => !!m);

  async function send() {
    setFormError(null);
    setServerErrors({});
    setPending(true);
    try {
      const result = await sendContactMessageAction(form.getValues());
      if (result.ok) {
        setSent(result.data);
        setSubmitted(false);
        form.reset({ ...defaults, name: form.getValues("name"), email: form.getValues("email"), phone: form.getValues("phone") });
        return;
      }
      setServerErrors(result.fieldErrors ?? {});
      setFormError(result.formError && !result.fieldErrors ? t(result.formError) : null);
    } catch {
      setFormError(t("errors.NETWORK"));
    } finally {
      setPending(false);
    }
  }

  if (sent) {
    return (
      <div className="alert success" role="status" tabIndex={-1} ref={thanks}>
        <p style={{ marginTop: 0 }}>{t("contact.form.sent", { name: recipient })}</p>
        {sent.receiptTo ? <p>{t("contact.form.sentReceipt", { email: sent.receiptTo })}</p> : null}
        <button type="button" className="button secondary" onClick={() => setSent(null)}>
          {t("contact.form.sendAnother")}
        </button>
      </div>
    );
  }

  const replyByError = errorFor("replyBy");
  const field = (name: FieldName) => ({
    id: `contact-${name}`,
    label: t(LABELS[name]),
    error: errorFor(name),
    requiredLabel: t("common.required"),
  });

  return (
    <form
      noValidate
      aria-busy={pending}
      onSubmit={(e) => {
        setSubmitted(true);
        void form.handleSubmit(send)(e);
      }}
    >
      <ErrorSummary title={t("common.errorSummary")} items={summary} formError={formErrors} focusOn={form.formState.submitCount} />
      <fieldset>
        <legend>{t("contact.form.aboutMessage")}</legend>
        <Field {...field("topic")} hint={t("contact.form.topicHint")} required>
          <input type="text" autoComplete="off" {...form.register("topic", { onChange: () => clearServerError("topic") })} />
        </Field>
        <Field {...field("service")} required>
          <select {...form.register("service", { onChange: () => clearServerError("service") })}>
            <option value="">{t("contact.form.chooseService")}</option>
            {services.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </Field>
        <Field {...field("body")} hint={t("contact.form.bodyHint")} required>
          <textarea rows={8} {...form.register("body", { onChange: () => clearServerError("body") })} />
        </Field>
      </fieldset>
      <fieldset>
        <legend>{t("contact.form.aboutYou")}</legend>
        <fieldset aria-describedby={describedByIds(replyByError && "contact-replyBy-error")}>
          <legend>{t("contact.form.replyBy")}</legend>
          <GroupError id="contact-replyBy-error" error={replyByError} />
          {REPLY_CHANNELS.map((channel, i) => (
            <label className="checkbox" key={channel}>
              <input
                type="radio"
                // The first radio carries the field's id: the error summary links to it.
                id={i === 0 ? "contact-replyBy" : `contact-replyBy-${channel}`}
                value={channel}
                // Shown before the script runs, too; the form's own default is the same.
                defaultChecked={channel === "EMAIL"}
                {...form.register("replyBy", { onChange: recheckContact })}
              />
              <span>{t(`contact.replyBy.${channel}`)}</span>
            </label>
          ))}
        </fieldset>
        <Field {...field("name")} required>
          <input type="text" autoComplete="name" defaultValue={defaultName} {...form.register("name", { onChange: () => clearServerError("name") })} />
        </Field>
        <Field {...field("email")} hint={t("contact.form.emailHint")} required={replyBy === "EMAIL"}>
          <input type="email" inputMode="email" autoComplete="email" defaultValue={defaultEmail} {...form.register("email", { onChange: () => clearServerError("email") })} />
        </Field>
        <Field {...field("phone")} hint={t("contact.form.phoneHint")} required={replyBy === "PHONE"}>
          <input type="tel" inputMode="tel" autoComplete="tel" {...form.register("phone", { onChange: () => clearServerError("phone") })} />
        </Field>
      </fieldset>
      <p className="muted">
        {t("contact.form.privacy")} <Link href="/privacy">{t("contact.form.privacyLink")}</Link>
      </p>
      <div className="actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? t("contact.form.sending") : t("contact.form.send")}
        </button>
        <span role="status" className="visually-hidden">
          {pending ? t("contact.form.sending") : ""}
        </span>
      </div>
    </form>
  );
}
