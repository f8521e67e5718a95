/**
 * The countries and mobile-money operators the shop knows how to name and draw. Which of them
 * the shop can take, and through which provider, is the routing table's business
 * (modules/payments/routing.server.ts): never list operators from here alone.
 */

export const COUNTRIES = {
  BJ: { name: "Bénin", dial: "229" },
  BF: { name: "Burkina Faso", dial: "226" },
  CM: { name: "Cameroun", dial: "237" },
  CG: { name: "Congo", dial: "242" },
  CI: { name: "Côte d'Ivoire", dial: "225" },
  GA: { name: "Gabon", dial: "241" },
  GN: { name: "Guinée", dial: "224" },
  KE: { name: "Kenya", dial: "254" },
  CD: { name: "RD Congo", dial: "243" },
  RW: { name: "Rwanda", dial: "250" },
  SN: { name: "Sénégal", dial: "221" },
  TZ: { name: "Tanzanie", dial: "255" },
  ZM: { name: "Zambie", dial: "260" },
} as const satisfies Record<string, { name: string; dial: string }>;

export type CountryCode = keyof typeof COUNTRIES;

/** Operator marks are drawn from these colours (components/OperatorMark.tsx), never fetched. */
export const OPERATORS = {
  mtn: { name: "MTN Mobile Money", short: "MTN", background: "#FFCC00", foreground: "#000000" },
  "orange-money": { name: "Orange Money", short: "Orange", background: "#FF7900", foreground: "#000000" },
  moov: { name: "Moov Money", short: "Moov", background: "#0055A5", foreground: "#FFFFFF" },
  wave: { name: "Wave", short: "Wave", background: "#1DC8F2", foreground: "#0B1F44" },
  free: { name: "Free Money", short: "Free", background: "#CD0000", foreground: "#FFFFFF" },
  airtel: { name: "Airtel Money", short: "Airtel", background: "#E40000", foreground: "#FFFFFF" },
  vodacom: { name: "M-Pesa Vodacom", short: "Vodacom", background: "#E60000", foreground: "#FFFFFF" },
  "m-pesa": { name: "M-Pesa", short: "M-Pesa", background: "#4CAF50", foreground: "#FFFFFF" },
  tigo: { name: "Tigo Pesa", short: "Tigo", background: "#00377B", foreground: "#FFFFFF" },
  halotel: { name: "HaloPesa", short: "Halotel", background: "#F58220", foreground: "#000000" },
} as const satisfies Record<string, { name: string; short: string; background: string; foreground: string }>;

export type OperatorId = keyof typeof OPERATORS;

export function isCountryCode(value: string): value is CountryCode {
  return Object.hasOwn(COUNTRIES, value);
}

export function isOperatorId(value: string): value is OperatorId {
  return Object.hasOwn(OPERATORS, value);
}

/** One country of the routing table as the pages show it: the operators the shop takes there. */
export interface CountryOffer {
  country: CountryCode;
  name: string;
  dial: string;
  operators: OperatorId[];
}

/** "Orange Money, MTN Mobile Money et Wave": operators named in a sentence. */
export function operatorList(operators: readonly OperatorId[]): string {
  const names = operators.map((id) => OPERATORS[id].name);
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} et ${names.at(-1)}`;
}

/** Every operator the shop takes somewhere, most widely available first. */
export function operatorsOffered(offers: readonly CountryOffer[]): OperatorId[] {
  const count = new Map<OperatorId, number>();
  for (const offer of offers)
    for (const operator of offer.operators) count.set(operator, (count.get(operator) ?? 0) + 1);
  return [...count.keys()].sort(
    (a, b) => count.get(b)! - count.get(a)! || OPERATORS[a].name.localeCompare(OPERATORS[b].name),
  );
}
