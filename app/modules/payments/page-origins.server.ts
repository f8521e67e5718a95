import type { Env } from "../platform/env.server";
import { configuredProviders, getPlugin } from "./registry.server";

/**
 * Where the checkout form may be redirected (CSP form-action, decision 013): the hosted pages of
 * the configured providers, as each plug-in names them, plus PAYMENT_PAGE_ORIGINS. A provider
 * that moves its page breaks the no-JavaScript checkout until one of them names the new host.
 */
export function paymentPageOrigins(env: Env, source: NodeJS.ProcessEnv = process.env): string[] {
  const origins = new Set(env.PAYMENT_PAGE_ORIGINS);
  for (const id of configuredProviders(source).keys()) {
    for (const origin of getPlugin(id)?.pageOrigins(source) ?? []) origins.add(origin);
  }
  return [...origins];
}
