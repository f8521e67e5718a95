import {
  COUNTRIES,
  OPERATORS,
  isCountryCode,
  isOperatorId,
  type CountryCode,
  type OperatorId,
} from "~/lib/mobile-money";
import { downloadPolicy, downloadsOf, lineDelivered, loadDeliveryInfo, onOrderPaid } from "../delivery/delivery.server";
import { getEnv } from "../platform/env.server";
import { canRetryPayment } from "./order-state.server";
import type { Order, PaymentAttempt } from "./order-document";
import { getOrderForShopper } from "./orders.server";
import { formatPrice } from "~/lib/money";
import { portableTextToHtml } from "~/modules/platform/portable-text.server";
import { hasCodes } from "../delivery/resend-access.server";
import { paymentRows, paymentSummary } from "./payment-summary.server";
import { getPlugin, getProvider } from "../payments/registry.server";
import { routingTable, type RoutingSettings } from "../payments/routing.server";
import { confirmPayments, orderPageUrl, startPaymentOnRoute, type StartResult } from "../payments/attempts.server";
import { downloadUrl } from "~/lib/urls";

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
  // Pending too: the buttons are offered, and the server starts a new attempt only once the open one is known unpaid.
  const canRetry = canRetryPayment(order.status) || order.status === "pending";
  // One payment at a time (decision 011): a buyer sent here while a payment is open resumes it.
  const open =
    order.status === "pending"
      ? order.payments?.find((attempt) => attempt.state === "pending" && attempt.redirectUrl)
      : undefined;
  return {
    number: order.number,
    status: order.status,
    currency: order.currency,
    total: order.total,
    lines: order.lines,
    createdAt: order._createdAt,
    paidAt: order.paidAt ?? null,
    /** Date, operator, provider reference and amount: only once paid (a pending page has its own guidance). */
    receipt:
      order.status === "paid"
        ? paymentRows(paymentSummary(order), (amount) => formatPrice(amount, order.currency))
        : null,
    canRetry,
    openPayment: open ? { label: getProvider(open.provider)?.label ?? open.provider, url: open.redirectUrl! } : null,
    payment: latest && order.status !== "paid" ? attemptView(order, latest) : null,
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
  /** The product's « Étapes d'activation », as HTML rendered here (never the renderer in the browser). */
  stepsHtml: string;
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
    const files =
      line.kind === "file"
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
              href: downloadUrl(order.number, line._key, file._key, token),
            };
          })
        : [];
    const access = (order.fulfilment?.deliveries ?? [])
      .filter((entry) => entry.lineKey === line._key)
      .map((entry) => entry.code);
    const stepsHtml = access.length ? portableTextToHtml(product?.activationSteps) : "";
    return {
      lineKey: line._key,
      title: line.title,
      kind: line.kind,
      files,
      access,
      stepsHtml,
      waiting: !lineDelivered(order, line),
    };
  });
  const expired = expiresAt !== null && Date.parse(expiresAt) < Date.now();
  return { lines, expiresAt, expired, canResend: hasCodes(order) };
}

/** Why an attempt did not pay, told apart from the provider's raw status. */
export type Outcome = "refused" | "cancelled" | "expired";

export function outcomeOf(rawStatus: string | undefined): Outcome {
  if (/cancel/i.test(rawStatus ?? "")) return "cancelled";
  if (/expir/i.test(rawStatus ?? "")) return "expired";
  return "refused";
}

/** The latest attempt as the buyer needs it: operator, provider, time left, why it failed. */
function attemptView(order: Order, attempt: PaymentAttempt) {
  const started = Date.parse(attempt.createdAt ?? order._createdAt);
  return {
    state: attempt.state,
    provider: getPlugin(attempt.provider)?.label ?? attempt.provider,
    country: attempt.country && isCountryCode(attempt.country) ? attempt.country : null,
    operator: attempt.operator && isOperatorId(attempt.operator) ? attempt.operator : null,
    /** When the reconciler expires an order nobody pays (the window runs from the latest attempt). */
    expiresAt: new Date(started + getEnv().ORDER_EXPIRY_MINUTES * 60_000).toISOString(),
    outcome: attempt.state === "failed" ? outcomeOf(attempt.rawStatus) : null,
    /** What the provider answered, shown when it refused: its own words are the only reason it gives. */
    rawStatus: attempt.state === "failed" ? (attempt.rawStatus ?? null) : null,
    /** The open payment's hosted page, to go back to it (« Réessayer » while it waits). */
    resumeUrl: attempt.state === "pending" ? (attempt.redirectUrl ?? null) : null,
  };
}

export type RetryResult = StartResult | { kind: "choose-country"; country: CountryCode };

/**
 * « Réessayer » (the same operator) and « Payer avec un autre opérateur », on the same order.
 * The open attempt is asked first: while it may still be paid, « Réessayer » goes back to its
 * page and another operator is refused; once it is known unpaid, a new attempt starts (through
 * `startPayment`'s one-payment-at-a-time claim, and failover if the provider is down).
 */
export async function retryPayment(
  number: string,
  token: string | null,
  formData: FormData,
  origin: string,
  routing: RoutingSettings,
): Promise<RetryResult> {
  let order = await getOrderForShopper(number, token);
  if (!order) return { kind: "error", message: "Commande introuvable." };
  const intent = formData.get("intent");
  const chosenCountry = String(formData.get("country") ?? "");
  if (intent === "choose-country" && isCountryCode(chosenCountry))
    return { kind: "choose-country", country: chosenCountry };

  const open = order.payments?.at(-1);
  if (order.status === "pending" && (open?.state === "pending" || open?.state === "creating")) {
    order = (await confirmPayments(order, "order-page")).order;
  }
  if (order.status === "paid") return { kind: "redirect", url: orderPageUrl(origin, order) };
  const latest = order.payments?.at(-1);
  const stillOpen = latest?.state === "pending" || latest?.state === "creating";
  const operatorName =
    latest?.operator && isOperatorId(latest.operator) ? OPERATORS[latest.operator].name : "précédent";
  if (stillOpen && intent === "retry" && latest?.redirectUrl) return { kind: "redirect", url: latest.redirectUrl };
  if (stillOpen) {
    return {
      kind: "error",
      message: `Votre paiement ${operatorName} attend encore votre validation. Validez-le sur votre téléphone, ou annulez-le sur la page de paiement (« Réessayer »), puis choisissez un autre opérateur.`,
    };
  }
  if (!canRetryPayment(order.status) && order.status !== "pending")
    return { kind: "error", message: "Cette commande ne peut plus être payée." };

  const operator = String(formData.get("operator") ?? "");
  const wallet =
    intent === "retry"
      ? latest?.country && latest.operator
        ? { country: latest.country, operator: latest.operator }
        : null
      : isCountryCode(chosenCountry) && isOperatorId(operator)
        ? { country: chosenCountry, operator: operator as OperatorId }
        : null;
  if (!wallet) return { kind: "error", message: "Choisissez votre pays et votre opérateur." };
  const providers = routingTable(order.currency, routing).providersFor(wallet.country, wallet.operator);
  if (providers.length === 0) {
    return {
      kind: "error",
      message: `${OPERATORS[wallet.operator].name} n'est pas proposé pour ${COUNTRIES[wallet.country].name}. Choisissez l'un des opérateurs affichés.`,
    };
  }
  return startPaymentOnRoute(order, providers, wallet, origin);
}
