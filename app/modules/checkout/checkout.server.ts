import { createHash, randomBytes } from "node:crypto";
import type { Session } from "@remix-run/node";
import { z } from "zod";
import { orderLinesOf, priceCart, readCart, writeCart, type Cart, type PricedCart } from "../cart/cart.server";
import { onOrderPaid } from "../delivery/delivery.server";
import { customerKey, discountLines, judgeDiscount, redeemDiscount } from "../marketing/discounts.server";
import {
  COUNTRIES,
  OPERATORS,
  isCountryCode,
  isOperatorId,
  type CountryCode,
  type CountryOffer,
  type OperatorId,
} from "~/lib/mobile-money";
import { fieldErrors, type FieldErrors } from "~/modules/platform/form-errors.server";
import type { Order } from "../orders/order-document";
import { createOrder } from "../orders/orders.server";
import { routingTable, type RoutingSettings } from "../payments/routing.server";
import { orderPageUrl, startPaymentOnRoute, type StartResult } from "../payments/attempts.server";
import { countryOfPhone, parsePhone } from "./phone.server";

/**
 * Checkout: what is bought comes from the session (cart, or one product bought at once), what
 * it costs comes from the content lake, and the order is written before any provider is called.
 */

/** "+237 6 90-00.00.00" or "00237690000000" → "+237690000000". */
export function normalizeWhatsapp(raw: string): string {
  const compact = raw.replace(/[\s.\-()/]/g, "");
  return compact.startsWith("00") ? `+${compact.slice(2)}` : compact;
}

const emptyAsUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const checkoutFields = z.object({
  checkoutId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "checkoutId is malformed"),
  name: z
    .string()
    .trim()
    .min(2, "Indiquez votre nom complet.")
    .max(80, "Votre nom est trop long (80 caractères au plus)."),
  country: z.preprocess(
    emptyAsUndefined,
    z.string().refine(isCountryCode, "Choisissez votre pays dans la liste.").optional(),
  ),
  whatsapp: z.string().trim().min(1, "Indiquez votre numéro WhatsApp.").max(40, "Ce numéro est trop long."),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email("Indiquez une adresse e-mail valide : c'est là que vous recevrez votre reçu.")),
  operator: z.preprocess(
    emptyAsUndefined,
    z.string().refine(isOperatorId, "Choisissez votre opérateur dans la liste.").optional(),
  ),
  discountCode: z.preprocess(emptyAsUndefined, z.string().trim().max(32, "Ce code promo n'existe pas.").optional()),
});

/** The phone number is read in the chosen country's local form, or any international form, and kept in E.164. */
export const checkoutFormSchema = checkoutFields.transform((fields, ctx) => {
  const country = (fields.country as CountryCode | undefined) ?? null;
  const phone = parsePhone(fields.whatsapp, country);
  if (!phone.ok) {
    ctx.issues.push({ code: "custom", message: phone.message, path: ["whatsapp"], input: fields.whatsapp });
    return z.NEVER;
  }
  return { ...fields, country, operator: fields.operator as OperatorId | undefined, whatsapp: phone.e164 };
});

export type CheckoutForm = z.output<typeof checkoutFormSchema>;

/**
 * A free product asks only for the e-mail its receipt goes to: no name, no phone, no payment.
 * Whether the cart really is free is checked again by placeOrder, from the lake's prices.
 */
export const freeCheckoutFormSchema = checkoutFields
  .pick({ checkoutId: true, email: true })
  .transform((form): CheckoutForm => ({
    ...form,
    name: "",
    whatsapp: "",
    country: null,
    operator: undefined,
    discountCode: undefined,
  }));
export type CheckoutErrors = FieldErrors<keyof CheckoutForm>;

