import { createHash, randomBytes } from "node:crypto";
import type { Session } from "@remix-run/node";
import { z } from "zod";
import { orderLinesOf, priceCart, readCart, writeCart, type Cart, type PricedCart } from "./cart.server";
import { onOrderPaid } from "./delivery.server";
import { customerKey, discountLines, judgeDiscount, redeemDiscount } from "./discounts.server";
import { createOrder, type Order } from "./orders.server";
import { providersFor } from "./payments/registry.server";
import { startPayment, orderPageUrl, type StartResult } from "./payments.server";

/**
 * Checkout: what is bought comes from the session (cart, or one product bought at once), what
 * it costs comes from the content lake, and the order is written before any provider is called.
 */

/** "+237 6 90-00.00.00" or "00237690000000" → "+237690000000". */
export function normalizeWhatsapp(raw: string): string {
  const compact = raw.replace(/[\s.\-()/]/g, "");
  return compact.startsWith("00") ? `+${compact.slice(2)}` : compact;
}

export const checkoutFormSchema = z.object({
  checkoutId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "checkoutId is malformed"),
  name: z
    .string()
    .trim()
    .min(2, "Indiquez votre nom complet.")
    .max(80, "Votre nom est trop long (80 caractères au plus)."),
  whatsapp: z
    .string()
    .transform(normalizeWhatsapp)
    .pipe(
      z
        .string()
        .regex(/^\+[1-9]\d{7,14}$/, "Indiquez votre numéro WhatsApp avec l'indicatif du pays, par exemple +237 690 00 00 00."),
    ),
  email: z.string().trim().toLowerCase().pipe(z.email("Indiquez une adresse e-mail valide : c'est là que vous recevrez votre reçu.")),
  paymentMethod: z.preprocess((value) => (value === "" ? undefined : value), z.enum(["lygos", "lengo"]).optional()),
  discountCode: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z.string().trim().max(32, "Ce code promo n'existe pas.").optional(),
  ),
});

export type CheckoutForm = z.infer<typeof checkoutFormSchema>;
export type FieldErrors = Partial<Record<keyof CheckoutForm | "form", string>>;

export function parseCheckoutForm(formData: FormData) {
  const result = checkoutFormSchema.safeParse(Object.fromEntries(formData));
  if (result.success) return { ok: true as const, form: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = (issue.path[0] as keyof CheckoutForm | undefined) ?? "form";
    errors[field] ??= field === "checkoutId" ? "Votre session a expiré : rechargez la page." : issue.message;
  }
  return { ok: false as const, errors };
}

/** What this checkout buys: one product bought at once, or the cart. */
export function checkoutCart(session: Session, productId: string | null): Cart {
  return productId ? { lines: [{ productId, quantity: 1 }] } : readCart(session);
}

const CHECKOUT_KEY = "checkout";
const checkoutStateSchema = z.object({ id: z.string(), signature: z.string() });

function cartSignature(cart: Cart): string {
  const canonical = cart.lines.map((line) => `${line.productId}*${line.quantity}`).sort().join(",");
  return createHash("sha256").update(canonical).digest("base64url");
}

/**
 * One checkout id per cart content, kept in the session: reloading the page or submitting twice
 * reuses it (and so the same order); changing the cart starts a new checkout.
 */
export function checkoutIdFor(session: Session, cart: Cart): string {
  const signature = cartSignature(cart);
  const state = checkoutStateSchema.safeParse(session.get(CHECKOUT_KEY));
  if (state.success && state.data.signature === signature) return state.data.id;
  const id = randomBytes(16).toString("base64url");
  session.set(CHECKOUT_KEY, { id, signature });
  return id;
}

export interface CheckoutView {
  priced: PricedCart;
  checkoutId: string;
  providers: { id: string; label: string }[];
}

export async function loadCheckout(session: Session, productId: string | null, currency: string): Promise<CheckoutView> {
  const cart = checkoutCart(session, productId);
  const priced = await priceCart(cart);
  const checkoutId = checkoutIdFor(session, cart);
  const providers = providersFor(currency).map((provider) => ({ id: provider.id, label: provider.label }));
  return { priced, checkoutId, providers };
}

/** What the summary shows once a code is applied: the reduction and the total the provider will ask for. */
export interface AppliedDiscount {
  code: string;
  amount: number;
  /** The cart total the reduction was computed on: a summary priced differently ignores it. */
  before: number;
  total: number;
}

