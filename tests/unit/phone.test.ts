import { describe, expect, it } from "vitest";
import type { CountryCode } from "~/lib/mobile-money";
import { countryOfPhone, parsePhone } from "~/modules/checkout/phone.server";

/** Per country: what buyers type there, and what is stored. */
const ACCEPTED: [CountryCode, string, string][] = [
  ["CM", "690123456", "+237690123456"],
  ["CM", "6 90 12 34 56", "+237690123456"],
  ["CM", "0690123456", "+237690123456"],
  ["CM", "+237 690 12 34 56", "+237690123456"],
  ["CM", "00237690123456", "+237690123456"],
  ["CI", "07 07 07 07 07", "+2250707070707"],
  ["CI", "+225 0707070707", "+2250707070707"],
  ["SN", "77 123 45 67", "+221771234567"],
  ["SN", "+221-77-123-45-67", "+221771234567"],
  ["BJ", "01 97 00 00 00", "+2290197000000"],
  ["BF", "70 12 34 56", "+22670123456"],
  ["CD", "0812345678", "+243812345678"],
  ["CG", "06 612 3456", "+242066123456"],
  ["GA", "06 03 12 34", "+24106031234"],
  ["GN", "621 00 00 00", "+224621000000"],
  ["KE", "0712 345678", "+254712345678"],
  ["RW", "0781234567", "+250781234567"],
  ["TZ", "0621 234 567", "+255621234567"],
  ["ZM", "0955 123456", "+260955123456"],
  // A number from another country, typed internationally, is taken as it is.
  ["CM", "+221 77 123 45 67", "+221771234567"],
];

describe("phone numbers as people type them", () => {
  it.each(ACCEPTED)("%s: %s → %s", (country, typed, e164) => {
    expect(parsePhone(typed, country)).toMatchObject({ ok: true, e164 });
  });

  it.each([
    ["CM", "690000", "6 71 23 45 67 ou +237 6 71 23 45 67"],
    ["CM", "69012345678901", "le Cameroun"],
    ["SN", "12", "+221"],
    ["CI", "abc", "la Côte d'Ivoire"],
  ] as [CountryCode, string, string][])("%s: refuses %s, showing the expected form", (country, typed, shown) => {
    const result = parsePhone(typed, country);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(shown);
  });

  it("needs the international form when no country is known", () => {
    expect(parsePhone("690123456", null).ok).toBe(false);
    expect(parsePhone("+237690123456", null)).toMatchObject({ ok: true, country: "CM" });
  });

  it("finds the country of an international number, to prefill it", () => {
    expect(countryOfPhone("+225 07 07 07 07 07")).toBe("CI");
    expect(countryOfPhone("00221771234567")).toBe("SN");
    expect(countryOfPhone("690123456")).toBeNull();
  });
});
