import http from "node:http";
import { randomUUID } from "node:crypto";
import {
  LYGOS_COUNTRIES,
  OUTCOMES,
  TEST_NUMBERS,
  findWallet,
  readCheckoutForm,
  renderCheckoutPage,
  renderMessagePage,
  renderOutcomePage,
  validateCheckoutForm,
  type Outcome,
} from "../shared/checkout";
import { FaultController, sendProviderJson } from "../shared/faults";
import { isRecord, listen, parseJson, readBody, redirect, sendHtml, sendJson, type Req, type Res } from "../shared/http";
import { RequestLog, commonControlRoutes, createHandler, paymentControlRoutes, type SandboxRoute } from "../shared/server";
import { JsonFileStore } from "../shared/store";

/**
 * Lygos Pay stand-in speaking the contract in docs/providers/lygos.md, served under /v1
 * like https://api.lygosapp.com/v1/, plus the hosted page its `link` opens.
 */
export interface LygosOptions {
  port?: number;
  host?: string;
  apiKey: string;
  dataDir?: string;
  /** The merchant account's currency and country: Lygos derives the currency from them. */
  currency?: string;
  country?: { name: string; iso_code: string };
  /** How long "late" and "expired" test payments stay pending after the payer's return. */
  lateDelayMs?: number;
}

interface Payment {
  outcome: Outcome;
  status: string;
  next: { status: string; at: number } | null;
  phone: string;
  country: string;
  operator: string;
  at: string;
}

interface Gateway {
  id: string;
  amount: number;
  currency: string;
  shop_name: string;
  message: string;
  order_id: string;
  success_url: string;
  failure_url: string;
  creation_date: string;
  deleted_at: string | null;
  payment: Payment | null;
}

interface State {
  userId: string;
  gateways: Gateway[];
}

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const BRAND = { provider: "Lygos Pay", accent: "#0b6e4f" };

/** Raw payin statuses per outcome: lower case as most integrations see them, one upper-case variant. */
const STATUS_BY_OUTCOME: Record<Outcome, { now: string; later?: string }> = {
  success: { now: "success" },
  success_variant: { now: "SUCCESSFUL" },
  failed: { now: "failed" },
  pending: { now: "pending" },
  late: { now: "pending", later: "success" },
  expired: { now: "pending", later: "expired" },
  cancelled: { now: "cancelled" },
};

const isSuccess = (s: string) => ["success", "successful", "paid", "completed"].includes(s.toLowerCase());
const isRetryable = (s: string) => ["failed", "cancelled"].includes(s.toLowerCase());

function detail(res: Res, status: number, message: string, type: string) {
  sendProviderJson(res, status, { detail: { message, type } });
}

/** FastAPI/pydantic style validation of one body field; optional fields accept null as "not given". */
type ValidationItem = { type: string; loc: (string | number)[]; msg: string; input: unknown };
type FieldResult = { value: unknown } | { error: ValidationItem };

function validateField(name: string, kind: "int" | "str", body: Record<string, unknown>, required: boolean): FieldResult {
  const loc = ["body", name];
  if (!(name in body)) return required ? { error: { type: "missing", loc, msg: "Field required", input: body } } : { value: undefined };
  const v = body[name];
  if (v === null && !required) return { value: undefined };
  if (kind === "str") {
    return typeof v === "string" ? { value: v } : { error: { type: "string_type", loc, msg: "Input should be a valid string", input: v } };
  }
  if (typeof v === "number") {
    if (Number.isInteger(v)) return { value: v };
    return { error: { type: "int_from_float", loc, msg: "Input should be a valid integer, got a number with a fractional part", input: v } };
  }
  // pydantic's lax mode parses integer strings.
  if (typeof v === "string" && /^\s*[-+]?\d+\s*$/.test(v)) return { value: Number(v.trim()) };
  if (typeof v === "string") {
    return { error: { type: "int_parsing", loc, msg: "Input should be a valid integer, unable to parse string as an integer", input: v } };
  }
  return { error: { type: "int_type", loc, msg: "Input should be a valid integer", input: v } };
}

