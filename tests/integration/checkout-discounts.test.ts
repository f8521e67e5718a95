import type { SanityClient } from "@sanity/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retryDiscountUses, settleDiscountUse, type DiscountCode } from "~/modules/marketing/discounts.server";
import type { Order } from "~/modules/orders/order-document";
import { control, lakeClient, payOnHostedPage, Shopper, waitFor } from "../support/shopper";
import { startStack, type Stack } from "../support/stack";

/** Discount codes at checkout, over HTTP like a no-JavaScript phone. */
const GUIDE = "product-guide-chatgpt-pour-entrepreneurs-africains"; // 5 000 F CFA, category IA

let stack: Stack;
let lake: SanityClient;

beforeAll(async () => {
  stack = await startStack({ env: { RECONCILE_INTERVAL_SECONDS: "0" } });
  lake = lakeClient(stack);
  const now = Date.now();
  await lake
    .transaction()
    .createOrReplace({
      _id: "discountCode-bienvenue",
      _type: "discountCode",
      code: "BIENVENUE",
      kind: "percentage",
      value: 20,
      redemptionCount: 0,
    })
    .createOrReplace({
      _id: "discountCode-offert",
      _type: "discountCode",
      code: "OFFERT",
      kind: "fixed",
      value: 10_000,
      redemptionCount: 0,
    })
    .createOrReplace({
      _id: "discountCode-fini",
      _type: "discountCode",
      code: "FINI",
      kind: "percentage",
      value: 10,
      endsAt: new Date(now - 60_000).toISOString(),
    })
    .createOrReplace({
      _id: "discountCode-formations",
      _type: "discountCode",
      code: "FORMATIONS",
      kind: "percentage",
      value: 10,
      categories: [{ _type: "reference", _ref: "category-formations", _key: "c1" }],
    })
    .commit();
});

afterAll(async () => {
  await stack?.stop();
});

async function checkoutWith(code: string, extra: Record<string, string> = {}) {
  const shopper = new Shopper(stack.baseUrl);
  const checkoutId = await shopper.openCheckout(GUIDE);
  const response = await shopper.checkout(GUIDE, checkoutId, { discountCode: code, ...extra });
  const order = await lake.fetch<Order | null>(`*[_type == "order" && checkoutId == $checkoutId][0]`, { checkoutId });
  return { response, order, checkoutId };
}

