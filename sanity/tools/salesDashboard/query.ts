import type { DashboardOrder } from "./metrics";

/**
 * Everything the dashboard shows, in one request: the orders of the last weeks, the products'
 * categories, the orders waiting for the merchant, the open claims and the code pools. Published
 * documents only (orders are never drafts, but an editor's draft of a pool is not its stock).
 */
export const DASHBOARD_QUERY = `{
  "orders": *[_type == "order" && !(_id in path("drafts.**")) && (_createdAt >= $since || paidAt >= $since)]{
    _id, number, status, total, subtotal, _createdAt, paidAt, paymentMethod,
    "payment": payments[state == "paid"][0]{ provider, operator },
    "lines": lines[]{ productId, title, quantity, total }
  },
  "products": *[_type == "product" && !(_id in path("drafts.**"))]{ _id, "category": category->title },
  "toDeliver": *[_type == "order" && !(_id in path("drafts.**")) && status == "paid" && fulfilment.status == "to_deliver"] | order(paidAt asc)[0...50]{
    _id, number, paidAt, "customer": customer.name, "lines": lines[].title
  },
  "claims": *[_type == "order" && !(_id in path("drafts.**")) && count(claims[status == "open"]) > 0] | order(_updatedAt desc)[0...50]{
    _id, number, status, "claims": claims[status == "open"]{ _key, at, smsReference, answer }
  },
  "pools": *[_type == "accessCodePool" && !(_id in path("drafts.**"))] | order(title asc){
    _id, title, "product": product->title,
    "free": count(codes[!defined(assignedTo) && defined(code)]),
    "total": count(codes),
    "threshold": lowStockThreshold
  }
}`;

export interface DashboardData {
  orders: DashboardOrder[];
  products: { _id: string; category?: string | null }[];
  toDeliver: {
    _id: string;
    number?: string;
    paidAt?: string | null;
    customer?: string | null;
    lines?: (string | null)[] | null;
  }[];
  claims: {
    _id: string;
    number?: string;
    status?: string;
    claims?: { _key: string; at?: string; smsReference?: string; answer?: string }[] | null;
  }[];
  pools: {
    _id: string;
    title?: string | null;
    product?: string | null;
    free: number;
    total: number;
    threshold?: number | null;
  }[];
}
