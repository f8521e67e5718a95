import type { CountryCode, OperatorId } from "~/lib/mobile-money";

/**
 * The one interface the payment flows use for every provider. Each provider lives in its own
 * folder (lygos/, lengo/) and is listed once in registry.server.ts as a `PaymentPlugin`.
 * Every method throws only `PaymentProviderError` subclasses (errors.ts) for provider-side failures.
 */

/** A registered plug-in's id ("lygos", "lengo"): the registry is the one list of them. */
export type ProviderId = string;

/** Provider statuses mapped to the three states an order cares about. Unknown is not failed. */
export type PaymentState = "paid" | "failed" | "pending";

/** One mobile-money wallet: an operator in a country ("CM" + "mtn"). */
export interface Wallet {
  country: CountryCode;
  operator: OperatorId;
}

/** What a configured provider can take: the routing table is built from these. */
export interface Coverage {
  currencies: readonly string[];
  wallets: readonly Wallet[];
}

export interface PaymentRequest {
  /**
   * The store's reference for this payment attempt (the order number, or the number plus an
   * attempt suffix). Lygos keeps it as `order_id` and reports the status by it.
   */
  reference: string;
  /** Whole units of `currency`: F CFA has no minor unit. A positive integer. */
  amount: number;
  currency: string;
  /** Shown to the payer where the provider allows it (Lygos `message`). */
  description?: string;
}

export interface CreatePaymentInput {
  order: PaymentRequest;
  /**
   * Where the payer is sent back. Providers add nothing about the outcome: put the order
   * number and its access token in them. Lengo has a single return URL (`success`);
   * Lygos sends failures to `failure`, or to `success` when it is absent.
   */
  returnUrls: { success: string; failure?: string };
  /** Lengo POSTs the result here (put an unguessable per-order token in it). Lygos has no callbacks. */
  callbackUrl?: string;
}

export interface CreatedPayment {
  provider: ProviderId;
  /** Store it on the order: what `getStatus` needs. Lygos: the `order_id` sent; Lengo: the opaque `pay_id`. */
  reference: string;
  /** Lygos only: the gateway id, needed to read the amount and to delete the link at expiry. */
  gatewayId?: string;
  /** The hosted payment page: redirect the shopper here (303). */
  redirectUrl: string;
  amount: number;
  currency: string;
  raw: unknown;
}

/** What identifies a payment at its provider; an order's stored payment attempt fits as is. */
export interface PaymentLookup {
  reference: string;
  gatewayId?: string;
}

export interface PaymentStatus {
  provider: ProviderId;
  state: PaymentState;
  /** Exactly what the provider said, to record on the order. */
  rawStatus: string;
  /** As reported by the provider, to compare with the order's. */
  reference: string;
  /** Present when the provider reports it; Lygos reports it only once paid (read from the gateway). */
  amount?: number;
  /** Present when the provider reports it (Lengo's status does not). */
  currency?: string;
  /** The payer's phone number, when reported. */
  payer?: string;
  raw: unknown;
}

export interface PaymentProvider {
  readonly id: ProviderId;
  /** Name shown to shoppers. */
  readonly label: string;
  /** What this account can take (the provider's own table, narrowed by the merchant's account). */
  readonly coverage: Coverage;
  supportsCurrency(currency: string): boolean;
  /** Never retried: a second call may create a second payment. */
  createPayment(input: CreatePaymentInput): Promise<CreatedPayment>;
  /**
   * Asks the provider (retried on 5xx and network errors). Throws `PaymentNotFound` when the
   * provider does not know the payment yet: treat it, like every error here, as still pending.
   */
  getStatus(lookup: PaymentLookup): Promise<PaymentStatus>;
  /** Makes an unpaid payment link unusable (Lygos deletes its gateway); absent when the provider cannot. */
  cancel?(lookup: PaymentLookup): Promise<void>;
}

/** What a provider's callback says, once parsed: only ever a reason to ask `getStatus`. */
export interface ParsedCallback {
  /** The provider's reference for the payment (Lengo's `pay_id`). */
  reference: string;
  /** The amount the callback claims, to compare with the attempt's. */
  amount?: number;
}

/**
 * A payment provider as the shop plugs it in: everything about it lives in its own folder and
 * this object is the only thing the registry lists.
 */
export interface PaymentPlugin {
  readonly id: ProviderId;
  /** Name shown to shoppers and in messages. */
  readonly label: string;
  /**
   * The configured client, or null when its keys are absent (a provider without keys is never
   * offered). Throws an English error naming the variable when one is malformed.
   */
  fromEnv(env: NodeJS.ProcessEnv): PaymentProvider | null;
  /**
   * Origins of the hosted payment page the checkout redirects to: without JavaScript that redirect
   * follows a form POST, so the CSP's form-action must name them (decision 013).
   */
  pageOrigins(env: NodeJS.ProcessEnv): string[];
  /**
   * The reference the shop sends for the attempt-th payment (1-based) of an order, or
   * undefined when the provider assigns its own (returned by `createPayment`).
   */
  referenceFor(orderNumber: string, attempt: number): string | undefined;
  /** Providers that POST results to a callback URL parse them here (unsigned: never believed alone). */
  parseCallback?(body: unknown): { ok: true; callback: ParsedCallback } | { ok: false; error: string };
}
