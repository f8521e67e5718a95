import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createClient, type SanityClient } from "@sanity/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLake, type RunningLake } from "../../sandbox/lake/server";
import {
  redeemDiscount,
  restoreDiscountUse,
  returnDiscountUse,
  settleDiscountUse,
  type DiscountLine,
} from "~/modules/marketing/discounts.server";
import type { Order } from "~/modules/orders/order-document";

const NOW = new Date("2026-11-23T12:00:00Z");
const lines: DiscountLine[] = [
  { productId: "product-a", categoryId: "category-formations", total: 10_000 },
  { productId: "product-b", categoryId: "category-e-books", total: 2_500 },
];

describe("redemption count against the lake", () => {
  const TOKEN = "discount-test-token-0123456789";
  let lake: RunningLake;
  let dataDir: string;
  let client: SanityClient;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "discounts-"));
    lake = await startLake({ dataDir, token: TOKEN });
    client = createClient({
      projectId: "demo",
      dataset: "production",
      apiVersion: "2025-02-19",
      apiHost: lake.url,
      useProjectHostname: false,
      useCdn: false,
      token: TOKEN,
    });
  });
  afterAll(async () => {
    await lake?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("twenty buyers racing for the last three uses: exactly three get the discount", async () => {
    await client.createOrReplace({
      _id: "discountCode-flash",
      _type: "discountCode",
      code: "FLASH",
      kind: "fixed",
      value: 1_000,
      maxRedemptions: 3,
      redemptionCount: 0,
    });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        redeemDiscount(
          "flash",
          lines,
          { checkoutId: `checkout-${i}`, customer: `+23769000${String(i).padStart(4, "0")}`, now: NOW },
          client,
        ),
      ),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(3);
    expect(results.filter((result) => !result.ok).map((result) => !result.ok && result.error)).toEqual(
      Array(17).fill("Ce code a déjà été utilisé le nombre maximal de fois."),
    );
    const stored = await client.getDocument("discountCode-flash");
    expect(stored?.redemptionCount).toBe(3);
    expect(stored?.redemptions).toHaveLength(3);
  });

  it("a resubmitted checkout keeps its discount without taking a second use", async () => {
    await client.createOrReplace({
      _id: "discountCode-once",
      _type: "discountCode",
      code: "ONCE",
      kind: "percentage",
      value: 20,
      maxRedemptions: 1,
      redemptionCount: 0,
    });
    const first = await redeemDiscount("ONCE", lines, { checkoutId: "same", customer: "a", now: NOW }, client);
    const again = await redeemDiscount("ONCE", lines, { checkoutId: "same", customer: "a", now: NOW }, client);
    expect(first).toMatchObject({ ok: true, amount: 2_500 });
    expect(again).toMatchObject({ ok: true, amount: 2_500 });
    expect((await client.getDocument("discountCode-once"))?.redemptionCount).toBe(1);
  });

  const orderOf = (checkoutId: string, status: Order["status"], paymentLog: { state: string }[] = []) =>
    ({
      number: `ASH-${checkoutId.toUpperCase()}`,
      checkoutId,
      status,
      customer: { name: "A", whatsapp: `+237${checkoutId}`, email: "a@example.com" },
      discount: { code: "BACK", codeId: "discountCode-back", amount: 2_500 },
      paymentLog,
    }) as unknown as Order;

  it("an expired order gives its use back once; paid late, it takes it again once", async () => {
    await client.createOrReplace({
      _id: "discountCode-back",
      _type: "discountCode",
      code: "BACK",
      kind: "percentage",
      value: 20,
      maxRedemptions: 1,
      redemptionCount: 0,
    });
    await redeemDiscount("BACK", lines, { checkoutId: "expiring", customer: "a", now: NOW }, client);
    expect(await settleDiscountUse(orderOf("expiring", "pending"), client)).toBe(false);

    const expired = orderOf("expiring", "expired", [{ state: "expired" }]);
    expect(await settleDiscountUse(expired, client)).toBe(true);
    const freed = await client.getDocument("discountCode-back");
    expect(freed).toMatchObject({ redemptionCount: 0, redemptions: [] });
    expect(await returnDiscountUse(expired, client)).toBe(false);
    expect((await client.getDocument("discountCode-back"))?._rev).toBe(freed?._rev);

    // The use went to someone else; the late payment is honoured past the limit.
    expect((await redeemDiscount("BACK", lines, { checkoutId: "other", customer: "b", now: NOW }, client)).ok).toBe(
      true,
    );
    const paidLate = orderOf("expiring", "paid", [{ state: "expired" }, { state: "paid" }]);
    expect(await settleDiscountUse(paidLate, client)).toBe(true);
    expect(await restoreDiscountUse(paidLate, client)).toBe(false);
    const stored = await client.getDocument("discountCode-back");
    expect(stored?.redemptionCount).toBe(2);
    expect(stored?.redemptions).toEqual([
      expect.objectContaining({ checkoutId: "other" }),
      expect.objectContaining({
        checkoutId: "expiring",
        orderNumber: "ASH-EXPIRING",
        customer: "+237expiring",
        amount: 2_500,
      }),
    ]);
  });

  it("a use given back while buyers race for it goes to exactly one of them", async () => {
    await client.createOrReplace({
      _id: "discountCode-back",
      _type: "discountCode",
      code: "BACK",
      kind: "fixed",
      value: 1_000,
      maxRedemptions: 1,
      redemptionCount: 0,
    });
    await redeemDiscount("BACK", lines, { checkoutId: "holder", customer: "h", now: NOW }, client);
    const results = await Promise.all([
      settleDiscountUse(orderOf("holder", "expired"), client),
      ...Array.from({ length: 8 }, (_, i) =>
        redeemDiscount("BACK", lines, { checkoutId: `racer-${i}`, customer: `r${i}`, now: NOW }, client),
      ),
    ]);
    expect(results[0]).toBe(true);
    const stored = await client.getDocument("discountCode-back");
    const winners = results.slice(1).filter((result) => typeof result === "object" && result.ok);
    expect(winners.length).toBeLessThanOrEqual(1);
    expect(stored?.redemptionCount).toBe(winners.length);
    expect(stored?.redemptions).toHaveLength(winners.length);
    expect(stored?.redemptions.some((entry: { checkoutId: string }) => entry.checkoutId === "holder")).toBe(false);
  });
});
