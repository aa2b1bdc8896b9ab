"use client";
import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useI18n } from "@/components/i18n/provider";
import { Field } from "@/components/ui/field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { uploadAnnualReportAction } from "../actions";

// The server's limit (lib/files/storage.ts MAX_UPLOAD_BYTES); checked here too so a
// large file is refused before it is sent.
const MAX_BYTES = 10 * 1024 * 1024;

type Errors = { activityYear?: string; file?: string };

/** A member hands in the annual report for an activity year: the year, the PDF, progress while it uploads. */
export function UploadAnnualReportForm({ associationId, defaultYear }: { associationId: string; defaultYear: number }) {
  const { t } = useI18n();
  const router = useRouter();
  const fileRef = useRef<HTMLInputElement>(null);
  const [year, setYear] = useState(String(defaultYear));
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState<number | null>(null);
  const [attempt, setAttempt] = useState(0);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setAttempt((n) => n + 1);
    setDone(null);
    setFormError(null);
    const file = fileRef.current?.files?.[0];
    const local: Errors = {};
    if (!/^\d{4}$/.test(year.trim())) local.activityYear = t("validation.annualReport.year");
    if (!file) local.file = t("validation.file.required");
    else if (file.size > MAX_BYTES) local.file = t("validation.file.tooLarge");
    setErrors(local);
    if (local.activityYear || local.file || !file) return;

    setPending(true);
    try {
      const data = new FormData();
      data.append("activityYear", year.trim());
      data.append("file", file);
      const result = await uploadAnnualReportAction(associationId, data);
      if (result.ok) {
        setDone(result.data.activityYear);
        if (fileRef.current) fileRef.current.value = "";
        router.refresh();
      } else {
        const fields = result.fieldErrors ?? {};
        const next: Errors = {
          activityYear: fields.activityYear?.[0] ? t(fields.activityYear[0]) : undefined,
          file: fields.file?.[0] ? t(fields.file[0]) : undefined,
        };
        setErrors(next);
        if (!next.activityYear && !next.file) setFormError(t(result.formError ?? "errors.INTERNAL"));
      }
    } catch {
      setFormError(t("errors.NETWORK"));
    } finally {
      setPending(false);
    }
  }

  const items = [
    ...(errors.activityYear ? [{ fieldId: "activityYear", message: errors.activityYear }] : []),
    ...(errors.file ? [{ fieldId: "file", message: errors.file }] : []),
  ];

  return (
    <form onSubmit={onSubmit} noValidate className="card" aria-busy={pending} aria-labelledby="upload-title">
      <h2 id="upload-title" style={{ marginTop: 0 }}>
        {t("annualReport.upload.title")}
      </h2>
      <ErrorSummary title={t("common.errorSummary")} items={items} formError={formError} focusOn={attempt} />
      <Field id="activityYear" label={t("annualReport.upload.year")} hint={t("annualReport.upload.yearHint", { year: defaultYear })} error={errors.activityYear} required requiredLabel={t("common.required")}>
        <input type="text" inputMode="numeric" autoComplete="off" maxLength={4} value={year} onChange={(e) => setYear(e.target.value)} style={{ maxWidth: "8rem" }} />
      </Field>
      <Field id="file" label={t("annualReport.upload.file")} hint={t("annualReport.upload.fileHint")} error={errors.file} required requiredLabel={t("common.required")}>
        <input ref={fileRef} type="file" name="file" accept="application/pdf,.pdf" />
      </Field>
      <div className="actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? t("annualReport.upload.uploading") : t("annualReport.upload.submit")}
        </button>
        {pending ? <progress aria-label={t("annualReport.upload.uploading")} /> : null}
        <span role="status">{done !== null ? t("annualReport.upload.done", { year: done }) : ""}</span>
      </div>
    </form>
  );
}
