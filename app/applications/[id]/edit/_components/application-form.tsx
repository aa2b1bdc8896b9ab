"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useFieldArray, useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { ApplicationSubmitSchema, type ApplicationSubmit, type ApplicationSubmitInput } from "@/lib/schemas/application";
import { useI18n } from "@/components/i18n/provider";
import { describedByIds, Field, GroupError } from "@/components/ui/field";
import { ErrorSummary, type SummaryItem } from "@/components/ui/error-summary";
import { formatKronor } from "@/lib/i18n/translate-core";
import { kronor } from "@/lib/schemas/common";
import { netCostsFromTotals, sumAmounts } from "@/lib/domain/application-rules";
import type { ApplicationView } from "@/lib/data/applications";
import type { GrantLimit } from "@/lib/domain/grant-limits";
import { removeAttachmentAction, saveDraftAction, submitApplicationAction, uploadAttachmentAction } from "../actions";

type Limit = (GrantLimit & { cap: number }) | null;
type Line = { label: string; amount: string };
type Values = {
  programYearId: string;
  grantKind: "BASE" | "ACTIVITY";
  partnerTownId: string;
  title: string;
  purpose: string;
  description: string;
  objectiveIds: string[];
  objectiveMotivation: string;
  startDate: string;
  endDate: string;
  participantsTotal: string;
  participantsUnder26: string;
  budgetLines: Line[];
  otherFunding: Line[];
  requestedAmount: string;
};

type Props = {
  application: ApplicationView;
  towns: { id: string; name: string; country: string }[];
  objectives: { id: string; text: string }[];
  requiredDocuments: string[];
  initialLimit: Limit;
};

const AUTOSAVE_MS = 1200;
type ListName = "budgetLines" | "otherFunding";
/** Ids of the buttons that add a line: where an error about a whole list (none yet, too many) is linked to. */
const addButtonId = (name: ListName) => `${name}-add`;
// The schema's own amount rule, so a running total counts exactly what the server will.
const AMOUNT = kronor();
const str = (v: number | null | undefined) => (v == null ? "" : String(v));
const lines = (ls: { label: string; amount: number | null }[]): Line[] => ls.map((l) => ({ label: l.label ?? "", amount: str(l.amount) }));

function toValues(a: ApplicationView): Values {
  return {
    programYearId: a.programYearId,
    grantKind: a.grantKind,
    partnerTownId: a.partnerTownId ?? "",
    title: a.title,
    purpose: a.purpose,
    description: a.description,
    objectiveIds: a.objectiveIds,
    objectiveMotivation: a.objectiveMotivation,
    startDate: a.startDate ?? "",
    endDate: a.endDate ?? "",
    participantsTotal: str(a.participantsTotal),
    participantsUnder26: str(a.participantsUnder26),
    budgetLines: lines(a.budgetLines),
    otherFunding: lines(a.otherFunding),
    requestedAmount: str(a.requestedAmount),
  };
}

/** What the draft schema receives: the form's strings; empty becomes null on the server. */
function draftPayload(v: Values) {
  const { programYearId: _p, grantKind: _g, ...rest } = v;
  void _p;
  void _g;
  return { ...rest, partnerTownId: v.partnerTownId || null };
}

type SaveState = { kind: "idle" } | { kind: "saving" } | { kind: "saved"; at: string } | { kind: "offline" } | { kind: "signedOut" } | { kind: "invalid" };

