import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { QueryParams, SanityClient, SanityQueries } from "@sanity/client";
import { z } from "zod";
import type { Order as OrderDocument } from "~/sanity.types";
import { canExpire, decide, isDuplicateCapture, mismatch, type EventSource, type OrderStatus, type PaymentObservation } from "./order-state.server";
import { isCountryCode, isOperatorId, type CountryCode, type OperatorId } from "~/lib/mobile-money";
import type { ProviderId } from "../payments/provider";
import { isConflict, writeWithRevision, type Change } from "../platform/revise.server";
import { getSanityWriteClient } from "../platform/sanity.server";
import type { DeclaredIn, TypedQuery } from "../platform/typed-query.server";

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

// ---------------------------------------------------------------------------------------------
// Orders as read back: staff edit them in the Studio and a bad import can write anything, so every
// order read is parsed. Lenient where the Studio may leave a field out (lists default to empty,
// unknown fields are kept so that a write spreading an object never drops them); strict on money
// (whole F CFA) and on every status the state machine decides on.

const money = z.number().int().nonnegative();
const timestamp = z.string();
const record = <Shape extends z.ZodRawShape>(shape: Shape) => z.looseObject(shape);
const list = <Item extends z.ZodType>(item: Item) => z.array(item).nullish().transform((items) => items ?? []);

