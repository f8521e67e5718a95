/**
 * The sales dashboard's figures (docs/decisions/023-sales-dashboard.md), computed in the browser
 * from what one GROQ query returns: GROQ has no « group by ». Plain functions over plain data, so
 * the storefront's unit tests run them too. Days are the shop's days (its time zone setting).
 */

export interface DashboardOrder {
  _id: string;
  number?: string;
  status?: string;
  total?: number;
  subtotal?: number;
  _createdAt: string;
  paidAt?: string | null;
  paymentMethod?: string | null;
  /** The attempt that paid it: who took the money, from which wallet. */
  payment?: { provider?: string | null; operator?: string | null } | null;
  lines?: { productId?: string; title?: string; quantity?: number; total?: number }[] | null;
}

/** "2026-11-29": the calendar day of an instant on the shop's clock. */
export function dayOf(iso: string, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(iso),
  );
}

/** A calendar day moved by whole days (pure date arithmetic, no time zone involved). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The Monday that starts a day's week (weeks run Monday to Sunday, as in France and Cameroon). */
export function weekOf(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** Paid and still paid: a refunded order's money went back, so it counts in no revenue. */
export const isPaid = (order: DashboardOrder) => order.status === "paid" && !!order.paidAt;
/** The buyer paid at some point (a refund came after): what « created → paid » counts. */
export const wasPaid = (order: DashboardOrder) =>
  !!order.paidAt && (order.status === "paid" || order.status === "refunded");

export interface Period {
  /** First and last day, inclusive. */
  from: string;
  to: string;
}

export interface PeriodFigures {
  /** Orders created in the period. */
  created: number;
  /** Of those, the ones the buyer paid (whenever): the conversion's numerator. */
  converted: number;
  /** Orders paid in the period and not refunded. */
  paid: number;
  /** Their totals (after discount), F CFA. */
  revenue: number;
  /** Orders paid in the period and since refunded. */
  refunded: number;
}

const within = (day: string, period: Period) => day >= period.from && day <= period.to;

export function figures(orders: DashboardOrder[], period: Period, timeZone: string): PeriodFigures {
  const result: PeriodFigures = { created: 0, converted: 0, paid: 0, revenue: 0, refunded: 0 };
  for (const order of orders) {
    if (within(dayOf(order._createdAt, timeZone), period)) {
      result.created++;
      if (wasPaid(order)) result.converted++;
    }
    if (!order.paidAt || !within(dayOf(order.paidAt, timeZone), period)) continue;
    if (isPaid(order)) {
      result.paid++;
      result.revenue += order.total ?? 0;
    } else if (order.status === "refunded") {
      result.refunded++;
    }
  }
  return result;
}

/** Created → paid, as a share (null with nothing created). */
export const conversion = (figures: PeriodFigures): number | null =>
  figures.created ? figures.converted / figures.created : null;

/** One row per day, today first. */
export function byDay(orders: DashboardOrder[], today: string, days: number, timeZone: string) {
  return Array.from({ length: days }, (_, index) => {
    const day = addDays(today, -index);
    return { day, ...figures(orders, { from: day, to: day }, timeZone) };
  });
}

/** One row per week (Monday to Sunday), this week first; this week runs to today. */
export function byWeek(orders: DashboardOrder[], today: string, weeks: number, timeZone: string) {
  const monday = weekOf(today);
  return Array.from({ length: weeks }, (_, index) => {
    const from = addDays(monday, -7 * index);
    return { week: from, ...figures(orders, { from, to: addDays(from, 6) }, timeZone) };
  });
}

export type Dimension = "product" | "category" | "operator" | "provider";

export interface BreakdownRow {
  key: string;
  label: string;
  /** Paid orders with this product, category, operator or provider. */
  orders: number;
  /** Items sold (product and category); orders otherwise. */
  quantity: number;
  /** Line prices for products and categories (before an order-wide discount code); order totals otherwise. */
  revenue: number;
}

export interface Labels {
  /** Product id → category title. */
  categoryOf: Record<string, string | undefined>;
  provider: (id: string) => string;
  operator: (id: string) => string;
}

/**
 * What sold in the period (paid, not refunded orders, by the day they were paid), grouped by one
 * dimension, largest revenue first. Free orders have no operator and the « free » provider.
 */
export function breakdown(
  orders: DashboardOrder[],
  period: Period,
  timeZone: string,
  dimension: Dimension,
  labels: Labels,
): BreakdownRow[] {
  const rows = new Map<string, BreakdownRow & { seen: Set<string> }>();
  const add = (key: string, label: string, order: DashboardOrder, quantity: number, revenue: number) => {
    const row = rows.get(key) ?? { key, label, orders: 0, quantity: 0, revenue: 0, seen: new Set<string>() };
    if (!row.seen.has(order._id)) {
      row.seen.add(order._id);
      row.orders++;
    }
    row.quantity += quantity;
    row.revenue += revenue;
    rows.set(key, row);
  };
  for (const order of orders) {
    if (!isPaid(order) || !within(dayOf(order.paidAt!, timeZone), period)) continue;
    if (dimension === "product" || dimension === "category") {
      for (const line of order.lines ?? []) {
        const productId = line.productId ?? "?";
        const category = labels.categoryOf[productId];
        const [key, label] =
          dimension === "product"
            ? [productId, line.title ?? productId]
            : [category ?? "?", category ?? "Sans catégorie"];
        add(key, label, order, line.quantity ?? 1, line.total ?? 0);
      }
    } else if (dimension === "provider") {
      const provider = order.payment?.provider ?? order.paymentMethod ?? "?";
      add(provider, labels.provider(provider), order, 1, order.total ?? 0);
    } else {
      const operator = order.payment?.operator ?? "";
      add(
        operator || "none",
        operator ? labels.operator(operator) : "Sans paiement (gratuit)",
        order,
        1,
        order.total ?? 0,
      );
    }
  }
  return [...rows.values()]
    .map(({ seen: _seen, ...row }) => row)
    .sort((a, b) => b.revenue - a.revenue || b.orders - a.orders || a.label.localeCompare(b.label, "fr"));
}

const amountFormat = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });

/** "12 500 F CFA": whole francs, French grouping. */
export const formatAmount = (amount: number) => `${amountFormat.format(amount)} F CFA`;
export const formatCount = (count: number) => amountFormat.format(count);
/** "75 %" (French spacing); a dash when nothing was created. */
export const formatShare = (share: number | null) =>
  share === null ? "—" : new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 0 }).format(share);