// Only what a code needs: the shopper may apply it before filling in the rest of the form.
const applyDiscountSchema = checkoutFormSchema.pick({ checkoutId: true, discountCode: true }).extend({
  whatsapp: z.string().optional().transform((value) => normalizeWhatsapp(value ?? "")),
  email: z.string().trim().toLowerCase().optional(),
});

/**
 * « Appliquer »: the code checked against the cart's server prices, with no use taken (« Payer »
 * re-checks and takes it atomically). An empty field clears the reduction.
 */
export async function applyDiscount({
  session,
  formData,
  productId,
  currency,
}: {
  session: Session;
  formData: FormData;
  productId: string | null;
  currency: string;
}): Promise<{ discount: AppliedDiscount | null; errors?: FieldErrors }> {
  const parsed = applyDiscountSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const checkoutIdBroken = parsed.error.issues.some((issue) => issue.path[0] === "checkoutId");
    return {
      discount: null,
      errors: checkoutIdBroken ? { checkoutId: "Votre session a expiré : rechargez la page." } : { discountCode: "Ce code promo n'existe pas." },
    };
  }
  const { checkoutId, discountCode, ...customer } = parsed.data;
  if (!discountCode) return { discount: null };
  const priced = await priceCart(checkoutCart(session, productId));
  if (priced.lines.length === 0) return { discount: null, errors: { form: "Votre panier est vide." } };
  const decision = await judgeDiscount(discountCode, await discountLines(priced.lines), {
    checkoutId,
    customer: customerKey(customer),
    currency,
  });
  if (!decision.ok || !decision.code) return { discount: null, errors: { discountCode: decision.ok ? "Ce code promo n'existe pas." : decision.error } };
  const amount = Math.min(decision.amount, priced.total);
  return { discount: { code: decision.code.code, amount, before: priced.total, total: priced.total - amount } };
}

export type PlaceOrderResult =
  | { kind: "redirect"; url: string; order: Order }
  | { kind: "invalid"; errors: FieldErrors };

export async function placeOrder({
  session,
  form,
  productId,
  currency,
  origin,
}: {
  session: Session;
  form: CheckoutForm;
  productId: string | null;
  currency: string;
  origin: string;
}): Promise<PlaceOrderResult> {
  const cart = checkoutCart(session, productId);
  const priced = await priceCart(cart);
  if (priced.lines.length === 0) return { kind: "invalid", errors: { form: "Votre panier est vide." } };

  // The code is checked first and its use taken only once the order can go ahead.
  let discount: Order["discount"];
  const lines = form.discountCode ? await discountLines(priced.lines) : [];
  const customer = customerKey(form);
  let expectedDiscount = 0;
  if (form.discountCode) {
    const preview = await judgeDiscount(form.discountCode, lines, { checkoutId: form.checkoutId, customer, currency });
    if (!preview.ok) return { kind: "invalid", errors: { discountCode: preview.error } };
    expectedDiscount = Math.min(preview.amount, priced.total);
  }
  const free = priced.total - expectedDiscount === 0;
  if (!free && !form.paymentMethod) {
    return { kind: "invalid", errors: { paymentMethod: "Choisissez un moyen de paiement." } };
  }
  if (form.discountCode) {
    const taken = await redeemDiscount(form.discountCode, lines, { checkoutId: form.checkoutId, customer, currency });
    if (!taken.ok || !taken.code) return { kind: "invalid", errors: { discountCode: taken.ok ? "Ce code promo n'existe pas." : taken.error } };
    discount = { code: taken.code.code, codeId: taken.code._id, amount: Math.min(taken.amount, priced.total) };
  }
  const total = priced.total - (discount?.amount ?? 0);
  const order = await createOrder({
    checkoutId: form.checkoutId,
    currency,
    lines: orderLinesOf(priced),
    subtotal: priced.subtotal,
    total,
    ...(discount ? { discount } : {}),
    customer: { name: form.name, whatsapp: form.whatsapp, email: form.email },
    paymentMethod: total === 0 ? "free" : form.paymentMethod!,
  });
  if (!productId) writeCart(session, { lines: [] });
  if (order.status === "paid" || order.total === 0) {
    if (!order.fulfilment) await onOrderPaid(order);
    return { kind: "redirect", url: orderPageUrl(origin, order), order };
  }

  const started: StartResult = await startPayment(order, form.paymentMethod!, origin);
  if (started.kind === "error") return { kind: "invalid", errors: { form: started.message } };
  return { kind: "redirect", url: started.url, order };
}
