import { z } from "zod";
import { lengoPlugin } from "./lengo/plugin.server";
import { lygosPlugin } from "./lygos/plugin.server";
import type { PaymentPlugin, PaymentProvider, ProviderId } from "./provider";

/**
 * The one list of payment providers. Adding one is a folder of its own (client, status mapping,
 * coverage, plug-in) and a line here; nothing else in the shop names a provider.
 */
const plugins = new Map<ProviderId, PaymentPlugin>([lygosPlugin, lengoPlugin].map((plugin) => [plugin.id, plugin]));

let configured: Map<ProviderId, PaymentProvider> | undefined;

/** Plugs in a provider at run time (tests prove a new provider needs nothing else). */
export function registerPaymentPlugin(plugin: PaymentPlugin): void {
  plugins.set(plugin.id, plugin);
  configured = undefined;
}

export function providerIds(): [ProviderId, ...ProviderId[]] {
  const [first, ...rest] = plugins.keys();
  return [first!, ...rest];
}

/** Validates a provider id from outside (a form, a URL): an enum of the registered ids. */
export function parseProviderId(value: unknown): ProviderId | null {
  const parsed = z.enum(providerIds()).safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function getPlugin(id: ProviderId): PaymentPlugin | undefined {
  return plugins.get(id);
}

/**
 * The providers this deployment is configured for: a provider without keys is never offered.
 * Called at start so that a malformed variable stops the server.
 */
export function configuredProviders(source: NodeJS.ProcessEnv = process.env): Map<ProviderId, PaymentProvider> {
  if (configured) return configured;
  configured = new Map();
  for (const plugin of plugins.values()) {
    const provider = plugin.fromEnv(source);
    if (provider) configured.set(plugin.id, provider);
  }
  return configured;
}

export function getProvider(id: string): PaymentProvider | undefined {
  return configuredProviders().get(id);
}

/** Providers that can take an order in this currency. */
export function providersFor(currency: string): PaymentProvider[] {
  return [...configuredProviders().values()].filter((provider) => provider.supportsCurrency(currency));
}
