import { z } from "zod";
import type { PaymentPlugin } from "../provider";
import { parsePluginEnv } from "../plugin-env.server";
import { parseLengoCallback } from "./callback.server";
import { LengoProvider } from "./client.server";
import { LENGO, parseWalletList } from "./coverage";

const envSchema = z.object({
  LENGO_API_URL: z.url().default("https://portal.lengopay.com/api/v1"),
  /** Lengo Pay is offered only when the license key and website id are set. */
  LENGO_LICENSE_KEY: z.string().min(8).optional(),
  LENGO_WEBSITE_ID: z.string().min(1).optional(),
  /** Currencies the Lengo account accepts, comma-separated. */
  LENGO_CURRENCIES: z
    .string()
    .regex(/^[A-Z]{3}(,[A-Z]{3})*$/)
    .default("GNF,XOF,XAF,USD")
    .transform((list) => list.split(",")),
  /** Wallets the merchant's account takes beyond Guinea's, "CI:orange-money,SN:wave". */
  LENGO_WALLETS: z.string().optional(),
});

/** Lengo Pay: assigns its own pay_id and POSTs the result to the shop's callback. */
export const lengoPlugin: PaymentPlugin = {
  id: LENGO.provider,
  label: LENGO.providerLabel,
  fromEnv(source) {
    const env = parsePluginEnv(LENGO.provider, envSchema, source);
    if (!env.LENGO_LICENSE_KEY || !env.LENGO_WEBSITE_ID) return null;
    return new LengoProvider({
      baseUrl: env.LENGO_API_URL,
      licenseKey: env.LENGO_LICENSE_KEY,
      websiteId: env.LENGO_WEBSITE_ID,
      currencies: env.LENGO_CURRENCIES,
      extraWallets: parseWalletList(env.LENGO_WALLETS),
    });
  },
  // The sandbox serves its page next to its API; Lengo's own lives on payment.lengopay.com.
  pageOrigins: (source) => [
    new URL(parsePluginEnv(LENGO.provider, envSchema, source).LENGO_API_URL).origin,
    "https://payment.lengopay.com",
  ],
  referenceFor: () => undefined,
  parseCallback: parseLengoCallback,
};
