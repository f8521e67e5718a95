/** Beyond this, a ticking countdown says little ("403 j"): the end date is shown instead. */
export const COUNTDOWN_WINDOW_MS = 14 * 86_400_000;

/** "3 j 4 h", "5 h 12 min", "42 s": the two most significant units left, in French. */
export function formatTimeLeft(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3_600);
  const minutes = Math.floor((seconds % 3_600) / 60);
  if (days > 0) return `${days}\u00A0j ${hours}\u00A0h`;
  if (hours > 0) return `${hours}\u00A0h ${minutes}\u00A0min`;
  if (minutes > 0) return `${minutes}\u00A0min ${seconds % 60}\u00A0s`;
  return `${seconds}\u00A0s`;
}

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

// The shop's zone for server and browser alike, so that the rendered date never differs on hydration
// and reads as the marketer typed it in the Studio.
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
