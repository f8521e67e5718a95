import { describe, expect, it } from "vitest";
import {
  addDays,
  breakdown,
  byDay,
  byWeek,
  conversion,
  dayOf,
  figures,
  formatAmount,
  formatShare,
  weekOf,
  type DashboardOrder,
} from "../../sanity/tools/salesDashboard/metrics";

/** The sales dashboard's definitions (decision 023), on the shop's clock. */
const DOUALA = "Africa/Douala"; // UTC+1

const order = (id: string, fields: Partial<DashboardOrder>): DashboardOrder => ({
  _id: id,
  _createdAt: "2026-11-29T10:00:00Z",
  status: "pending",
  total: 0,
  ...fields,
});

const labels = {
  categoryOf: { "product-a": "Formations", "product-b": "Logiciels et applications" } as Record<
    string,
    string | undefined
  >,
  provider: (id: string) => ({ lygos: "Lygos Pay", lengo: "Lengo Pay" })[id] ?? id,
  operator: (id: string) => ({ mtn: "MTN Mobile Money" })[id] ?? id,
};

describe("sales dashboard metrics", () => {
  it("counts days on the shop's clock: 23:30 UTC is the next day in Douala", () => {
    expect(dayOf("2026-11-28T23:30:00Z", DOUALA)).toBe("2026-11-29");
    expect(dayOf("2026-11-28T22:59:00Z", DOUALA)).toBe("2026-11-28");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(weekOf("2026-11-29")).toBe("2026-11-23"); // a Sunday: its week began on Monday
    expect(weekOf("2026-11-30")).toBe("2026-11-30");
  });

  it("takes revenue from paid orders on the day they were paid, leaves refunds out, and converts created → paid", () => {
    const orders = [
      order("paid-today", {
        status: "paid",
        total: 15_000,
        paidAt: "2026-11-29T10:05:00Z",
        _createdAt: "2026-11-29T10:00:00Z",
      }),
      // Created yesterday evening in Douala, paid after midnight there.
      order("paid-late", {
        status: "paid",
        total: 5_000,
        _createdAt: "2026-11-28T22:50:00Z",
        paidAt: "2026-11-28T23:10:00Z",
      }),
      order("refunded", {
        status: "refunded",
        total: 7_000,
        paidAt: "2026-11-29T09:00:00Z",
        _createdAt: "2026-11-29T08:59:00Z",
      }),
      order("failed", { status: "failed", total: 3_000 }),
      order("expired", { status: "expired", total: 3_000 }),
    ];
    const today = figures(orders, { from: "2026-11-29", to: "2026-11-29" }, DOUALA);
    expect(today).toEqual({ created: 4, converted: 2, paid: 2, revenue: 20_000, refunded: 1 });
    expect(conversion(today)).toBe(0.5);
    expect(byDay(orders, "2026-11-29", 2, DOUALA).map((row) => [row.day, row.revenue, row.created])).toEqual([
      ["2026-11-29", 20_000, 4],
      ["2026-11-28", 0, 1],
    ]);
    expect(byWeek(orders, "2026-11-29", 2, DOUALA).map((row) => [row.week, row.revenue, row.paid])).toEqual([
      ["2026-11-23", 20_000, 2],
      ["2026-11-16", 0, 0],
    ]);
    expect(conversion(figures([], { from: "2026-11-29", to: "2026-11-29" }, DOUALA))).toBeNull();
  });

  it("breaks sales down by product, category, operator and provider, largest first", () => {
    const paidAt = "2026-11-29T12:00:00Z";
    const orders = [
      order("o1", {
        status: "paid",
        total: 20_000,
        paidAt,
        payment: { provider: "lygos", operator: "mtn" },
        lines: [
          { productId: "product-a", title: "Formation A", quantity: 1, total: 5_000 },
          { productId: "product-b", title: "Logiciel B", quantity: 1, total: 15_000 },
        ],
      }),
      order("o2", {
        status: "paid",
        total: 30_000,
        paidAt,
        payment: { provider: "lengo", operator: "orange-money" },
        lines: [{ productId: "product-b", title: "Logiciel B", quantity: 2, total: 30_000 }],
      }),
      order("o3", {
        status: "paid",
        total: 0,
        paidAt,
        paymentMethod: "free",
        lines: [{ productId: "product-a", title: "Formation A", quantity: 1, total: 0 }],
      }),
      order("o4", {
        status: "refunded",
        total: 99_000,
        paidAt,
        payment: { provider: "lygos", operator: "mtn" },
        lines: [{ productId: "product-a", title: "Formation A", quantity: 1, total: 99_000 }],
      }),
    ];
    const period = { from: "2026-11-29", to: "2026-11-29" };
    expect(
      breakdown(orders, period, DOUALA, "product", labels).map((row) => [
        row.label,
        row.revenue,
        row.orders,
        row.quantity,
      ]),
    ).toEqual([
      ["Logiciel B", 45_000, 2, 3],
      ["Formation A", 5_000, 2, 2],
    ]);
    expect(breakdown(orders, period, DOUALA, "category", labels).map((row) => [row.label, row.revenue])).toEqual([
      ["Logiciels et applications", 45_000],
      ["Formations", 5_000],
    ]);
    expect(
      breakdown(orders, period, DOUALA, "provider", labels).map((row) => [row.label, row.revenue, row.orders]),
    ).toEqual([
      ["Lengo Pay", 30_000, 1],
      ["Lygos Pay", 20_000, 1],
      ["free", 0, 1],
    ]);
    expect(breakdown(orders, period, DOUALA, "operator", labels).map((row) => row.label)).toEqual([
      "orange-money",
      "MTN Mobile Money",
      "Sans paiement (gratuit)",
    ]);
    expect(breakdown(orders, { from: "2026-11-30", to: "2026-11-30" }, DOUALA, "product", labels)).toEqual([]);
  });

  it("writes whole francs and shares the French way", () => {
    expect(formatAmount(1_234_500)).toBe("1\u202f234\u202f500 F CFA");
    expect(formatShare(0.75)).toBe("75\u00a0%");
    expect(formatShare(null)).toBe("—");
  });
});
