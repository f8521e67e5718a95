/**
 * The one definition of what a product costs at a given instant, shared by every page and by
 * checkout. A promo counts only when it is below the list price and its end date is still ahead:
 * a promo above the list price or past its end must never be charged.
 */
export interface PriceFields {
  price: number;
  promoPrice?: number | null;
  promoEndsAt?: string | null;
}

export interface Offer {
  /** What the buyer pays now. */
  price: number;
  /** The list price, only while a promo applies. */
  listPrice: number | null;
  discountPercent: number | null;
  /** ISO date-time at which the promo ends, only while it applies. */
  promoEndsAt: string | null;
}

function activePromo(product: PriceFields, now: Date): number | null {
  const { price, promoPrice, promoEndsAt } = product;
  if (promoPrice == null || !promoEndsAt || !(promoPrice < price) || promoPrice < 0) return null;
  const endsAt = Date.parse(promoEndsAt);
  return Number.isFinite(endsAt) && endsAt > now.getTime() ? promoPrice : null;
}

export function effectivePrice(product: PriceFields, now: Date): number {
  return activePromo(product, now) ?? product.price;
}

export function offerOf(product: PriceFields, now: Date): Offer {
  const promo = activePromo(product, now);
  if (promo === null) return { price: product.price, listPrice: null, discountPercent: null, promoEndsAt: null };
  return {
    price: promo,
    listPrice: product.price,
    discountPercent: Math.round(((product.price - promo) * 100) / product.price),
    promoEndsAt: product.promoEndsAt ?? null,
  };
}
