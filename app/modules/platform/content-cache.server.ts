import { LRUCache } from "lru-cache";
import { getEnv } from "./env.server";

/**
 * In-process cache of content-lake query results with stale-while-revalidate: a warm page view
 * never waits for the lake. Past its TTL an entry is still served once more while a single
 * background refresh runs; past its `validUntil` (an instant at which the result itself changes,
 * e.g. a promo ending and leaving the "en promo" listing) it is never served and the request waits
 * for fresh data. Prices shown to shoppers are re-evaluated against the clock on every request, so
 * even a stale entry never shows an expired promo.
 */
export interface CacheReadOptions<T> {
  /** The caller's clock (ms), injectable so tests can move time. */
  now: number;
  /** The instant (ms) from which this value is wrong, if the value knows it. */
  validUntil?: (value: T) => number | undefined;
}

export interface ContentCache {
  get<T>(key: string, load: () => Promise<T>, options: CacheReadOptions<T>): Promise<T>;
  /** Drops every entry: each cached query embeds listings (categories, pages), so any edit may touch any entry. */
  invalidate(): void;
  /** How many times a loader ran, i.e. requests sent to the content lake. */
  readonly loads: number;
}

interface Entry {
  value: unknown;
  fetchedAt: number;
  validUntil: number;
}

export function createContentCache({ ttlMs, max = 1_000 }: { ttlMs: number; max?: number }): ContentCache {
  const entries = new LRUCache<string, Entry>({ max });
  const inflight = new Map<string, Promise<unknown>>();
  // Bumped by invalidate(): a load that started before an invalidation must not store its result.
  let generation = 0;
  let loads = 0;

  function refresh<T>(key: string, load: () => Promise<T>, { now, validUntil }: CacheReadOptions<T>): Promise<T> {
    const running = inflight.get(key);
    if (running) return running as Promise<T>;
    const startedIn = generation;
    loads += 1;
    const promise = load()
      .then((value) => {
        if (startedIn === generation) {
          entries.set(key, { value, fetchedAt: now, validUntil: validUntil?.(value) ?? Number.POSITIVE_INFINITY });
        }
        return value;
      })
      .finally(() => inflight.delete(key));
    inflight.set(key, promise);
    return promise;
  }

  return {
    async get<T>(key: string, load: () => Promise<T>, options: CacheReadOptions<T>): Promise<T> {
      const entry = entries.get(key);
      if (entry && options.now < entry.validUntil) {
        if (options.now - entry.fetchedAt >= ttlMs) {
          refresh(key, load, options).catch((error: unknown) => {
            console.error(`content refresh failed, serving stale data: ${(error as Error).message}`);
          });
        }
        return entry.value as T;
      }
      try {
        return await refresh(key, load, options);
      } catch (error) {
        // A lake outage should not take the shop down: data past its boundary is still better than
        // an error page, and prices are re-checked against the clock at render anyway.
        if (entry) {
          console.error(`content load failed, serving stale data: ${(error as Error).message}`);
          return entry.value as T;
        }
        throw error;
      }
    },
    invalidate() {
      generation += 1;
      entries.clear();
      inflight.clear();
    },
    get loads() {
      return loads;
    },
  };
}

let sharedCache: ContentCache | undefined;

export function getContentCache(): ContentCache {
  sharedCache ??= createContentCache({ ttlMs: getEnv().CONTENT_CACHE_TTL * 1000 });
  return sharedCache;
}

/** Written by the shop itself (checkouts, payments, deliveries, job leases), and never shown on a cached page. */
export const NOT_CONTENT_TYPES: ReadonlySet<string> = new Set(["order", "discountCode", "accessCodePool", "shopLease"]);

const invalidationListeners = new Set<() => void>();

/** Caches built on this content (the full-page cache) drop their entries with it. */
export function onContentInvalidated(listener: () => void): () => void {
  invalidationListeners.add(listener);
  return () => invalidationListeners.delete(listener);
}

/** For the content webhook and the lake listener: the next view of every page reads fresh content. */
export function invalidateContent(): void {
  getContentCache().invalidate();
  for (const listener of invalidationListeners) listener();
}

/** Lake requests made for content since start, for the benchmark and tests. */
export function getLakeRequestCount(): number {
  return getContentCache().loads;
}
