import http from "node:http";
import { randomUUID } from "node:crypto";
import {
  LYGOS_COUNTRIES,
  readCheckoutForm,
  renderCheckoutPage,
  renderOutcomePage,
  validateCheckoutForm,
  type Outcome,
} from "../../../sandbox/shared/checkout";
import { FaultController, sendProviderJson } from "../../../sandbox/shared/faults";
import { isRecord, listen, parseJson, readBody, redirect, sendHtml, sendJson } from "../../../sandbox/shared/http";
import {
  RequestLog,
  commonControlRoutes,
  createHandler,
  paymentControlRoutes,
  type SandboxRoute,
} from "../../../sandbox/shared/server";

/**
 * A third provider's sandbox, built only from the shared sandbox pieces: it proves a provider
 * plugs into the shop with its own folder and one line of registration.
 * API (key in `x-key`): POST /api/payments {reference, amount, currency, return_url} →
 * {id, url}; GET /api/payments/{id} → {id, reference, status, amount, currency}.
 */
interface Payment {
  id: string;
  reference: string;
  amount: number;
  currency: string;
  returnUrl: string;
  status: "OPEN" | "PAID" | "DECLINED" | "WAITING";
}

const BRAND = { provider: "Fake Pay", accent: "#0a7d4f" };
const STATUS: Record<Outcome, Payment["status"]> = {
  success: "PAID",
  success_variant: "PAID",
  failed: "DECLINED",
  cancelled: "DECLINED",
  pending: "WAITING",
  late: "WAITING",
  expired: "DECLINED",
};

export async function startFakePay({ key }: { key: string }) {
  const payments = new Map<string, Payment>();
  const faults = new FaultController();
  const log = new RequestLog();
  let baseUrl = "";
  const authorized = (req: http.IncomingMessage) => req.headers["x-key"] === key;

  const api: SandboxRoute[] = [
    {
      method: "POST",
      pattern: /^\/api\/payments$/,
      api: true,
      handler: async (req, res) => {
        if (!authorized(req)) return sendProviderJson(res, 401, { error: "bad key" });
        const body = parseJson(await readBody(req, 16 * 1024));
        const b = body.ok && isRecord(body.value) ? body.value : {};
        if (
          typeof b.reference !== "string" ||
          !Number.isInteger(b.amount) ||
          typeof b.currency !== "string" ||
          typeof b.return_url !== "string"
        ) {
          return sendProviderJson(res, 400, { error: "reference, amount, currency and return_url are required" });
        }
        const payment: Payment = {
          id: randomUUID(),
          reference: b.reference,
          amount: b.amount as number,
          currency: b.currency,
          returnUrl: b.return_url,
          status: "OPEN",
        };
        payments.set(payment.id, payment);
        sendProviderJson(res, 201, { id: payment.id, url: `${baseUrl}/pay/${payment.id}` });
      },
    },
    {
      method: "GET",
      pattern: /^\/api\/payments\/([^/]+)$/,
      api: true,
      handler: (req, res, [id]) => {
        if (!authorized(req)) return sendProviderJson(res, 401, { error: "bad key" });
        const p = payments.get(id!);
        if (!p) return sendProviderJson(res, 404, { error: "no such payment" });
        sendProviderJson(res, 200, {
          id: p.id,
          reference: p.reference,
          status: p.status,
          amount: p.amount,
          currency: p.currency,
        });
      },
    },
  ];

  const page = (p: Payment, error?: string) =>
    renderCheckoutPage({
      ...BRAND,
      shopName: "boutique",
      amount: p.amount,
      currency: p.currency,
      action: `/pay/${p.id}`,
      countries: LYGOS_COUNTRIES,
      defaultWallet: "CM:mtn",
      lateDelayMs: 0,
      error,
    });

  const pages: SandboxRoute[] = [
    {
      method: "GET",
      pattern: /^\/pay\/([^/]+)$/,
      handler: (_q, res, [id]) => {
        const p = payments.get(id!);
        return p ? sendHtml(res, 200, page(p)) : sendJson(res, 404, { error: "no such payment" });
      },
    },
    {
      method: "POST",
      pattern: /^\/pay\/([^/]+)$/,
      handler: async (req, res, [id]) => {
        const p = payments.get(id!);
        if (!p) return sendJson(res, 404, { error: "no such payment" });
        const form = readCheckoutForm(await readBody(req, 16 * 1024));
        if (form.action === "cancel") p.status = "DECLINED";
        else {
          const v = validateCheckoutForm(LYGOS_COUNTRIES, form);
          if (!v.ok) return sendHtml(res, 400, page(p, v.error));
          p.status = STATUS[v.outcome];
        }
        return p.returnUrl ? redirect(res, p.returnUrl) : sendHtml(res, 200, renderOutcomePage(BRAND, "success"));
      },
    },
  ];

  const control: SandboxRoute[] = [
    ...commonControlRoutes({ faults, log, info: () => ({ provider: "fakepay" }), reset: () => payments.clear() }),
    ...paymentControlRoutes({
      list: () => [...payments.values()],
      find: (id) => payments.get(id) ?? [...payments.values()].find((p) => p.reference === id),
      view: (p) => p,
      unknown: "unknown payment",
      complete: (p, request) => {
        p.status = STATUS[request.outcome];
      },
    }),
  ];

  const server = http.createServer(
    createHandler({
      routes: [...api, ...pages, ...control],
      faults,
      log,
      error5xx: () => ({ body: "down", type: "text/plain" }),
      notFound: (res) => sendJson(res, 404, { error: "not found" }),
    }),
  );
  const listening = await listen(server, 0, "127.0.0.1", () => undefined);
  baseUrl = listening.url;
  return listening;
}
