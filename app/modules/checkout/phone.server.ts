import { getExampleNumber, parsePhoneNumberFromString, type CountryCode as LibCountry } from "libphonenumber-js";
import examples from "libphonenumber-js/mobile/examples";
import { COUNTRIES, isCountryCode, type CountryCode } from "~/lib/mobile-money";

/**
 * Phone numbers as people type them: "690 12 34 56", "0690123456" in their country, or
 * "+237 6 90…", "00237…" from anywhere. Stored in E.164. Only impossible numbers are refused
 * (wrong length for the country): operators open new ranges faster than any library learns them.
 */
export type PhoneResult = { ok: true; e164: string; country: CountryCode | null } | { ok: false; message: string };

/** "6 71 23 45 67 ou +237 6 71 23 45 67": the form a buyer of this country would recognise. */
export function expectedForm(country: CountryCode): string {
  const example = getExampleNumber(country as LibCountry, examples);
  if (!example) return `+${COUNTRIES[country].dial} suivi de votre numéro`;
  return `${example.formatNational()} ou ${example.formatInternational()}`;
}

function possible(typed: string, country: CountryCode | null) {
  const parsed = parsePhoneNumberFromString(typed, country ? { defaultCountry: country as LibCountry } : undefined);
  return parsed?.isPossible() ? parsed : undefined;
}

export function parsePhone(raw: string, country: CountryCode | null): PhoneResult {
  const typed = raw.trim().replace(/^00/, "+");
  // A leading 0 typed by habit where the country has no trunk prefix (Cameroon: "0690123456").
  const parsed =
    possible(typed, country) ?? (country && /^0[1-9]/.test(typed) ? possible(typed.slice(1), country) : undefined);
  if (parsed) {
    const found = parsed.country && isCountryCode(parsed.country) ? parsed.country : null;
    return { ok: true, e164: parsed.number, country: found };
  }
  const where = country ? ` pour ${countryPhrase(country)}` : "";
  const form = country ? expectedForm(country) : "+237 6 71 23 45 67";
  return {
    ok: false,
    message: `Ce numéro n'est pas un numéro de téléphone valide${where}. Écrivez-le par exemple ainsi : ${form}.`,
  };
}

/** The country a number typed in international form belongs to, to prefill the country. */
export function countryOfPhone(raw: string): CountryCode | null {
  const parsed = parsePhoneNumberFromString(raw.trim().replace(/^00/, "+"));
  return parsed?.country && isCountryCode(parsed.country) ? parsed.country : null;
}

const ARTICLES: Partial<Record<CountryCode, string>> = {
  BJ: "le Bénin",
  BF: "le Burkina Faso",
  CM: "le Cameroun",
  CG: "le Congo",
  CI: "la Côte d'Ivoire",
  GA: "le Gabon",
  GN: "la Guinée",
  KE: "le Kenya",
  CD: "la RD Congo",
  RW: "le Rwanda",
  SN: "le Sénégal",
  TZ: "la Tanzanie",
  ZM: "la Zambie",
};

function countryPhrase(country: CountryCode): string {
  return ARTICLES[country] ?? COUNTRIES[country].name;
}