describe("discount codes at checkout", () => {
  it("takes the reduction off what the provider is asked for, and records it on the order and the code", async () => {
    const { response, order, checkoutId } = await checkoutWith("bienvenue");
    expect(response.status).toBe(303);
    expect(order).toMatchObject({
      subtotal: 5_000,
      total: 4_000,
      discount: { code: "BIENVENUE", codeId: "discountCode-bienvenue", amount: 1_000 },
    });
    expect(order!.payments[0]).toMatchObject({ amount: 4_000 });
    const code = await lake.getDocument("discountCode-bienvenue");
    expect(code?.redemptionCount).toBe(1);
    expect(code?.redemptions[0]).toMatchObject({ checkoutId, amount: 1_000 });
  });

  it("completes an order a code makes free without any provider", async () => {
    const { response, order } = await checkoutWith("OFFERT", { paymentMethod: "" });
    expect(response.status).toBe(303);
    expect(order).toMatchObject({ status: "paid", total: 0, paymentMethod: "free", discount: { amount: 5_000 } });
  });

  it("« Appliquer » shows the reduced total from the server's prices, keeps what was typed, and takes no use", async () => {
    const shopper = new Shopper(stack.baseUrl);
    const checkoutId = await shopper.openCheckout(GUIDE);
    const before = await lake.getDocument("discountCode-bienvenue");
    const response = await shopper.checkout(GUIDE, checkoutId, {
      intent: "apply-discount",
      discountCode: "bienvenue",
      name: "Awa Apply",
    });
    expect(response.status).toBe(200);
    const html = (await response.text()).replaceAll("\u00A0", " ").replaceAll("<!-- -->", "");
    expect(html).toMatch(/data-testid="checkout-discount"[^>]*>.*Code BIENVENUE :.*−1 000 F CFA/s);
    expect(html).toContain('data-testid="checkout-total">4 000 F CFA');
    expect(html).toContain("Payer 4 000 F CFA");
    expect(html).toContain('value="Awa Apply"');
    expect(html).toContain('value="bienvenue"');
    expect(await lake.fetch(`count(*[_type == "order" && checkoutId == $checkoutId])`, { checkoutId })).toBe(0);
    expect((await lake.getDocument("discountCode-bienvenue"))?._rev).toBe(before?._rev);

    // « Payer » then places the order at the total the shopper saw.
    const paid = await shopper.checkout(GUIDE, checkoutId, { discountCode: "bienvenue" });
    expect(paid.status).toBe(303);
    expect(await lake.fetch(`*[_type == "order" && checkoutId == $checkoutId][0].total`, { checkoutId })).toBe(4_000);
  });

  it("« Appliquer » with a code that takes everything off drops the payment step but keeps the code", async () => {
    const shopper = new Shopper(stack.baseUrl);
    const checkoutId = await shopper.openCheckout(GUIDE);
    const response = await shopper.checkout(GUIDE, checkoutId, { intent: "apply-discount", discountCode: "offert" });
    const html = await response.text();
    expect(html).toContain('data-testid="checkout-total">Gratuit');
    expect(html).toContain("Obtenir gratuitement");
    expect(html).not.toContain('name="operator"');
    expect(html).toMatch(/name="discountCode"[^>]*value="offert"|value="offert"[^>]*name="discountCode"/);
  });

  it("« Appliquer » with a refused code says why in French, under the field, with the full total", async () => {
    const shopper = new Shopper(stack.baseUrl);
    const checkoutId = await shopper.openCheckout(GUIDE);
    const response = await shopper.checkout(GUIDE, checkoutId, {
      intent: "apply-discount",
      discountCode: "FINI",
      name: "",
    });
    expect(response.status).toBe(400);
    const html = (await response.text()).replaceAll("\u00A0", " ").replaceAll("<!-- -->", "");
    expect(html).toContain('id="discountCode-error"');
    expect(html).toContain("Ce code a expiré.");
    expect(html).not.toContain("Indiquez votre nom complet.");
    expect(html).not.toContain('data-testid="checkout-discount"');
    expect(html).toContain('data-testid="checkout-total">5 000 F CFA');
  });

  it("refuses expired, unknown and out-of-scope codes in French, writing no order", async () => {
    for (const [code, message] of [
      ["FINI", "Ce code a expiré."],
      ["NIMPORTEQUOI", "Ce code promo n&#x27;existe pas."],
      ["FORMATIONS", "Ce code ne s&#x27;applique à aucun article de votre panier."],
    ] as const) {
      const { response, order } = await checkoutWith(code);
      expect(response.status).toBe(400);
      expect(await response.text()).toContain(message);
      expect(order).toBeNull();
    }
  });
});

