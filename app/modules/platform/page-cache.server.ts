import { createHash } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import { LRUCache } from "lru-cache";
import { readThemeCookie } from "~/modules/platform/theme.server";
import { cartCount, readCart } from "../cart/cart.server";
import { onContentInvalidated } from "./content-cache.server";
import { getSessionFromCookie } from "./session.server";

/**
 * Full-page cache (docs/decisions/016-full-page-cache.md). An anonymous page the app marked
 * `public` (home, catalogue, categories, product and CMS pages) is rendered once per content
 * version and variant, then served from memory as the same bytes, so compression.ts compresses
 * it once too. Variant: host, URL, theme cookie, cart count. Any other cookie (draft preview,
 * "se souvenir de moi", anything this code does not know), or a session holding more than a cart
 * and an open checkout, bypasses the cache both ways.
 *
 * The CSP stays strict without a per-response nonce: a cached page's inline scripts are allowed by
 * their SHA-256 hashes (with 'strict-dynamic', what they load is allowed too), computed once when
 * the page is stored. Entries live as long as the page's own Cache-Control says (it is shortened
 * to the next promo end), and all go when the content cache is invalidated (publish, listen, webhook).
 */
const ANONYMOUS_COOKIES = new Set(["theme", "__ashtech_session"]);
/** What an anonymous session may hold (the cart, the open checkout's key): anything else is someone's state. */
const ANONYMOUS_SESSION_KEYS = new Set(["cart", "checkout"]);
const MAX_BYTES = 64 * 1024 * 1024;
/** A page for a shopper with a theme or a cart: the browser may keep it, never a shared cache. */
const PERSONAL_CACHE_CONTROL = "private, no-cache";
/** Per-request headers that must never be replayed from a stored page. */
const NOT_STORED = new Set([
  "content-length",
  "content-encoding",
  "content-security-policy",
  "set-cookie",
  "date",
  "x-page-cache",
  // The timing of the render that filled the entry: a hit is timed on its own.
  "server-timing",
]);

interface Entry {
  body: Buffer;
  headers: Record<string, string | string[]>;
  scriptHashes: string;
  freshUntil: number;
  staleUntil: number;
  refreshing: boolean;
}

interface Variant {
  key: string;
  /** No theme, empty cart: the page everyone without cookies sees, the only one a CDN may share. */
  shared: boolean;
}

export interface PageCacheStats {
  hits: number;
  misses: number;
  stores: number;
}

