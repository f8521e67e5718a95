import { Form } from "@remix-run/react";
import { useState } from "react";
import { COUNTRIES, OPERATORS, type CountryCode, type CountryOffer, type OperatorId } from "~/lib/mobile-money";
import { formatPrice } from "~/lib/money";
import { useHydrated } from "~/lib/use-hydrated";
import { OperatorMark } from "./OperatorMark";
import { usePending } from "./FormParts";

export interface AttemptView {
  state: "creating" | "pending" | "paid" | "failed" | "error";
  provider: string;
  country: CountryCode | null;
  operator: OperatorId | null;
  expiresAt: string;
  outcome: "refused" | "cancelled" | "expired" | null;
  rawStatus: string | null;
  resumeUrl: string | null;
}

const OUTCOME_COPY = {
  refused: (operator: string) =>
    `${operator} a refusé le paiement (solde insuffisant, code secret erroné ou plafond atteint, le plus souvent). Aucun montant n'a été débité.`,
  cancelled: () => "Le paiement a été annulé avant validation. Aucun montant n'a été débité.",
  expired: () => "La demande de paiement a expiré sans être validée. Aucun montant n'a été débité.",
};

function minutesLeft(expiresAt: string, now: string): number {
  return Math.max(0, Math.ceil((Date.parse(expiresAt) - Date.parse(now)) / 60_000));
}

/**
 * What the buyer does next, on the order page: approve on their phone while it waits (with the
 * time left), understand why it failed, and try again on the same order, with the same operator
 * or another one. Plain forms: it all works without JavaScript.
 */
export function PaymentGuidance({
  attempt,
  status,
  total,
  currency,
  now,
  action,
  offers,
  country: chosenCountry,
  error,
  busy,
}: {
  attempt: AttemptView | null;
  status: "pending" | "failed";
  total: number;
  currency: string;
  now: string;
  action: string;
  offers: readonly CountryOffer[];
  country: CountryCode | null;
  error?: string;
  busy: boolean;
}) {
  const hydrated = useHydrated();
  const operatorName = attempt?.operator ? OPERATORS[attempt.operator].name : "votre opérateur";
  const [country, setCountry] = useState(chosenCountry ?? attempt?.country ?? offers[0]?.country ?? null);
  const offer = offers.find((candidate) => candidate.country === country);
  const waiting = status === "pending" && attempt?.state === "pending";
  const left = attempt ? minutesLeft(attempt.expiresAt, now) : 0;
  const retrying = usePending({ action, fields: { intent: "retry" } });
  const switching = usePending({ action, fields: { intent: "other-operator" } });

  return (
    <section aria-labelledby="payer" className="mt-6 space-y-4" data-testid="payment-guidance">
      <h2 id="payer" className="text-lg font-extrabold text-slate-900 dark:text-white">
        {waiting ? "Validez le paiement sur votre téléphone" : "Payer cette commande"}
      </h2>
      {error ? (
        <p role="alert" className="rounded-xl bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          {error}
        </p>
      ) : null}

      {waiting ? (
        <div className="flex gap-3 rounded-2xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
          {attempt?.operator ? <OperatorMark operator={attempt.operator} /> : null}
          <div className="space-y-2 text-sm">
            <p>
              {`${operatorName} vous envoie une demande de paiement de `}
              <strong>{formatPrice(total, currency)}</strong>
              {` : ouvrez-la sur votre téléphone et validez-la avec votre code secret ${operatorName}.`}
            </p>
            <p>{`Pas de message ? Ouvrez l'application ou le menu ${operatorName} de votre téléphone, rubrique des paiements en attente.`}</p>
            <p data-testid="time-left" className="font-semibold">
              {left > 0 ? `Il vous reste ${left} min pour valider.` : "Le délai de validation est dépassé."}
            </p>
          </div>
        </div>
      ) : attempt?.outcome ? (
        <p
          data-testid="payment-outcome"
          data-outcome={attempt.outcome}
          className="rounded-2xl bg-slate-100 p-4 text-sm dark:bg-slate-800"
        >
          {OUTCOME_COPY[attempt.outcome](operatorName)}
          {attempt.rawStatus ? (
            <span className="block text-xs text-slate-600 dark:text-slate-400">{`Réponse de ${attempt.provider} : ${attempt.rawStatus}`}</span>
          ) : null}
        </p>
      ) : null}

      {attempt?.operator && attempt.country ? (
        <Form method="post" action={action}>
          <button
            type="submit"
            name="intent"
            value="retry"
            className="btn-primary w-full"
            disabled={busy}
            aria-busy={retrying || undefined}
          >
            {retrying ? "Paiement en cours…" : `Réessayer avec ${OPERATORS[attempt.operator].name}`}
          </button>
        </Form>
      ) : null}

      <Form
        method="post"
        action={action}
        className="space-y-3 rounded-2xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      >
        <p className="font-semibold">Payer avec un autre opérateur</p>
        <div>
          <label htmlFor="retry-country" className="block text-sm font-semibold">
            Votre pays
          </label>
          <div className="mt-1 flex gap-2">
            <select
              id="retry-country"
              name="country"
              value={country ?? ""}
              className="field min-w-0 flex-1"
              onChange={(event) => setCountry(event.target.value as CountryCode)}
            >
              {offers.map((candidate) => (
                <option key={candidate.country} value={candidate.country}>
                  {COUNTRIES[candidate.country].name}
                </option>
              ))}
            </select>
            {hydrated ? null : (
              <button type="submit" name="intent" value="choose-country" className="btn-outline shrink-0">
                Voir les opérateurs
              </button>
            )}
          </div>
        </div>
        <fieldset key={country ?? "none"}>
          <legend className="text-sm font-semibold">Opérateur</legend>
          <div className="mt-2 grid grid-cols-1 gap-2 min-[400px]:grid-cols-2">
            {offer?.operators.map((operator) => (
              <label
                key={operator}
                className="flex cursor-pointer items-center gap-3 rounded-xl border border-slate-300 p-3 has-[:checked]:border-brand has-[:checked]:ring-2 has-[:checked]:ring-brand/30 dark:border-slate-700"
              >
                <input
                  type="radio"
                  name="operator"
                  value={operator}
                  required
                  defaultChecked={offer.operators.length === 1}
                />
                <OperatorMark operator={operator} size={32} />
                <span className="font-semibold">{OPERATORS[operator].name}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <button
          type="submit"
          name="intent"
          value="other-operator"
          className="btn-outline w-full"
          disabled={busy}
          aria-busy={switching || undefined}
        >
          {switching ? "Paiement en cours…" : `Payer ${formatPrice(total, currency)} avec cet opérateur`}
        </button>
      </Form>
    </section>
  );
}
