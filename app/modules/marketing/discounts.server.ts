import type { SanityClient } from "@sanity/client";
import { defineQuery } from "groq";
import { z } from "zod";
import { formatPrice } from "~/lib/money";
import type { Order } from "../orders/order-document";
import { newKey } from "../orders/orders.server";
import { readOrder } from "../orders/read.server";
import { RevisionConflictError, writeWithRevision, type Change } from "../platform/revise.server";
import { getSanityClient, getSanityWriteClient } from "../platform/sanity.server";
import { fetchParsed } from "../platform/typed-query.server";

/**
 * Discount codes (the Studio's `discountCode` documents). Whether a code applies is decided here,
 * from the lake's prices; a use is recorded on the code document with a revision-checked patch,
 * so two buyers can never both take its last use.
 */
export const discountCodeSchema = z.object({
  _id: z.string(),
  _rev: z.string(),
  code: z.string(),
  active: z.boolean().nullish(),
  kind: z.enum(["percentage", "fixed"]),
  value: z.number().int().positive(),
  minimumOrder: z.number().int().min(0).nullish(),
  startsAt: z.string().nullish(),
  endsAt: z.string().nullish(),
  maxRedemptions: z.number().int().min(1).nullish(),
  maxPerCustomer: z.number().int().min(1).nullish(),
  products: z.array(z.object({ _ref: z.string() })).nullish(),
  categories: z.array(z.object({ _ref: z.string() })).nullish(),
  redemptionCount: z.number().int().min(0).nullish(),
  redemptions: z
    .array(
      z.object({
        _key: z.string(),
        checkoutId: z.string().nullish(),
        orderNumber: z.string().nullish(),
        customer: z.string().nullish(),
        amount: z.number().nullish(),
      }),
    )
    .nullish(),
});
export type DiscountCode = z.infer<typeof discountCodeSchema>;

export interface DiscountLine {
  productId: string;
  categoryId: string | null;
  total: number;
}

export type DiscountDecision = { ok: true; amount: number } | { ok: false; error: string };

export const normalizeCode = (raw: string) => raw.trim().toUpperCase();

/** The customer a per-customer limit counts: the WhatsApp number, else the e-mail. */
export const customerKey = (customer: { whatsapp?: string; email?: string }) =>
  (customer.whatsapp || customer.email || "").trim().toLowerCase();

/** Pure rules, with the clock passed in: what a code takes off this cart, or why it does not apply. */
export function evaluateDiscount(
  code: DiscountCode | null,
  lines: DiscountLine[],
  { now, customer, currency = "XAF" }: { now: Date; customer: string; currency?: string },
): DiscountDecision {
  if (!code || code.active === false) return { ok: false, error: "Ce code promo n'existe pas." };
  const time = now.getTime();
  if (code.startsAt && Date.parse(code.startsAt) > time)
    return { ok: false, error: "Ce code n'est pas encore valable." };
  if (code.endsAt && Date.parse(code.endsAt) <= time) return { ok: false, error: "Ce code a expiré." };
  const subtotal = lines.reduce((sum, line) => sum + line.total, 0);
  if (code.minimumOrder && subtotal < code.minimumOrder) {
    return { ok: false, error: `Ce code demande une commande d'au moins ${formatPrice(code.minimumOrder, currency)}.` };
  }
  const products = new Set((code.products ?? []).map((ref) => ref._ref));
  const categories = new Set((code.categories ?? []).map((ref) => ref._ref));
  const limited = products.size > 0 || categories.size > 0;
  const eligible = limited
    ? lines.filter(
        (line) => products.has(line.productId) || (line.categoryId !== null && categories.has(line.categoryId)),
      )
    : lines;
  const base = eligible.reduce((sum, line) => sum + line.total, 0);
  if (eligible.length === 0 || base === 0)
    return { ok: false, error: "Ce code ne s'applique à aucun article de votre panier." };
  if (code.maxRedemptions && (code.redemptionCount ?? 0) >= code.maxRedemptions) {
    return { ok: false, error: "Ce code a déjà été utilisé le nombre maximal de fois." };
  }
  const uses = (code.redemptions ?? []).filter((entry) => entry.customer === customer).length;
  if (code.maxPerCustomer && customer && uses >= code.maxPerCustomer)
    return { ok: false, error: "Vous avez déjà utilisé ce code." };
  // Whole F CFA, rounded down: a discount never exceeds what the code promises.
  const amount =
    code.kind === "percentage" ? Math.floor((base * Math.min(code.value, 100)) / 100) : Math.min(code.value, base);
  return { ok: true, amount };
}

