"use client";
import { useState } from "react";
import { useI18n } from "@/components/i18n/provider";
import { useAction } from "@/components/ui/use-action";
import { Field, FormError } from "@/components/ui/field";
import { formatKronor } from "@/lib/i18n/translate-core";
import { baseAllocation } from "@/lib/domain/decisions";
import { consultBatchAction, decideAllocationAction, reopenAllocationAction } from "../actions";

type Candidate = { id: string; caseNumber: string | null; title: string; association: string; requestedAmount: number | null; putToCommittee: boolean; consulted: boolean };


/** The coordinator picks which applications share the town's cap; the share is shown before confirming. */
export function AllocationForm(props: { programYearId: string; partnerTownId: string; cap: number; splitRule: "EQUAL_SPLIT" | "NONE"; candidates: Candidate[] }) {
  const { t, locale } = useI18n();
  const [approved, setApproved] = useState<Set<string>>(() => new Set(props.candidates.map((c) => c.id)));
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [reason, setReason] = useState("");
  const { pending, errors, formError, run } = useAction();
  const ready = props.candidates.every((c) => c.consulted);
  // The same rule the server applies when it writes the decisions.
  const preview = baseAllocation({ cap: props.cap, approvedCount: approved.size, splitRule: props.splitRule });
  const rejected = props.candidates.filter((c) => !approved.has(c.id));
  return (
    <form
      aria-busy={pending}
      onSubmit={(e) => {
        e.preventDefault();
        void run(() =>
          decideAllocationAction({
            programYearId: props.programYearId,
            partnerTownId: props.partnerTownId,
            approve: [...approved],
            reject: rejected.map((c) => ({ applicationId: c.id, reason: reasons[c.id] ?? "" })),
            reason,
          }),
        );
      }}
    >
      {!ready ? <p className="alert warning">{t("allocation.notReady")}</p> : null}
      <FormError message={formError} />
      <fieldset>
        <legend>{t("allocation.approve")}</legend>
        {props.candidates.map((c, i) => (
          <div key={c.id} className="card">
            <label className="checkbox">
              <input
                type="checkbox"
                checked={approved.has(c.id)}
                onChange={(e) =>
                  setApproved((s) => {
                    const next = new Set(s);
                    if (e.target.checked) next.add(c.id);
                    else next.delete(c.id);
                    return next;
                  })
                }
              />
              <span>
                <strong>{c.association}</strong> – {c.caseNumber} {c.title}
              </span>
            </label>
            {!approved.has(c.id) ? (
              <Field id={`reject-${i}`} label={t("allocation.rejectReason")} error={errors[`reject.${rejected.findIndex((r) => r.id === c.id)}.reason`]}>
                <textarea rows={2} value={reasons[c.id] ?? ""} onChange={(e) => setReasons((r) => ({ ...r, [c.id]: e.target.value }))} />
              </Field>
            ) : null}
          </div>
        ))}
      </fieldset>
      <p className="limit-box" aria-live="polite">
        {approved.size
          ? t("allocation.preview", {
              count: approved.size,
              share: formatKronor(preview.share, locale),
              total: formatKronor(preview.total, locale),
              cap: formatKronor(props.cap, locale),
            })
          : t("allocation.previewNone")}
      </p>
      {errors.approve ? <p className="error">{errors.approve}</p> : null}
      <Field id="allocation-reason" label={t("allocation.reason")} hint={t("handling.reasonHint")} error={errors.reason}>
        <textarea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <button type="submit" className="button" disabled={pending || !ready}>
        {pending ? t("common.saving") : t("allocation.confirm")}
      </button>
    </form>
  );
}

export function ReopenForm({ allocationId }: { allocationId: string }) {
  const { t } = useI18n();
  const [reason, setReason] = useState("");
  const { pending, errors, formError, run } = useAction();
  return (
    <form
      className="card"
      aria-busy={pending}
      onSubmit={(e) => {
        e.preventDefault();
        void run(() => reopenAllocationAction(allocationId, reason));
      }}
    >
      <FormError message={formError} />
      <Field id="reopen-reason" label={t("allocation.reopenReason")} hint={t("allocation.reopenHint")} error={errors.reason}>
        <textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <button type="submit" className="button secondary" disabled={pending}>
        {pending ? t("common.saving") : t("allocation.reopen")}
      </button>
    </form>
  );
}

/** Puts every base-grant application of the town and year that the committee has not seen to it at once. */
export function ConsultBatchForm({ ids, defaultClosesOn }: { ids: string[]; defaultClosesOn: string }) {
  const { t } = useI18n();
  const [closesOn, setClosesOn] = useState(defaultClosesOn);
  const { pending, errors, formError, run } = useAction();
  return (
    <form
      className="card"
      aria-busy={pending}
      onSubmit={(e) => {
        e.preventDefault();
        void run(() => consultBatchAction(ids, closesOn));
      }}
    >
      <p>{t("allocation.consultBatch", { count: ids.length })}</p>
      <FormError message={formError} />
      <Field id="batch-closesOn" label={t("handling.closesOn")} hint={t("handling.closesOnHint")} error={errors.closesOn ?? errors.applicationIds}>
        <input type="date" value={closesOn} onChange={(e) => setClosesOn(e.target.value)} />
      </Field>
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("common.saving") : t("handling.putToCommittee")}
      </button>
    </form>
  );
}
