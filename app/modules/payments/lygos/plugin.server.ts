import { z } from "zod";
import type { PaymentPlugin } from "../provider";
import { parsePluginEnv } from "../plugin-env.server";
import { LygosProvider } from "./client.server";
import { LYGOS } from "./coverage";

const envSchema = z.object({
  LYGOS_API_URL: z.url().default("https://api.lygosapp.com/v1"),
  /** Lygos Pay is offered only when the key is set. */
  LYGOS_API_KEY: z.string().min(8).optional(),
  /** The merchant account's currency: Lygos takes none per payment, it follows the account's country. */
  LYGOS_CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default("XAF"),
  /** Shown to the payer on the hosted page. */
  SHOP_NAME: z.string().min(1).default("ASHTECH STORE"),
});

/** Lygos Pay: no webhook, confirmed by asking; keys its status by the reference the shop sends. */
export const lygosPlugin: PaymentPlugin = {
  id: LYGOS.provider,
  label: LYGOS.providerLabel,
  fromEnv(source) {
    const env = parsePluginEnv(LYGOS.provider, envSchema, source);
    if (!env.LYGOS_API_KEY) return null;
    return new LygosProvider({
      baseUrl: env.LYGOS_API_URL,
      apiKey: env.LYGOS_API_KEY,
      shopName: env.SHOP_NAME,
      currency: env.LYGOS_CURRENCY,
    });
  },
  // The sandbox serves its page next to its API; Lygos's own links are https://pay.lygosapp.com/link/….
  pageOrigins: (source) => [
    new URL(parsePluginEnv(LYGOS.provider, envSchema, source).LYGOS_API_URL).origin,
    "https://pay.lygosapp.com",
  ],
  // Lygos reports the status by our reference: each attempt of one order needs its own.
  referenceFor: (orderNumber, attempt) => (attempt === 1 ? orderNumber : `${orderNumber}-${attempt}`),
};
