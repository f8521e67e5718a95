import type { Env } from "../env.server";
import type { ProviderId } from "./provider";
import { getProvider } from "./registry.server";

/**
 * Where each provider's hosted payment page is served. The checkout form, without JavaScript, is
 * redirected there, so the CSP's form-action must name it (decision 013). The API's own origin is
 * added too: the sandboxes serve their page next to their API. A provider that moves its page
 * breaks the no-JavaScript checkout until this list (or PAYMENT_PAGE_ORIGINS) names the new host.
 */
const HOSTED_PAGES: Record<ProviderId, { apiUrl: (env: Env) => string; pages: string[] }> = {
  lygos: { apiUrl: (env) => env.LYGOS_API_URL, pages: ["https://pay.lygosapp.com"] },
  lengo: { apiUrl: (env) => env.LENGO_API_URL, pages: ["https://payment.lengopay.com"] },
};

/** Origins of the configured providers' hosted pages, plus any the operator adds. */
export function paymentPageOrigins(env: Env): string[] {
  const origins = new Set(env.PAYMENT_PAGE_ORIGINS);
  for (const [id, { apiUrl, pages }] of Object.entries(HOSTED_PAGES) as [ProviderId, (typeof HOSTED_PAGES)[ProviderId]][]) {
    if (!getProvider(id)) continue;
    origins.add(new URL(apiUrl(env)).origin);
    for (const page of pages) origins.add(page);
  }
  return [...origins];
}
