"use client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useFieldArray, useForm, useWatch, type UseFormReturn } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useI18n } from "@/components/i18n/provider";
import { describedByIds, Field, GroupError } from "@/components/ui/field";
import { ErrorSummary, type SummaryItem } from "@/components/ui/error-summary";
import { formatKronor } from "@/lib/i18n/translate-core";
import { kronor } from "@/lib/schemas/common";
import { followUpSubmitSchema, type FollowUpSubmit } from "@/lib/schemas/follow-up";
import { netCostsFromTotals, sumAmounts } from "@/lib/domain/application-rules";
import { todayIn } from "@/lib/domain/dates";
import type { FollowUpView } from "@/lib/data/follow-up";
import { removeFollowUpAttachmentAction, saveFollowUpDraftAction, submitFollowUpReportAction, uploadFollowUpAttachmentAction } from "../actions";

type Draft = NonNullable<FollowUpView["draft"]>;
type Attachment = Draft["attachments"][number];
type Line = { label: string; amount: string };
type Values = {
  summary: string;
  startDate: string;
  endDate: string;
  participantsTotal: string;
  participantsUnder26: string;
  outcomes: { objectiveId: string; text: string }[];
  costLines: Line[];
  otherFunding: Line[];
};
type ListName = "costLines" | "otherFunding";
type T = (key: string, vars?: Record<string, string | number>) => string;

const AUTOSAVE_MS = 1200;
// The schema's own amount rule, so a running total counts exactly what the server will.
const AMOUNT = kronor();
const str = (v: number | null | undefined) => (v == null ? "" : String(v));
const addButtonId = (name: ListName) => `${name}-add`;
const outcomeId = (i: number) => `outcome-${i}`;

function toValues(d: Draft): Values {
  return {
    summary: d.summary,
    startDate: d.startDate ?? "",
    endDate: d.endDate ?? "",
    participantsTotal: str(d.participantsTotal),
    participantsUnder26: str(d.participantsUnder26),
    outcomes: d.outcomes.map((o) => ({ objectiveId: o.objectiveId, text: o.text })),
    costLines: d.costLines.map((l) => ({ label: l.label, amount: str(l.amount) })),
    otherFunding: d.otherFunding.map((l) => ({ label: l.label, amount: str(l.amount) })),
  };
}

type SaveState = { kind: "idle" } | { kind: "saving" } | { kind: "saved"; at: string } | { kind: "offline" } | { kind: "signedOut" } | { kind: "invalid" };

/**
 * The association's follow-up report: saved automatically while it is
 * written (kept on this device first, so a lost connection or an expired
 * session loses nothing), checked with the same schema as the server on
 * submit, with every error on its field and in a summary.
 */