export function parseCheckoutForm(formData: FormData, { emailOnly = false } = {}) {
  const schema = emailOnly ? freeCheckoutFormSchema : checkoutFormSchema;
  const result = schema.safeParse(Object.fromEntries(formData));
  if (result.success) return { ok: true as const, form: result.data };
  const errors = fieldErrors<keyof CheckoutForm>(result.error);
  if (errors.checkoutId) errors.checkoutId = "Votre session a expiré : rechargez la page.";
  // Zod skips the number's check while another field is wrong: every mistake is told at once.
  const whatsapp = formData.get("whatsapp");
  const country = String(formData.get("country") ?? "");
  if (!errors.whatsapp && typeof whatsapp === "string" && whatsapp.trim()) {
    const phone = parsePhone(whatsapp, isCountryCode(country) ? country : null);
    if (!phone.ok) errors.whatsapp = phone.message;
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
  const canonical = cart.lines
    .map((line) => `${line.productId}*${line.quantity}`)
    .sort()
    .join(",");
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

const COUNTRY_KEY = "country";

export interface CheckoutView {
  priced: PricedCart;
  checkoutId: string;
  /** The routing table's countries and operators: exactly what this shop can take. */
  offers: CountryOffer[];
  /** The buyer's previous country, else the first the table offers. */
  country: CountryCode | null;
}

export async function loadCheckout(
  session: Session,
  productId: string | null,
  offers: CountryOffer[],
): Promise<CheckoutView> {
  const cart = checkoutCart(session, productId);
  const priced = await priceCart(cart);
  const checkoutId = checkoutIdFor(session, cart);
  return { priced, checkoutId, offers, country: preferredCountry(offers, session.get(COUNTRY_KEY)) };
}

/**
 * The country to show: what the buyer chose (a refused form, « Voir les opérateurs »), else the
 * country of a number typed in international form, else the previous purchase's, else Cameroon
 * (most of the shop's buyers) or the table's first.
 */
export function preferredCountry(offers: readonly CountryOffer[], ...candidates: unknown[]): CountryCode | null {
  const offered = (value: unknown): value is CountryCode =>
    typeof value === "string" && offers.some((offer) => offer.country === value);
  return candidates.find(offered) ?? (offered("CM") ? "CM" : (offers[0]?.country ?? null));
}

export function countryFromForm(
  offers: readonly CountryOffer[],
  values: { country: string; whatsapp: string },
  session: Session,
) {
  return preferredCountry(offers, values.country, countryOfPhone(values.whatsapp), session.get(COUNTRY_KEY));
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
const applyDiscountSchema = checkoutFields
  .pick({ checkoutId: true, discountCode: true })
  .extend({
    country: z.string().optional(),
    whatsapp: z.string().max(40).optional(),
    email: z.string().trim().toLowerCase().optional(),
  })
  // The same customer key « Payer » will compute: the number as stored, in E.164, when it reads as one.
  .transform(({ country, whatsapp = "", ...rest }) => {
    const phone = parsePhone(whatsapp, country && isCountryCode(country) ? country : null);
    return { ...rest, whatsapp: phone.ok ? phone.e164 : normalizeWhatsapp(whatsapp) };
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
}): Promise<{ discount: AppliedDiscount | null; errors?: CheckoutErrors }> {
  const parsed = applyDiscountSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const checkoutIdBroken = parsed.error.issues.some((issue) => issue.path[0] === "checkoutId");
    return {
      discount: null,
      errors: checkoutIdBroken
        ? { checkoutId: "Votre session a expiré : rechargez la page." }
        : { discountCode: "Ce code promo n'existe pas." },
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
  if (!decision.ok || !decision.code)
    return { discount: null, errors: { discountCode: decision.ok ? "Ce code promo n'existe pas." : decision.error } };
  const amount = Math.min(decision.amount, priced.total);
  return { discount: { code: decision.code.code, amount, before: priced.total, total: priced.total - amount } };
}

export type PlaceOrderResult =
  { kind: "redirect"; url: string; order: Order } | { kind: "invalid"; errors: CheckoutErrors };

export async function placeOrder({
  session,
  form,
  productId,
  currency,
  routing,
  origin,
}: {
  session: Session;
  form: CheckoutForm;
  productId: string | null;
  currency: string;
  routing: RoutingSettings;
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
  // An e-mail-only form for a cart that costs something (its price changed since the page was shown).
  if (priced.total > 0 && !form.name) {
    return {
      kind: "invalid",
      errors: { form: "Ce produit n'est plus gratuit : complétez vos coordonnées pour le commander." },
    };
  }
  // The shop, not the buyer, picks the provider: the routing table's first for this wallet.
  const providers =
    form.country && form.operator ? routingTable(currency, routing).providersFor(form.country, form.operator) : [];
  if (!free && !form.country) return { kind: "invalid", errors: { country: "Choisissez votre pays." } };
  if (!free && !form.operator) return { kind: "invalid", errors: { operator: "Choisissez votre opérateur." } };
  if (!free && providers.length === 0) {
    const operator = OPERATORS[form.operator!].name;
    return {
      kind: "invalid",
      errors: {
        operator: `${operator} n'est pas proposé pour ${COUNTRIES[form.country!].name}. Choisissez l'un des opérateurs affichés.`,
      },
    };
  }
  if (form.discountCode) {
    const taken = await redeemDiscount(form.discountCode, lines, { checkoutId: form.checkoutId, customer, currency });
    if (!taken.ok || !taken.code)
      return { kind: "invalid", errors: { discountCode: taken.ok ? "Ce code promo n'existe pas." : taken.error } };
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
    paymentMethod: total === 0 ? "free" : providers[0]!,
  });
  if (form.country) session.set(COUNTRY_KEY, form.country);
  if (!productId) writeCart(session, { lines: [] });
  if (order.status === "paid" || order.total === 0) {
    if (!order.fulfilment) await onOrderPaid(order);
    return { kind: "redirect", url: orderPageUrl(origin, order), order };
  }

  const started: StartResult = await startPaymentOnRoute(
    order,
    providers,
    { country: form.country!, operator: form.operator! },
    origin,
  );
  if (started.kind === "error") return { kind: "invalid", errors: { form: started.message } };
  return { kind: "redirect", url: started.url, order };
}
