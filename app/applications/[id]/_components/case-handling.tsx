"use client";
import { useState } from "react";
import Link from "next/link";
import { useI18n } from "@/components/i18n/provider";
import { useAction } from "@/components/ui/use-action";
import { Field, FormError } from "@/components/ui/field";
import { formatKronor } from "@/lib/i18n/translate-core";
import { closeConsultationAction, decideActivityAction, putToCommitteeAction } from "../actions";

type Props = {
  applicationId: string;
  status: string;
  grantKind: "BASE" | "ACTIVITY";
  programYear: number;
  partnerTownId: string | null;
  consultation: { id: string; closesOn: string; closed: boolean; reason: string | null } | null;
  maxApproval: number | null;
  requestedAmount: number | null;
  defaultClosesOn: string;
};


export function CaseHandling(props: Props) {
  const { t } = useI18n();
  if (props.status !== "SUBMITTED") return null;
  return (
    <section className="card" aria-labelledby="handling-title">
      <h2 id="handling-title" style={{ marginTop: 0 }}>
        {t("handling.title")}
      </h2>
      {!props.consultation ? (
        <PutToCommittee {...props} />
      ) : !props.consultation.closed ? (
        <OpenConsultation {...props} consultation={props.consultation} />
      ) : props.grantKind === "ACTIVITY" ? (
        <DecideActivity {...props} />
      ) : (
        <p>
          {t("handling.baseByAllocation")}{" "}
          <Link href={`/coordinator/allocations?year=${props.programYear}&town=${props.partnerTownId}`}>{t("handling.toAllocation")}</Link>
        </p>
      )}
    </section>
  );
}

function PutToCommittee({ applicationId, defaultClosesOn }: Props) {
  const { t } = useI18n();
  const [closesOn, setClosesOn] = useState(defaultClosesOn);
  const { pending, errors, formError, run } = useAction();
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void run(() => putToCommitteeAction(applicationId, closesOn));
      }}
      aria-busy={pending}
    >
      <p>{t("handling.consultFirst")}</p>
      <FormError message={formError} />
      <Field id="closesOn" label={t("handling.closesOn")} hint={t("handling.closesOnHint")} error={errors.closesOn}>
        <input type="date" value={closesOn} onChange={(e) => setClosesOn(e.target.value)} />
      </Field>
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("common.saving") : t("handling.putToCommittee")}
      </button>
    </form>
  );
}

function OpenConsultation({ applicationId, consultation }: Props & { consultation: NonNullable<Props["consultation"]> }) {
  const { t } = useI18n();
  const [reason, setReason] = useState("");
  const { pending, errors, formError, run } = useAction();
  return (
    <>
      <p>{t("handling.consultationOpen", { date: consultation.closesOn })}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => closeConsultationAction(applicationId, consultation.id, reason));
        }}
        aria-busy={pending}
      >
        <FormError message={formError} />
        <Field id="closeReason" label={t("handling.closeEarlyReason")} hint={t("handling.closeEarlyHint")} error={errors.reason}>
          <textarea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
        <button type="submit" className="button secondary" disabled={pending}>
          {pending ? t("common.saving") : t("handling.closeEarly")}
        </button>
      </form>
    </>
  );
}

function DecideActivity({ applicationId, maxApproval, requestedAmount }: Props) {
  const { t, locale } = useI18n();
  const [outcome, setOutcome] = useState<"APPROVED" | "REJECTED">(maxApproval ? "APPROVED" : "REJECTED");
  const [amount, setAmount] = useState(maxApproval ? String(maxApproval) : "");
  const [reason, setReason] = useState("");
  const { pending, errors, formError, run } = useAction();
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void run(() => decideActivityAction(applicationId, { outcome, amount, reason }));
      }}
      aria-busy={pending}
    >
      <p>
        {t("handling.maxApproval", { max: formatKronor(maxApproval ?? 0, locale), requested: formatKronor(requestedAmount ?? 0, locale) })}
      </p>
      <FormError message={formError} />
      <fieldset>
        <legend>{t("handling.outcome")}</legend>
        {(["APPROVED", "REJECTED"] as const).map((o) => (
          <label className="checkbox" key={o}>
            <input type="radio" name="outcome" value={o} checked={outcome === o} onChange={() => setOutcome(o)} />
            <span>{t(`decision.outcome.${o}`)}</span>
          </label>
        ))}
      </fieldset>
      {outcome === "APPROVED" ? (
        <Field id="amount" label={t("decision.amount")} hint={t("handling.amountHint")} error={errors.amount}>
          <input type="text" inputMode="numeric" value={amount} onChange={(e) => setAmount(e.target.value)} />
        </Field>
      ) : null}
      <Field id="reason" label={t("decision.reason")} hint={t("handling.reasonHint")} error={errors.reason}>
        <textarea rows={4} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("common.saving") : t("handling.decide")}
      </button>
    </form>
  );
}
