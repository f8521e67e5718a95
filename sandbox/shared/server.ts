import http from "node:http";
import { OUTCOMES, TEST_NUMBERS, findWallet, parseCompleteBody, type Payer, type Wallets } from "./checkout";
import { FaultController, parseFaultObject } from "./faults";
import {
  isRecord,
  listen,
  matchRoute,
  parseJson,
  readBody,
  sendJson,
  type Listening,
  type Req,
  type Res,
  type Route,
} from "./http";

export interface SandboxRoute extends Route {
  /** Provider API routes are the only ones fault injection touches. */
  api?: boolean;
}

interface LoggedRequest {
  at: string;
  method: string;
  path: string;
  status: number | null;
  faulted: boolean;
}

/** The last API requests, so tests can count what a client really sent (retries, no retry). */
export class RequestLog {
  private entries: LoggedRequest[] = [];
  add(e: LoggedRequest) {
    this.entries.push(e);
    if (this.entries.length > 500) this.entries.shift();
  }
  list() {
    return [...this.entries];
  }
  clear() {
    this.entries = [];
  }
}

export function createHandler(opts: {
  routes: SandboxRoute[];
  faults: FaultController;
  log: RequestLog;
  error5xx: (status: number) => { body: string; type: string };
  notFound: (res: Res, pathKnown: boolean, url: URL) => void;
}): http.RequestListener {
  return (req, res) => {
    const url = new URL(req.url ?? "/", "http://sandbox.invalid");
    const { route, params, pathKnown } = matchRoute(opts.routes, req.method ?? "GET", url.pathname);
    void (async () => {
      if (!route) return opts.notFound(res, pathKnown, url);
      if (route.api) {
        const f = opts.faults.effective(req, url.pathname);
        const faulted = f.latencyMs > 0 || f.status5xx !== null || f.timeout || f.malformedJson;
        res.on("finish", () =>
          opts.log.add({
            at: new Date().toISOString(),
            method: req.method ?? "",
            path: url.pathname,
            status: res.statusCode,
            faulted,
          }),
        );
        if (f.timeout) {
          opts.log.add({
            at: new Date().toISOString(),
            method: req.method ?? "",
            path: url.pathname,
            status: null,
            faulted,
          });
        }
        if (await opts.faults.applyBeforeHandler(res, f, opts.error5xx)) return;
      }
      await route.handler(req, res, params, url);
    })().catch((err: unknown) => {
      console.error("[sandbox]", err);
      if (!res.headersSent) sendJson(res, 500, { detail: "Internal Server Error" });
      else res.destroy();
    });
  };
}

/** Serves a provider sandbox's routes on host:port (0 picks a free port), with its faults and request log. */
export function serveSandbox(
  opts: Parameters<typeof createHandler>[0] & { port?: number; host?: string; onClose?: () => void },
): Promise<Listening> {
  const { port, host, onClose, ...handler } = opts;
  return listen(
    http.createServer(createHandler(handler)),
    port ?? 0,
    host ?? "127.0.0.1",
    onClose ?? (() => undefined),
  );
}

/** Body of a control request: JSON object or nothing. */
export async function readControlBody(req: Req): Promise<Record<string, unknown> | null> {
  const text = await readBody(req);
  if (!text.trim()) return {};
  const parsed = parseJson(text);
  return parsed.ok && isRecord(parsed.value) ? parsed.value : null;
}

/** What a provider's control routes get from its server. */
export interface ControlContext {
  faults: FaultController;
  log: RequestLog;
  /** The provider's name and the options in effect, shown by GET /__sandbox. */
  settings: () => Record<string, unknown>;
}

/** Control endpoints both sandboxes share: faults, reset, request log. */
export function commonControlRoutes(opts: {
  faults: FaultController;
  log: RequestLog;
  info: () => unknown;
  reset: (wipeData: boolean) => void;
}): SandboxRoute[] {
  return [
    { method: "GET", pattern: /^\/__sandbox\/?$/, handler: (_q, res) => sendJson(res, 200, opts.info()) },
    { method: "GET", pattern: /^\/__sandbox\/faults$/, handler: (_q, res) => sendJson(res, 200, opts.faults.current) },
    {
      method: "POST",
      pattern: /^\/__sandbox\/faults$/,
      handler: async (req, res) => {
        const body = await readControlBody(req);
        const parsed = parseFaultObject(body);
        if (!parsed.ok) return sendJson(res, 400, { errors: parsed.errors });
        opts.faults.set(parsed.value);
        sendJson(res, 200, opts.faults.current);
      },
    },
    {
      method: "POST",
      pattern: /^\/__sandbox\/reset$/,
      handler: async (req, res) => {
        const body = await readControlBody(req);
        if (!body) return sendJson(res, 400, { errors: ["body must be a JSON object"] });
        opts.faults.reset();
        opts.log.clear();
        opts.reset(body.data === true);
        sendJson(res, 200, { ok: true });
      },
    },
    { method: "GET", pattern: /^\/__sandbox\/requests$/, handler: (_q, res) => sendJson(res, 200, opts.log.list()) },
  ];
}

export type CompleteRequest = Exclude<ReturnType<typeof parseCompleteBody>, { error: string }>;

/** The payer of a control "complete": the requested wallet, or the page's default one when none or unknown. */
export function requestedPayer(wallets: Wallets, request: CompleteRequest): Payer {
  const wallet =
    findWallet(wallets.countries, request.wallet ?? wallets.defaultWallet) ??
    findWallet(wallets.countries, wallets.defaultWallet)!;
  return { phone: request.phone, country: wallet.country.code, operator: wallet.operator.name };
}

interface PaymentControl<P> {
  list: () => P[];
  find: (id: string) => P | undefined;
  view: (payment: P) => unknown;
  complete: (payment: P, request: CompleteRequest) => void;
  /** The 404 message, naming what the id may be. */
  unknown: string;
}

/** A provider sandbox's control endpoints: the common ones (GET /__sandbox adds the test numbers) and its payments'. */
export function providerControlRoutes<P>(
  ctx: ControlContext,
  payments: PaymentControl<P> & { reset: (wipeData: boolean) => void },
): SandboxRoute[] {
  return [
    ...commonControlRoutes({
      faults: ctx.faults,
      log: ctx.log,
      reset: payments.reset,
      info: () => ({ ...ctx.settings(), testNumbers: TEST_NUMBERS, outcomes: OUTCOMES }),
    }),
    ...paymentControlRoutes(payments),
  ];
}

/** Control endpoints over a sandbox's payments: list, read one, settle one without the browser. */
export function paymentControlRoutes<P>(opts: PaymentControl<P>): SandboxRoute[] {
  return [
    {
      method: "GET",
      pattern: /^\/__sandbox\/payments$/,
      handler: (_q, res) => sendJson(res, 200, opts.list().map(opts.view)),
    },
    {
      method: "GET",
      pattern: /^\/__sandbox\/payments\/([^/]+)$/,
      handler: (_q, res, [id]) => {
        const payment = opts.find(id!);
        return payment ? sendJson(res, 200, opts.view(payment)) : sendJson(res, 404, { error: opts.unknown });
      },
    },
    {
      method: "POST",
      pattern: /^\/__sandbox\/payments\/([^/]+)\/complete$/,
      handler: async (req, res, [id]) => {
        const payment = opts.find(id!);
        if (!payment) return sendJson(res, 404, { error: opts.unknown });
        const parsed = parseCompleteBody(await readControlBody(req));
        if ("error" in parsed) return sendJson(res, 400, { error: parsed.error });
        opts.complete(payment, parsed);
        sendJson(res, 200, opts.view(payment));
      },
    },
  ];
}