const CODE_QUERY = defineQuery(`*[_type == "discountCode" && code == $code][0]`);
const productCategories = z.array(z.object({ _id: z.string(), categoryId: z.string().nullable() }));
const CATEGORIES_QUERY = defineQuery(`*[_type == "product" && _id in $ids]{ _id, "categoryId": category._ref }`);

export async function findDiscountCode(
  raw: string,
  client: SanityClient = getSanityClient(),
): Promise<DiscountCode | null> {
  // A code document that does not parse is no code: the buyer is told it does not exist.
  return fetchParsed(client, CODE_QUERY, { code: normalizeCode(raw) }, discountCodeSchema.nullable().catch(null));
}

export async function discountLines(
  lines: { productId: string; total: number }[],
  client: SanityClient = getSanityClient(),
): Promise<DiscountLine[]> {
  const rows = await fetchParsed(
    client,
    CATEGORIES_QUERY,
    { ids: lines.map((line) => line.productId) },
    productCategories,
  );
  const category = new Map(rows.map((row) => [row._id, row.categoryId]));
  return lines.map((line) => ({
    productId: line.productId,
    categoryId: category.get(line.productId) ?? null,
    total: line.total,
  }));
}

interface CheckoutOfCode {
  checkoutId: string;
  customer: string;
  now?: Date;
  currency?: string;
}

type JudgedDiscount = DiscountDecision & { code?: DiscountCode; held?: boolean };

/**
 * The code judged for this checkout without taking a use. A checkout that already holds a use (a
 * resubmission) is judged as the code was when it took it, so it is not refused its own use.
 */
export async function judgeDiscount(
  raw: string,
  lines: DiscountLine[],
  { checkoutId, customer, now = new Date(), currency }: CheckoutOfCode,
  client: SanityClient = getSanityClient(),
): Promise<JudgedDiscount> {
  const code = await findDiscountCode(raw, client);
  const held = Boolean(code?.redemptions?.some((entry) => entry.checkoutId === checkoutId));
  const decision = evaluateDiscount(code && held ? { ...code, redemptionCount: 0, redemptions: [] } : code, lines, {
    now,
    customer,
    currency,
  });
  return decision.ok && code ? { ...decision, code, held } : decision;
}

/**
 * Takes one use of the code for this checkout, or says why it cannot. The rules are re-checked
 * against the revision being patched, and the patch only lands on that revision: of two buyers
 * racing for the last use, one gets a 409, re-reads, and is refused. A resubmitted checkout
 * finds its own use and takes no second one.
 */
export async function redeemDiscount(
  raw: string,
  lines: DiscountLine[],
  { checkoutId, customer, now = new Date(), currency }: CheckoutOfCode,
  client: SanityClient = getSanityWriteClient(),
): Promise<JudgedDiscount> {
  try {
    const { state } = await writeWithRevision(
      client,
      `Discount code ${raw}`,
      () => judgeDiscount(raw, lines, { checkoutId, customer, now, currency }, client),
      (judged) => {
        if (!judged.ok || !judged.code || judged.held) return undefined;
        const entry = { _key: newKey(), checkoutId, customer, amount: judged.amount, at: now.toISOString() };
        return (patch) =>
          patch
            .setIfMissing({ redemptionCount: 0, redemptions: [] })
            .inc({ redemptionCount: 1 })
            .append("redemptions", [entry]);
      },
      // Judged against the code document it was read from: the use lands on that revision only.
      (judged) => judged.code!,
    );
    return state!;
  } catch (error) {
    if (!(error instanceof RevisionConflictError)) throw error;
    return { ok: false, error: "Ce code est très demandé en ce moment : réessayez dans un instant." };
  }
}

// ---------------------------------------------------------------------------------------------
// Uses follow their order (docs/decisions/009-discount-uses.md): an order that expires unpaid
// gives its use back, and an expired order paid late (the money is honoured) takes it again.
// The code document is the truth; these writes only compare against it, so they are idempotent,
// and a write lost to a crash or a lake error is found again by the reconciler's sweep.

type OrderForUse = Pick<Order, "number" | "checkoutId" | "status" | "customer" | "discount" | "paymentLog">;

const heldBy =
  (order: Pick<Order, "number" | "checkoutId">) => (entry: NonNullable<DiscountCode["redemptions"]>[number]) =>
    entry.checkoutId === order.checkoutId || entry.orderNumber === order.number;

/** Where this order's use belongs: given back once it expired; taken again once it was paid after expiring. */
function wantedUse(order: OrderForUse): "returned" | "held" | undefined {
  if (!order.discount) return undefined;
  if (order.status === "expired") return "returned";
  if (order.status === "paid" && order.paymentLog?.some((event) => event.state === "expired")) return "held";
  return undefined;
}

