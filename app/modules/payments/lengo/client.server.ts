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
  Wallet,
} from "../provider";
import { LENGO, LENGO_GUINEA } from "./coverage";
import { mapLengoStatus, rawStatusText } from "./status";

/** Lengo Pay client (docs/providers/lengo.md). The same code talks to the sandbox and to production. */
export interface LengoConfig extends TransportOptions {
  licenseKey: string;
  websiteId: string;
  /** Currencies the merchant account accepts; the documentation names GNF, XOF and USD as examples. */
  currencies?: string[];
  /** Wallets the merchant's account takes besides Guinea's (LENGO_WALLETS). */
  extraWallets?: readonly Wallet[];
}

/** Whole units, as a number or a numeric string ("1500", "1500.00"): integrations see both. */
export const amountSchema = z.union([
  z.number().int().nonnegative(),
  z
    .string()
    .trim()
    .regex(/^\d+(\.0+)?$/, "a whole amount")
    .transform((s) => Number.parseInt(s, 10)),
]);

const createSchema = z.object({
  status: z.string(),
  pay_id: z.string().min(1),
  payment_url: z.string().min(1),
});

const statusSchema = z.object({
  status: z.union([z.string(), z.number()]),
  pay_id: z.string().optional(),
  amount: amountSchema.optional(),
  date: z.string().optional(),
  gateway: z.string().nullish(),
  account: z.union([z.string(), z.number()]).nullish(),
});
export type LengoTransactionStatus = z.infer<typeof statusSchema>;

const errorBodySchema = z.object({ message: z.string().optional(), error: z.string().optional() });

export class LengoProvider implements PaymentProvider {
  readonly id = "lengo" as const;
  readonly label = LENGO.providerLabel;
  readonly currencies: readonly string[];
  readonly coverage: Coverage;
  readonly #licenseKey: string;
  readonly #websiteId: string;
  readonly #transport: TransportConfig;

  constructor(config: LengoConfig) {
    if (!config.licenseKey || !config.websiteId)
      throw new Error("LengoProvider: licenseKey and websiteId are required");
    this.#licenseKey = config.licenseKey;
    this.#websiteId = config.websiteId;
    this.currencies = (config.currencies ?? ["GNF", "XOF", "XAF", "USD"]).map((c) => c.toUpperCase());
    this.coverage = { currencies: this.currencies, wallets: [...LENGO_GUINEA, ...(config.extraWallets ?? [])] };
    this.#transport = transportConfig(LENGO, config, config.licenseKey);
  }

  supportsCurrency(currency: string) {
    return this.currencies.includes(currency.toUpperCase());
  }

  async createPayment({ order, returnUrls, callbackUrl }: CreatePaymentInput): Promise<CreatedPayment> {
    assertAmount(order.amount);
    const currency = order.currency.toUpperCase();
    if (!this.supportsCurrency(currency)) {
      throw new ProviderRejected({
        ...LENGO,
        code: "UNSUPPORTED_CURRENCY",
        configError: true,
        message: `Lengo is configured for ${this.currencies.join(", ")}, the order is in ${currency}`,
      });
    }
    const label = "POST /payments";
    const r = await this.#request({
      method: "POST",
      path: "/payments",
      label,
      read: false,
      body: {
        websiteid: this.#websiteId,
        amount: order.amount,
        currency,
        return_url: returnUrls.success,
        ...(callbackUrl ? { callback_url: callbackUrl } : {}),
      },
    });
    const created = parseBody(this.#transport, label, createSchema, r);
    if (created.status.toLowerCase() !== "success") {
      throw new ProviderRejected({
        ...LENGO,
        code: "NOT_CREATED",
        httpStatus: r.status,
        message: `Lengo ${label} answered status ${excerpt(this.#transport, created.status)}`,
      });
    }
    return {
      provider: LENGO.provider,
      reference: created.pay_id,
      redirectUrl: normalizeRedirectUrl(this.#transport, label, created.payment_url),
      amount: order.amount,
      currency,
      raw: created,
    };
  }

  /** POST, but a read: retried like one. */
  async transactionStatus(payId: string): Promise<LengoTransactionStatus> {
    const label = "POST /transaction/status";
    const r = await this.#request({
      method: "POST",
      path: "/transaction/status",
      label,
      read: true,
      body: { pay_id: payId, websiteid: this.#websiteId },
    });
    const status = parseBody(this.#transport, label, statusSchema, r);
    if (status.pay_id !== undefined && status.pay_id !== payId) {
      throw new ProviderResponseInvalid({
        ...LENGO,
        code: "REFERENCE_MISMATCH",
        message: `Lengo ${label} answered for another pay_id`,
      });
    }
    return status;
  }

  async getStatus(lookup: PaymentLookup): Promise<PaymentStatus> {
    const s = await this.transactionStatus(lookup.reference);
    return {
      provider: LENGO.provider,
      state: mapLengoStatus(s.status),
      rawStatus: rawStatusText(s.status),
      reference: s.pay_id ?? lookup.reference,
      amount: s.amount,
      payer: s.account === null || s.account === undefined ? undefined : String(s.account),
      raw: s,
    };
  }

  async #request(opts: Omit<CallOptions, "headers">): Promise<HttpResult> {
    const headers = {
      // Lengo takes the license key as is after "Basic", not base64 user:password.
      authorization: `Basic ${this.#licenseKey}`,
      accept: "application/json",
      "content-type": "application/json",
    };
    const result = await call(this.#transport, { ...opts, headers });
    if (result.status >= 200 && result.status < 300) return result;
    throw this.#error(opts.label, result);
  }

  #error(label: string, { status, json }: HttpResult): PaymentProviderError {
    const parsed = errorBodySchema.safeParse(json);
    const text = parsed.success ? (parsed.data.message ?? parsed.data.error) : undefined;
    const message = `Lengo ${label} answered ${status}${text ? `: ${excerpt(this.#transport, text)}` : json === undefined ? " (not JSON)" : ""}`;
    const init = { ...LENGO, httpStatus: status, message };
    if (status === 401 || status === 403)
      return new ProviderRejected({ ...init, code: "UNAUTHORIZED", configError: true });
    if (status === 404) {
      // On the status read, an unknown pay_id; on create, a wrong base URL.
      return label === "POST /transaction/status"
        ? new PaymentNotFound({ ...init, code: "NOT_FOUND" })
        : new ProviderRejected({ ...init, code: "ENDPOINT_NOT_FOUND", configError: true });
    }
    const lower = text?.toLowerCase() ?? "";
    if (lower.includes("amount")) {
      return new ProviderRejected({
        ...init,
        code: "UNSUPPORTED_AMOUNT",
        shopperMessage: "Lengo Pay n'accepte pas ce montant. Choisissez un autre moyen de paiement.",
      });
    }
    if (lower.includes("currency"))
      return new ProviderRejected({ ...init, code: "UNSUPPORTED_CURRENCY", configError: true });
    return new ProviderRejected({ ...init, code: `HTTP_${status}` });
  }
}
