import { createHash } from "node:crypto";
import type { Session } from "@remix-run/node";
import type { SanityClient } from "@sanity/client";
import { defineQuery } from "groq";
import { z } from "zod";
import { effectivePrice } from "~/lib/pricing";
import type { OrderLine } from "../orders/order-document";
import { getSanityClient } from "../platform/sanity.server";
import { fetchParsed, listOf } from "../platform/typed-query.server";

/**
 * The cart holds product ids and quantities only. Every price shown at checkout or charged
 * is rebuilt here from the content lake, never taken from the browser.
 */
const cartLineSchema = z.object({
  productId: z.string().regex(/^[A-Za-z0-9._-]+$/),
  quantity: z.number().int().min(1).max(99),
});
const cartSchema = z.object({ lines: z.array(cartLineSchema).max(50) });

export type CartLine = z.infer<typeof cartLineSchema>;
export type Cart = z.infer<typeof cartSchema>;

const CART_KEY = "cart";

export function readCart(session: Session): Cart {
  const parsed = cartSchema.safeParse(session.get(CART_KEY));
  return parsed.success ? parsed.data : { lines: [] };
}

export function writeCart(session: Session, cart: Cart): void {
  session.set(CART_KEY, cart);
}

export const cartCount = (cart: Cart) => cart.lines.reduce((sum, line) => sum + line.quantity, 0);

/** Digital products sell one per order unless an editor allows more. */
export const limitFor = (product: { maxQuantity?: number | null }) => Math.max(1, product.maxQuantity ?? 1);

export function setLine(cart: Cart, productId: string, quantity: number, maxQuantity: number | null | undefined): Cart {
  const clamped = Math.min(Math.max(0, Math.trunc(quantity)), limitFor({ maxQuantity }));
  const others = cart.lines.filter((line) => line.productId !== productId);
  if (clamped === 0) return { lines: others };
  const existing = cart.lines.findIndex((line) => line.productId === productId);
  const lines = [...cart.lines];
  if (existing === -1) lines.push({ productId, quantity: clamped });
  else lines[existing] = { productId, quantity: clamped };
  return { lines };
}

export const removeLine = (cart: Cart, productId: string): Cart => ({
  lines: cart.lines.filter((line) => line.productId !== productId),
});

const sellableProduct = z.object({
  _id: z.string(),
  title: z.string(),
  slug: z.string(),
  kind: z.enum(["file", "access"]),
  price: z.number().int().nonnegative(),
  promoPrice: z.number().int().nonnegative().nullable(),
  promoEndsAt: z.string().nullable(),
  maxQuantity: z.number().int().positive().nullable(),
  image: z.object({ asset: z.object({ _ref: z.string() }).nullable(), alt: z.string().nullish() }).nullable(),
});
export type SellableProduct = z.output<typeof sellableProduct>;

const SELLABLE_PRODUCTS_QUERY = defineQuery(`*[_type == "product" && _id in $ids && defined(slug.current)]{
  _id, title, "slug": slug.current, kind, price, promoPrice, promoEndsAt, maxQuantity,
  "image": images[0]{asset, alt}
}`);

/**
 * Uncached on purpose: a price an editor just changed must be the price charged. A product whose
 * price does not parse is not for sale (its cart line is dropped), never charged a guess.
 */
export function fetchSellableProducts(
  ids: string[],
  client: SanityClient = getSanityClient(),
): Promise<SellableProduct[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return fetchParsed(client, SELLABLE_PRODUCTS_QUERY, { ids }, listOf(sellableProduct, "product for sale"));
}

/** A cart line as shown: what the order will record, plus the product's picture and quantity limit. */
export type PricedLine = OrderLine & { image: SellableProduct["image"]; maxQuantity: number };

export interface PricedCart {
  lines: PricedLine[];
  subtotal: number;
  total: number;
  /** Lines dropped because their product is no longer sold. */
  removed: string[];
}

/** What an order records of each line: nothing that only serves the cart's display. */
export const orderLinesOf = (priced: PricedCart): OrderLine[] =>
  priced.lines.map(({ image: _image, maxQuantity: _maxQuantity, ...line }) => line);

export async function priceCart(cart: Cart, now = new Date(), client?: SanityClient): Promise<PricedCart> {
  const products = await fetchSellableProducts(
    cart.lines.map((line) => line.productId),
    client,
  );
  const byId = new Map(products.map((product) => [product._id, product]));
  const lines: PricedCart["lines"] = [];
  const removed: string[] = [];
  for (const line of cart.lines) {
    const product = byId.get(line.productId);
    if (!product) {
      removed.push(line.productId);
      continue;
    }
    const quantity = Math.min(line.quantity, limitFor(product));
    const unitPrice = effectivePrice(product, now);
    lines.push({
      _key: createHash("sha1").update(product._id).digest("hex").slice(0, 12),
      productId: product._id,
      title: product.title,
      slug: product.slug,
      kind: product.kind,
      listPrice: product.price,
      unitPrice,
      quantity,
      total: unitPrice * quantity,
      image: product.image,
      maxQuantity: limitFor(product),
    });
  }
  const subtotal = lines.reduce((sum, line) => sum + line.total, 0);
  return { lines, subtotal, total: subtotal, removed };
}
