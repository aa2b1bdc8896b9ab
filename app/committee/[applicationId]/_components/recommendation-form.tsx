"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useI18n } from "@/components/i18n/provider";
import { Field, GroupError, describedByIds } from "@/components/ui/field";
import { ErrorSummary, type SummaryItem } from "@/components/ui/error-summary";
import { recordRecommendationAction } from "../actions";

const KINDS = ["APPROVE", "REJECT", "ABSTAIN", "CONFLICT"] as const;
type Kind = (typeof KINDS)[number];
type Errors = { kind?: string; comment?: string };

type Props = {
  applicationId: string;
  mine: { kind: Kind; comment: string } | null;
  /** Why the member cannot answer (closed consultation, declared conflict), or null when they can. */
  blocked: "closed" | "conflict" | null;
  commentMax: number;
};

/** Bifall / Avslag / Avstår with a comment, or a declared conflict of interest (jäv). */
export function RecommendationForm({ applicationId, mine, blocked, commentMax }: Props) {
  const { t, locale } = useI18n();
  const router = useRouter();
  const [kind, setKind] = useState<Kind | "">(mine?.kind ?? "");
  const [comment, setComment] = useState(mine?.comment ?? "");
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [submits, setSubmits] = useState(0);
  const [pending, startTransition] = useTransition();
  const max = new Intl.NumberFormat(locale === "sv" ? "sv-SE" : "en-GB").format(commentMax);
  const say = (key: string) => t(key, { max });

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending || blocked) return;
    setSubmits((n) => n + 1);
    setSaved(false);
    setFormError(null);
    // The same checks as the service, with its message keys, so both say the same.
    const local: Errors = {};
    if (!kind) local.kind = "validation.recommendation.kind";
    if (comment.trim().length > commentMax) local.comment = "validation.recommendation.commentTooLong";
    setErrors(local);
    if (local.kind || local.comment) return;
    startTransition(async () => {
      try {
        const result = await recordRecommendationAction(applicationId, { kind, comment });
        if (result.ok) {
          setSaved(true);
          router.refresh();
          return;
        }
        const fields = result.fieldErrors ?? {};
        const onFields: Errors = { kind: fields.kind?.[0], comment: fields.comment?.[0] };
        setErrors(onFields);
        setFormError(onFields.kind || onFields.comment ? null : (result.formError ?? "errors.INTERNAL"));
      } catch {
        setFormError("errors.NETWORK");
      }
    });
  }

  const items: SummaryItem[] = [];
  if (errors.kind) items.push({ fieldId: "kind", message: say(errors.kind) });
  if (errors.comment) items.push({ fieldId: "comment", message: say(errors.comment) });
  const disabled = blocked !== null;

  return (
    <section className="card" aria-labelledby="recommend-title">
      <h2 id="recommend-title" style={{ marginTop: 0 }}>
        {t("committee.form.title")}
      </h2>
      {blocked ? (
        <p className="alert warning" id="recommend-blocked">
          {t(`committee.form.${blocked}`)}
        </p>
      ) : (
        <p className="muted">{t("committee.form.changeHint")}</p>
      )}
      <form noValidate onSubmit={onSubmit} aria-busy={pending} aria-describedby={blocked ? "recommend-blocked" : undefined}>
        <ErrorSummary title={t("common.errorSummary")} items={items} formError={formError ? t(formError) : null} focusOn={submits} />
        {/* Disabled as a whole, with the reason above, once the member can no longer answer. */}
        <fieldset disabled={disabled} style={{ border: 0, padding: 0, margin: 0 }}>
          <fieldset aria-describedby={describedByIds(errors.kind && "kind-error")}>
            <legend>{t("committee.form.kind")}</legend>
            <GroupError id="kind-error" error={errors.kind ? say(errors.kind) : undefined} />
            {KINDS.map((k, i) => (
              <label className="checkbox" key={k}>
                <input
                  type="radio"
                  // The first radio carries the field's name as id: the error summary links to it.
                  id={i === 0 ? "kind" : `kind-${k}`}
                  name="kind"
                  value={k}
                  checked={kind === k}
                  onChange={() => {
                    setKind(k);
                    setErrors((e) => ({ ...e, kind: undefined }));
                  }}
                />
                <span>
                  <strong>{t(`committee.kind.${k}`)}</strong>
                  <br />
                  <span className="muted">{t(`committee.kind.${k}.explained`)}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <Field id="comment" label={t("committee.form.comment")} hint={t("committee.form.commentHint", { max })} error={errors.comment ? say(errors.comment) : undefined} required={false}>
            <textarea
              name="comment"
              rows={5}
              maxLength={commentMax}
              value={comment}
              onChange={(e) => {
                setComment(e.target.value);
                setErrors((er) => ({ ...er, comment: undefined }));
              }}
            />
          </Field>
          <div className="actions">
            <button type="submit" className="button" disabled={pending} aria-disabled={pending || disabled}>
              {pending ? t("committee.form.saving") : kind === "CONFLICT" ? t("committee.form.declareConflict") : t("committee.form.save")}
            </button>
            <p role="status" className={saved && !pending ? "alert success" : undefined} style={{ margin: 0 }}>
              {pending ? t("committee.form.saving") : saved ? t("committee.form.saved") : ""}
            </p>
          </div>
        </fieldset>
      </form>
    </section>
  );
}
