import { z } from "zod";
import { PaymentNotFound, ProviderRejected, ProviderResponseInvalid, type PaymentProviderError } from "../errors";
import {
  assertAmount,
  call,
  excerpt,
  normalizeRedirectUrl,
  parseBody,
  type CallOptions,
  type HttpResult,
  type TransportConfig,
  transportConfig,
  type TransportOptions,
} from "../http.server";
import type {
  Coverage,
  CreatePaymentInput,
  CreatedPayment,
  PaymentLookup,
  PaymentProvider,
  PaymentStatus,
} from "../provider";
import { LYGOS, LYGOS_WALLETS } from "./coverage";
import { mapLygosStatus } from "./status";

/** Lygos Pay client (docs/providers/lygos.md). The same code talks to the sandbox and to production. */
export interface LygosConfig extends TransportOptions {
  apiKey: string;
  /** Shown to the payer on the hosted page. */
  shopName: string;
  /** The merchant account's currency: Lygos takes none in the request, it follows the account's country. */
  currency?: string;
}

// Lenient on the uuid version bits: an id Lygos generates differently must not break checkout.
const id = z.guid();
const optionalText = z
  .string()
  .nullish()
  .transform((v) => v ?? "");

const gatewaySchema = z.object({
  id,
  amount: z.number().int(),
  currency: z.string().min(1),
  shop_name: z.string(),
  message: optionalText,
  user_id: id.optional(),
  user_country: z.object({ name: z.string(), iso_code: z.string() }).optional(),
  creation_date: z.iso.datetime({ offset: true, local: true }),
  link: z.string().min(1),
  order_id: optionalText,
  success_url: optionalText,
  failure_url: optionalText,
});

export type LygosGateway = z.infer<typeof gatewaySchema>;

const payinSchema = z.object({ order_id: z.string().optional(), status: z.string() });
export type LygosPayin = z.infer<typeof payinSchema>;

export interface GatewayInput {
  amount: number;
  shop_name: string;
  order_id: string;
  message?: string;
  success_url?: string;
  failure_url?: string;
}

const errorBodySchema = z.object({
  detail: z.union([
    z.object({ message: z.string().optional(), type: z.string().optional() }),
    z.array(z.object({ loc: z.array(z.union([z.string(), z.number()])).optional(), msg: z.string().optional() })),
    z.string(),
  ]),
});

export class LygosProvider implements PaymentProvider {
  readonly id = "lygos" as const;
  readonly label = LYGOS.providerLabel;
  readonly currency: string;
  readonly coverage: Coverage;
  readonly #apiKey: string;
  readonly #shopName: string;
  readonly #transport: TransportConfig;

  constructor(config: LygosConfig) {
    if (!config.apiKey) throw new Error("LygosProvider: apiKey is required");
    this.#apiKey = config.apiKey;
    this.#shopName = config.shopName;
    this.currency = (config.currency ?? "XAF").toUpperCase();
    // The currency follows the merchant account; the payer picks any wallet of the table on the hosted page.
    this.coverage = { currencies: [this.currency], wallets: LYGOS_WALLETS };
    this.#transport = transportConfig(LYGOS, config, config.apiKey);
  }

  supportsCurrency(currency: string) {
    return currency.toUpperCase() === this.currency;
  }

  // ---- the API, one method per endpoint ----------------------------------------------------

