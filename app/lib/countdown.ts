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
