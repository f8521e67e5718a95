import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { SanityClient } from "@sanity/client";
import { isConflict, writeWithRevision, type Change } from "../platform/revise.server";
import { getSanityWriteClient } from "../platform/sanity.server";
import type { OrderStatus } from "./order-state.server";
import type { PaymentAttempt, PaymentEvent, Order } from "./order-document";
import { parseOrder, readOrder } from "./read.server";

/** Orders are documents in the content lake; every write here is revision-checked. */

/** What checkout decides; the rest of an order (number, tokens, status, logs) is made here. */
export type NewOrder = Pick<
  Order,
  "checkoutId" | "currency" | "lines" | "subtotal" | "total" | "customer" | "paymentMethod"
> &
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

export function updateWithRevision(
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
        if (patchSpec.append?.length)
          next = next.setIfMissing({ paymentLog: [] }).append("paymentLog", patchSpec.append);
        if (patchSpec.appendAttempt)
          next = next.setIfMissing({ payments: [] }).append("payments", [patchSpec.appendAttempt]);
        return next;
      };
    },
    client,
  );
}
