import { downloadPolicy, downloadsOf, lineDelivered, loadDeliveryInfo, onOrderPaid } from "./delivery.server";
import { canRetryPayment } from "./order-state.server";
import { getOrderForShopper, type Order } from "./orders.server";
import { formatPrice } from "~/lib/money";
import { paymentRows, paymentSummary } from "./payment-summary.server";
import { getProvider, providersFor } from "./payments/registry.server";
import { confirmPayments, startPayment, type StartResult } from "./payments.server";

/**
 * What the buyer sees of an order: only with its link's token, never its secrets, and fresh from
 * the lake. While a payment is pending, viewing the page asks the provider (at most every few
 * seconds per order), so a shopper whose callback is late still sees the truth.
 */
const CHECK_EVERY_MS = 3_000;
const lastChecked = new Map<string, number>();

function shouldAskProvider(order: Order, now = Date.now()): boolean {
  if (order.status !== "pending") return false;
  const last = lastChecked.get(order.number) ?? 0;
  if (now - last < CHECK_EVERY_MS) return false;
  lastChecked.set(order.number, now);
  if (lastChecked.size > 10_000) lastChecked.clear();
  return true;
}

export async function loadOrderPage(number: string, token: string | null) {
  let order = await getOrderForShopper(number, token);
  if (!order) return null;
  if (shouldAskProvider(order)) order = (await confirmPayments(order, "order-page")).order;
  // A hook lost between the payment and its delivery (crash, lake hiccup) completes on the next view.
  if (order.status === "paid" && !order.fulfilment) order = await onOrderPaid(order);
  const latest = order.payments?.at(-1);
  const canRetry = canRetryPayment(order.status) || (order.status === "pending" && latest?.state === "error");
  // One payment at a time (decision 011): a buyer sent here while a payment is open resumes it.
  const open = order.status === "pending" ? order.payments?.find((attempt) => attempt.state === "pending" && attempt.redirectUrl) : undefined;
  return {
    number: order.number,
    status: order.status,
    currency: order.currency,
    total: order.total,
    lines: order.lines,
    createdAt: order._createdAt,
    paidAt: order.paidAt ?? null,
    /** Date, operator, provider reference and amount: only once paid (a pending page has its own guidance). */
    receipt: order.status === "paid" ? paymentRows(paymentSummary(order), (amount) => formatPrice(amount, order.currency)) : null,
    canRetry,
    retryProviders: canRetry ? providersFor(order.currency).map(({ id, label }) => ({ id, label })) : [],
    openPayment: open ? { label: getProvider(open.provider)?.label ?? open.provider, url: open.redirectUrl! } : null,
    delivery: order.status === "paid" ? await deliveryView(order, token ?? "") : null,
  };
}

export interface FileView {
  key: string;
  title: string;
  filename: string | null;
  size: number | null;
  used: number;
  limit: number;
  exhausted: boolean;
  /** Through the storefront only: never an asset URL. */
  href: string;
}

export interface LineDeliveryView {
  lineKey: string;
  title: string;
  kind: "file" | "access";
  files: FileView[];
  /** Codes from the pool, or what an editor handed over. */
  access: string[];
  waiting: boolean;
}

/** What the buyer gets, per line: files with their remaining downloads, codes, or a wait. */
async function deliveryView(order: Order, token: string) {
  const { products, settings } = await loadDeliveryInfo(order);
  let expiresAt: string | null = null;
  const lines: LineDeliveryView[] = order.lines.map((line) => {
    const product = products.find((candidate) => candidate._id === line.productId);
    const policy = downloadPolicy(order, product, settings);
    if (line.kind === "file" && policy.expiresAt) expiresAt = policy.expiresAt.toISOString();
    const files = line.kind === "file"
      ? (product?.files ?? []).map((file) => {
          const used = downloadsOf(order, line._key, file._key);
          return {
            key: file._key,
            title: file.title ?? file.filename ?? "Fichier",
            filename: file.filename ?? null,
            size: file.size ?? null,
            used,
            limit: policy.limit,
            exhausted: used >= policy.limit,
            href: `/telechargement/${order.number}/${line._key}/${file._key}?t=${encodeURIComponent(token)}`,
          };
        })
      : [];
    const access = (order.fulfilment?.deliveries ?? []).filter((entry) => entry.lineKey === line._key).map((entry) => entry.code);
    return { lineKey: line._key, title: line.title, kind: line.kind, files, access, waiting: !lineDelivered(order, line) };
  });
  const expired = expiresAt !== null && Date.parse(expiresAt) < Date.now();
  return { lines, expiresAt, expired };
}

export async function retryPayment(
  number: string,
  token: string | null,
  paymentMethod: FormDataEntryValue | null,
  origin: string,
): Promise<StartResult> {
  const order = await getOrderForShopper(number, token);
  if (!order) return { kind: "error", message: "Commande introuvable." };
  if (paymentMethod !== "lygos" && paymentMethod !== "lengo") {
    return { kind: "error", message: "Choisissez un moyen de paiement." };
  }
  return startPayment(order, paymentMethod, origin);
}
