"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useI18n } from "@/components/i18n/provider";

const EMAIL = /^[^\s@"]+@[^\s@"]+\.[^\s@"]+$/;

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    if (!EMAIL.test(email.trim())) {
      setFieldError(t("signIn.invalidEmail"));
      document.getElementById("email")?.focus();
      return;
    }
    setFieldError(null);
    setPending(true);
    try {
      const result = await signIn("email", { email: email.trim(), callbackUrl, redirect: false });
      if (result?.error) {
        setFormError(t(`signIn.error.${result.error}`) === `signIn.error.${result.error}` ? t("signIn.error.default") : t(`signIn.error.${result.error}`));
      } else {
        router.push(`/sign-in/check-email?email=${encodeURIComponent(email.trim())}`);
      }
    } catch {
      setFormError(t("errors.NETWORK"));
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="card" aria-busy={pending}>
      {formError ? (
        <div className="alert error" role="alert">
          {formError}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="email">{t("signIn.email")}</label>
        <span className="hint" id="email-hint">
          {t("signIn.emailHint")}
        </span>
        {fieldError ? (
          <p className="error" id="email-error">
            {fieldError}
          </p>
        ) : null}
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? "email-hint email-error" : "email-hint"}
        />
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("signIn.sending") : t("signIn.submit")}
      </button>
      <span role="status" className="visually-hidden">
        {pending ? t("signIn.sending") : ""}
      </span>
    </form>
  );
}
