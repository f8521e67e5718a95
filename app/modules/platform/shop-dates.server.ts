/**
 * Dates as shoppers read them, written by the server in the shop's zone, so that they read as the
 * marketer typed them in the Studio. Server-only: a phone that formats a date loads ICU's locale and
 * zone data on its main thread first (decision 028); pages receive the text.
 */

/** The shop's time zone unless « Réglages de la boutique » names another (UTC+1, no daylight saving). */
export const SHOP_TIME_ZONE = "Africa/Douala";

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("fr-FR", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** "31 décembre 2027", in the shop's time zone. */
export function formatDate(iso: string, timeZone = SHOP_TIME_ZONE): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone });
    formatters.set(timeZone, formatter);
  }
  return formatter.format(new Date(iso));
}