  async createGateway(input: GatewayInput): Promise<LygosGateway> {
    const r = await this.#request({
      method: "POST",
      path: "/gateway",
      label: "POST /gateway",
      body: input,
      read: false,
    });
    return parseBody(this.#transport, "POST /gateway", gatewaySchema, r);
  }

  async listGateways(): Promise<LygosGateway[]> {
    const r = await this.#request({ method: "GET", path: "/gateway", label: "GET /gateway", read: true });
    return parseBody(this.#transport, "GET /gateway", z.array(gatewaySchema), r);
  }

  async getGateway(gatewayId: string): Promise<LygosGateway> {
    const label = "GET /gateway/{gateway_id}";
    const r = await this.#request({
      method: "GET",
      path: `/gateway/${encodeURIComponent(gatewayId)}`,
      label,
      read: true,
    });
    return parseBody(this.#transport, label, gatewaySchema, r);
  }

  async updateGateway(gatewayId: string, patch: Partial<Omit<GatewayInput, "order_id">>): Promise<unknown> {
    const label = "PUT /gateway/{gateway_id}";
    const r = await this.#request({
      method: "PUT",
      path: `/gateway/${encodeURIComponent(gatewayId)}`,
      label,
      body: patch,
      read: false,
    });
    return r.json;
  }

  async deleteGateway(gatewayId: string): Promise<void> {
    const label = "DELETE /gateway/{gateway_id}";
    await this.#request({ method: "DELETE", path: `/gateway/${encodeURIComponent(gatewayId)}`, label, read: false });
  }

  async getPayin(orderId: string): Promise<LygosPayin> {
    const label = "GET /gateway/payin/{order_id}";
    const r = await this.#request({
      method: "GET",
      path: `/gateway/payin/${encodeURIComponent(orderId)}`,
      label,
      read: true,
    });
    const payin = parseBody(this.#transport, label, payinSchema, r);
    if (payin.order_id !== undefined && payin.order_id !== orderId) {
      throw new ProviderResponseInvalid({
        ...LYGOS,
        code: "REFERENCE_MISMATCH",
        message: `Lygos ${label} for ${orderId} answered for order ${excerpt(this.#transport, payin.order_id)}`,
      });
    }
    return payin;
  }

  // ---- PaymentProvider ---------------------------------------------------------------------

  async createPayment({ order, returnUrls }: CreatePaymentInput): Promise<CreatedPayment> {
    assertAmount(order.amount);
    if (!this.supportsCurrency(order.currency)) {
      throw new ProviderRejected({
        ...LYGOS,
        code: "UNSUPPORTED_CURRENCY",
        configError: true,
        message: `Lygos account currency is ${this.currency}, the order is in ${order.currency}`,
      });
    }
    const gateway = await this.createGateway({
      amount: order.amount,
      shop_name: this.#shopName,
      order_id: order.reference,
      message: order.description ?? "",
      success_url: returnUrls.success,
      failure_url: returnUrls.failure ?? returnUrls.success,
    });
    const problem =
      gateway.currency.toUpperCase() !== order.currency.toUpperCase()
        ? `currency ${gateway.currency} instead of ${order.currency}`
        : gateway.amount !== order.amount
          ? `amount ${gateway.amount} instead of ${order.amount}`
          : gateway.order_id && gateway.order_id !== order.reference
            ? `order_id ${gateway.order_id} instead of ${order.reference}`
            : undefined;
    if (problem) {
      // The link must not be payable for the wrong amount or currency.
      await this.deleteGateway(gateway.id).catch(() => undefined);
      const init = { ...LYGOS, message: `Lygos POST /gateway made a gateway with ${problem}; deleting it` };
      throw problem.startsWith("currency")
        ? new ProviderRejected({ ...init, code: "CURRENCY_MISMATCH", configError: true })
        : new ProviderResponseInvalid({ ...init, code: "RESPONSE_MISMATCH" });
    }
    return {
      provider: LYGOS.provider,
      reference: order.reference,
      gatewayId: gateway.id,
      redirectUrl: normalizeRedirectUrl(this.#transport, "POST /gateway", gateway.link),
      amount: gateway.amount,
      currency: gateway.currency.toUpperCase(),
      raw: gateway,
    };
  }

  /**
   * The payin gives only the status; once it says paid, the gateway gives the amount and
   * currency to check against the order (Lygos lets a gateway's amount be changed).
   */
  async getStatus(lookup: PaymentLookup): Promise<PaymentStatus> {
    const payin = await this.getPayin(lookup.reference);
    const state = mapLygosStatus(payin.status);
    const gateway = state === "paid" ? await this.#gatewayFor(lookup) : undefined;
    return {
      provider: LYGOS.provider,
      state,
      rawStatus: payin.status,
      reference: payin.order_id ?? lookup.reference,
      amount: gateway?.amount,
      currency: gateway?.currency.toUpperCase(),
      raw: { payin, gateway },
    };
  }

  /** Deletes the gateway so that its link can no longer be paid; an already deleted one is fine. */
  async cancel(lookup: PaymentLookup): Promise<void> {
    const gatewayId = lookup.gatewayId ?? (await this.#gatewayFor(lookup))?.id;
    if (!gatewayId) return;
    try {
      await this.deleteGateway(gatewayId);
    } catch (error) {
      if (!(error instanceof PaymentNotFound)) throw error;
    }
  }

  /** The gateway of a payment; without its id (a create whose answer was lost), found by order_id when unambiguous. */
  async #gatewayFor(lookup: PaymentLookup): Promise<LygosGateway | undefined> {
    if (lookup.gatewayId) {
      try {
        return await this.getGateway(lookup.gatewayId);
      } catch (error) {
        if (error instanceof PaymentNotFound) return undefined;
        throw error;
      }
    }
    const matches = (await this.listGateways()).filter((g) => g.order_id === lookup.reference);
    const [first] = matches;
    const same = first && matches.every((g) => g.amount === first.amount && g.currency === first.currency);
    return same ? first : undefined;
  }

  async #request(opts: Omit<CallOptions, "headers">): Promise<HttpResult> {
    const headers: Record<string, string> = { "api-key": this.#apiKey, accept: "application/json" };
    if (opts.body !== undefined) headers["content-type"] = "application/json";
    const result = await call(this.#transport, { ...opts, headers });
    if (result.status >= 200 && result.status < 300) return result;
    throw this.#error(opts.label, result);
  }

  /** Maps a 4xx answer; 404s are told apart by `detail.type`: a missing key is not a missing payment. */
  #error(label: string, { status, json }: HttpResult): PaymentProviderError {
    const parsed = errorBodySchema.safeParse(json);
    const detail = parsed.success ? parsed.data.detail : undefined;
    const base = `Lygos ${label} answered ${status}`;
    if (Array.isArray(detail)) {
      const fields = detail.map((d) => `${(d.loc ?? []).join(".")}: ${d.msg ?? "invalid"}`).join("; ");
      return new ProviderRejected({
        ...LYGOS,
        code: "VALIDATION",
        httpStatus: status,
        message: `${base}: ${excerpt(this.#transport, fields)}`,
      });
    }
    const type = typeof detail === "object" ? detail.type : undefined;
    const text = typeof detail === "object" ? detail.message : detail;
    const message = `${base}${type ? ` ${type}` : ""}${text ? `: ${excerpt(this.#transport, text)}` : ""}`;
    const init = { ...LYGOS, code: type ?? `HTTP_${status}`, httpStatus: status, message };
    if (status === 401 || status === 403 || type === "API_KEY_NOT_FOUND" || type === "NO_API_KEY_PROVIDED") {
      return new ProviderRejected({ ...init, configError: true });
    }
    if (type === "GATEWAY_USER_NOT_FOUND") return new ProviderRejected({ ...init, configError: true });
    // A payment or gateway Lygos does not know answers a typed detail; a bare "Not Found" means a wrong base URL.
    if (status === 404 && type) return new PaymentNotFound(init);
    if (status === 404) return new ProviderRejected({ ...init, code: "ENDPOINT_NOT_FOUND", configError: true });
    return new ProviderRejected(init);
  }
}
