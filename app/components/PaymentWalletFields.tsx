import { useState } from "react";
import { COUNTRIES, OPERATORS, type CountryCode, type CountryOffer } from "~/lib/mobile-money";
import { useHydrated } from "~/lib/use-hydrated";
import { fieldAria, FieldError, groupAria } from "./FormParts";
import { OperatorMark } from "./OperatorMark";

interface Props {
  offers: readonly CountryOffer[];
  country: CountryCode | null;
  values?: { whatsapp?: string; operator?: string };
  errors: { country?: string; whatsapp?: string; operator?: string };
  /** Nothing to pay: no operator to choose. */
  free: boolean;
}

/** The country a number typed in international form belongs to (browser side: dial codes only). */
function countryOfTyped(value: string, offers: readonly CountryOffer[]): CountryCode | null {
  const digits = value.replace(/[\s.\-()/]/g, "");
  const international = digits.startsWith("+") ? digits.slice(1) : digits.startsWith("00") ? digits.slice(2) : null;
  if (!international) return null;
  return offers.find((offer) => international.startsWith(COUNTRIES[offer.country].dial))?.country ?? null;
}

/**
 * Country first, then the phone number read in that country's form, then the operators the
 * routing table allows there. Without JavaScript, « Voir les opérateurs » reloads the form for
 * another country; with it, the list follows the country at once (and the number's prefix).
 */
export function PaymentWalletFields({ offers, country: initialCountry, values, errors, free }: Props) {
  const hydrated = useHydrated();
  const [country, setCountry] = useState(initialCountry);
  const [countryChosen, setCountryChosen] = useState(false);
  const offer = offers.find((candidate) => candidate.country === country);
  const dial = country ? COUNTRIES[country].dial : null;

  return (
    <>
      <div>
        <label htmlFor="country" className="block text-sm font-semibold">
          Votre pays
        </label>
        <div className="mt-1 flex gap-2">
          <select
            name="country"
            className="field min-w-0 flex-1"
            value={country ?? ""}
            onChange={(event) => {
              setCountry(event.target.value as CountryCode);
              setCountryChosen(true);
            }}
            {...fieldAria("country", errors.country)}
          >
            {offers.map((candidate) => (
              <option key={candidate.country} value={candidate.country}>
                {candidate.name} (+{candidate.dial})
              </option>
            ))}
          </select>
          {hydrated || free ? null : (
            <button type="submit" name="intent" value="choose-country" className="btn-outline shrink-0" formNoValidate>
              Voir les opérateurs
            </button>
          )}
        </div>
        <FieldError fieldId="country" message={errors.country} />
      </div>

      <div>
        <label htmlFor="whatsapp" className="block text-sm font-semibold">
          Numéro WhatsApp
        </label>
        <input
          name="whatsapp"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          required
          className="field mt-1"
          defaultValue={values?.whatsapp}
          onChange={(event) => {
            const typed = countryOfTyped(event.target.value, offers);
            if (typed && !countryChosen) setCountry(typed);
          }}
          {...fieldAria("whatsapp", errors.whatsapp, "whatsapp-hint")}
        />
        <p id="whatsapp-hint" className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          {dial ? `Tel que vous le composez, avec ou sans +${dial}.` : "Avec l'indicatif du pays, par exemple +237."}
        </p>
        <FieldError fieldId="whatsapp" message={errors.whatsapp} />
      </div>

      {free ? null : (
        <fieldset key={country ?? "none"} {...groupAria("operator", errors.operator)}>
          <legend className="text-sm font-semibold">Votre opérateur mobile money</legend>
          {!offer ? (
            <p className="mt-2 text-sm text-red-700 dark:text-red-400">
              Aucun opérateur n'est disponible pour le moment. Contactez-nous sur WhatsApp.
            </p>
          ) : (
            <div className="mt-2 grid grid-cols-1 gap-2 min-[400px]:grid-cols-2" data-testid="operators">
              {offer.operators.map((operator) => (
                <label
                  key={operator}
                  className="flex cursor-pointer items-center gap-3 rounded-xl border border-slate-300 bg-white p-3 has-[:checked]:border-brand has-[:checked]:ring-2 has-[:checked]:ring-brand/30 dark:border-slate-700 dark:bg-slate-900"
                >
                  <input
                    type="radio"
                    name="operator"
                    value={operator}
                    required
                    defaultChecked={values?.operator ? values.operator === operator : offer.operators.length === 1}
                  />
                  <OperatorMark operator={operator} size={32} />
                  <span className="font-semibold">{OPERATORS[operator].name}</span>
                </label>
              ))}
            </div>
          )}
          <FieldError fieldId="operator" message={errors.operator} />
        </fieldset>
      )}
    </>
  );
}
