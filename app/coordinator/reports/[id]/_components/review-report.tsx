"use client";
import { useState } from "react";
import { useAction } from "@/components/ui/use-action";
import { useI18n } from "@/components/i18n/provider";
import { Field } from "@/components/ui/field";
import { acceptFollowUpReportAction, returnFollowUpReportAction } from "../actions";

/** Accept the submitted round, or send it back with a comment on what to complete (required). */
export function ReviewReport({ applicationId, round }: { applicationId: string; round: number }) {
  const { t } = useI18n();
  const { pending, errors, formError, run } = useAction();
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState("");
  return (
    <section className="card" aria-labelledby="review-title" aria-busy={pending}>
      <h2 id="review-title" style={{ marginTop: 0 }}>
        {t("followUp.review.title", { n: round })}
      </h2>
      {formError && !errors.comment ? (
        <p className="alert error" role="alert">
          {formError}
        </p>
      ) : null}
      <div className="actions" style={{ margin: 0 }}>
        <button type="button" className="button" disabled={pending} onClick={() => void run(() => acceptFollowUpReportAction(applicationId))}>
          {t("followUp.review.accept")}
        </button>
        {!returning ? (
          <button type="button" className="button secondary" disabled={pending} onClick={() => setReturning(true)}>
            {t("followUp.review.return")}
          </button>
        ) : null}
      </div>
      {returning ? (
        <form
          noValidate
          style={{ marginTop: "1rem" }}
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => returnFollowUpReportAction(applicationId, comment));
          }}
        >
          <Field id="comment" label={t("followUp.review.comment")} hint={t("followUp.review.commentHint")} error={errors.comment} required requiredLabel={t("common.required")}>
            <textarea rows={5} value={comment} onChange={(e) => setComment(e.target.value)} autoFocus />
          </Field>
          <div className="actions">
            <button type="submit" className="button danger" disabled={pending}>
              {t("followUp.review.confirmReturn")}
            </button>
            <button type="button" className="button secondary" disabled={pending} onClick={() => setReturning(false)}>
              {t("common.cancel")}
            </button>
          </div>
        </form>
      ) : null}
      <span role="status" className="visually-hidden">
        {pending ? t("common.saving") : ""}
      </span>
    </section>
  );
}
