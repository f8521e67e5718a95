import type { Wallet } from "../provider";

export const LYGOS = { provider: "lygos", providerLabel: "Lygos Pay" } as const;

/** The countries and operators Lygos serves, as its contract states them (docs/providers/lygos.md). */
export const LYGOS_WALLETS: readonly Wallet[] = [
  { country: "BJ", operator: "mtn" },
  { country: "BJ", operator: "moov" },
  { country: "CM", operator: "mtn" },
  { country: "BF", operator: "moov" },
  { country: "CG", operator: "mtn" },
  { country: "CD", operator: "orange-money" },
  { country: "CD", operator: "vodacom" },
  { country: "CD", operator: "airtel" },
  { country: "CI", operator: "mtn" },
  { country: "CI", operator: "orange-money" },
  { country: "CI", operator: "wave" },
  { country: "GA", operator: "airtel" },
  { country: "KE", operator: "m-pesa" },
  { country: "RW", operator: "mtn" },
  { country: "RW", operator: "airtel" },
  { country: "SN", operator: "free" },
  { country: "SN", operator: "orange-money" },
  { country: "SN", operator: "wave" },
  { country: "TZ", operator: "airtel" },
  { country: "TZ", operator: "tigo" },
  { country: "TZ", operator: "halotel" },
  { country: "ZM", operator: "airtel" },
  { country: "ZM", operator: "mtn" },
];
