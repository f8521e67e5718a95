import type { z } from "zod";
import { ProviderResponseInvalid, ProviderUnavailable, type ProviderName } from "./errors";

/** Transport shared by the provider clients: timeouts, retries of reads, JSON, redaction. */
export interface TransportConfig extends ProviderName {
  baseUrl: string;
  timeoutMs: number;
  /** Attempts for idempotent reads (1 = no retry). */
  readAttempts: number;
  /** First pause between read attempts; tripled after each. */
  retryDelayMs: number;
  fetch: typeof fetch;
  /** Values that must never appear in an error message. */
  secrets: string[];
}

export interface CallOptions {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** Appended to the base URL; dynamic segments already encoded. */
  path: string;
  /** The same path with placeholders instead of ids, for messages: "GET /gateway/payin/{order_id}". */
  label: string;
  headers: Record<string, string>;
  body?: unknown;
  /** Safe to repeat: retried on 5xx and network errors. */
  read: boolean;
}

export interface HttpResult {
  status: number;
  /** Parsed JSON, or undefined for a non-JSON error body (an HTML 404, a proxy's 502 page). */
  json: unknown;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

/** What both provider clients accept about how to talk to their API. */
export interface TransportOptions {
  /** The provider's API root: its production URL (see docs/providers/), or the sandbox's. */
  baseUrl: string;
  timeoutMs?: number;
  readAttempts?: number;
  retryDelayMs?: number;
  fetch?: typeof fetch;
}

export function transportConfig(name: ProviderName, options: TransportOptions, secret: string): TransportConfig {
  return {
    ...name,
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    readAttempts: options.readAttempts ?? 3,
    retryDelayMs: options.retryDelayMs ?? 250,
    fetch: options.fetch ?? globalThis.fetch,
    secrets: [secret],
  };
}

export function joinUrl(baseUrl: string, path: string) {
  return `${baseUrl.replace(/\/+$/, "")}${path}`;
}

export function redact(text: string, secrets: string[]) {
  let out = text;
  for (const s of secrets) if (s) out = out.split(s).join("[redacted]");
  return out;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function once(cfg: TransportConfig, opts: CallOptions): Promise<HttpResult> {
  const name = `${cfg.providerLabel} ${opts.label}`;
  let response: Response;
  let text: string;
  try {
    response = await cfg.fetch(joinUrl(cfg.baseUrl, opts.path), {
      method: opts.method,
      headers: opts.headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: AbortSignal.timeout(cfg.timeoutMs),
    });
    // The body is read under the same deadline: a provider that stalls mid-body is as down as one that never answers.
    text = await response.text();
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    throw new ProviderUnavailable({
      provider: cfg.provider,
      providerLabel: cfg.providerLabel,
      code: timedOut ? "TIMEOUT" : "NETWORK",
      message: timedOut
        ? `${name} did not answer within ${cfg.timeoutMs} ms`
        : `${name} failed: ${redact(error instanceof Error ? error.message : String(error), cfg.secrets)}`,
    });
  }
  if (response.status >= 500 || response.status === 429) {
    throw new ProviderUnavailable({
      provider: cfg.provider,
      providerLabel: cfg.providerLabel,
      code: `HTTP_${response.status}`,
      httpStatus: response.status,
      message: `${name} answered ${response.status}`,
    });
  }
  let json: unknown;
  try {
    json = text === "" ? undefined : JSON.parse(text);
  } catch {
    if (response.ok) {
      throw new ProviderResponseInvalid({
        provider: cfg.provider,
        providerLabel: cfg.providerLabel,
        code: "MALFORMED_JSON",
        httpStatus: response.status,
        message: `${name} answered ${response.status} with a body that is not JSON (${text.length} bytes)`,
      });
    }
  }
  return { status: response.status, json };
}

/**
 * One HTTP exchange, retried for reads. A timeout is not retried: the provider already had
 * the whole budget, a second one would keep the shopper waiting, and the next status check
 * (return page, polling, reconciliation) asks again anyway.
 */
export async function call(cfg: TransportConfig, opts: CallOptions): Promise<HttpResult> {
  const attempts = opts.read ? Math.max(1, cfg.readAttempts) : 1;
  for (let attempt = 1; ; attempt++) {
    try {
      return await once(cfg, opts);
    } catch (error) {
      const retry = error instanceof ProviderUnavailable && error.code !== "TIMEOUT" && attempt < attempts;
      if (!retry) throw error;
      await sleep(cfg.retryDelayMs * 3 ** (attempt - 1));
    }
  }
}

/** Validates a 2xx body; a mismatch is the provider's contract changing under us. */
export function parseBody<T extends z.ZodType>(
  cfg: TransportConfig,
  label: string,
  schema: T,
  result: HttpResult,
): z.infer<T> {
  const parsed = schema.safeParse(result.json);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`)
    .join("; ");
  throw new ProviderResponseInvalid({
    provider: cfg.provider,
    providerLabel: cfg.providerLabel,
    code: "UNEXPECTED_RESPONSE",
    httpStatus: result.status,
    message: redact(`${cfg.providerLabel} ${label} answered an unexpected body: ${issues}`, cfg.secrets),
  });
}

/** Text from a provider, cut short and scrubbed, for a developer message. */
export function excerpt(cfg: TransportConfig, value: unknown) {
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? "");
  return redact(text.length > 300 ? `${text.slice(0, 300)}…` : text, cfg.secrets);
}

/** `link` and `payment_url` have been seen without a scheme. */
export function normalizeRedirectUrl(cfg: TransportConfig, label: string, value: string) {
  const candidate = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value.replace(/^\/+/, "")}`;
  try {
    const url = new URL(candidate);
    if (url.protocol === "https:" || url.protocol === "http:") return url.toString();
  } catch {
    // fall through to the error below
  }
  throw new ProviderResponseInvalid({
    provider: cfg.provider,
    providerLabel: cfg.providerLabel,
    code: "INVALID_REDIRECT_URL",
    message: `${cfg.providerLabel} ${label} returned a payment URL that is not an http(s) URL: ${excerpt(cfg, value)}`,
  });
}

/** Amounts reach providers only as positive whole units: a 0 total never needs a provider. */
export function assertAmount(amount: number) {
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    throw new TypeError(`payment amount must be a positive integer in whole currency units, got ${amount}`);
  }
}
