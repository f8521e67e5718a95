import type { QueryParams, SanityClient, SanityQueries } from "@sanity/client";
import { z } from "zod";
import type { Order as OrderDocument } from "~/sanity.types";
import { isCountryCode, isOperatorId, type CountryCode, type OperatorId } from "~/lib/mobile-money";
import { getSanityWriteClient } from "../platform/sanity.server";
import type { DeclaredIn, TypedQuery } from "../platform/typed-query.server";
import type { Order } from "./order-document";

// ---------------------------------------------------------------------------------------------
// Orders as read back: staff edit them in the Studio and a bad import can write anything, so every
// order read is parsed. Lenient where the Studio may leave a field out (lists default to empty,
// unknown fields are kept so that a write spreading an object never drops them); strict on money
// (whole F CFA) and on every status the state machine decides on. The schema is also where the
// order's fields are declared: the Order types (order-document.ts) are what it reads.

const money = z.number().int().nonnegative();
const timestamp = z.string();
const record = <Shape extends z.ZodRawShape>(shape: Shape) => z.looseObject(shape);
const list = <Item extends z.ZodType>(item: Item) =>
  z
    .array(item)
    .nullish()
    .transform((items) => items ?? []);

const mailNoticeSchema = record({
  claimedAt: timestamp.optional(),
  sentAt: timestamp.optional(),
  error: z.string().optional(),
});

const orderLineSchema = record({
  _key: z.string(),
  productId: z.string(),
  title: z.string(),
  slug: z.string(),
  kind: z.enum(["file", "access"]),
  listPrice: money,
  unitPrice: money,
  quantity: z.number().int().positive(),
  total: money,
});

const paymentAttemptSchema = record({
  _key: z.string(),
  /** A registered provider's id (payments/registry.server.ts). */
  provider: z.string(),
  /** Lygos: the order_id we sent; Lengo: the pay_id it returned. Empty until known. */
  reference: z.string().default(""),
  amount: money,
  currency: z.string(),
  /**
   * creating: claimed, the provider is being asked to create it (its page not shown to anyone yet);
   * pending: its page was handed to the buyer; paid, failed: what the provider said;
   * error: never shown to the buyer (the provider refused or could not be reached, or the claim was
   * cut after a crash), so nobody can pay it.
   */
  state: z.enum(["creating", "pending", "paid", "failed", "error"]),
  rawStatus: z.string().optional(),
  redirectUrl: z.string().optional(),
  /** Lygos gateway id, to delete the link when the order expires. */
  gatewayId: z.string().optional(),
  /** The wallet the buyer chose for this attempt (routing table): what the pending page guides them through. */
  country: z.custom<CountryCode>((value) => typeof value === "string" && isCountryCode(value)).optional(),
  operator: z.custom<OperatorId>((value) => typeof value === "string" && isOperatorId(value)).optional(),
  error: z.string().optional(),
  createdAt: timestamp,
  /** When the shop made its payment page unusable at the provider (Lygos deletes the gateway). */
  closedAt: timestamp.optional(),
});

const paymentEventSchema = record({
  _key: z.string(),
  at: timestamp,
  source: z.enum(["checkout", "return", "callback", "reconcile", "order-page", "free", "claim", "studio"]),
  provider: z.string(),
  reference: z.string(),
  rawStatus: z.string(),
  state: z.string(),
  amount: money.optional(),
  currency: z.string().optional(),
  note: z.string(),
});

/** What was handed over for a line: a code from a pool, or what an editor entered. */
const deliverySchema = record({
  _key: z.string(),
  lineKey: z.string(),
  productId: z.string(),
  method: z.enum(["code", "manual"]),
  /** The code, or for a manual delivery what the buyer needs (login, activation link…). Shown on the order page. */
  code: z.string(),
  at: timestamp,
});

/** Delivery state (docs/decisions/006-delivery.md). */
const fulfilmentSchema = record({
  /** "to_deliver": some access line waits for the merchant (empty pool or delivered by hand). */
  status: z.enum(["delivered", "to_deliver"]),
  /** Set by the Studio's "Marquer livrée" action (with status "delivered"). */
  deliveredAt: timestamp.optional(),
  /** Internal team note, never shown to the buyer. */
  note: z.string().optional(),
  deliveries: z.array(deliverySchema).optional(),
  /** Some line waits for codes from an empty pool: retried until a refilled pool serves it. */
  waitsForCodes: z.boolean().optional(),
  checkedAt: timestamp.optional(),
  receiptClaimedAt: timestamp.optional(),
  /** The process holding the receipt claim (host:pid:random); the claim lasts RECEIPT_CLAIM_LEASE_MS. */
  receiptClaimedBy: z.string().optional(),
  receiptSentAt: timestamp.optional(),
  receiptError: z.string().optional(),
  lastError: z.string().optional(),
});