export function ApplicationForm({ application, towns, objectives, requiredDocuments, initialLimit }: Props) {
  const { t, locale } = useI18n();
  const router = useRouter();
  const storageKey = `application-draft:${application.id}`;
  const [limit, setLimit] = useState<Limit>(initialLimit);
  const [saveState, setSaveState] = useState<SaveState>({ kind: "idle" });
  const [attachments, setAttachments] = useState(application.attachments);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [submitAttempted, setSubmitAttempted] = useState(false);

  const form = useForm<Values, unknown, ApplicationSubmit>({
    resolver: zodResolver(ApplicationSubmitSchema as never) as never,
    defaultValues: toValues(application),
    // Checked on submit, then as fields change: an error appearing on blur can move the submit
    // button between press and release, and the click is lost (as it was on the report form).
    mode: "onSubmit",
    reValidateMode: "onChange",
    // The error summary takes focus and links to each field.
    shouldFocusError: false,
  });
  const budget = useFieldArray({ control: form.control, name: "budgetLines" });
  const funding = useFieldArray({ control: form.control, name: "otherFunding" });
  const { errors } = form.formState;

  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saving = useRef<Promise<boolean> | null>(null);

  const save = useCallback(
    async (values: Values): Promise<boolean> => {
      // Kept on this device first: a lost connection or an expired session loses nothing.
      window.localStorage.setItem(storageKey, JSON.stringify({ values, at: Date.now() }));
      setSaveState({ kind: "saving" });
      try {
        const result = await saveDraftAction(application.id, draftPayload(values));
        if (result.ok) {
          window.localStorage.removeItem(storageKey);
          setLimit(result.data.limit);
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
    [application.id, form, locale, storageKey],
  );

  // A copy left on this device by a failed save (network, timeout) is newer than the server's: restore and save it.
  useEffect(() => {
    const raw = window.localStorage.getItem(storageKey);
    if (!raw) return;
    try {
      const stored = JSON.parse(raw) as { values: Values; at: number };
      if (stored.at > Date.parse(application.updatedAt)) {
        form.reset(stored.values);
        // Saved on the next tick, as any other change is.
        timer.current = setTimeout(() => {
          timer.current = null;
          void save(stored.values);
        }, 0);
      } else window.localStorage.removeItem(storageKey);
    } catch {
      window.localStorage.removeItem(storageKey);
    }
  }, [application.updatedAt, form, save, storageKey]);

  useEffect(() => {
    return form.subscribe({
      formState: { values: true },
      callback: ({ values }) => {
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(() => {
          timer.current = null;
          saving.current = save(values as Values);
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
    const parts = path.split(".");
    let node: unknown = errors;
    for (const p of parts) node = (node as Record<string, unknown> | undefined)?.[p];
    const m = (node as { message?: string } | undefined)?.message ?? (node as { root?: { message?: string } } | undefined)?.root?.message;
    return m ? t(m) : undefined;
  };

  // Every link must reach an element on the page; an error with none (the program
  // year, the grant kind, the association) is an error of the whole form.
  const summary: SummaryItem[] = [];
  const formErrors: string[] = formError ? [formError] : [];
  if (submitAttempted) {
    const lineCounts = { budgetLines: budget.fields.length, otherFunding: funding.fields.length };
    for (const { path, message } of collectErrors(errors as Record<string, unknown>)) {
      const fieldId = fieldIdFor(path, objectives[0]?.id, lineCounts);
      if (fieldId) summary.push({ fieldId, message: `${labelFor(path, t)}: ${t(message)}` });
      else if (!formErrors.includes(t(message))) formErrors.push(t(message));
    }
  }

  async function onValid() {
    setFormError(null);
    setSubmitting(true);
    try {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      const saved = await save(form.getValues());
      if (!saved) {
        setFormError(t("application.edit.saveBeforeSubmitFailed"));
        return;
      }
      const result = await submitApplicationAction(application.id);
      if (result.ok) {
        window.localStorage.removeItem(storageKey);
        router.push(`/applications/${application.id}/receipt`);
        return;
      }
      for (const [path, messages] of Object.entries(result.fieldErrors ?? {})) {
        form.setError(path as keyof Values, { type: "server", message: messages[0] });
      }
      // A refusal may name what it is about (the overdue report holding submissions back, say).
      setFormError(t(result.formError ?? "errors.INTERNAL", result.formErrorVars));
    } catch {
      setFormError(t("errors.NETWORK"));
    } finally {
      setSubmitting(false);
    }
  }

  async function upload(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const input = e.currentTarget.elements.namedItem("attachment") as HTMLInputElement;
    if (!input.files?.length) {
      setUploadError(t("validation.file.required"));
      return;
    }
    setUploading(true);
    setUploadError(null);
    try {
      const data = new FormData();
      data.append("attachment", input.files[0]!);
      const result = await uploadAttachmentAction(application.id, data);
      if (result.ok) {
        setAttachments(result.data);
        input.value = "";
      } else setUploadError(t(result.fieldErrors?.attachment?.[0] ?? result.formError ?? "errors.INTERNAL"));
    } catch {
      setUploadError(t("errors.NETWORK"));
    } finally {
      setUploading(false);
    }
  }

  async function remove(fileId: string) {
    const result = await removeAttachmentAction(application.id, fileId).catch(() => null);
    if (result?.ok) setAttachments(result.data);
    else setUploadError(t(result && !result.ok ? (result.formError ?? "errors.INTERNAL") : "errors.NETWORK"));
  }

  const kind = application.grantKind;
  const watched = useWatch({ control: form.control, name: ["budgetLines", "otherFunding"] });
  const costs = total(watched[0]);
  const other = total(watched[1]);
  const budgetError = msg("budgetLines");
  const fundingError = msg("otherFunding");

  return (
    <>
      <p className="muted" role="status" aria-live="polite">
        {saveStatusText(saveState, t)}
      </p>
      {saveState.kind === "signedOut" ? (
        <div className="alert warning">
          {t("application.edit.signedOut")}{" "}
          <a href={`/sign-in?callbackUrl=${encodeURIComponent(`/applications/${application.id}/edit`)}`} target="_blank" rel="noopener">
            {t("nav.signIn")}
          </a>
        </div>
      ) : null}
      <LimitBox limit={limit} kind={kind} />
      <form
        noValidate
        aria-busy={submitting}
        onSubmit={(e) => {
          setSubmitAttempted(true);
          void form.handleSubmit(onValid)(e);
        }}
      >
        <ErrorSummary title={t("common.errorSummary")} items={summary} formError={formErrors} focusOn={form.formState.submitCount} />
        <input type="hidden" {...form.register("programYearId")} />
        <input type="hidden" {...form.register("grantKind")} />
        <fieldset>
          <legend>{t("application.section.about")}</legend>
          <Field id="partnerTownId" label={t("application.field.partnerTownId")} error={msg("partnerTownId")} required requiredLabel={t("common.required")}>
            <select {...form.register("partnerTownId")}>
              <option value="">{t("application.choose")}</option>
              {towns.map((town) => (
                <option key={town.id} value={town.id}>
                  {town.name} ({town.country})
                </option>
              ))}
            </select>
          </Field>
          <Field id="title" label={t("application.field.title")} error={msg("title")} required requiredLabel={t("common.required")}>
            <input type="text" {...form.register("title")} />
          </Field>
          <Field id="purpose" label={t("application.field.purpose")} hint={t("application.hint.purpose")} error={msg("purpose")} required requiredLabel={t("common.required")}>
            <textarea rows={4} {...form.register("purpose")} />
          </Field>
          <Field id="description" label={t("application.field.description")} hint={t("application.hint.description")} error={msg("description")} required requiredLabel={t("common.required")}>
            <textarea rows={8} {...form.register("description")} />
          </Field>
        </fieldset>
        <fieldset aria-describedby={describedByIds("objectiveIds-hint", msg("objectiveIds") && "objectiveIds-error")}>
          <legend>{t("application.field.objectiveIds")}</legend>
          <span className="hint" id="objectiveIds-hint">
            {t("application.hint.objectiveIds")}
          </span>
          <GroupError id="objectiveIds-error" error={msg("objectiveIds")} />
          {objectives.map((o) => (
            <label className="checkbox" key={o.id}>
              <input type="checkbox" id={`objective-${o.id}`} value={o.id} {...form.register("objectiveIds")} />
              <span>{o.text}</span>
            </label>
          ))}
          <Field id="objectiveMotivation" label={t("application.field.objectiveMotivation")} hint={t("application.hint.objectiveMotivation")} error={msg("objectiveMotivation")}>
            <textarea rows={3} {...form.register("objectiveMotivation")} />
          </Field>
        </fieldset>
        <fieldset>
          <legend>{t("application.section.when")}</legend>
          <Field id="startDate" label={t("application.field.startDate")} error={msg("startDate")} required requiredLabel={t("common.required")}>
            <input type="date" {...form.register("startDate")} />
          </Field>
          <Field id="endDate" label={t("application.field.endDate")} error={msg("endDate")} required requiredLabel={t("common.required")}>
            <input type="date" {...form.register("endDate")} />
          </Field>
          <Field id="participantsTotal" label={t("application.field.participantsTotal")} error={msg("participantsTotal")} required requiredLabel={t("common.required")}>
            <input type="text" inputMode="numeric" {...form.register("participantsTotal")} />
          </Field>
          <Field id="participantsUnder26" label={t("application.field.participantsUnder26")} hint={t("application.hint.participantsUnder26")} error={msg("participantsUnder26")} required requiredLabel={t("common.required")}>
            <input type="text" inputMode="numeric" {...form.register("participantsUnder26")} />
          </Field>
        </fieldset>
        <fieldset aria-describedby={describedByIds("budgetLines-hint", budgetError && "budgetLines-error")}>
          <legend>{t("application.field.budgetLines")}</legend>
          <span className="hint" id="budgetLines-hint">
            {t(kind === "ACTIVITY" ? "application.hint.budgetLinesActivity" : "application.hint.budgetLinesBase")}
          </span>
          <GroupError id="budgetLines-error" error={budgetError} />
          <AmountLines name="budgetLines" array={budget} form={form} msg={msg} error={budgetError} t={t} />
          <p>
            {t("application.totalCosts")}: <strong>{formatKronor(costs, locale)}</strong>
          </p>
        </fieldset>
        <fieldset aria-describedby={describedByIds("otherFunding-hint", fundingError && "otherFunding-error")}>
          <legend>{t("application.field.otherFunding")}</legend>
          <span className="hint" id="otherFunding-hint">
            {t("application.hint.otherFunding")}
          </span>
          <GroupError id="otherFunding-error" error={fundingError} />
          <AmountLines name="otherFunding" array={funding} form={form} msg={msg} error={fundingError} t={t} />
          <p>
            {t("application.netCosts")}: <strong>{formatKronor(netCostsFromTotals(costs, other), locale)}</strong>
          </p>
        </fieldset>
        <fieldset>
          <legend>{t("application.section.request")}</legend>
          <Field id="requestedAmount" label={t("application.field.requestedAmount")} hint={t("application.hint.requestedAmount")} error={msg("requestedAmount")} required requiredLabel={t("common.required")}>
            <input type="text" inputMode="numeric" {...form.register("requestedAmount")} />
          </Field>
        </fieldset>
        <div className="actions">
          <button type="submit" className="button" disabled={submitting}>
            {submitting ? t("application.edit.submitting") : t("application.edit.submit")}
          </button>
          <span role="status">{submitting ? t("application.edit.submitting") : ""}</span>
        </div>
      </form>
      <section aria-labelledby="attachments-title" className="card">
        <h2 id="attachments-title" style={{ marginTop: 0 }}>
          {t("application.attachments")}
        </h2>
        {requiredDocuments.length ? (
          <>
            <p>{t("application.requiredDocuments")}</p>
            <ul>
              {requiredDocuments.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          </>
        ) : null}
        {attachments.length ? (
          <ul>
            {attachments.map((f) => (
              <li key={f.id}>
                <a href={`/files/${f.id}`} download>
                  {f.name}
                </a>{" "}
                <button type="button" className="linklike" onClick={() => void remove(f.id)} aria-label={t("application.removeAttachment", { name: f.name })}>
                  {t("common.remove")}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("application.noAttachments")}</p>
        )}
        <form onSubmit={upload} noValidate aria-busy={uploading}>
          <div className="field">
            <label htmlFor="attachment">{t("application.addAttachment")}</label>
            <span className="hint" id="attachment-hint">
              {t("application.hint.attachment")}
            </span>
            {uploadError ? (
              <p className="error" id="attachment-error">
                {uploadError}
              </p>
            ) : null}
            <input
              id="attachment"
              name="attachment"
              type="file"
              accept="application/pdf,.pdf"
              aria-invalid={uploadError ? true : undefined}
              aria-describedby={uploadError ? "attachment-hint attachment-error" : "attachment-hint"}
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
  array: ReturnType<typeof useFieldArray<Values, "budgetLines" | "otherFunding">>;
  form: ReturnType<typeof useForm<Values, unknown, ApplicationSubmit>>;
  msg: (path: string) => string | undefined;
  /** An error about the whole list, shown by the fieldset under its legend. */
  error?: string;
  t: (key: string, vars?: Record<string, string | number>) => string;
}) {
  return (
    <>
      {array.fields.map((field, i) => (
        <div key={field.id} className="card" role="group" aria-label={t("application.lineN", { n: i + 1 })}>
          <Field id={`${name}.${i}.label`} label={t("application.lineLabel")} error={msg(`${name}.${i}.label`)}>
            <input type="text" {...form.register(`${name}.${i}.label` as const)} />
          </Field>
          <Field id={`${name}.${i}.amount`} label={t("application.lineAmount")} error={msg(`${name}.${i}.amount`)}>
            <input type="text" inputMode="numeric" {...form.register(`${name}.${i}.amount` as const)} />
          </Field>
          <button type="button" className="linklike" onClick={() => array.remove(i)}>
            {t("application.removeLine", { n: i + 1 })}
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
        {t(name === "budgetLines" ? "application.addCost" : "application.addFunding")}
      </button>
    </>
  );
}

function LimitBox({ limit, kind }: { limit: Limit; kind: "BASE" | "ACTIVITY" }) {
  const { t, locale } = useI18n();
  if (!limit) {
    return <p className="limit-box">{t("application.limit.chooseTown")}</p>;
  }
  return (
    <section className="limit-box" aria-live="polite" aria-labelledby="limit-title">
      <h2 id="limit-title" style={{ margin: 0, fontSize: "1.05rem" }}>
        {t("application.limit.title")}
      </h2>
      <p style={{ margin: "0.25rem 0" }}>
        <strong>{formatKronor(limit.maxAmount, locale)}</strong>
      </p>
      <p style={{ margin: 0 }}>
        {t(`application.limit.reason.${limit.reason}`, {
          cap: formatKronor(limit.cap, locale),
          count: limit.shareCount ?? 1,
          kind: t(`grantKind.${kind}`).toLocaleLowerCase(),
        })}
      </p>
    </section>
  );
}

function saveStatusText(s: SaveState, t: (k: string, v?: Record<string, string | number>) => string): string {
  switch (s.kind) {
    case "saving":
      return t("common.saving");
    case "saved":
      return t("application.edit.savedAt", { time: s.at });
    case "offline":
      return t("application.edit.savedLocally");
    case "signedOut":
      return t("application.edit.savedLocally");
    case "invalid":
      return t("application.edit.notSavedInvalid");
    default:
      return t("application.edit.autosave");
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
    // A list's own error (react-hook-form keeps it as `budgetLines.root` once lines exist) is the list's.
    const path = k === "root" ? prefix : prefix ? `${prefix}.${k}` : k;
    const m = (v as { message?: unknown }).message;
    if (typeof m === "string" && m) out.push({ path, message: m });
    else out.push(...collectErrors(v as Record<string, unknown>, path));
  }
  return out;
}

/** "budgetLines.1.amount" → "Kostnader, rad 2: Belopp (kr)" */
function labelFor(path: string, t: (k: string, v?: Record<string, string | number>) => string): string {
  const [field, index, part] = path.split(".");
  const base = t(`application.field.${field}`);
  if (index === undefined || part === undefined) return base;
  return `${base}, ${t("application.lineN", { n: Number(index) + 1 }).toLowerCase()}: ${t(part === "amount" ? "application.lineAmount" : "application.lineLabel")}`;
}

/** Fields whose input has the field's name as id. */
const INPUT_IDS: ReadonlySet<string> = new Set([
  "partnerTownId",
  "title",
  "purpose",
  "description",
  "objectiveMotivation",
  "startDate",
  "endDate",
  "participantsTotal",
  "participantsUnder26",
  "requestedAmount",
]);

/** The id of the element an error links to, or null when the page has no such element. */
function fieldIdFor(path: string, firstObjective: string | undefined, lineCounts: Record<ListName, number>): string | null {
  const [field = "", index, part] = path.split(".");
  if (INPUT_IDS.has(field)) return field;
  if (field === "objectiveIds") return firstObjective ? `objective-${firstObjective}` : "objectiveMotivation";
  if (field === "budgetLines" || field === "otherFunding") {
    const i = Number(index);
    // A line's error links to the line while it is there; the list's own error, or a removed line's, to the add button.
    if (index !== undefined && Number.isInteger(i) && i >= 0 && i < lineCounts[field]) return `${field}.${i}.${part === "amount" ? "amount" : "label"}`;
    return addButtonId(field);
  }
  return null;
}

export type { ApplicationSubmitInput };
