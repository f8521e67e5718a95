import type { SanityClient } from "@sanity/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Order } from "~/modules/orders.server";
import { lakeClient, Shopper } from "../support/shopper";
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
    .createOrReplace({ _id: "discountCode-bienvenue", _type: "discountCode", code: "BIENVENUE", kind: "percentage", value: 20, redemptionCount: 0 })
    .createOrReplace({ _id: "discountCode-offert", _type: "discountCode", code: "OFFERT", kind: "fixed", value: 10_000, redemptionCount: 0 })
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
    expect(order).toMatchObject({ subtotal: 5_000, total: 4_000, discount: { code: "BIENVENUE", codeId: "discountCode-bienvenue", amount: 1_000 } });
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
    const response = await shopper.checkout(GUIDE, checkoutId, { intent: "apply-discount", discountCode: "bienvenue", name: "Awa Apply" });
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

  it("« Appliquer » with a refused code says why in French, under the field, with the full total", async () => {
    const shopper = new Shopper(stack.baseUrl);
    const checkoutId = await shopper.openCheckout(GUIDE);
    const response = await shopper.checkout(GUIDE, checkoutId, { intent: "apply-discount", discountCode: "FINI", name: "" });
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