export const orderSchema = record({
  _id: z.string(),
  _type: z.literal("order"),
  _rev: z.string(),
  _createdAt: timestamp,
  number: z.string(),
  checkoutId: z.string(),
  status: z.enum(["pending", "paid", "failed", "expired", "refunded"]),
  statusReason: z.string().optional(),
  paidAt: timestamp.optional(),
  currency: z.string(),
  lines: list(orderLineSchema),
  subtotal: money,
  total: money,
  customer: record({ name: z.string().default(""), whatsapp: z.string().default(""), email: z.string().default("") }),
  /** A registered provider's id (payments/registry.server.ts), or "free" for an order with nothing to pay. */
  paymentMethod: z.string(),
  accessToken: z.string(),
  callbackToken: z.string(),
  payments: list(paymentAttemptSchema),
  paymentLog: list(paymentEventSchema),
  /** When the reconciler must next look at this order; absent: never again (decision 012). */
  reconcileAt: timestamp.optional(),
  /** When the reconciler last looked at it. */
  reconciledAt: timestamp.optional(),
  /**
   * Second payments captured for an order already paid by another attempt (decision 011): the
   * order stays paid, the money is recorded here for the merchant to refund, never lost.
   */
  duplicatePayments: z
    .array(
      record({
        _key: z.string(),
        attemptKey: z.string(),
        provider: z.string(),
        reference: z.string(),
        amount: money,
        currency: z.string(),
        detectedAt: timestamp,
        /** "to_refund" until the merchant marks it refunded in the Studio. */
        refundStatus: z.enum(["to_refund", "refunded"]),
      }),
    )
    .optional(),
  /** A discount code taken at checkout: `total` is `subtotal` minus `amount`. */
  discount: record({ code: z.string(), codeId: z.string(), amount: money }).optional(),
  /** Absent until the fulfilment hook first runs. */
  fulfilment: fulfilmentSchema.optional(),
  /** One entry per download served; `count` is that file's running total for this order. */
  downloads: z
    .array(
      record({
        _key: z.string(),
        at: timestamp,
        lineKey: z.string(),
        /** The deliverable's `_key` in the product. */
        file: z.string(),
        count: z.number().int().nonnegative(),
      }),
    )
    .optional(),
  /** Recorded by the Studio's « Rembourser » (status "refunded"); the rest is storefront bookkeeping. */
  refund: record({
    amount: money,
    reason: z.string().default(""),
    at: timestamp,
    /** Pool codes the merchant says were never used: returned to their pool by the storefront. */
    unusedCodes: z.array(record({ _key: z.string(), lineKey: z.string(), code: z.string() })).optional(),
    codesReturnedAt: timestamp.optional(),
    /** The buyer's refund e-mail (sent once: mail-once.server.ts). */
    mail: mailNoticeSchema.optional(),
  }).optional(),
  /** Buyers' « J'ai payé mais je n'ai rien reçu » (claims.server.ts). */
  claims: z
    .array(
      record({
        /** Derived from the SMS reference: the same reference is the same claim. */
        _key: z.string(),
        at: timestamp,
        smsReference: z.string(),
        note: z.string().optional(),
        /** What the shop's re-check found, as answered to the buyer. */
        answer: z.enum(["paid", "to_deliver", "not_confirmed"]),
        /** "open" until the payment is found or the merchant closes it in Studio. */
        status: z.enum(["open", "resolved"]),
        alert: mailNoticeSchema.optional(),
      }),
    )
    .optional(),
  /** Merchant alerts about this order, each sent once (merchant-alerts.server.ts). */
  alerts: record({ toDeliver: mailNoticeSchema.optional() }).optional(),
});

/** Thrown for an order document the shop cannot read: its id and the first problem, for the log. */
export class UnreadableOrderError extends Error {
  constructor(
    readonly orderId: string,
    problem: string,
  ) {
    super(`order ${orderId} is unreadable: ${problem}`);
    this.name = "UnreadableOrderError";
  }
}

/** An order document as the shop reads it, or UnreadableOrderError naming what is wrong. */
export function parseOrder(raw: unknown): Order {
  const parsed = orderSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const id =
    typeof raw === "object" && raw !== null && typeof (raw as { _id?: unknown })._id === "string"
      ? (raw as { _id: string })._id
      : "?";
  const issue = parsed.error.issues[0];
  throw new UnreadableOrderError(id, issue ? `${issue.path.join(".") || "document"}: ${issue.message}` : "invalid");
}

/** The order with this id, parsed; undefined when there is none. */
export async function readOrder(id: string, client: SanityClient = getSanityWriteClient()): Promise<Order | undefined> {
  const raw = await client.getDocument(id);
  return raw ? parseOrder(raw) : undefined;
}

/** An order as queries read it: typecheck fails here if the storefront writes a field the Studio schema does not declare. */
export type StoredOrder = DeclaredIn<OrderDocument, Order>;

/** The typed queries that return whole orders. */
type OrdersQuery = { [Query in TypedQuery]: SanityQueries[Query] extends OrderDocument[] ? Query : never }[TypedQuery];

/** Orders a query found: those the shop can read, and those it cannot (each already logged with its id). */
export interface OrdersRead {
  orders: StoredOrder[];
  unreadable: UnreadableOrderError[];
}

/** Runs a query for whole orders and parses each one: an unreadable order is logged and set apart, never the whole list. */
export async function readOrders(
  query: OrdersQuery,
  params: QueryParams,
  client: SanityClient = getSanityWriteClient(),
): Promise<OrdersRead> {
  const documents: unknown[] = await client.fetch(query, params);
  const read: OrdersRead = { orders: [], unreadable: [] };
  for (const document of documents) {
    try {
      read.orders.push(parseOrder(document));
    } catch (error) {
      if (!(error instanceof UnreadableOrderError)) throw error;
      console.error(error.message);
      read.unreadable.push(error);
    }
  }
  return read;
}

/** The readable orders a query found (`readOrders` for a job that counts the others). */
export async function fetchOrders(
  query: OrdersQuery,
  params: QueryParams,
  client: SanityClient = getSanityWriteClient(),
): Promise<StoredOrder[]> {
  return (await readOrders(query, params, client)).orders;
}
