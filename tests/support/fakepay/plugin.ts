import { z } from "zod";
import { ProviderRejected, type ProviderName } from "~/modules/payments/errors";
import { call, parseBody, transportConfig, type TransportConfig } from "~/modules/payments/http.server";
import type {
  Coverage,
  CreatePaymentInput,
  CreatedPayment,
  PaymentLookup,
  PaymentPlugin,
  PaymentProvider,
  PaymentState,
  PaymentStatus,
} from "~/modules/payments/provider";

/** A third provider, whole: client, status mapping, label, reference rule and coverage. */
const FAKEPAY: ProviderName = { provider: "fakepay", providerLabel: "Fake Pay" };

/** Orange Money in Cameroon, which neither Lygos nor Lengo takes in the demo. */
export const FAKEPAY_COVERAGE: Coverage = {
  currencies: ["XAF"],
  wallets: [{ country: "CM", operator: "orange-money" }],
};

const STATES: Record<string, PaymentState> = { PAID: "paid", DECLINED: "failed" };
const createdSchema = z.object({ id: z.string(), url: z.url() });
const statusSchema = z.object({
  id: z.string(),
  reference: z.string(),
  status: z.string(),
  amount: z.number().int(),
  currency: z.string(),
});

class FakePayProvider implements PaymentProvider {
  readonly id = FAKEPAY.provider;
  readonly label = FAKEPAY.providerLabel;
  readonly coverage = FAKEPAY_COVERAGE;
  readonly #key: string;
  readonly #transport: TransportConfig;

  constructor(baseUrl: string, key: string) {
    this.#key = key;
    this.#transport = transportConfig(FAKEPAY, { baseUrl, timeoutMs: 5_000 }, key);
  }

  supportsCurrency(currency: string) {
    return this.coverage.currencies.includes(currency.toUpperCase());
  }

  async createPayment({ order, returnUrls }: CreatePaymentInput): Promise<CreatedPayment> {
    const r = await call(this.#transport, {
      method: "POST",
      path: "/api/payments",
      label: "POST /api/payments",
      headers: { "x-key": this.#key, "content-type": "application/json" },
      body: {
        reference: order.reference,
        amount: order.amount,
        currency: order.currency,
        return_url: returnUrls.success,
      },
      read: false,
    });
    if (r.status !== 201)
      throw new ProviderRejected({ ...FAKEPAY, code: `HTTP_${r.status}`, message: `Fake Pay refused: ${r.status}` });
    const created = parseBody(this.#transport, "POST /api/payments", createdSchema, r);
    return {
      provider: this.id,
      reference: created.id,
      redirectUrl: created.url,
      amount: order.amount,
      currency: order.currency,
      raw: created,
    };
  }

  async getStatus({ reference }: PaymentLookup): Promise<PaymentStatus> {
    const label = "GET /api/payments/{id}";
    const r = await call(this.#transport, {
      method: "GET",
      path: `/api/payments/${encodeURIComponent(reference)}`,
      label,
      headers: { "x-key": this.#key },
      read: true,
    });
    const s = parseBody(this.#transport, label, statusSchema, r);
    return {
      provider: this.id,
      state: STATES[s.status] ?? "pending",
      rawStatus: s.status,
      reference: s.id,
      amount: s.amount,
      currency: s.currency,
      raw: s,
    };
  }
}

export const fakePayPlugin: PaymentPlugin = {
  id: FAKEPAY.provider,
  label: FAKEPAY.providerLabel,
  fromEnv: (env) =>
    env.FAKEPAY_API_URL && env.FAKEPAY_KEY ? new FakePayProvider(env.FAKEPAY_API_URL, env.FAKEPAY_KEY) : null,
  // Its hosted page is served next to its API.
  pageOrigins: (env) => (env.FAKEPAY_API_URL ? [new URL(env.FAKEPAY_API_URL).origin] : []),
  // Fake Pay assigns its own ids.
  referenceFor: () => undefined,
};