function validateFields<K extends string>(body: Record<string, unknown>, spec: Record<K, ["int" | "str", boolean]>) {
  const values = {} as Record<K, unknown>;
  const errors: ValidationItem[] = [];
  for (const [name, [kind, required]] of Object.entries(spec) as [K, ["int" | "str", boolean]][]) {
    const r = validateField(name, kind, body, required);
    if ("error" in r) errors.push(r.error);
    else values[name] = r.value;
  }
  return { values, errors };
}

async function readJsonBody(req: Req, res: Res): Promise<Record<string, unknown> | null> {
  const text = await readBody(req);
  if (!text.trim()) {
    sendProviderJson(res, 422, { detail: [{ type: "missing", loc: ["body"], msg: "Field required", input: null }] });
    return null;
  }
  const parsed = parseJson(text);
  if (!parsed.ok) {
    sendProviderJson(res, 422, {
      detail: [{ type: "json_invalid", loc: ["body", 0], msg: "JSON decode error", input: {}, ctx: { error: "Expecting value" } }],
    });
    return null;
  }
  if (!isRecord(parsed.value)) {
    sendProviderJson(res, 422, {
      detail: [
        {
          type: "model_attributes_type",
          loc: ["body"],
          msg: "Input should be a valid dictionary or object to extract fields from",
          input: parsed.value,
        },
      ],
    });
    return null;
  }
  return parsed.value;
}

