import { describe, expect, it } from "vitest";
import { evaluateDiscount, type DiscountCode, type DiscountLine } from "~/modules/marketing/discounts.server";

/** The rules of a discount code, judged against a cart: pure logic, no lake. */
const NOW = new Date("2026-11-23T12:00:00Z");
const base: DiscountCode = { _id: "discountCode-x", _rev: "r", code: "RENTREE", kind: "percentage", value: 10 };
const lines: DiscountLine[] = [
  { productId: "product-a", categoryId: "category-formations", total: 10_000 },
  { productId: "product-b", categoryId: "category-e-books", total: 2_500 },
];
const ctx = { now: NOW, customer: "+237690000001" };

describe("discount code rules", () => {
  it("takes a percentage, rounded down to whole F CFA, or a fixed amount never above the cart", () => {
    expect(evaluateDiscount({ ...base, value: 15 }, lines, ctx)).toEqual({ ok: true, amount: 1_875 });
    expect(evaluateDiscount({ ...base, value: 33 }, [{ productId: "p", categoryId: null, total: 1_001 }], ctx)).toEqual(
      { ok: true, amount: 330 },
    );
    expect(evaluateDiscount({ ...base, kind: "fixed", value: 2_000 }, lines, ctx)).toEqual({ ok: true, amount: 2_000 });
    expect(evaluateDiscount({ ...base, kind: "fixed", value: 50_000 }, lines, ctx)).toEqual({
      ok: true,
      amount: 12_500,
    });
  });

  it("applies only between its dates, in French", () => {
    expect(evaluateDiscount({ ...base, startsAt: "2026-11-24T00:00:00Z" }, lines, ctx)).toEqual({
      ok: false,
      error: "Ce code n'est pas encore valable.",
    });
    expect(evaluateDiscount({ ...base, endsAt: "2026-11-23T12:00:00Z" }, lines, ctx)).toEqual({
      ok: false,
      error: "Ce code a expiré.",
    });
    expect(
      evaluateDiscount({ ...base, startsAt: "2026-11-01T00:00:00Z", endsAt: "2026-11-30T00:00:00Z" }, lines, ctx).ok,
    ).toBe(true);
  });

  it("refuses unknown or suspended codes, and carts under the minimum", () => {
    expect(evaluateDiscount(null, lines, ctx)).toEqual({ ok: false, error: "Ce code promo n'existe pas." });
    expect(evaluateDiscount({ ...base, active: false }, lines, ctx).ok).toBe(false);
    const refused = evaluateDiscount({ ...base, minimumOrder: 15_000 }, lines, ctx);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error).toMatch(/^Ce code demande une commande d'au moins 15\s000\sF\sCFA\.$/);
  });

  it("limited to products or categories, discounts only those lines", () => {
    expect(evaluateDiscount({ ...base, products: [{ _ref: "product-b" }] }, lines, ctx)).toEqual({
      ok: true,
      amount: 250,
    });
    expect(evaluateDiscount({ ...base, categories: [{ _ref: "category-formations" }] }, lines, ctx)).toEqual({
      ok: true,
      amount: 1_000,
    });
    expect(evaluateDiscount({ ...base, products: [{ _ref: "product-z" }] }, lines, ctx)).toEqual({
      ok: false,
      error: "Ce code ne s'applique à aucun article de votre panier.",
    });
  });

  it("stops at its total and per-customer limits", () => {
    expect(evaluateDiscount({ ...base, maxRedemptions: 3, redemptionCount: 3 }, lines, ctx)).toEqual({
      ok: false,
      error: "Ce code a déjà été utilisé le nombre maximal de fois.",
    });
    const used = { ...base, maxPerCustomer: 1, redemptions: [{ _key: "k", customer: ctx.customer }] };
    expect(evaluateDiscount(used, lines, ctx)).toEqual({ ok: false, error: "Vous avez déjà utilisé ce code." });
    expect(evaluateDiscount(used, lines, { ...ctx, customer: "+237690000002" }).ok).toBe(true);
  });
});
