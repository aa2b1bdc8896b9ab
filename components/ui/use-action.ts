"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useI18n } from "@/components/i18n/provider";
import type { ActionResult } from "@/lib/actions/safe-action";

/**
 * Runs one server action at a time: progress while it runs, its field errors
 * translated by field, a form error, and the page refreshed when it succeeds.
 * `run` resolves to whether the action succeeded.
 */
export function useAction() {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  async function run(action: () => Promise<ActionResult<unknown>>): Promise<boolean> {
    setPending(true);
    setErrors({});
    setFormError(null);
    try {
      const result = await action();
      if (result.ok) {
        router.refresh();
        return true;
      }
      setErrors(Object.fromEntries(Object.entries(result.fieldErrors ?? {}).map(([k, v]) => [k, t(v[0] ?? "errors.VALIDATION")])));
      setFormError(t(result.formError ?? "errors.INTERNAL", result.formErrorVars));
      return false;
    } catch {
      setFormError(t("errors.NETWORK"));
      return false;
    } finally {
      setPending(false);
    }
  }
  return { pending, errors, formError, run };
}
