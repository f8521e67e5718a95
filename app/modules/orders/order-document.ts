import type { z } from "zod";
import type { orderSchema } from "./read.server";

/**
 * The order document as the shop writes and reads it in the content lake (the Studio edits it too).
 * Its fields are declared once, with their meaning, by the schema every read parses (orderSchema,
 * read.server.ts): these types are what that schema reads, under the names the code uses.
 */

/**
 * The parsed shape without the `[key: string]: unknown` that z.looseObject adds at every level: the
 * fields it keeps are the Studio's, not the shop's to read, and a write must name declared fields
 * only (StoredOrder, read.server.ts, checks them against the Studio schema).
 */
type Declared<T> = T extends readonly (infer Item)[]
  ? Declared<Item>[]
  : T extends object
    ? { [K in keyof T as string extends K ? never : K]: Declared<T[K]> }
    : T;

export type Order = Declared<z.output<typeof orderSchema>>;
export type OrderLine = Order["lines"][number];
export type PaymentAttempt = Order["payments"][number];
export type PaymentEvent = Order["paymentLog"][number];
export type DuplicatePayment = NonNullable<Order["duplicatePayments"]>[number];
export type Claim = NonNullable<Order["claims"]>[number];
export type Fulfilment = NonNullable<Order["fulfilment"]>;
export type Delivery = NonNullable<Fulfilment["deliveries"]>[number];
export type MailNotice = NonNullable<Claim["alert"]>;
