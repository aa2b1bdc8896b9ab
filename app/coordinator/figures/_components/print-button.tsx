"use client";
import { useI18n } from "@/components/i18n/provider";

export function PrintButton() {
  const { t } = useI18n();
  return (
    <button type="button" className="button" onClick={() => window.print()}>
      {t("figures.summary.print")}
    </button>
  );
}
