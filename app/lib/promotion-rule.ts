/**
 * Which banner the home page shows when several promotions run at once (decision 020): the one that
 * started last, so a marketer's new promotion takes over from a long-running one the moment it
 * starts, and hands back when it ends. Equal starts: the one created last. The storefront and the
 * Studio (« Affichée sur la boutique » / « Masquée par … ») both decide with this function.
 * Browser-safe and dependency-free: the Studio imports it too.
 */
export interface ScheduledPromotion {
  _id: string;
  _createdAt?: string | null;
  startsAt: string;
  endsAt: string;
}

export function isRunning(promotion: ScheduledPromotion, now: number): boolean {
  return Date.parse(promotion.startsAt) <= now && now < Date.parse(promotion.endsAt);
}

export function winningPromotion<T extends ScheduledPromotion>(promotions: readonly T[], now: number): T | null {
  let winner: T | null = null;
  for (const promotion of promotions) {
    if (!isRunning(promotion, now)) continue;
    if (!winner || startedLater(promotion, winner)) winner = promotion;
  }
  return winner;
}

function startedLater(a: ScheduledPromotion, b: ScheduledPromotion): boolean {
  const [startA, startB] = [Date.parse(a.startsAt), Date.parse(b.startsAt)];
  if (startA !== startB) return startA > startB;
  const [createdA, createdB] = [Date.parse(a._createdAt ?? "") || 0, Date.parse(b._createdAt ?? "") || 0];
  return createdA !== createdB ? createdA > createdB : a._id > b._id;
}
