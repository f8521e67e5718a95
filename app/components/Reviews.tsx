import { Form } from "@remix-run/react";
import { useId } from "react";
import { ErrorSummary, fieldAria, FieldError, groupAria, SubmitButton, usePending } from "./FormParts";
import { formatRating, Stars } from "./Stars";

interface Review {
  id: string;
  rating: number;
  name: string;
  comment: string;
  verified: boolean;
  createdAt: string;
  date: string;
}

type Errors = Partial<Record<"rating" | "name" | "comment" | "form", string>>;
export type ReviewFormState = { ok: true; message: string } | { ok: false; errors: Errors } | undefined;

/**
 * Rating 1–5, name and comment; the server decides whether the review is verified. Field ids are
 * unique per form: an order page shows one form per product.
 */
export function ReviewForm({
  action,
  state,
  hidden = {},
  compact = false,
}: {
  action?: string;
  state: ReviewFormState;
  hidden?: Record<string, string>;
  compact?: boolean;
}) {
  const prefix = useId().replace(/:/g, "");
  const pending = usePending({ action, fields: { intent: "review", ...hidden } });
  if (state?.ok) {
    return (
      <p
        role="status"
        className="rounded-xl bg-emerald-50 p-3 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200"
        data-testid="review-thanks"
      >
        {state.message}
      </p>
    );
  }
  const errors: Errors = state && !state.ok ? state.errors : {};
  const field = "w-full rounded-xl border border-slate-300 bg-white p-3 dark:border-slate-700 dark:bg-slate-900";
  const ids = { rating: `${prefix}-note`, name: `${prefix}-nom`, comment: `${prefix}-avis` };
  const byId = {
    [ids.rating]: errors.rating,
    [ids.name]: errors.name,
    [ids.comment]: errors.comment,
    form: errors.form,
  };
  const labels = { [ids.rating]: "Votre note", [ids.name]: "Votre nom", [ids.comment]: "Votre avis" };
  return (
    <Form method="post" action={action} className="space-y-3" noValidate data-testid="review-form">
      <input type="hidden" name="intent" value="review" />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <ErrorSummary errors={byId} labels={labels} />
      <fieldset {...groupAria(ids.rating, errors.rating)}>
        <legend className="font-semibold">Votre note</legend>
        <div className="mt-1 flex flex-wrap gap-3">
          {[5, 4, 3, 2, 1].map((value) => (
            <label key={value} className="flex items-center gap-1">
              <input type="radio" name="rating" value={value} required />
              <span aria-hidden="true">{"★".repeat(value)}</span>
              <span className="sr-only">{value} sur 5</span>
            </label>
          ))}
        </div>
        <FieldError fieldId={ids.rating} message={errors.rating} />
      </fieldset>
      <div>
        <label className="font-semibold">
          Votre nom
          <input
            name="name"
            type="text"
            autoComplete="given-name"
            maxLength={60}
            className={`${field} mt-1 font-normal`}
            {...fieldAria(ids.name, errors.name)}
          />
        </label>
        <FieldError fieldId={ids.name} message={errors.name} />
      </div>
      <div>
        <label className="font-semibold">
          Votre avis
          <textarea
            name="comment"
            rows={compact ? 3 : 4}
            maxLength={1500}
            className={`${field} mt-1 font-normal`}
            {...fieldAria(ids.comment, errors.comment)}
          />
        </label>
        <FieldError fieldId={ids.comment} message={errors.comment} />
      </div>
      <SubmitButton className="btn-primary w-full sm:w-auto" pending={pending} pendingLabel="Envoi en cours…">
        Envoyer mon avis
      </SubmitButton>
    </Form>
  );
}

export function Reviews({
  rating,
  reviews,
  state,
}: {
  rating: { average: number; count: number } | null;
  reviews: Review[];
  state: ReviewFormState;
}) {
  return (
    <section aria-labelledby="avis" className="mt-10 max-w-3xl" data-testid="reviews">
      <h2 id="avis" className="mb-3 text-xl font-extrabold text-slate-900 dark:text-white">
        Avis clients
      </h2>
      {rating ? (
        <p className="flex items-center gap-2" data-testid="rating-summary">
          <Stars rating={rating.average} />
          <span className="font-bold">{formatRating(rating.average)} / 5</span>
          <span className="text-slate-500 dark:text-slate-400">({rating.count} avis)</span>
        </p>
      ) : (
        <p className="text-slate-600 dark:text-slate-300">
          Aucun avis pour le moment : soyez le premier à donner le vôtre.
        </p>
      )}
      {reviews.length ? (
        <ul className="mt-4 space-y-3">
          {reviews.map((review) => (
            <li
              key={review.id}
              className="rounded-2xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
              data-testid="review"
            >
              <div className="flex flex-wrap items-center gap-2">
                <Stars rating={review.rating} label={`${review.rating} sur 5`} />
                <span className="font-bold">{review.name}</span>
                {review.verified ? (
                  <span
                    className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-bold text-emerald-800 dark:bg-emerald-900 dark:text-emerald-200"
                    data-testid="verified-badge"
                  >
                    Achat vérifié
                  </span>
                ) : null}
                <time dateTime={review.createdAt} className="text-xs text-slate-500 dark:text-slate-400">
                  {review.date}
                </time>
              </div>
              <p className="mt-2 whitespace-pre-line text-slate-700 dark:text-slate-300">{review.comment}</p>
            </li>
          ))}
        </ul>
      ) : null}
      <details className="mt-6 rounded-2xl border border-slate-200 p-4 dark:border-slate-800" open={Boolean(state)}>
        <summary className="cursor-pointer font-semibold">Donner mon avis</summary>
        <div className="mt-3">
          <ReviewForm state={state} />
        </div>
      </details>
    </section>
  );
}
