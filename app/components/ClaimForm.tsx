import { Form } from "@remix-run/react";
import { ErrorSummary, fieldAria, FieldError, SubmitButton, usePending } from "./FormParts";

export type ClaimState =
  | { ok: true; answer: "paid" | "to_deliver" | "not_confirmed"; reference: string }
  | { ok: false; error: string; field?: "smsReference" | "note" }
  | undefined;

const ANSWERS = {
  paid: "Bonne nouvelle : votre paiement est confirmé. Vos téléchargements et accès sont sur cette page.",
  to_deliver:
    "Votre paiement est confirmé. Notre équipe active votre accès et vous écrit sur WhatsApp, en général en moins de 2 heures.",
  not_confirmed:
    "Votre opérateur ne nous a pas encore confirmé ce paiement. Votre signalement est enregistré et notre équipe est prévenue : elle vérifie avec la référence et vous répond sur WhatsApp, en général en moins de 2 heures. Si vous avez été débité, vous serez livré ou remboursé.",
} as const;

/**
 * « J'ai payé mais je n'ai rien reçu »: a plain form (works without JavaScript) inside a
 * disclosure, so it stays out of the way until the buyer needs it.
 */
export function ClaimForm({ action, state, open }: { action: string; state: ClaimState; open: boolean }) {
  const pending = usePending({ action, fields: { intent: "claim" } });
  // A field's mistake sits under the field; anything else (too many claims, unknown order) above the form.
  const fieldError = state && !state.ok && state.field ? { [state.field]: state.error } : {};
  const ids = { smsReference: "reclamation-reference", note: "reclamation-message" };
  return (
    <details
      id="reclamation"
      className="mt-6 rounded-2xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      open={open || !!state}
    >
      <summary className="cursor-pointer font-bold">J'ai payé mais je n'ai rien reçu</summary>
      {state?.ok ? (
        <p
          role="status"
          className="mt-3 rounded-xl bg-emerald-50 p-3 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200"
          data-testid="claim-answer"
          data-answer={state.answer}
        >
          {ANSWERS[state.answer]} (Référence : {state.reference})
        </p>
      ) : (
        <Form method="post" action={action} className="mt-3 space-y-3" data-testid="claim-form">
          <input type="hidden" name="intent" value="claim" />
          <p className="text-sm text-slate-600 dark:text-slate-300">
            Indiquez la référence du SMS de confirmation de votre opérateur (Orange Money, MTN MoMo, Wave…) : nous
            revérifions votre paiement tout de suite.
          </p>
          {state && !state.ok && !state.field ? (
            <p role="alert" className="text-sm font-semibold text-red-700 dark:text-red-300" data-testid="claim-error">
              {state.error}
            </p>
          ) : null}
          <ErrorSummary
            errors={{ [ids.smsReference]: fieldError.smsReference, [ids.note]: fieldError.note }}
            labels={{ [ids.smsReference]: "Référence du SMS", [ids.note]: "Message" }}
          />
          <div>
            <label className="block font-semibold">
              Référence du SMS
              <input
                name="smsReference"
                type="text"
                required
                minLength={4}
                maxLength={64}
                autoComplete="off"
                className="field mt-1 font-normal"
                {...fieldAria(ids.smsReference, fieldError.smsReference)}
              />
            </label>
            <FieldError fieldId={ids.smsReference} message={fieldError.smsReference} />
          </div>
          <div>
            <label className="block font-semibold">
              Message (facultatif)
              <textarea
                name="note"
                rows={3}
                maxLength={500}
                className="field mt-1 py-2 font-normal"
                {...fieldAria(ids.note, fieldError.note)}
              />
            </label>
            <FieldError fieldId={ids.note} message={fieldError.note} />
          </div>
          <SubmitButton className="btn-primary w-full" pending={pending} pendingLabel="Vérification en cours…">
            Signaler et revérifier mon paiement
          </SubmitButton>
        </Form>
      )}
    </details>
  );
}