const mailNoticeSchema = record({ claimedAt: timestamp.optional(), sentAt: timestamp.optional(), error: z.string().optional() });

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
    .array(record({ _key: z.string(), at: timestamp, lineKey: z.string(), file: z.string(), count: z.number().int().nonnegative() }))
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
  const id = typeof raw === "object" && raw !== null && typeof (raw as { _id?: unknown })._id === "string" ? (raw as { _id: string })._id : "?";
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
export async function readOrders(query: OrdersQuery, params: QueryParams, client: SanityClient = getSanityWriteClient()): Promise<OrdersRead> {
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
export async function fetchOrders(query: OrdersQuery, params: QueryParams, client: SanityClient = getSanityWriteClient()): Promise<StoredOrder[]> {
  return (await readOrders(query, params, client)).orders;
}

/** What checkout decides; the rest of an order (number, tokens, status, logs) is made here. */
export type NewOrder = Pick<Order, "checkoutId" | "currency" | "lines" | "subtotal" | "total" | "customer" | "paymentMethod"> &
  Partial<Pick<Order, "discount">>;

const NUMBER_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** A short number a buyer can read out on WhatsApp, derived from the checkout so that a resubmission finds the same order. */
export function orderNumberFor(checkoutId: string, attempt: number): string {
  const digest = createHash("sha256").update(`${checkoutId}:${attempt}`).digest();
  let code = "";
  for (let i = 0; i < 6; i++) code += NUMBER_ALPHABET[digest[i]! % NUMBER_ALPHABET.length];
  return `ASH-${code}`;
}

export const orderIdFor = (number: string) => `order-${number}`;
export const newKey = () => randomBytes(6).toString("hex");
const newToken = () => randomBytes(24).toString("base64url");

export function tokensMatch(given: string | null | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Writes the order before any provider is called. Idempotent by checkout id: a double submit
 * or a reload finds the order the first submit wrote.
 */
/** Numbers tried per checkout: taken by another checkout (rare) or by this one's expired orders. */
const ORDER_NUMBER_ATTEMPTS = 20;

export async function createOrder(input: NewOrder, client: SanityClient = getSanityWriteClient()): Promise<Order> {
  for (let attempt = 0; attempt < ORDER_NUMBER_ATTEMPTS; attempt++) {
    const number = orderNumberFor(input.checkoutId, attempt);
    const _id = orderIdFor(number);
    const existing = await readOrder(_id, client);
    if (existing) {
      // An expired order is spent: the same checkout coming back (same session, same cart) gets
      // the next number, which a double submit then finds like any other.
      if (existing.checkoutId === input.checkoutId && existing.status !== "expired") return existing;
      continue; // another checkout owns this number, or it expired
    }
    const now = new Date().toISOString();
    const initialStatus: OrderStatus = input.paymentMethod === "free" ? "paid" : "pending";
    const paymentLog: PaymentEvent[] =
      input.paymentMethod === "free"
        ? [
            {
              _key: newKey(),
              at: now,
              source: "free",
              provider: "none",
              reference: number,
              rawStatus: "FREE",
              state: "paid",
              amount: 0,
              currency: input.currency,
              note: "free order: no payment needed",
            },
          ]
        : [];
    try {
      const created = await client.create<Omit<Order, "_rev" | "_createdAt">>(
        {
          _id,
          _type: "order",
          number,
          ...input,
          status: initialStatus,
          ...(initialStatus === "paid" ? { paidAt: now } : {}),
          accessToken: newToken(),
          callbackToken: newToken(),
          ...(initialStatus === "pending" ? { reconcileAt: now } : {}),
          payments: [],
          paymentLog,
        },
        { visibility: "sync" },
      );
      return parseOrder(created);
    } catch (error) {
      if (!isConflict(error)) throw error;
      const winner = await readOrder(_id, client);
      if (winner?.checkoutId === input.checkoutId) return winner;
    }
  }
  throw new Error(`Could not allocate an order number for checkout ${input.checkoutId}`);
}

export function getOrder(number: string, client: SanityClient = getSanityWriteClient()): Promise<Order | undefined> {
  if (!/^ASH-[2-9A-Z]{6}$/.test(number)) return Promise.resolve(undefined);
  return readOrder(orderIdFor(number), client);
}

/** The order, only for whoever holds its link. Fresh from the lake: never cached. */
export async function getOrderForShopper(number: string, token: string | null): Promise<Order | undefined> {
  const order = await getOrder(number);
  return order && tokensMatch(token, order.accessToken) ? order : undefined;
}

/**
 * Read, decide, write with ifRevisionID, and start again on a conflict (revise.server.ts): concurrent
 * callbacks, returns, reconciliations, deliveries and downloads serialise on the order's revision.
 * `change` returns undefined when there is nothing to write.
 */
export async function reviseOrder(
  id: string,
  change: (order: Order) => Change,
  client: SanityClient = getSanityWriteClient(),
): Promise<{ order: Order; changed: boolean }> {
  const { state, written } = await writeWithRevision(client, `Order ${id}`, () => readOrder(id, client), change);
  if (!state) throw new Error(`Order ${id} not found`);
  return written ? { order: parseOrder(written), changed: true } : { order: state, changed: false };
}

function updateWithRevision(
  id: string,
  change: (
    order: Order,
  ) => { set?: Record<string, unknown>; append?: PaymentEvent[]; appendAttempt?: PaymentAttempt } | undefined,
  client: SanityClient,
): Promise<{ order: Order; changed: boolean }> {
  return reviseOrder(
    id,
    (order) => {
      const patchSpec = change(order);
      if (!patchSpec) return undefined;
      return (patch) => {
        let next = patch;
        if (patchSpec.set) next = next.set(patchSpec.set);
        if (patchSpec.append?.length) next = next.setIfMissing({ paymentLog: [] }).append("paymentLog", patchSpec.append);
        if (patchSpec.appendAttempt) next = next.setIfMissing({ payments: [] }).append("payments", [patchSpec.appendAttempt]);
        return next;
      };
    },
    client,
  );
}

/**
 * How long a claim to create a payment holds before another request may cut it (decision 011). A
 * live creator that outlives it finds its claim cut when it records the payment and discards that
 * payment: its page was never shown, so nobody can pay it.
 */
export const PAYMENT_CLAIM_LEASE_MS = 15_000;

export function claimIsStale(attempt: Pick<PaymentAttempt, "state" | "createdAt">, now = Date.now()): boolean {
  return attempt.state === "creating" && now - Date.parse(attempt.createdAt) >= PAYMENT_CLAIM_LEASE_MS;
}

/** An attempt whose payment page may still take money, or whose creation is under way: it blocks a new one. */
export function attemptIsOpen(attempt: Pick<PaymentAttempt, "state">): boolean {
  return attempt.state === "pending" || attempt.state === "creating";
}

/**
 * Claims the right to create a payment: one payment at a time per order. The revision-checked
 * write refuses while any attempt is open; `startPayment` first asks the open ones (decision 011).
 */
export function addPaymentAttempt(order: Order, attempt: PaymentAttempt, client: SanityClient = getSanityWriteClient()) {
  return updateWithRevision(
    order._id,
    (current) => {
      if (current.status !== "pending" && current.status !== "failed") return undefined;
      if ((current.payments ?? []).some(attemptIsOpen)) return undefined;
      // Due at once: the reconciler asks a payment whose buyer never comes back (Lygos has no callback).
      return { set: { status: "pending", statusReason: "payment started", reconcileAt: attempt.createdAt }, appendAttempt: attempt };
    },
    client,
  );
}

/**
 * Records what the provider created, only while this request's claim stands: a claim cut in the
 * meantime (`cutAttempt`) makes this a no-op, and the caller discards the payment.
 */
export function recordCreatedPayment(
  order: Order,
  key: string,
  fields: Pick<PaymentAttempt, "reference" | "redirectUrl"> & Partial<Pick<PaymentAttempt, "gatewayId">>,
  client: SanityClient = getSanityWriteClient(),
) {
  return updateWithRevision(
    order._id,
    (current) => {
      const attempt = current.payments?.find((candidate) => candidate._key === key);
      if (attempt?.state !== "creating") return undefined;
      return { set: attemptFields(key, { state: "pending", ...fields }) };
    },
    client,
  );
}

/** Ends a claim that never showed a payment page (the provider refused, or the creator crashed): nobody can pay it. */
export function cutAttempt(
  order: Order,
  key: string,
  error: string,
  client: SanityClient = getSanityWriteClient(),
  event?: Omit<PaymentEvent, "_key" | "at">,
) {
  return updateWithRevision(
    order._id,
    (current) => {
      const attempt = current.payments?.find((candidate) => candidate._key === key);
      if (attempt?.state !== "creating") return undefined;
      return {
        set: attemptFields(key, { state: "error", error: error.slice(0, 300) }),
        ...(event ? { append: [{ _key: newKey(), at: new Date().toISOString(), ...event }] } : {}),
      };
    },
    client,
  );
}

export function markAttemptClosed(order: Order, key: string, client: SanityClient = getSanityWriteClient()) {
  return updateWithRevision(
    order._id,
    (current) => {
      const attempt = current.payments?.find((candidate) => candidate._key === key);
      if (!attempt || attempt.closedAt) return undefined;
      return { set: attemptFields(key, { closedAt: new Date().toISOString() }) };
    },
    client,
  );
}

function attemptFields(key: string, fields: Partial<Omit<PaymentAttempt, "_key">>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([name, value]) => [`payments[_key=="${key}"].${name}`, value]));
}

