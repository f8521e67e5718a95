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
// (whole F CFA) and on every status the state machine decides on.

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
  provider: z.string(),
  reference: z.string().default(""),
  amount: money,
  currency: z.string(),
  state: z.enum(["creating", "pending", "paid", "failed", "error"]),
  rawStatus: z.string().optional(),
  redirectUrl: z.string().optional(),
  gatewayId: z.string().optional(),
  country: z.custom<CountryCode>((value) => typeof value === "string" && isCountryCode(value)).optional(),
  operator: z.custom<OperatorId>((value) => typeof value === "string" && isOperatorId(value)).optional(),
  error: z.string().optional(),
  createdAt: timestamp,
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

const deliverySchema = record({
  _key: z.string(),
  lineKey: z.string(),
  productId: z.string(),
  method: z.enum(["code", "manual"]),
  code: z.string(),
  at: timestamp,
});

const fulfilmentSchema = record({
  status: z.enum(["delivered", "to_deliver"]),
  deliveredAt: timestamp.optional(),
  note: z.string().optional(),
  deliveries: z.array(deliverySchema).optional(),
  waitsForCodes: z.boolean().optional(),
  checkedAt: timestamp.optional(),
  receiptClaimedAt: timestamp.optional(),
  receiptClaimedBy: z.string().optional(),
  receiptSentAt: timestamp.optional(),
  receiptError: z.string().optional(),
  lastError: z.string().optional(),
});

const orderSchema = record({
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
  paymentMethod: z.string(),
  accessToken: z.string(),
  callbackToken: z.string(),
  payments: list(paymentAttemptSchema),
  paymentLog: list(paymentEventSchema),
  reconcileAt: timestamp.optional(),
  reconciledAt: timestamp.optional(),
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
        refundStatus: z.enum(["to_refund", "refunded"]),
      }),
    )
    .optional(),
  discount: record({ code: z.string(), codeId: z.string(), amount: money }).optional(),
  fulfilment: fulfilmentSchema.optional(),
  downloads: z
    .array(
      record({
        _key: z.string(),
        at: timestamp,
        lineKey: z.string(),
        file: z.string(),
        count: z.number().int().nonnegative(),
      }),
    )
    .optional(),
  refund: record({
    amount: money,
    reason: z.string().default(""),
    at: timestamp,
    unusedCodes: z.array(record({ _key: z.string(), lineKey: z.string(), code: z.string() })).optional(),
    codesReturnedAt: timestamp.optional(),
    mail: mailNoticeSchema.optional(),
  }).optional(),
  claims: z
    .array(
      record({
        _key: z.string(),
        at: timestamp,
        smsReference: z.string(),
        note: z.string().optional(),
        answer: z.enum(["paid", "to_deliver", "not_confirmed"]),
        status: z.enum(["open", "resolved"]),
        alert: mailNoticeSchema.optional(),
      }),
    )
    .optional(),
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
