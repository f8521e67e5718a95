import { describe, expect, it } from "vitest";
import { formatPrice } from "~/lib/money";
import { effectivePrice, offerOf } from "~/lib/pricing";

const plain = (text: string) => text.replace(/\u00A0/g, " ");

describe("formatPrice", () => {
  it("writes F CFA amounts the French way", () => {
    expect(plain(formatPrice(12_500))).toBe("12 500 F CFA");
    expect(plain(formatPrice(500))).toBe("500 F CFA");
    expect(plain(formatPrice(0))).toBe("0 F CFA");
    expect(plain(formatPrice(1_250_000))).toBe("1 250 000 F CFA");
    expect(plain(formatPrice(2_500, "XOF"))).toBe("2 500 F CFA");
  });

  it("uses one kind of space, a non-breaking one, whatever the ICU version", () => {
    expect(formatPrice(12_500)).toBe("12\u00A0500\u00A0F\u00A0CFA");
    expect(formatPrice(12_500)).not.toMatch(/[\u202F ]/);
  });

  it("groups digits exactly as fr-FR's Intl.NumberFormat does, negative amounts included", () => {
    const intl = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });
    const amounts = [0, 7, 42, 999, 1_000, 9_999, 10_000, 123_456, 1_000_000, 987_654_321, Number.MAX_SAFE_INTEGER];
    for (const amount of [...amounts, ...amounts.map((a) => -a).filter(Boolean)]) {
      expect(formatPrice(amount)).toBe(`${intl.format(amount).replace(/[\u202F ]/g, "\u00A0")}\u00A0F\u00A0CFA`);
    }
  });

  it("formats other currencies with their symbol", () => {
    expect(plain(formatPrice(20, "EUR"))).toBe("20,00 €");
  });

  it("refuses fractional amounts: money is whole F CFA", () => {
    expect(() => formatPrice(12.5)).toThrow(TypeError);
    expect(() => formatPrice(Number.NaN)).toThrow(TypeError);
  });
});

describe("effectivePrice and offerOf", () => {
  const now = new Date("2026-11-23T12:00:00Z");
  const tomorrow = "2026-11-24T12:00:00Z";
  const yesterday = "2026-11-22T12:00:00Z";

  it("applies a promo below the list price until its end", () => {
    const product = { price: 10_000, promoPrice: 7_500, promoEndsAt: tomorrow };
    expect(effectivePrice(product, now)).toBe(7_500);
    expect(offerOf(product, now)).toEqual({
      price: 7_500,
      listPrice: 10_000,
      discountPercent: 25,
      promoEndsAt: tomorrow,
    });
  });

  it("ignores a promo once it has ended, to the second", () => {
    const product = { price: 10_000, promoPrice: 7_500, promoEndsAt: "2026-11-23T12:00:00Z" };
    expect(effectivePrice(product, now)).toBe(10_000);
    expect(effectivePrice(product, new Date(now.getTime() - 1))).toBe(7_500);
    expect(offerOf({ ...product, promoEndsAt: yesterday }, now)).toEqual({
      price: 10_000,
      listPrice: null,
      discountPercent: null,
      promoEndsAt: null,
    });
  });

  it("never charges a 'promo' that is not below the list price", () => {
    expect(effectivePrice({ price: 5_000, promoPrice: 6_000, promoEndsAt: tomorrow }, now)).toBe(5_000);
    expect(effectivePrice({ price: 5_000, promoPrice: 5_000, promoEndsAt: tomorrow }, now)).toBe(5_000);
  });

  it("ignores a promo without an end date or with an unreadable one", () => {
    expect(effectivePrice({ price: 5_000, promoPrice: 4_000 }, now)).toBe(5_000);
    expect(effectivePrice({ price: 5_000, promoPrice: 4_000, promoEndsAt: "bientôt" }, now)).toBe(5_000);
  });

  it("rounds the discount badge to a whole percent", () => {
    expect(offerOf({ price: 15_000, promoPrice: 11_900, promoEndsAt: tomorrow }, now).discountPercent).toBe(21);
  });

  it("keeps a free product free", () => {
    expect(offerOf({ price: 0 }, now)).toEqual({ price: 0, listPrice: null, discountPercent: null, promoEndsAt: null });
  });
});
