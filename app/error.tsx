"use client";
import { useI18n } from "@/components/i18n/provider";

/** Never shows the error's message: only that something went wrong, and a retry. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { t } = useI18n();
  return (
    <>
      <h1>{t("errorPage.title")}</h1>
      <p>{t("errors.INTERNAL")}</p>
      <button type="button" className="button" onClick={() => reset()}>
        {t("errorPage.retry")}
      </button>
    </>
  );
}
