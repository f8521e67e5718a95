import { getEnv } from "../env.server";
import { LengoProvider } from "./lengo.server";
import { LygosProvider } from "./lygos.server";
import type { PaymentProvider, ProviderId } from "./provider";

let providers: Map<ProviderId, PaymentProvider> | undefined;

/** The providers this deployment is configured for: a provider without keys is never offered. */
function configuredProviders(): Map<ProviderId, PaymentProvider> {
  if (providers) return providers;
  const env = getEnv();
  providers = new Map();
  if (env.LYGOS_API_KEY) {
    providers.set(
      "lygos",
      new LygosProvider({ baseUrl: env.LYGOS_API_URL, apiKey: env.LYGOS_API_KEY, shopName: env.SHOP_NAME, currency: env.LYGOS_CURRENCY }),
    );
  }
  if (env.LENGO_LICENSE_KEY && env.LENGO_WEBSITE_ID) {
    providers.set(
      "lengo",
      new LengoProvider({
        baseUrl: env.LENGO_API_URL,
        licenseKey: env.LENGO_LICENSE_KEY,
        websiteId: env.LENGO_WEBSITE_ID,
        currencies: env.LENGO_CURRENCIES,
      }),
    );
  }
  return providers;
}

export function getProvider(id: string): PaymentProvider | undefined {
  return configuredProviders().get(id as ProviderId);
}

/** Providers a shopper may pick for an order in this currency. */
export function providersFor(currency: string): PaymentProvider[] {
  return [...configuredProviders().values()].filter((provider) => provider.supportsCurrency(currency));
}