describe("a use of a code follows its order (decision 009)", () => {
  let shop: Stack;
  let client: SanityClient;

  beforeAll(async () => {
    // Orders expire after 1.5 s and the reconciler runs every second, as in reconcile.test.ts.
    shop = await startStack({
      env: { ORDER_EXPIRY_MINUTES: "0.025", RECONCILE_INTERVAL_SECONDS: "1" },
      sandbox: { lateDelayMs: 500 },
    });
    client = lakeClient(shop);
  });

  afterAll(async () => {
    await shop?.stop();
  });

  const codeDoc = async (id: string) => (await client.getDocument<DiscountCode>(id))!;
  const reload = async (order: Order) => (await client.getDocument<Order>(order._id))!;

  async function buy(code: string, whatsapp: string) {
    const shopper = new Shopper(shop.baseUrl);
    const checkoutId = await shopper.openCheckout(GUIDE);
    const response = await shopper.checkout(GUIDE, checkoutId, { discountCode: code, whatsapp });
    const order = await client.fetch<Order | null>(`*[_type == "order" && checkoutId == $checkoutId][0]`, {
      checkoutId,
    });
    return { response, order, paymentUrl: response.headers.get("location") };
  }

  async function createCode(id: string, code: string) {
    await client.createOrReplace({
      _id: id,
      _type: "discountCode",
      code,
      kind: "fixed",
      value: 1_000,
      maxRedemptions: 1,
      redemptionCount: 0,
    });
  }

  it("an order that expires unpaid gives its use back: the next buyer takes the code; giving back twice changes nothing", async () => {
    await createCode("discountCode-dernier", "DERNIER");
    const first = await buy("DERNIER", "+237 690 00 10 01");
    expect(first.response.status).toBe(303);
    expect(first.order).toMatchObject({ status: "pending", total: 4_000 });
    expect((await codeDoc("discountCode-dernier")).redemptionCount).toBe(1);

    const refused = await buy("DERNIER", "+237 690 00 10 02");
    expect(refused.response.status).toBe(400);
    expect(await refused.response.text()).toContain("Ce code a déjà été utilisé le nombre maximal de fois.");

    const expired = await waitFor(
      () => reload(first.order!),
      (order) => order.status === "expired",
    );
    const freed = await waitFor(
      () => codeDoc("discountCode-dernier"),
      (code) => code.redemptionCount === 0,
    );
    expect(freed.redemptions).toEqual([]);

    // Again by hand, and the reconciler's sweep twice: the code document is not written again.
    expect(await settleDiscountUse(expired, client)).toBe(false);
    expect(await settleDiscountUse(expired, client)).toBe(false);
    expect(await retryDiscountUses(client)).toBe(0);
    expect(await retryDiscountUses(client)).toBe(0);
    expect((await codeDoc("discountCode-dernier"))._rev).toBe(freed._rev);

    const second = await buy("DERNIER", "+237 690 00 10 02");
    expect(second.response.status).toBe(303);
    expect(second.order).toMatchObject({ total: 4_000, discount: { code: "DERNIER", amount: 1_000 } });
    await payOnHostedPage(second.paymentUrl!, "600000001");
    await waitFor(
      () => reload(second.order!),
      (order) => order.status === "paid",
    );
    const taken = await codeDoc("discountCode-dernier");
    expect(taken.redemptionCount).toBe(1);
    expect(taken.redemptions).toEqual([expect.objectContaining({ checkoutId: second.order!.checkoutId })]);
    // The hooks did the work, not only the reconciler's sweep behind them.
    expect(shop.output()).not.toContain("not settled");
  });

  it("a late payment on an expired order takes its use again, past the limit: the money is in", async () => {
    await createCode("discountCode-tardif", "TARDIF");
    const late = await buy("TARDIF", "+237 690 00 20 01");
    await waitFor(
      () => reload(late.order!),
      (order) => order.status === "expired",
    );
    await waitFor(
      () => codeDoc("discountCode-tardif"),
      (code) => code.redemptionCount === 0,
    );

    // Someone else takes the only use meanwhile.
    const other = await buy("TARDIF", "+237 690 00 20 02");
    expect(other.response.status).toBe(303);
    await payOnHostedPage(other.paymentUrl!, "600000001");
    await waitFor(
      () => reload(other.order!),
      (order) => order.status === "paid",
    );

    // The first payer had validated on their phone just before the link was deleted.
    await control(shop.sandbox.urls.lygos, `/payments/${late.order!.number}/complete`, { outcome: "success" });
    await waitFor(
      () => reload(late.order!),
      (order) => order.status === "paid",
    );
    const code = await waitFor(
      () => codeDoc("discountCode-tardif"),
      (current) => current.redemptionCount === 2,
    );
    expect(code.redemptions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ orderNumber: late.order!.number, checkoutId: late.order!.checkoutId, amount: 1_000 }),
      ]),
    );
    expect(code.redemptions).toHaveLength(2);
    expect(await settleDiscountUse(await reload(late.order!), client)).toBe(false);
  });

  it("a use an expired order still holds (a lost hook) is given back by the reconciler", async () => {
    await createCode("discountCode-perdu", "PERDU");
    const lost = await buy("PERDU", "+237 690 00 30 01");
    await waitFor(
      () => reload(lost.order!),
      (order) => order.status === "expired",
    );
    await waitFor(
      () => codeDoc("discountCode-perdu"),
      (code) => code.redemptionCount === 0,
    );
    // As if the lake had failed the hook's write: the use is back on the code.
    await client
      .patch("discountCode-perdu")
      .set({ redemptionCount: 1 })
      .setIfMissing({ redemptions: [] })
      .append("redemptions", [{ _key: "lost", checkoutId: lost.order!.checkoutId, amount: 1_000 }])
      .commit();
    const swept = await waitFor(
      () => codeDoc("discountCode-perdu"),
      (code) => code.redemptionCount === 0,
    );
    expect(swept.redemptions).toEqual([]);
  });
});
