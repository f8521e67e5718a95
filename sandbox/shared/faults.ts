import { isRecord, sendText, sleep, type Req, type Res } from "./http";

/**
 * Faults a test can switch on for a whole sandbox (POST /__sandbox/faults) or for one
 * request (header `x-sandbox-fault`). Request-level faults (latency, 5xx, timeout,
 * malformed JSON) touch provider API responses only; callback faults touch Lengo's
 * callbacks; the Lygos-only flags change what the Lygos API answers.
 */
export interface Faults {
  latencyMs: number;
  /** An HTTP status 500-599 to answer instead of handling the request. */
  status5xx: number | null;
  /** Accept the request and never answer. */
  timeout: boolean;
  /** Handle the request, then send a truncated JSON body. */
  malformedJson: boolean;
  /** How many copies of each callback to send at once (1 = normal). */
  duplicateCallbacks: number;
  /** After the final callback, also send a stale one with an earlier status. */
  outOfOrderCallbacks: boolean;
  /** Added to the amount in callbacks (the status endpoint keeps the true amount). */
  callbackAmountDelta: number;
  /** Lygos: `link` without its scheme, as one public integration saw. */
  linkWithoutScheme: boolean;
  /** Lygos: the merchant account is inactive (GET /gateway/{id} answers 400 GATEWAY_USER_NOT_FOUND). */
  merchantInactive: boolean;
  /** Request-level faults apply only to API paths containing this string. */
  path: string | null;
  /** Request-level faults apply to this many more API requests, then switch off. */
  times: number | null;
}

export const NO_FAULTS: Faults = Object.freeze({
  latencyMs: 0,
  status5xx: null,
  timeout: false,
  malformedJson: false,
  duplicateCallbacks: 1,
  outOfOrderCallbacks: false,
  callbackAmountDelta: 0,
  linkWithoutScheme: false,
  merchantInactive: false,
  path: null,
  times: null,
});

type Key = keyof Faults;

const ALIASES: Record<string, Key> = {
  latency: "latencyMs",
  latencyms: "latencyMs",
  "5xx": "status5xx",
  status5xx: "status5xx",
  timeout: "timeout",
  malformedjson: "malformedJson",
  duplicatecallbacks: "duplicateCallbacks",
  outofordercallbacks: "outOfOrderCallbacks",
  callbackamountdelta: "callbackAmountDelta",
  linkwithoutscheme: "linkWithoutScheme",
  merchantinactive: "merchantInactive",
  path: "path",
  times: "times",
};

/** Coerces one fault value; returns an error message (French is not needed: tests read it). */
function coerce(key: Key, value: unknown): { ok: true; value: unknown } | { ok: false; error: string } {
  const int = (v: unknown) => (typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN);
  const bool = (v: unknown) => v === true || v === "true" || v === "1" || v === "" || v === undefined;
  switch (key) {
    case "latencyMs":
    case "callbackAmountDelta": {
      const n = int(value ?? 0);
      if (!Number.isInteger(n) || (key === "latencyMs" && n < 0))
        return { ok: false, error: `${key} must be an integer` };
      return { ok: true, value: n };
    }
    case "duplicateCallbacks": {
      if (value === true || value === undefined || value === "") return { ok: true, value: 2 };
      if (value === false || value === null) return { ok: true, value: 1 };
      const n = int(value);
      if (!Number.isInteger(n) || n < 1 || n > 50) return { ok: false, error: "duplicateCallbacks must be 1..50" };
      return { ok: true, value: n };
    }
    case "status5xx": {
      if (value === false || value === null || value === 0) return { ok: true, value: null };
      if (value === true || value === undefined || value === "") return { ok: true, value: 500 };
      const n = int(value);
      if (!Number.isInteger(n) || n < 500 || n > 599) return { ok: false, error: "status5xx must be 500..599" };
      return { ok: true, value: n };
    }
    case "times": {
      if (value === null) return { ok: true, value: null };
      const n = int(value);
      if (!Number.isInteger(n) || n < 1) return { ok: false, error: "times must be a positive integer" };
      return { ok: true, value: n };
    }
    case "path":
      if (value === null || typeof value === "string") return { ok: true, value: value || null };
      return { ok: false, error: "path must be a string" };
    default:
      if (typeof value === "boolean") return { ok: true, value };
      if (typeof value === "string" || value === undefined) return { ok: true, value: bool(value) };
      return { ok: false, error: `${key} must be a boolean` };
  }
}

