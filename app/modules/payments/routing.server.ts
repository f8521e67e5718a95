import { COUNTRIES, isCountryCode, type CountryCode, type CountryOffer, type OperatorId } from "~/lib/mobile-money";
import type { PaymentProvider, ProviderId } from "./provider";
import { providersFor } from "./registry.server";

/**
 * The routing table: which providers can take which operator in which country, for this shop.
 * Built from each configured provider's own coverage, narrowed by the merchant's Studio settings
 * (wallets switched off, preferred provider). Every page that names operators reads it.
 */

export interface RoutingSettings {
  /** "CM" switches a whole country off, "CM:mtn" one operator there. */
  disabledWallets?: readonly string[] | null;
  /** Tried first where it serves the wallet; the registry's order otherwise. */
  preferredProvider?: string | null;
}

export interface RoutingTable {
  /** Countries in alphabetical order, each with the operators the shop takes there. */
  offers: CountryOffer[];
  /** Providers for a wallet, the preferred first; empty when the shop cannot take it. */
  providersFor(country: string, operator: string): ProviderId[];
}

type Routable = Pick<PaymentProvider, "id" | "coverage" | "supportsCurrency">;

export function buildRoutingTable(
  providers: readonly Routable[],
  currency: string,
  settings: RoutingSettings = {},
): RoutingTable {
  const disabled = new Set(settings.disabledWallets ?? []);
  const ordered = [...providers]
    .filter((provider) => provider.supportsCurrency(currency))
    .sort((a, b) => Number(b.id === settings.preferredProvider) - Number(a.id === settings.preferredProvider));
  const routes = new Map<string, ProviderId[]>();
  for (const provider of ordered) {
    for (const { country, operator } of provider.coverage.wallets) {
      if (disabled.has(country) || disabled.has(`${country}:${operator}`)) continue;
      const key = `${country}:${operator}`;
      const list = routes.get(key) ?? [];
      if (!list.includes(provider.id)) list.push(provider.id);
      routes.set(key, list);
    }
  }
  const byCountry = new Map<CountryCode, OperatorId[]>();
  for (const key of routes.keys()) {
    const [country, operator] = key.split(":") as [CountryCode, OperatorId];
    byCountry.set(country, [...(byCountry.get(country) ?? []), operator]);
  }
  const offers = [...byCountry]
    .map(([country, operators]) => ({ country, ...COUNTRIES[country], operators }))
    .sort((a, b) => a.name.localeCompare(b.name, "fr"));
  return {
    offers,
    providersFor: (country, operator) =>
      isCountryCode(country) ? [...(routes.get(`${country}:${operator}`) ?? [])] : [],
  };
}

/** The table for this deployment: the providers configured with keys, for the shop's currency. */
export function routingTable(currency: string, settings: RoutingSettings | null | undefined): RoutingTable {
  return buildRoutingTable(providersFor(currency), currency, settings ?? {});
}
