import { LYGOS_COUNTRIES, type Wallets } from "../shared/checkout";
import { hostedPageRoutes } from "../shared/hosted-page";
import type { SandboxRoute } from "../shared/server";
import type { Gateways } from "./state";

export const BRAND = { provider: "Lygos Pay", accent: "#0b6e4f" };
export const WALLETS: Wallets = { countries: LYGOS_COUNTRIES, defaultWallet: "CM:mtn" };

/** The hosted page a gateway's `link` opens: /link/{gateway id}. */
export function pageRoutes(ctx: { gateways: Gateways; lateDelayMs: number }): SandboxRoute[] {
  const { gateways } = ctx;
  return hostedPageRoutes({
    pattern: /^\/link\/([^/]+)$/,
    brand: BRAND,
    wallets: WALLETS,
    lateDelayMs: ctx.lateDelayMs,
    find: (id) => gateways.live(id),
    payable: (g) => gateways.payable(g),
    summary: (g) => ({
      shopName: g.shop_name,
      message: g.message,
      amount: g.amount,
      currency: g.currency,
      action: `/link/${g.id}`,
    }),
    pay: (g, outcome, payer) => gateways.pay(g, outcome, payer ?? { phone: "", country: "", operator: "" }),
    returnUrl: (g, outcome) => (outcome === "failed" || outcome === "cancelled" ? g.failure_url : g.success_url),
    closed: {
      missing: ["Lien introuvable", "Ce lien de paiement n'existe pas ou a expiré."],
      used: ["Paiement déjà effectué", "Ce lien de paiement a déjà été utilisé."],
      backUrl: (g) => g.success_url,
    },
  });
}
