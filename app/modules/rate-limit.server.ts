/**
 * Sliding-window rate limits kept in this process's memory (docs/decisions/006-delivery.md):
 * enough for one server; several processes would each allow their own quota.
 */
const hits = new Map<string, number[]>();

export function allow(key: string, limit: number, windowMs: number, now = Date.now()): boolean {
  const recent = (hits.get(key) ?? []).filter((at) => now - at < windowMs);
  const allowed = recent.length < limit;
  if (allowed) recent.push(now);
  hits.set(key, recent);
  if (hits.size > 50_000) hits.clear();
  return allowed;
}
