import { isCountryCode, isOperatorId } from "~/lib/mobile-money";
import type { Wallet } from "../provider";

export const LENGO = { provider: "lengo", providerLabel: "Lengo Pay" } as const;

/** Lengo is a Guinean gateway: its contract promises Guinea's wallets to every account. */
export const LENGO_GUINEA: readonly Wallet[] = [
  { country: "GN", operator: "orange-money" },
  { country: "GN", operator: "mtn" },
];

/**
 * "CI:orange-money,SN:wave": what the merchant's Lengo account takes beyond Guinea (LENGO_WALLETS).
 * Throws an English message on a pair the shop does not know.
 */
export function parseWalletList(text: string | undefined): Wallet[] {
  if (!text?.trim()) return [];
  return text.split(",").map((pair) => {
    const [country = "", operator = ""] = pair.trim().split(":");
    if (!isCountryCode(country) || !isOperatorId(operator)) {
      throw new Error(
        `LENGO_WALLETS: "${pair.trim()}" is not COUNTRY:operator with a known country code and operator id`,
      );
    }
    return { country, operator };
  });
}