export function ReportForm({ view }: { view: FollowUpView }) {
  const { t, locale } = useI18n();
  const router = useRouter();
  const draft = view.draft!;
  const applicationId = view.application.id;
  const storageKey = `follow-up-draft:${applicationId}`;
  const objectives = view.objectives;
  const [saveState, setSaveState] = useState<SaveState>({ kind: "idle" });
  const [attachments, setAttachments] = useState<Attachment[]>(draft.attachments);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [submitAttempted, setSubmitAttempted] = useState(false);

  // "Has the activity ended" is judged on the browser's day; the server judges again on its own.
  const schema = useMemo(() => followUpSubmitSchema({ objectiveIds: objectives.map((o) => o.id), today: todayIn(new Date()) }), [objectives]);
  const form = useForm<Values, unknown, FollowUpSubmit>({
    resolver: zodResolver(schema as never) as never,
    defaultValues: toValues(draft),
    // Checked when submitted, then again as fields change: checking on blur moved the submit
    // button as the pointer pressed it (an error appearing above it), and the click was lost.
    mode: "onSubmit",
    reValidateMode: "onChange",
    // The error summary takes focus and links to each field.
    shouldFocusError: false,
  });
  const costs = useFieldArray({ control: form.control, name: "costLines" });
  const funding = useFieldArray({ control: form.control, name: "otherFunding" });
  const { errors } = form.formState;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Once submitting starts, no autosave may follow: the report is no longer the association's to change.
  const submitted = useRef(false);
  // What the server has: a form-state change that leaves the values as they are saves nothing.
  const lastSaved = useRef(JSON.stringify(toValues(draft)));

  const save = useCallback(
    async (values: Values): Promise<boolean> => {
      if (submitted.current) return false;
      const json = JSON.stringify(values);
      window.localStorage.setItem(storageKey, JSON.stringify({ values, at: Date.now() }));
      setSaveState({ kind: "saving" });
      try {
        const result = await saveFollowUpDraftAction(applicationId, values);
        if (result.ok) {
          lastSaved.current = json;
          window.localStorage.removeItem(storageKey);
          setSaveState({ kind: "saved", at: new Date().toLocaleTimeString(locale === "sv" ? "sv-SE" : "en-GB", { hour: "2-digit", minute: "2-digit" }) });
          return true;
        }
        if (result.code === "UNAUTHENTICATED") setSaveState({ kind: "signedOut" });
        else if (result.code === "VALIDATION") {
          for (const [path, messages] of Object.entries(result.fieldErrors ?? {})) {
            form.setError(path as keyof Values, { type: "server", message: messages[0] });
          }
          setSaveState({ kind: "invalid" });
        } else setSaveState({ kind: "offline" });
        return false;
      } catch {
        setSaveState({ kind: "offline" });
        return false;
      }
    },
    // Stable across renders (no `t`): the restore effect below depends on it and must not run again.
    [applicationId, form, locale, storageKey],
  );

  // A copy left on this device by a failed save is newer than the server's: restore and save it.
  useEffect(() => {
    const raw = window.localStorage.getItem(storageKey);
    if (!raw) return;
    try {
      const stored = JSON.parse(raw) as { values: Values; at: number };
      if (!draft.updatedAt || stored.at > Date.parse(draft.updatedAt)) {
        form.reset(stored.values);
        timer.current = setTimeout(() => {
          timer.current = null;
          void save(stored.values);
        }, 0);
      } else window.localStorage.removeItem(storageKey);
    } catch {
      window.localStorage.removeItem(storageKey);
    }
  }, [draft.updatedAt, form, save, storageKey]);

  useEffect(() => {
    return form.subscribe({
      formState: { values: true },
      callback: ({ values }) => {
        if (submitted.current || JSON.stringify(values) === lastSaved.current) return;
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(() => {
          timer.current = null;
          void save(values as Values);
        }, AUTOSAVE_MS);
      },
    });
  }, [form, save]);

  // Warn before leaving while a change is not yet saved.
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (saveState.kind === "saving" || timer.current) e.preventDefault();
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [saveState]);

  const msg = (path: string): string | undefined => {
    let node: unknown = errors;
    for (const p of path.split(".")) node = (node as Record<string, unknown> | undefined)?.[p];
    const m = (node as { message?: string } | undefined)?.message ?? (node as { root?: { message?: string } } | undefined)?.root?.message;
    return m ? t(m) : undefined;
  };

  const summary: SummaryItem[] = [];
  const formErrors: string[] = formError ? [formError] : [];
  if (submitAttempted) {
    const counts = { costLines: costs.fields.length, otherFunding: funding.fields.length };
    for (const { path, message } of collectErrors(errors as Record<string, unknown>)) {
      const fieldId = fieldIdFor(path, objectives.length, counts);
      if (fieldId) summary.push({ fieldId, message: `${labelFor(path, objectives, locale, t)}: ${t(message)}` });
      else if (!formErrors.includes(t(message))) formErrors.push(t(message));
    }
  }

  async function onValid() {
    setFormError(null);
    setSubmitting(true);
    try {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      if (!(await save(form.getValues()))) {
        setFormError(t("followUp.form.saveBeforeSubmitFailed"));
        return;
      }
      submitted.current = true;
      const result = await submitFollowUpReportAction(applicationId);
      if (!result.ok) submitted.current = false;
      if (result.ok) {
        window.localStorage.removeItem(storageKey);
        // The action revalidated the report's page; a refresh here would cancel this navigation.
        router.push(`/applications/${applicationId}/report?submitted=1`);
        return;
      }
      for (const [path, messages] of Object.entries(result.fieldErrors ?? {})) {
        form.setError(path as keyof Values, { type: "server", message: messages[0] });
      }
      setFormError(t(result.formError ?? "errors.INTERNAL", result.formErrorVars));
    } catch {
      submitted.current = false;
      setFormError(t("errors.NETWORK"));
    } finally {
      setSubmitting(false);
    }
  }

  async function upload(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const input = e.currentTarget.elements.namedItem("file") as HTMLInputElement;
    if (!input.files?.length) {
      setUploadError(t("validation.file.required"));
      return;
    }
    setUploading(true);
    setUploadError(null);
    try {
      const data = new FormData();
      data.append("file", input.files[0]!);
      const result = await uploadFollowUpAttachmentAction(applicationId, data);
      if (result.ok) {
        setAttachments(result.data);
        input.value = "";
      } else setUploadError(t(result.fieldErrors?.file?.[0] ?? result.formError ?? "errors.INTERNAL"));
    } catch {
      setUploadError(t("errors.NETWORK"));
    } finally {
      setUploading(false);
    }
  }

  async function remove(fileId: string) {
    const result = await removeFollowUpAttachmentAction(applicationId, fileId).catch(() => null);
    if (result?.ok) setAttachments(result.data);
    else setUploadError(t(result && !result.ok ? (result.formError ?? "errors.INTERNAL") : "errors.NETWORK"));
  }

  const watched = useWatch({ control: form.control, name: ["costLines", "otherFunding"] });
  const totalCosts = total(watched[0]);
  const totalFunding = total(watched[1]);
  const costsError = msg("costLines");
  const fundingError = msg("otherFunding");
  const returned = view.status === "RETURNED";

  return (
    <>
      <p className="muted" role="status" aria-live="polite">
        {saveStatusText(saveState, t)}
      </p>
      {saveState.kind === "signedOut" ? (
        <div className="alert warning">
          {t("followUp.form.signedOut")}{" "}
          <a href={`/sign-in?callbackUrl=${encodeURIComponent(`/applications/${applicationId}/report`)}`} target="_blank" rel="noopener">
            {t("nav.signIn")}
          </a>
        </div>
      ) : null}
      <form
        noValidate
        aria-busy={submitting}
        aria-labelledby="report-form-title"
        onSubmit={(e) => {
          setSubmitAttempted(true);
          form.handleSubmit(onValid)(e).catch((error: unknown) => {
            console.error(error);
            setFormError(t("errors.INTERNAL"));
          });
        }}
      >
        <h2 id="report-form-title">{t(returned ? "followUp.form.titleReturned" : "followUp.form.title")}</h2>
        <ErrorSummary title={t("common.errorSummary")} items={summary} formError={formErrors} focusOn={form.formState.submitCount} />
        <fieldset>
          <legend>{t("followUp.section.done")}</legend>
          <Field id="summary" label={t("followUp.field.summary")} hint={t("followUp.hint.summary")} error={msg("summary")} required requiredLabel={t("common.required")}>
            <textarea rows={8} {...form.register("summary")} />
          </Field>
        </fieldset>
        <fieldset>
          <legend>{t("followUp.section.when")}</legend>
          <p className="hint">{t("followUp.hint.actual")}</p>
          <Field id="startDate" label={t("followUp.field.startDate")} error={msg("startDate")} required requiredLabel={t("common.required")}>
            <input type="date" {...form.register("startDate")} />
          </Field>
          <Field id="endDate" label={t("followUp.field.endDate")} hint={t("followUp.hint.endDate")} error={msg("endDate")} required requiredLabel={t("common.required")}>
            <input type="date" {...form.register("endDate")} />
          </Field>
          <Field id="participantsTotal" label={t("followUp.field.participantsTotal")} error={msg("participantsTotal")} required requiredLabel={t("common.required")}>
            <input type="text" inputMode="numeric" {...form.register("participantsTotal")} />
          </Field>
          <Field id="participantsUnder26" label={t("followUp.field.participantsUnder26")} error={msg("participantsUnder26")} required requiredLabel={t("common.required")}>
            <input type="text" inputMode="numeric" {...form.register("participantsUnder26")} />
          </Field>
        </fieldset>
        {objectives.length ? (
          <fieldset>
            <legend>{t("followUp.section.outcomes")}</legend>
            <p className="hint">{t("followUp.hint.outcomes")}</p>
            {objectives.map((o, i) => (
              <Field
                key={o.id}
                id={outcomeId(i)}
                label={t("followUp.field.outcome", { objective: locale === "sv" ? o.textSv : o.textEn })}
                error={msg(`outcomes.${i}.text`) ?? msg(`outcomes.${i}.objectiveId`)}
                required
                requiredLabel={t("common.required")}
              >
                <textarea rows={3} {...form.register(`outcomes.${i}.text` as const)} />
              </Field>
            ))}
          </fieldset>
        ) : null}
        <fieldset aria-describedby={describedByIds("costLines-hint", costsError && "costLines-error")}>
          <legend>{t("followUp.field.costLines")}</legend>
          <span className="hint" id="costLines-hint">
            {t("followUp.hint.costLines")}
          </span>
          <GroupError id="costLines-error" error={costsError} />
          <AmountLines name="costLines" array={costs} form={form} msg={msg} error={costsError} t={t} />
          <p>
            {t("followUp.totalCosts")}: <strong>{formatKronor(totalCosts, locale)}</strong>
          </p>
        </fieldset>
        <fieldset aria-describedby={describedByIds("otherFunding-hint", fundingError && "otherFunding-error")}>
          <legend>{t("followUp.field.otherFunding")}</legend>
          <span className="hint" id="otherFunding-hint">
            {t("followUp.hint.otherFunding")}
          </span>
          <GroupError id="otherFunding-error" error={fundingError} />
          <AmountLines name="otherFunding" array={funding} form={form} msg={msg} error={fundingError} t={t} />
          <p>
            {t("followUp.netCosts")}: <strong>{formatKronor(netCostsFromTotals(totalCosts, totalFunding), locale)}</strong>
          </p>
        </fieldset>
        <div className="actions">
          <button type="submit" className="button" disabled={submitting}>
            {submitting ? t("followUp.form.submitting") : t(returned ? "followUp.form.resubmit" : "followUp.form.submit")}
          </button>
          <span role="status">{submitting ? t("followUp.form.submitting") : ""}</span>
        </div>
      </form>
      <section aria-labelledby="report-attachments-title" className="card">
        <h2 id="report-attachments-title" style={{ marginTop: 0 }}>
          {t("followUp.attachments")}
        </h2>
        <p className="muted">{t("followUp.attachments.hint")}</p>
        {attachments.length ? (
          <ul>
            {attachments.map((f) => (
              <li key={f.id}>
                <a href={`/files/${f.id}`} download>
                  {f.name}
                </a>{" "}
                {f.submitted ? (
                  <span className="muted">({t("followUp.attachments.submitted")})</span>
                ) : (
                  <button type="button" className="linklike" onClick={() => void remove(f.id)} aria-label={t("application.removeAttachment", { name: f.name })}>
                    {t("common.remove")}
                  </button>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("application.noAttachments")}</p>
        )}
        <form onSubmit={upload} noValidate aria-busy={uploading}>
          <div className="field">
            <label htmlFor="report-file">{t("followUp.attachments.add")}</label>
            <span className="hint" id="report-file-hint">
              {t("application.hint.attachment")}
            </span>
            {uploadError ? (
              <p className="error" id="report-file-error">
                {uploadError}
              </p>
            ) : null}
            <input
              id="report-file"
              name="file"
              type="file"
              accept="application/pdf,.pdf"
              aria-invalid={uploadError ? true : undefined}
              aria-describedby={uploadError ? "report-file-hint report-file-error" : "report-file-hint"}
            />
          </div>
          <button type="submit" className="button secondary" disabled={uploading}>
            {uploading ? t("application.uploading") : t("application.upload")}
          </button>
          <span role="status" className="visually-hidden">
            {uploading ? t("application.uploading") : ""}
          </span>
        </form>
      </section>
    </>
  );
}

function AmountLines({
  name,
  array,
  form,
  msg,
  error,
  t,
}: {
  name: ListName;
  array: ReturnType<typeof useFieldArray<Values, ListName>>;
  form: UseFormReturn<Values, unknown, FollowUpSubmit>;
  msg: (path: string) => string | undefined;
  error?: string;
  t: T;
}) {
  const group = name === "costLines" ? "followUp.costLineN" : "followUp.fundingLineN";
  return (
    <>
      {array.fields.map((field, i) => (
        <div key={field.id} className="card" role="group" aria-label={t(group, { n: i + 1 })}>
          <Field id={`${name}.${i}.label`} label={t("application.lineLabel")} error={msg(`${name}.${i}.label`)}>
            <input type="text" {...form.register(`${name}.${i}.label` as const)} />
          </Field>
          <Field id={`${name}.${i}.amount`} label={t("application.lineAmount")} error={msg(`${name}.${i}.amount`)}>
            <input type="text" inputMode="numeric" {...form.register(`${name}.${i}.amount` as const)} />
          </Field>
          <button type="button" className="linklike" onClick={() => array.remove(i)}>
            {t(name === "costLines" ? "followUp.removeCostLine" : "followUp.removeFundingLine", { n: i + 1 })}
          </button>
        </div>
      ))}
      <button
        type="button"
        id={addButtonId(name)}
        className="button secondary"
        aria-describedby={error ? `${name}-error` : undefined}
        onClick={() => array.append({ label: "", amount: "" })}
      >
        {t(name === "costLines" ? "application.addCost" : "application.addFunding")}
      </button>
    </>
  );
}

function saveStatusText(s: SaveState, t: T): string {
  switch (s.kind) {
    case "saving":
      return t("common.saving");
    case "saved":
      return t("application.edit.savedAt", { time: s.at });
    case "offline":
    case "signedOut":
      return t("application.edit.savedLocally");
    case "invalid":
      return t("application.edit.notSavedInvalid");
    default:
      return t("followUp.form.autosave");
  }
}

/** The sum of the amounts the schema accepts; one not (yet) valid counts as nothing until it is corrected. */
function total(ls: readonly Partial<Line>[] | undefined): number {
  return sumAmounts(
    (ls ?? []).flatMap((l) => {
      const amount = AMOUNT.safeParse(l.amount);
      return amount.success ? [{ amount: amount.data }] : [];
    }),
  );
}

function collectErrors(node: Record<string, unknown>, prefix = ""): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  for (const [k, v] of Object.entries(node ?? {})) {
    // `ref` is the DOM element; `types` repeats `message`.
    if (!v || typeof v !== "object" || k === "ref" || k === "types") continue;
    const path = k === "root" ? prefix : prefix ? `${prefix}.${k}` : k;
    const m = (v as { message?: unknown }).message;
    if (typeof m === "string" && m) out.push({ path, message: m });
    else out.push(...collectErrors(v as Record<string, unknown>, path));
  }
  return out;
}

const INPUT_IDS: ReadonlySet<string> = new Set(["summary", "startDate", "endDate", "participantsTotal", "participantsUnder26"]);

/** The id of the element an error links to, or null when the page has no such element. */
function fieldIdFor(path: string, objectiveCount: number, counts: Record<ListName, number>): string | null {
  const [field = "", index, part] = path.split(".");
  if (INPUT_IDS.has(field)) return field;
  const i = Number(index);
  const inRange = (n: number) => index !== undefined && Number.isInteger(i) && i >= 0 && i < n;
  if (field === "outcomes") return inRange(objectiveCount) ? outcomeId(i) : null;
  if (field === "costLines" || field === "otherFunding") {
    if (inRange(counts[field])) return `${field}.${i}.${part === "amount" ? "amount" : "label"}`;
    return addButtonId(field);
  }
  return null;
}

/** "costLines.1.amount" → "Kostnader, rad 2: Belopp (kr)"; "outcomes.0.text" → the objective's own label. */
function labelFor(path: string, objectives: FollowUpView["objectives"], locale: string, t: T): string {
  const [field = "", index, part] = path.split(".");
  if (field === "outcomes") {
    const o = objectives[Number(index)];
    return o ? t("followUp.field.outcome", { objective: locale === "sv" ? o.textSv : o.textEn }) : t("followUp.section.outcomes");
  }
  const base = t(`followUp.field.${field}`);
  if (index === undefined || part === undefined) return base;
  return `${base}, ${t("application.lineN", { n: Number(index) + 1 }).toLowerCase()}: ${t(part === "amount" ? "application.lineAmount" : "application.lineLabel")}`;
}
