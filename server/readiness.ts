import { createClient, type SanityClient } from "@sanity/client";
import type { Request, Response } from "express";
import nodemailer from "nodemailer";
import { isShuttingDown } from "./shutdown";

const PROBE_TIMEOUT_MS = 2_000;
/** Probes arriving within this window share one check: /readyz must not turn into an SMTP flood. */
const RESULT_TTL_MS = 1_000;

type Check = () => Promise<void>;

/** The content lake answers an authenticated read (a 404 for the probe id is an answer). */
export function lakeCheck(client: SanityClient): Check {
  // One try: the client's retries with back-off would turn "refused" into a timeout
  // (withConfig keeps the retries: a client of its own is needed).
  const probe = createClient({ ...client.config(), maxRetries: 0 });
  return async () => {
    await probe.getDocument("readiness-probe", { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
  };
}

/** The SMTP server greets us and accepts our login. */
export function smtpCheck(smtpUrl: string): Check {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: PROBE_TIMEOUT_MS,
    greetingTimeout: PROBE_TIMEOUT_MS,
    socketTimeout: PROBE_TIMEOUT_MS,
  });
  return async () => {
    await transport.verify();
  };
}

/** Why a check failed, without its message: messages can carry hosts, addresses or credentials. */
function failure(error: unknown): string {
  const {
    code: ownCode,
    statusCode,
    name,
    cause,
  } = (error ?? {}) as { code?: unknown; statusCode?: unknown; name?: unknown; cause?: { code?: unknown } };
  // fetch reports the socket's error as its cause.
  const code = cause?.code ?? ownCode;
  if (typeof statusCode === "number") return `unreachable (HTTP ${statusCode})`;
  if (typeof code === "string" && /^[A-Z_]+$/.test(code)) return `unreachable (${code})`;
  if (name === "TimeoutError" || name === "AbortError") return "unreachable (timeout)";
  return "unreachable";
}

/**
 * GET /readyz: 200 when every dependency a purchase needs answers (content lake, SMTP), 503 naming
 * the ones that do not, and 503 once shutdown has begun so that the load balancer stops sending.
 * /healthz (a Remix route) only says the process serves.
 */
export function readiness(checks: Record<string, Check | undefined>) {
  let last: { at: number; result: Promise<{ ready: boolean; checks: Record<string, string> }> } | undefined;

  const runChecks = async () => {
    const entries = await Promise.all(
      Object.entries(checks).map(async ([name, check]): Promise<[string, string]> => {
        if (!check) return [name, "not configured"];
        try {
          await check();
          return [name, "ok"];
        } catch (error) {
          return [name, failure(error)];
        }
      }),
    );
    return {
      ready: entries.every(([, state]) => state === "ok" || state === "not configured"),
      checks: Object.fromEntries(entries),
    };
  };

  return async function readyz(_req: Request, res: Response) {
    res.setHeader("Cache-Control", "no-store");
    if (isShuttingDown()) {
      res.status(503).json({ status: "shutting down" });
      return;
    }
    if (!last || performance.now() - last.at > RESULT_TTL_MS) last = { at: performance.now(), result: runChecks() };
    const { ready, checks: states } = await last.result;
    res.status(ready ? 200 : 503).json({ status: ready ? "ready" : "not ready", checks: states });
  };
}
