import { describe, expect, it } from "vitest";
import { downloadPolicy, downloadsOf } from "~/modules/delivery/delivery.server";
import { fulfilmentStatus, lineDelivered } from "~/modules/delivery/fulfilment-status.server";
import type { Order, OrderLine } from "~/modules/orders/order-document";

const line = (kind: "file" | "access", quantity = 1, key = "l1"): OrderLine => ({
  _key: key,
  productId: "product-x",
  title: "X",
  slug: "x",
  kind,
  listPrice: 1000,
  unitPrice: 1000,
  quantity,
  total: 1000 * quantity,
});

const delivery = (lineKey: string, method: "code" | "manual", code = "C") => ({
  _key: code,
  lineKey,
  productId: "product-x",
  method,
  code,
  at: "2026-11-01T00:00:00Z",
});

describe("fulfilment status", () => {
  it("treats files as delivered and access lines as waiting until they have their codes", () => {
    expect(fulfilmentStatus({ lines: [line("file")] })).toBe("delivered");
    expect(fulfilmentStatus({ lines: [line("file"), line("access", 1, "l2")] })).toBe("to_deliver");
    const two = line("access", 2);
    expect(
      lineDelivered({ fulfilment: { status: "to_deliver", deliveries: [delivery("l1", "code", "A")] } }, two),
    ).toBe(false);
    expect(
      lineDelivered(
        {
          fulfilment: { status: "to_deliver", deliveries: [delivery("l1", "code", "A"), delivery("l1", "code", "B")] },
        },
        two,
      ),
    ).toBe(true);
  });

  it("counts a manual delivery, and never undoes an editor's 'delivered'", () => {
    const access = line("access");
    expect(
      lineDelivered({ fulfilment: { status: "to_deliver", deliveries: [delivery("l1", "manual")] } }, access),
    ).toBe(true);
    expect(lineDelivered({ fulfilment: { status: "delivered", deliveredAt: "2026-11-02T00:00:00Z" } }, access)).toBe(
      true,
    );
    expect(lineDelivered({ fulfilment: { status: "delivered" } }, access)).toBe(true);
    expect(lineDelivered({ fulfilment: { status: "to_deliver" } }, access)).toBe(false);
  });
});

describe("download policy", () => {
  const paidAt = "2026-11-01T10:00:00.000Z";
  it("takes the product's limits, then the site's, then 5 downloads and 30 days", () => {
    const none = {
      _id: "p",
      kind: "file" as const,
      accessDelivery: null,
      downloadLimit: null,
      downloadValidityDays: null,
      stamp: true,
      files: [],
    };
    expect(downloadPolicy({ paidAt }, none, null)).toEqual({
      limit: 5,
      expiresAt: new Date("2026-12-01T10:00:00.000Z"),
    });
    expect(downloadPolicy({ paidAt }, none, { downloadLimit: 3, downloadValidityDays: 7 })).toEqual({
      limit: 3,
      expiresAt: new Date("2026-11-08T10:00:00.000Z"),
    });
    expect(
      downloadPolicy(
        { paidAt },
        { ...none, downloadLimit: 10, downloadValidityDays: 1 },
        { downloadLimit: 3, downloadValidityDays: 7 },
      ),
    ).toEqual({
      limit: 10,
      expiresAt: new Date("2026-11-02T10:00:00.000Z"),
    });
  });

  it("counts downloads per line and file", () => {
    const order: Pick<Order, "downloads"> = {
      downloads: [
        { _key: "a", at: paidAt, lineKey: "l1", file: "f1", count: 1 },
        { _key: "b", at: paidAt, lineKey: "l1", file: "f1", count: 2 },
        { _key: "c", at: paidAt, lineKey: "l1", file: "f2", count: 1 },
      ],
    };
    expect(downloadsOf(order, "l1", "f1")).toBe(2);
    expect(downloadsOf(order, "l1", "f2")).toBe(1);
    expect(downloadsOf(order, "l2", "f1")).toBe(0);
  });
});