export function createPageCache({ now = Date.now }: { now?: () => number } = {}) {
  const entries = new LRUCache<string, Entry>({
    maxSize: MAX_BYTES,
    sizeCalculation: (entry) => entry.body.length + 512,
  });
  let generation = 0;
  const stats: PageCacheStats = { hits: 0, misses: 0, stores: 0 };
  onContentInvalidated(() => {
    generation += 1;
    entries.clear();
  });

  async function variantOf(req: Request): Promise<Variant | null> {
    if (req.method !== "GET" && req.method !== "HEAD") return null;
    const header = req.headers.cookie ?? "";
    const names = header ? header.split(";").map((pair) => pair.split("=")[0]!.trim()) : [];
    if (names.some((name) => name && !ANONYMOUS_COOKIES.has(name))) return null;
    const [theme, session] = await Promise.all([readThemeCookie(header), getSessionFromCookie(header)]);
    if (Object.keys(session.data).some((key) => !ANONYMOUS_SESSION_KEYS.has(key))) return null;
    const count = cartCount(readCart(session));
    return {
      key: `${theme ?? "-"}|${count}|${req.headers.host ?? ""}|${req.originalUrl}`,
      shared: theme === null && count === 0,
    };
  }

  function serve(req: Request, res: Response, entry: Entry, variant: Variant, status: "hit" | "stale") {
    stats.hits += 1;
    for (const [name, value] of Object.entries(entry.headers)) res.setHeader(name, value);
    const csp = res.getHeader("Content-Security-Policy");
    if (typeof csp === "string")
      res.setHeader("Content-Security-Policy", csp.replace(/'nonce-[^']*'/, entry.scriptHashes));
    res.setHeader("X-Page-Cache", status);
    const startedAt = (res.locals.requestContext as { startedAt?: number } | undefined)?.startedAt;
    res.setHeader(
      "Server-Timing",
      `cache;desc="${status}"${startedAt === undefined ? "" : `;dur=${(performance.now() - startedAt).toFixed(1)}`}`,
    );
    res.status(200).end(req.method === "HEAD" ? undefined : entry.body);
  }

  function capture(req: Request, res: Response, variant: Variant, startedIn: number, onDone: () => void) {
    // Headers already set belong to this request (security headers, request id): never replayed.
    const perRequest = new Set(Object.keys(res.getHeaders()));
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    const chunks: Buffer[] = [];
    let html: boolean | undefined;
    const isHtml = () => (html ??= /^text\/html/.test(String(res.getHeader("Content-Type") ?? "")));

    res.write = function captureWrite(chunk: unknown, ...rest: unknown[]) {
      if (!isHtml()) return write(chunk, ...rest);
      if (chunk != null && typeof chunk !== "function") chunks.push(toBuffer(chunk, rest[0]));
      (rest.find((arg) => typeof arg === "function") as (() => void) | undefined)?.();
      return true;
    } as Response["write"];

    res.end = function captureEnd(chunk?: unknown, ...rest: unknown[]) {
      onDone();
      if (!isHtml()) return end(chunk, ...rest);
      if (chunk != null && typeof chunk !== "function") chunks.push(toBuffer(chunk, rest[0]));
      const body = Buffer.concat(chunks);
      const lifetime = storableLifetime(res);
      if (lifetime && req.method === "GET" && startedIn === generation) {
        const at = now();
        entries.set(variant.key, {
          body,
          headers: storedHeaders(res, perRequest),
          scriptHashes: scriptHashes(body),
          freshUntil: at + lifetime.freshMs,
          staleUntil: at + lifetime.freshMs + lifetime.staleMs,
          refreshing: false,
        });
        stats.stores += 1;
      }
      return end(body);
    } as Response["end"];
  }

  function middleware(req: Request, res: Response, next: NextFunction) {
    variantOf(req).then(
      (variant) => {
        // A page answered to a request with cookies may show what they hold: only the default variant is shared.
        if (req.headers.cookie && !variant?.shared) keepPrivate(res);
        if (!variant) return next();
        const entry = entries.get(variant.key);
        const at = now();
        if (entry && at < entry.freshUntil) return serve(req, res, entry, variant, "hit");
        // Past its freshness, one request renders the page again while the others get the stale copy.
        if (entry && at < entry.staleUntil && entry.refreshing) return serve(req, res, entry, variant, "stale");
        stats.misses += 1;
        if (entry) entry.refreshing = true;
        res.setHeader("X-Page-Cache", "miss");
        capture(req, res, variant, generation, () => {
          if (entry) entry.refreshing = false;
        });
        next();
      },
      (error: unknown) => next(error),
    );
  }

  return { middleware, stats };
}

/** Rewrites a `public` policy, whoever set it, as the headers leave. */
function keepPrivate(res: Response): void {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => Response;
  res.writeHead = function privateWriteHead(...args: unknown[]) {
    if (/\bpublic\b/.test(String(res.getHeader("Cache-Control") ?? "")))
      res.setHeader("Cache-Control", PERSONAL_CACHE_CONTROL);
    return writeHead(...args);
  } as Response["writeHead"];
}

/** Only a whole, successful, public HTML page that sets no cookie is stored, for as long as it says. */
function storableLifetime(res: Response): { freshMs: number; staleMs: number } | null {
  if (res.statusCode !== 200 || res.getHeader("Set-Cookie")) return null;
  const cacheControl = String(res.getHeader("Cache-Control") ?? "");
  if (!/\bpublic\b/.test(cacheControl) || /\b(no-store|no-cache|private)\b/.test(cacheControl)) return null;
  const seconds = (name: string) => Number(new RegExp(`\\b${name}=(\\d+)`).exec(cacheControl)?.[1] ?? 0);
  const freshMs = (seconds("s-maxage") || seconds("max-age")) * 1000;
  if (freshMs <= 0) return null;
  const staleMs = /\bmust-revalidate\b/.test(cacheControl) ? 0 : seconds("stale-while-revalidate") * 1000;
  return { freshMs, staleMs };
}

function storedHeaders(res: Response, perRequest: Set<string>): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(res.getHeaders())) {
    if (value !== undefined && !NOT_STORED.has(name) && !perRequest.has(name))
      headers[name] = typeof value === "number" ? String(value) : value;
  }
  return headers;
}

/** The CSP sources allowing exactly the inline scripts of this page (JSON data blocks included, harmlessly). */
function scriptHashes(body: Buffer): string {
  const sources = new Set<string>();
  for (const [, attributes, content] of body.toString("utf8").matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(attributes!)) continue;
    sources.add(`'sha256-${createHash("sha256").update(content!, "utf8").digest("base64")}'`);
  }
  return [...sources].join(" ");
}

function toBuffer(chunk: unknown, encoding?: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return Buffer.from(String(chunk), typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
}