/**
 * Records what the provider said about one attempt. Only an answer that matches the attempt's
 * reference, amount and currency can move the order; a paid order never moves again.
 */
export function applyObservation(
  order: Order,
  attemptKey: string,
  observation: PaymentObservation,
  client: SanityClient = getSanityWriteClient(),
) {
  return updateWithRevision(
    order._id,
    (current) => {
      const attempt = current.payments.find((candidate) => candidate._key === attemptKey);
      if (!attempt) return undefined;
      const problem = mismatch(observation, attempt);
      const event = (state: string, note: string): PaymentEvent => ({
        _key: newKey(),
        at: new Date().toISOString(),
        source: observation.source,
        provider: observation.provider,
        reference: observation.reference,
        rawStatus: observation.rawStatus,
        state,
        ...(observation.amount !== undefined ? { amount: observation.amount } : {}),
        ...(observation.currency !== undefined ? { currency: observation.currency } : {}),
        note,
      });
      if (problem) {
        const note = `ignored: ${problem}`;
        if (current.paymentLog?.at(-1)?.note === note) return undefined;
        return { append: [event("rejected", note)] };
      }
      const attemptField = `payments[_key=="${attemptKey}"]`;
      const attemptChanged = attempt.state !== observation.state || attempt.rawStatus !== observation.rawStatus;
      if (isDuplicateCapture(current, attemptKey, observation)) {
        const note = "second payment captured for an order already paid: to refund";
        const duplicate: DuplicatePayment = {
          _key: newKey(),
          attemptKey,
          provider: attempt.provider,
          reference: attempt.reference,
          amount: observation.amount ?? attempt.amount,
          currency: observation.currency ?? attempt.currency,
          detectedAt: new Date().toISOString(),
          refundStatus: "to_refund",
        };
        // One patch holds one insert (the log entry): the list is written whole, revision-checked.
        return {
          set: {
            [`${attemptField}.state`]: "paid",
            [`${attemptField}.rawStatus`]: observation.rawStatus,
            duplicatePayments: [...(current.duplicatePayments ?? []), duplicate],
          },
          append: [event("duplicate", note)],
        };
      }
      const decision = decide(current.status, observation);
      if (decision.kind === "none") {
        if (!attemptChanged || attempt.state === "paid") return undefined;
        return { set: { [`${attemptField}.state`]: observation.state, [`${attemptField}.rawStatus`]: observation.rawStatus } };
      }
      const now = new Date().toISOString();
      return {
        set: {
          status: decision.to,
          statusReason: decision.reason,
          ...(decision.to === "paid" ? { paidAt: now } : {}),
          [`${attemptField}.state`]: observation.state,
          [`${attemptField}.rawStatus`]: observation.rawStatus,
        },
        append: [event(decision.to, decision.reason)],
      };
    },
    client,
  );
}

export function expireOrder(order: Order, reason: string, client: SanityClient = getSanityWriteClient()) {
  return updateWithRevision(
    order._id,
    (current) => {
      if (!canExpire(current.status)) return undefined;
      return {
        set: { status: "expired", statusReason: reason },
        append: [
          {
            _key: newKey(),
            at: new Date().toISOString(),
            source: "reconcile",
            provider: current.payments?.at(-1)?.provider ?? "none",
            reference: current.payments?.at(-1)?.reference ?? current.number,
            rawStatus: "EXPIRED",
            state: "expired",
            note: reason,
          },
        ],
      };
    },
    client,
  );
}
