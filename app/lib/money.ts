/**
 * Prices are whole amounts in the shop's currency (F CFA has no minor unit).
 * One kind of space, U+00A0, everywhere: output is the same in Node and every browser (no hydration
 * mismatch, whatever the ICU version's group separator) and never wraps mid-price.
 */
const NBSP = "\u00A0";
const CFA_CURRENCIES = new Set(["XAF", "XOF"]);

/**
 * What fr-FR's `Intl.NumberFormat` writes for a whole amount, by hand: building that formatter loads
 * ICU's locale data, about 25 ms on a mid-range phone's main thread before the first price shows.
 */
function groupThousands(amount: number): string {
  const grouped = String(Math.abs(amount)).replace(/\B(?=(\d{3})+$)/g, NBSP);
  return amount < 0 ? `-${grouped}` : grouped;
}

export function formatPrice(amount: number, currency = "XAF"): string {
  if (!Number.isSafeInteger(amount)) throw new TypeError(`Price must be a whole amount, got ${amount}`);
  if (CFA_CURRENCIES.has(currency)) return `${groupThousands(amount)}${NBSP}F${NBSP}CFA`;
  return new Intl.NumberFormat("fr-FR", { style: "currency", currency }).format(amount).replace(/[\u202F ]/g, NBSP);
}
