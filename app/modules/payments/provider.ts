import type { PaymentState } from "./status";

/**
 * The one interface the orders module uses for every payment provider. Implementations:
 * `LygosProvider` (lygos.server.ts) and `LengoProvider` (lengo.server.ts). Every method
 * throws only `PaymentProviderError` subclasses (errors.ts) for provider-side failures.
 */
export type ProviderId = "lygos" | "lengo";

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
  /** Lengo confirms by callback as well; Lygos only when asked. */
  readonly sendsCallbacks: boolean;
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