export function parseFaultObject(
  body: unknown,
): { ok: true; value: Partial<Faults> } | { ok: false; errors: string[] } {
  if (!isRecord(body)) return { ok: false, errors: ["body must be a JSON object"] };
  const out: Partial<Faults> = {};
  const errors: string[] = [];
  for (const [rawKey, value] of Object.entries(body)) {
    const key = ALIASES[rawKey.toLowerCase().replace(/[-_]/g, "")];
    if (!key) {
      errors.push(`unknown fault "${rawKey}"`);
      continue;
    }
    const r = coerce(key, value);
    if (r.ok) (out as Record<string, unknown>)[key] = r.value;
    else errors.push(r.error);
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: out };
}

/** `x-sandbox-fault: latency=200, 5xx=503, malformed-json` */
export function parseFaultHeader(header: string | string[] | undefined): Partial<Faults> {
  const text = Array.isArray(header) ? header.join(",") : header;
  if (!text) return {};
  const obj: Record<string, unknown> = {};
  for (const part of text.split(",")) {
    const [k, v] = part.split("=", 2).map((s) => s.trim());
    if (k) obj[k] = v;
  }
  const parsed = parseFaultObject(obj);
  return parsed.ok ? parsed.value : {};
}

export const CALLBACK_FAULT_KEYS = ["duplicateCallbacks", "outOfOrderCallbacks", "callbackAmountDelta"] as const;
export type CallbackFaults = Pick<Faults, (typeof CALLBACK_FAULT_KEYS)[number]>;

export function pickCallbackFaults(f: Partial<Faults>): Partial<CallbackFaults> {
  const out: Partial<CallbackFaults> = {};
  for (const k of CALLBACK_FAULT_KEYS) if (f[k] !== undefined) (out as Record<string, unknown>)[k] = f[k];
  return out;
}

const malformed = new WeakSet<Res>();

/** Sends JSON, or a truncated body when the malformed-JSON fault hit this response. */
export function sendProviderJson(res: Res, status: number, body: unknown) {
  let text = JSON.stringify(body);
  if (malformed.has(res)) text = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

export class FaultController {
  private state: Faults = { ...NO_FAULTS };

  get current(): Faults {
    return { ...this.state };
  }

  set(partial: Partial<Faults>) {
    this.state = { ...this.state, ...partial };
  }

  reset() {
    this.state = { ...NO_FAULTS };
  }

  /** Sandbox-wide faults merged with the request's own header (the header wins). */
  effective(req: Req, pathname: string): Faults {
    const header = parseFaultHeader(req.headers["x-sandbox-fault"]);
    const s = this.state;
    const pathOk = s.path === null || pathname.includes(s.path);
    const requestLevelOn = s.latencyMs > 0 || s.status5xx !== null || s.timeout || s.malformedJson;
    let global: Faults = s;
    if (!pathOk) global = { ...s, latencyMs: 0, status5xx: null, timeout: false, malformedJson: false };
    else if (requestLevelOn && s.times !== null) {
      const left = s.times - 1;
      this.state =
        left > 0
          ? { ...s, times: left }
          : { ...s, times: null, latencyMs: 0, status5xx: null, timeout: false, malformedJson: false };
    }
    return { ...global, ...header };
  }

  /**
   * Applies latency, 5xx and timeout. Returns true when the request was answered (or
   * deliberately left hanging) and the handler must not run.
   */
  async applyBeforeHandler(res: Res, f: Faults, error5xx: (status: number) => { body: string; type: string }) {
    if (f.latencyMs > 0) await sleep(f.latencyMs);
    if (f.timeout) return true;
    if (f.status5xx !== null) {
      const { body, type } = error5xx(f.status5xx);
      sendText(res, f.status5xx, body, type);
      return true;
    }
    if (f.malformedJson) malformed.add(res);
    return false;
  }
}