export async function startLygos(opts: LygosOptions): Promise<{ url: string; close(): Promise<void> }> {
  if (!opts.apiKey) throw new Error("startLygos: apiKey is required");
  const currency = opts.currency ?? "XAF";
  const country = opts.country ?? { name: "Cameroon", iso_code: "CMR" };
  const lateDelayMs = opts.lateDelayMs ?? 5000;
  const store = new JsonFileStore<State>(opts.dataDir, "lygos.json");
  let state = store.load({ userId: randomUUID(), gateways: [] });
  const save = () => store.save(state);
  save();

  const faults = new FaultController();
  const log = new RequestLog();
  let baseUrl = "";

  const statusOf = (g: Gateway) => {
    const p = g.payment;
    if (!p) return "created";
    return p.next && Date.now() >= p.next.at ? p.next.status : p.status;
  };

  const view = (g: Gateway, withCountry = false) => {
    const link = `${baseUrl}/link/${g.id}`;
    return {
      id: g.id,
      amount: g.amount,
      currency: g.currency,
      shop_name: g.shop_name,
      message: g.message,
      ...(withCountry ? { user_country: country } : { user_id: state.userId }),
      creation_date: g.creation_date,
      link: faults.current.linkWithoutScheme ? link.replace(/^https?:\/\//, "") : link,
      order_id: g.order_id,
      success_url: g.success_url,
      failure_url: g.failure_url,
    };
  };

  const live = (id: string) => state.gateways.find((g) => g.id.toLowerCase() === id.toLowerCase() && !g.deleted_at);

  const pay = (g: Gateway, outcome: Outcome, payer: { phone: string; country: string; operator: string }, delayMs = lateDelayMs) => {
    const s = STATUS_BY_OUTCOME[outcome];
    g.payment = {
      outcome,
      status: s.now,
      next: s.later ? { status: s.later, at: Date.now() + delayMs } : null,
      ...payer,
      at: new Date().toISOString(),
    };
    save();
  };

  /** Authentication runs before validation, as FastAPI resolves the key dependency first. */
  const authorized = (req: Req, res: Res) => {
    const key = req.headers["api-key"];
    const value = Array.isArray(key) ? key[0] : key;
    if (!value) {
      detail(res, 401, "No API Key.", "NO_API_KEY_PROVIDED");
      return false;
    }
    if (value !== opts.apiKey) {
      detail(res, 404, "API Key not found", "API_KEY_NOT_FOUND");
      return false;
    }
    return true;
  };

  const gatewayId = (res: Res, raw: string) => {
    if (UUID.test(raw)) return raw;
    sendProviderJson(res, 422, {
      detail: [
        {
          type: "uuid_parsing",
          loc: ["path", "gateway_id"],
          msg: "Input should be a valid UUID, invalid character or length",
          input: raw,
        },
      ],
    });
    return null;
  };

  const api: SandboxRoute[] = [
    {
      method: "POST",
      pattern: /^\/v1\/gateway\/?$/,
      api: true,
      handler: async (req, res) => {
        if (!authorized(req, res)) return;
        const body = await readJsonBody(req, res);
        if (!body) return;
        const { values, errors } = validateFields(body, {
          amount: ["int", true],
          shop_name: ["str", true],
          order_id: ["str", true],
          message: ["str", false],
          success_url: ["str", false],
          failure_url: ["str", false],
        });
        if (errors.length) return sendProviderJson(res, 422, { detail: errors });
        const str = (v: unknown) => (v as string | undefined) ?? "";
        const g: Gateway = {
          id: randomUUID(),
          amount: values.amount as number,
          currency,
          shop_name: str(values.shop_name),
          message: str(values.message),
          order_id: str(values.order_id),
          success_url: str(values.success_url),
          failure_url: str(values.failure_url),
          creation_date: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
          deleted_at: null,
          payment: null,
        };
        state.gateways.push(g);
        save();
        sendProviderJson(res, 200, view(g));
      },
    },
    {
      method: "GET",
      pattern: /^\/v1\/gateway\/?$/,
      api: true,
      handler: (req, res) => {
        if (!authorized(req, res)) return;
        sendProviderJson(
          res,
          200,
          state.gateways.filter((g) => !g.deleted_at).map((g) => view(g)),
        );
      },
    },
    {
      method: "GET",
      pattern: /^\/v1\/gateway\/payin\/([^/]+)$/,
      api: true,
      handler: (req, res, [orderId]) => {
        if (!authorized(req, res)) return;
        // Payins outlive their gateway: money taken just before a DELETE must still be visible.
        const matches = state.gateways.filter((g) => g.order_id === orderId);
        if (!matches.length) return detail(res, 404, "Payin not found", "PAYIN_NOT_FOUND");
        const paid = matches.find((g) => isSuccess(statusOf(g)));
        const latest = paid ?? matches[matches.length - 1]!;
        sendProviderJson(res, 200, { order_id: orderId, status: statusOf(latest) });
      },
    },
    {
      method: "GET",
      pattern: /^\/v1\/gateway\/([^/]+)$/,
      api: true,
      handler: (req, res, [raw]) => {
        if (!authorized(req, res)) return;
        const id = gatewayId(res, raw!);
        if (!id) return;
        if (faults.current.merchantInactive) return detail(res, 400, "User not found or inactive", "GATEWAY_USER_NOT_FOUND");
        const g = live(id);
        if (!g) return detail(res, 404, "Payment Gateway Not found", "GATEWAY_NOT_FOUND");
        sendProviderJson(res, 200, view(g, true));
      },
    },
    {
      method: "PUT",
      pattern: /^\/v1\/gateway\/([^/]+)$/,
      api: true,
      handler: async (req, res, [raw]) => {
        if (!authorized(req, res)) return;
        const id = gatewayId(res, raw!);
        if (!id) return;
        const body = await readJsonBody(req, res);
        if (!body) return;
        const { values, errors } = validateFields(body, {
          amount: ["int", false],
          shop_name: ["str", false],
          message: ["str", false],
          success_url: ["str", false],
          failure_url: ["str", false],
        });
        if (errors.length) return sendProviderJson(res, 422, { detail: errors });
        const g = live(id);
        if (!g) return detail(res, 404, "Payment Gateway Not found", "GATEWAY_NOT_FOUND");
        for (const [k, v] of Object.entries(values)) if (v !== undefined) (g as unknown as Record<string, unknown>)[k] = v;
        save();
        sendProviderJson(res, 200, view(g));
      },
    },
    {
      method: "DELETE",
      pattern: /^\/v1\/gateway\/([^/]+)$/,
      api: true,
      handler: (req, res, [raw]) => {
        if (!authorized(req, res)) return;
        const id = gatewayId(res, raw!);
        if (!id) return;
        const g = live(id);
        if (!g) return detail(res, 404, "Payment Gateway Not found", "GATEWAY_NOT_FOUND");
        g.deleted_at = new Date().toISOString();
        save();
        sendProviderJson(res, 200, { message: "Payment Gateway deleted", id: g.id });
      },
    },
  ];

  const renderForm = (g: Gateway, values?: { wallet?: string; phone?: string }, error?: string) =>
    renderCheckoutPage({
      ...BRAND,
      shopName: g.shop_name,
      message: g.message,
      amount: g.amount,
      currency: g.currency,
      action: `/link/${g.id}`,
      countries: LYGOS_COUNTRIES,
      defaultWallet: "CM:mtn",
      lateDelayMs,
      values,
      error,
    });

  /** A link can be paid while nothing was attempted, or again after a refusal or a cancel. */
  const payable = (g: Gateway) => !g.payment || isRetryable(statusOf(g));

  const closedLinkPage = (res: Res, g: Gateway | undefined) => {
    if (!g) {
      return sendHtml(res, 404, renderMessagePage(BRAND, "Lien introuvable", "Ce lien de paiement n'existe pas ou a expiré."));
    }
    const back = g.success_url ? { href: g.success_url, label: "Revenir à la boutique" } : undefined;
    sendHtml(res, 409, renderMessagePage(BRAND, "Paiement déjà effectué", "Ce lien de paiement a déjà été utilisé.", back));
  };

  const pages: SandboxRoute[] = [
    {
      method: "GET",
      pattern: /^\/link\/([^/]+)$/,
      handler: (_req, res, [id]) => {
        const g = live(id!);
        if (!g || !payable(g)) return closedLinkPage(res, g);
        sendHtml(res, 200, renderForm(g));
      },
    },
    {
      method: "POST",
      pattern: /^\/link\/([^/]+)$/,
      handler: async (req, res, [id]) => {
        const form = readCheckoutForm(await readBody(req, 16 * 1024));
        const g = live(id!);
        if (!g || !payable(g)) return closedLinkPage(res, g);
        if (form.action === "cancel") {
          pay(g, "cancelled", { phone: "", country: "", operator: "" });
          return g.failure_url ? redirect(res, g.failure_url) : sendHtml(res, 200, renderOutcomePage(BRAND, "cancelled"));
        }
        const v = validateCheckoutForm(LYGOS_COUNTRIES, form);
        if (!v.ok) return sendHtml(res, 400, renderForm(g, form, v.error));
        pay(g, v.outcome, { phone: v.phone, country: v.country.code, operator: v.operator.name });
        const target = v.outcome === "failed" ? g.failure_url : g.success_url;
        return target ? redirect(res, target) : sendHtml(res, 200, renderOutcomePage(BRAND, v.outcome));
      },
    },
  ];

  const findForControl = (id: string) =>
    state.gateways.find((g) => g.id.toLowerCase() === id.toLowerCase()) ??
    [...state.gateways].reverse().find((g) => g.order_id === id);

  const internal = (g: Gateway) => ({ ...view(g), status: statusOf(g), deleted_at: g.deleted_at, payment: g.payment });

  const control: SandboxRoute[] = [
    ...commonControlRoutes({
      faults,
      log,
      reset: (wipe) => {
        if (wipe) {
          state = { userId: state.userId, gateways: [] };
          save();
        }
      },
      info: () => ({
        provider: "lygos",
        apiBaseUrl: `${baseUrl}/v1`,
        currency,
        country,
        lateDelayMs,
        testNumbers: TEST_NUMBERS,
        outcomes: OUTCOMES,
      }),
    }),
    ...paymentControlRoutes({
      list: () => state.gateways,
      find: findForControl,
      view: internal,
      unknown: "unknown gateway or order_id",
      complete: (g, request) => {
        const wallet = findWallet(LYGOS_COUNTRIES, request.wallet ?? "CM:mtn");
        pay(g, request.outcome, { phone: request.phone, country: wallet?.country.code ?? "CM", operator: wallet?.operator.name ?? "MTN" }, request.delayMs);
      },
    }),
  ];

  const server = http.createServer(
    createHandler({
      routes: [...api, ...pages, ...control],
      faults,
      log,
      error5xx: (status) =>
        status === 500
          ? { body: "Internal Server Error", type: "text/plain; charset=utf-8" }
          : {
              body: `<html>\r\n<head><title>${status} Bad Gateway</title></head>\r\n<body>\r\n<center><h1>${status} Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`,
              type: "text/html",
            },
      notFound: (res, pathKnown) =>
        pathKnown ? sendJson(res, 405, { detail: "Method Not Allowed" }) : sendJson(res, 404, { detail: "Not Found" }),
    }),
  );
  const listening = await listen(server, opts.port ?? 0, opts.host ?? "127.0.0.1", () => undefined);
  baseUrl = listening.url;
  return listening;
}
