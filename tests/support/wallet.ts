import type { Page } from "@playwright/test";

/** The shop picks the provider from the wallet: MTN in Cameroon goes to Lygos, Orange Money in Guinea to Lengo. */
export const WALLET_OF = {
  "Lygos Pay": { country: "CM", operator: "MTN Mobile Money" },
  "Lengo Pay": { country: "GN", operator: "Orange Money" },
} as const;

/** Chooses the country and the operator on the checkout form, with JavaScript on or off. */
export async function chooseWallet(page: Page, provider: keyof typeof WALLET_OF) {
  const { country, operator } = WALLET_OF[provider];
  await page.getByLabel("Votre pays").selectOption(country);
  // Without JavaScript, the operators of another country come with a round trip.
  const show = page.getByRole("button", { name: "Voir les opérateurs" });
  if (await show.isVisible()) await show.click();
  await page.getByRole("radio", { name: operator, exact: true }).check();
}
