import { LENGO_COUNTRIES, type Wallets } from "../shared/checkout";
import { hostedPageRoutes } from "../shared/hosted-page";
import type { SandboxRoute } from "../shared/server";
import type { Payments } from "./state";

export const BRAND = { provider: "Lengo Pay", accent: "#c2410c" };
export const WALLETS: Wallets = { countries: LENGO_COUNTRIES, defaultWallet: "GN:orange-money" };

/** The hosted page at /{pay_id}, the `payment_url` (payment.lengopay.com/{pay_id} on the real service). */
export function pageRoutes(ctx: { payments: Payments; merchantName: string; lateDelayMs: number }): SandboxRoute[] {
  const { payments } = ctx;
  return hostedPageRoutes({
    pattern: /^\/([^/]+)$/,
    brand: BRAND,
    wallets: WALLETS,
    lateDelayMs: ctx.lateDelayMs,
    find: (payId) => payments.find(payId),
    payable: (p) => payments.payable(p),
    summary: (p) => ({
      shopName: ctx.merchantName,
      amount: p.amount,
      currency: p.currency,
      action: `/${encodeURIComponent(p.payId)}`,
    }),
    pay: (p, outcome, payer) => payments.pay(p, outcome, payer),
    // return_url carries nothing about the outcome: the store must ask the status endpoint.
    returnUrl: (p) => p.returnUrl,
    closed: {
      missing: ["Paiement introuvable", "Ce lien de paiement n'existe pas."],
      used: ["Paiement déjà traité", "Ce paiement a déjà été effectué ou est en cours."],
      backUrl: (p) => p.returnUrl,
    },
  });
}
