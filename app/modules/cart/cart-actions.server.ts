import type { Session } from "@remix-run/node";
import { z } from "zod";
import { fetchSellableProducts, limitFor, readCart, removeLine, setLine, writeCart } from "./cart.server";
import { CART_URL, checkoutUrl } from "~/lib/urls";

const productId = z.string().regex(/^[A-Za-z0-9._-]{1,128}$/);

const cartIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("add"), productId }),
  z.object({ intent: z.literal("set"), productId, quantity: z.coerce.number().int().min(0).max(99) }),
  z.object({ intent: z.literal("remove"), productId }),
  z.object({ intent: z.literal("buy-now"), productId }),
]);

export type CartActionResult = { redirectTo: string } | { error: string };

const NOTICE_KEY = "cartNotice";

/** Shown once on the cart page after the redirect: why a quantity did not go where the shopper asked. */
export function takeCartNotice(session: Session): string | null {
  const notice: unknown = session.get(NOTICE_KEY);
  return typeof notice === "string" ? notice : null;
}

function quantityNotice(title: string, limit: number, alreadyThere: boolean): string {
  if (limit === 1) {
    return alreadyThere
      ? `« ${title} » est déjà dans votre panier. Un produit numérique s'achète en un seul exemplaire par commande.`
      : `Un produit numérique s'achète en un seul exemplaire par commande : « ${title} » est dans votre panier en 1 exemplaire.`;
  }
  return `« ${title} » est limité à ${limit} exemplaires par commande.`;
}

/** Every cart change goes through here: one action, plain form posts, so it all works without JavaScript. */
export async function applyCartAction(session: Session, formData: FormData): Promise<CartActionResult> {
  const parsed = cartIntentSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: "Action sur le panier invalide." };
  const change = parsed.data;

  if (change.intent === "remove") {
    writeCart(session, removeLine(readCart(session), change.productId));
    return { redirectTo: CART_URL };
  }

  const [product] = await fetchSellableProducts([change.productId]);
  if (!product) return { error: "Ce produit n'est plus disponible." };
  if (change.intent === "buy-now") return { redirectTo: checkoutUrl(product._id) };

  const cart = readCart(session);
  const current = cart.lines.find((line) => line.productId === product._id)?.quantity ?? 0;
  const quantity = change.intent === "add" ? current + 1 : change.quantity;
  const limit = limitFor(product);
  if (quantity > limit)
    session.flash(NOTICE_KEY, quantityNotice(product.title, limit, change.intent === "add" && current >= limit));
  writeCart(session, setLine(cart, product._id, quantity, product.maxQuantity));
  return { redirectTo: CART_URL };
}
