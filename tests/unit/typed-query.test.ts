import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import type { Order } from "~/modules/orders/order-document";
import { listOf, type DeclaredIn, type ResultMismatch } from "~/modules/platform/typed-query.server";
import type { Order as OrderDocument } from "~/sanity.types";

/**
 * The guard between queries, schema and parsers is made of types: these assertions are checked by
 * `npm run typecheck` (which reads the tests), so a guard that stopped guarding fails the build.
 */
const card = z.object({ title: z.string(), price: z.number().int(), promoPrice: z.number().int().nullish() });

describe("a query result as typegen types it, against the parser that reads it", () => {
  it("passes when the parser reads every result the schema allows", () => {
    expectTypeOf<
      ResultMismatch<{ title: string; price: number; promoPrice: number | null }, typeof card>
    >().toBeNever();
  });

  it("names a projected field the schema does not have (typegen types it null alone)", () => {
    expectTypeOf<
      ResultMismatch<{ title: string; price: number; promoPrice: null }, typeof card>
    >().toEqualTypeOf<"not in the schema: result.promoPrice">();
  });

  it("names a value the schema allows and the parser would reject", () => {
    expectTypeOf<
      ResultMismatch<{ title: string | null; price: number; promoPrice: null | number }, typeof card>
    >().toEqualTypeOf<"the parser rejects what the schema allows at result.title">();
  });

  it("sees into lists read with listOf", () => {
    const page = z.object({ items: listOf(card, "card") });
    expect(page.parse({ items: null })).toEqual({ items: [] });
    expectTypeOf<
      ResultMismatch<{ items: { title: string; price: number; promoPrice: null | number }[] }, typeof page>
    >().toBeNever();
    expectTypeOf<
      ResultMismatch<{ items: { title: string; price: string; promoPrice: null | number }[] }, typeof page>
    >().toEqualTypeOf<"the parser rejects what the schema allows at result.items[].price">();
  });
});

describe("orders, which the storefront writes itself", () => {
  it("declares every field the storefront writes in the Studio schema", () => {
    expectTypeOf<DeclaredIn<OrderDocument, Order>>().toEqualTypeOf<Order>();
  });

  it("names a field the schema does not declare", () => {
    type WithCoupon = Order & { coupon: string; fulfilment?: { courier?: string } };
    expectTypeOf<DeclaredIn<OrderDocument, WithCoupon>>().toEqualTypeOf<{
      undeclared: ".coupon" | ".fulfilment.courier";
    }>();
  });
});