const codeUsesSchema = discountCodeSchema.pick({ _id: true, _rev: true, redemptionCount: true, redemptions: true });

/**
 * One revision-checked write on the code document, or none when it already says what the order
 * needs: `change` returns undefined then. Retried on 409 like every write on a code.
 */
async function reviseUses(
  codeId: string,
  change: (code: z.infer<typeof codeUsesSchema>) => Change,
  client: SanityClient,
): Promise<boolean> {
  const { written } = await writeWithRevision(
    client,
    `Discount code ${codeId}`,
    async () => {
      const raw = await client.getDocument(codeId);
      // A code deleted by an editor has no count left to correct.
      return raw ? codeUsesSchema.parse(raw) : undefined;
    },
    change,
  );
  return written !== undefined;
}

/** Gives back the use an expired order took. Returns whether the code document changed. */
export function returnDiscountUse(order: OrderForUse, client: SanityClient = getSanityWriteClient()): Promise<boolean> {
  if (!order.discount) return Promise.resolve(false);
  return reviseUses(
    order.discount.codeId,
    (code) => {
      const mine = (code.redemptions ?? []).filter(heldBy(order));
      if (mine.length === 0) return undefined;
      return (patch) =>
        patch
          .unset(mine.map((entry) => `redemptions[_key=="${entry._key}"]`))
          .set({ redemptionCount: Math.max(0, (code.redemptionCount ?? 0) - mine.length) });
    },
    client,
  );
}

/** Records the use again for an order paid after it expired: no limit is checked, the money is in. */
export function restoreDiscountUse(
  order: OrderForUse,
  client: SanityClient = getSanityWriteClient(),
): Promise<boolean> {
  const discount = order.discount;
  if (!discount) return Promise.resolve(false);
  return reviseUses(
    discount.codeId,
    (code) => {
      if ((code.redemptions ?? []).some(heldBy(order))) return undefined;
      const entry = {
        _key: newKey(),
        checkoutId: order.checkoutId,
        orderNumber: order.number,
        customer: customerKey(order.customer),
        amount: discount.amount,
        at: new Date().toISOString(),
      };
      return (patch) =>
        patch
          .setIfMissing({ redemptions: [] })
          .append("redemptions", [entry])
          .set({ redemptionCount: (code.redemptionCount ?? 0) + 1 });
    },
    client,
  );
}

/**
 * The hook called where an order expires or is paid: brings its code's uses in line with it.
 * Never throws into the order's transition; a failure is logged and retried by the reconciler.
 */
export async function settleDiscountUse(
  order: OrderForUse,
  client: SanityClient = getSanityWriteClient(),
): Promise<boolean> {
  const wanted = wantedUse(order);
  if (!wanted) return false;
  try {
    return await (wanted === "returned" ? returnDiscountUse(order, client) : restoreDiscountUse(order, client));
  } catch (error) {
    console.error(
      `discount use of ${order.number} not settled (retried later): ${error instanceof Error ? error.message : String(error)}`,
    );
    return false;
  }
}

// Orders whose code document disagrees with them: expired yet still holding a use, or paid after
// expiring without one. Settled orders drop out, so the sweep stays small.
const UNSETTLED_USES_QUERY = defineQuery(`*[_type == "order" && defined(discount.codeId) && (
  (status == "expired" && count(*[_id == ^.discount.codeId && (^.checkoutId in redemptions[].checkoutId || ^.number in redemptions[].orderNumber)]) > 0)
  || (status == "paid" && "expired" in paymentLog[].state && count(*[_id == ^.discount.codeId]) > 0
    && count(*[_id == ^.discount.codeId && (^.checkoutId in redemptions[].checkoutId || ^.number in redemptions[].orderNumber)]) == 0)
)] | order(_updatedAt asc)[0...100]{ _id }`);

const orderIds = z.array(z.object({ _id: z.string() }));

/** The reconciler's share: settles every order whose hook was lost. Returns how many it settled. */
export async function retryDiscountUses(client: SanityClient = getSanityWriteClient()): Promise<number> {
  const rows = await fetchParsed(client, UNSETTLED_USES_QUERY, {}, orderIds);
  let settled = 0;
  for (const { _id } of rows) {
    try {
      const order = await readOrder(_id, client);
      if (order && (await settleDiscountUse(order, client))) settled++;
    } catch (error) {
      // One unreadable order never stops the sweep: logged, and found again by the next one.
      console.error(
        `discount use of ${_id} not settled (retried later): ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  return settled;
}
