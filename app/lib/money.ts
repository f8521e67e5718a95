/**
 * Prices are whole amounts in the shop's currency (F CFA has no minor unit).
 * ICU versions disagree on the group separator (U+202F or U+00A0); both become U+00A0 so that
 * output is stable across Node and browsers (no hydration mismatch) and never wraps mid-price.
 */
const NBSP = "\u00A0";
const groupFormatter = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });
const CFA_CURRENCIES = new Set(["XAF", "XOF"]);

function normalizeSpaces(text: string): string {
  return text.replace(/[\u202F\u00A0 ]/g, NBSP);
}

export function formatPrice(amount: number, currency = "XAF"): string {
  if (!Number.isSafeInteger(amount)) throw new TypeError(`Price must be a whole amount, got ${amount}`);
  if (CFA_CURRENCIES.has(currency)) return normalizeSpaces(`${groupFormatter.format(amount)} F CFA`);
  return normalizeSpaces(new Intl.NumberFormat("fr-FR", { style: "currency", currency }).format(amount));
}
