import { createHash } from "node:crypto";
import type { Session } from "@remix-run/node";
import type { SanityClient } from "@sanity/client";
import { z } from "zod";
import { effectivePrice } from "~/lib/pricing";
import type { OrderLine } from "./orders.server";
import { getSanityClient } from "./sanity.server";

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
const limitFor = (product: { maxQuantity?: number | null }) => Math.max(1, product.maxQuantity ?? 1);

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

export interface SellableProduct {
  _id: string;
  title: string;
  slug: string;
  kind: "file" | "access";
  price: number;
  promoPrice: number | null;
  promoEndsAt: string | null;
  maxQuantity: number | null;
  image: { asset?: { _ref: string }; alt?: string } | null;
}

const SELLABLE_PRODUCTS_QUERY = /* groq */ `*[_type == "product" && _id in $ids && defined(slug.current)]{
  _id, title, "slug": slug.current, kind, price, promoPrice, promoEndsAt, maxQuantity,
  "image": images[0]{asset, alt}
}`;

const SELLABLE_BY_SLUG_QUERY = /* groq */ `*[_type == "product" && slug.current == $slug][0]{
  _id, title, "slug": slug.current, kind, price, promoPrice, promoEndsAt, maxQuantity,
  "image": images[0]{asset, alt}
}`;

/** Uncached on purpose: a price an editor just changed must be the price charged. */
export function fetchSellableProducts(ids: string[], client: SanityClient = getSanityClient()) {
  if (ids.length === 0) return Promise.resolve([]);
  return client.fetch<SellableProduct[]>(SELLABLE_PRODUCTS_QUERY, { ids });
}

export function fetchSellableProductBySlug(slug: string, client: SanityClient = getSanityClient()) {
  return client.fetch<SellableProduct | null>(SELLABLE_BY_SLUG_QUERY, { slug });
}

export interface PricedCart {
  lines: (OrderLine & { image: SellableProduct["image"] })[];
  subtotal: number;
  total: number;
  /** Lines dropped because their product is no longer sold. */
  removed: string[];
}

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
    if (!product || !Number.isInteger(product.price) || product.price < 0) {
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
    });
  }
  const subtotal = lines.reduce((sum, line) => sum + line.total, 0);
  return { lines, subtotal, total: subtotal, removed };
}
