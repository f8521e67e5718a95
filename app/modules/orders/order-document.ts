import type { CountryCode, OperatorId } from "~/lib/mobile-money";
import type { ProviderId } from "../payments/provider";
import type { EventSource, OrderStatus } from "./order-state.server";

/** The order document as the shop writes and reads it in the content lake (the Studio edits it too). */

/** Orders are documents in the content lake; every write here is revision-checked. */

/** A registered provider's id (payments/registry.server.ts), or "free" for an order with nothing to pay. */
export type PaymentMethod = ProviderId | "free";

export interface OrderLine {
  _key: string;
  productId: string;
  title: string;
  slug: string;
  kind: "file" | "access";
  listPrice: number;
  unitPrice: number;
  quantity: number;
  total: number;
}

export interface Customer {
  name: string;
  whatsapp: string;
  email: string;
}

/**
 * creating: claimed, the provider is being asked to create it (its page not shown to anyone yet);
 * pending: its page was handed to the buyer; paid, failed: what the provider said;
 * error: never shown to the buyer (the provider refused or could not be reached, or the claim was
 * cut after a crash), so nobody can pay it.
 */
export type AttemptState = "creating" | "pending" | "paid" | "failed" | "error";

export interface PaymentAttempt {
  _key: string;
  provider: ProviderId;
  /** Lygos: the order_id we sent; Lengo: the pay_id it returned. Empty until known. */
  reference: string;
  amount: number;
  currency: string;
  state: AttemptState;
  rawStatus?: string;
  redirectUrl?: string;
  /** Lygos gateway id, to delete the link when the order expires. */
  gatewayId?: string;
  /** The wallet the buyer chose for this attempt (routing table): what the pending page guides them through. */
  country?: CountryCode;
  operator?: OperatorId;
  error?: string;
  createdAt: string;
  /** When the shop made its payment page unusable at the provider (Lygos deletes the gateway). */
  closedAt?: string;
}

/**
 * A second payment captured for an order already paid by another attempt (decision 011): the
 * order stays paid, the money is recorded here for the merchant to refund, never lost.
 */
export interface DuplicatePayment {
  _key: string;
  attemptKey: string;
  provider: PaymentAttempt["provider"];
  reference: string;
  amount: number;
  currency: string;
  detectedAt: string;
  /** "to_refund" until the merchant marks it refunded in the Studio. */
  refundStatus: "to_refund" | "refunded";
}

export interface PaymentEvent {
  _key: string;
  at: string;
  source: EventSource;
  provider: string;
  reference: string;
  rawStatus: string;
  state: string;
  amount?: number;
  currency?: string;
  note: string;
}

export interface Order {
  _id: string;
  _type: "order";
  _rev: string;
  _createdAt: string;
  number: string;
  checkoutId: string;
  status: OrderStatus;
  statusReason?: string;
  paidAt?: string;
  currency: string;
  lines: OrderLine[];
  subtotal: number;
  total: number;
  customer: Customer;
  paymentMethod: PaymentMethod;
  accessToken: string;
  callbackToken: string;
  payments: PaymentAttempt[];
  paymentLog: PaymentEvent[];
  /** When the reconciler must next look at this order; absent: never again (decision 012). */
  reconcileAt?: string;
  /** When the reconciler last looked at it. */
  reconciledAt?: string;
  /** Payments captured after the order was already paid: to refund (decision 011). */
  duplicatePayments?: DuplicatePayment[];
  /** A discount code taken at checkout: `total` is `subtotal` minus `amount`. */
  discount?: { code: string; codeId: string; amount: number };
  /** Delivery state (docs/decisions/006-delivery.md); absent until the fulfilment hook first runs. */
  fulfilment?: Fulfilment;
  /** One entry per download served; `count` is that file's running total for this order. */
  downloads?: DownloadLogEntry[];
  /** Recorded by the Studio's « Rembourser » (status "refunded"); the rest is storefront bookkeeping. */
  refund?: Refund;
  /** Buyers' « J'ai payé mais je n'ai rien reçu » (claims.server.ts). */
  claims?: Claim[];
  /** Merchant alerts about this order, each sent once (merchant-alerts.server.ts). */
  alerts?: { toDeliver?: MailNotice };
}

export interface Claim {
  /** Derived from the SMS reference: the same reference is the same claim. */
  _key: string;
  at: string;
  smsReference: string;
  note?: string;
  /** What the shop's re-check found, as answered to the buyer. */
  answer: "paid" | "to_deliver" | "not_confirmed";
  /** "open" until the payment is found or the merchant closes it in Studio. */
  status: "open" | "resolved";
  alert?: MailNotice;
}

export interface Refund {
  amount: number;
  reason: string;
  at: string;
  /** Pool codes the merchant says were never used: returned to their pool by the storefront. */
  unusedCodes?: { _key: string; lineKey: string; code: string }[];
  codesReturnedAt?: string;
  /** The buyer's refund e-mail (sent once: mail-once.server.ts). */
  mail?: MailNotice;
}

export interface MailNotice {
  claimedAt?: string;
  sentAt?: string;
  error?: string;
}

export interface Fulfilment {
  /** "to_deliver": some access line waits for the merchant (empty pool or delivered by hand). */
  status: "delivered" | "to_deliver";
  /** Set by the Studio's "Marquer livrée" action (with status "delivered"). */
  deliveredAt?: string;
  /** Internal team note, never shown to the buyer. */
  note?: string;
  /** What was handed over per line: codes from a pool, or credentials an editor entered. */
  deliveries?: Delivery[];
  /** Some line waits for codes from an empty pool: retried until a refilled pool serves it. */
  waitsForCodes?: boolean;
  checkedAt?: string;
  receiptClaimedAt?: string;
  /** The process holding the receipt claim (host:pid:random); the claim lasts RECEIPT_CLAIM_LEASE_MS. */
  receiptClaimedBy?: string;
  receiptSentAt?: string;
  receiptError?: string;
  lastError?: string;
}

export interface Delivery {
  _key: string;
  lineKey: string;
  productId: string;
  method: "code" | "manual";
  /** The code, or for a manual delivery what the buyer needs (login, activation link…). Shown on the order page. */
  code: string;
  at: string;
}

export interface DownloadLogEntry {
  _key: string;
  at: string;
  lineKey: string;
  /** The deliverable's `_key` in the product. */
  file: string;
  count: number;
}
