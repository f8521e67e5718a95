import { describe, expect, it } from "vitest";
import { operatorList, operatorsOffered } from "~/lib/mobile-money";
import { LENGO_GUINEA, parseWalletList } from "~/modules/payments/lengo/coverage";
import { LYGOS_WALLETS } from "~/modules/payments/lygos/coverage";
import type { Coverage } from "~/modules/payments/provider";
import { buildRoutingTable } from "~/modules/payments/routing.server";

const provider = (id: string, coverage: Coverage) => ({
  id,
  coverage,
  supportsCurrency: (currency: string) => coverage.currencies.includes(currency),
});
const lygos = provider("lygos", { currencies: ["XAF"], wallets: LYGOS_WALLETS });
const lengo = provider("lengo", {
  currencies: ["GNF", "XAF"],
  wallets: [...LENGO_GUINEA, ...parseWalletList("CM:mtn,SN:wave")],
});

/** The table Lygos's contract states, country by country. */
const LYGOS_TABLE = {
  BJ: ["mtn", "moov"],
  CM: ["mtn"],
  BF: ["moov"],
  CG: ["mtn"],
  CD: ["orange-money", "vodacom", "airtel"],
  CI: ["mtn", "orange-money", "wave"],
  GA: ["airtel"],
  KE: ["m-pesa"],
  RW: ["mtn", "airtel"],
  SN: ["free", "orange-money", "wave"],
  TZ: ["airtel", "tigo", "halotel"],
  ZM: ["airtel", "mtn"],
};

describe("routing table", () => {
  it("offers exactly Lygos's contract table when Lygos alone is configured", () => {
    const table = buildRoutingTable([lygos], "XAF");
    expect(Object.fromEntries(table.offers.map((offer) => [offer.country, offer.operators]))).toEqual(LYGOS_TABLE);
    // Cameroon: MTN only, never Orange Money.
    expect(table.providersFor("CM", "orange-money")).toEqual([]);
    expect(table.providersFor("CM", "mtn")).toEqual(["lygos"]);
  });

  it("adds Guinea and the merchant's Lengo wallets, Lengo second where both serve", () => {
    const table = buildRoutingTable([lygos, lengo], "XAF");
    expect(table.offers.find((offer) => offer.country === "GN")?.operators).toEqual(["orange-money", "mtn"]);
    expect(table.providersFor("GN", "orange-money")).toEqual(["lengo"]);
    expect(table.providersFor("CM", "mtn")).toEqual(["lygos", "lengo"]);
    expect(table.providersFor("SN", "wave")).toEqual(["lygos", "lengo"]);
    expect(table.providersFor("SN", "free")).toEqual(["lygos"]);
  });

  it("puts the merchant's preferred provider first where both serve", () => {
    const table = buildRoutingTable([lygos, lengo], "XAF", { preferredProvider: "lengo" });
    expect(table.providersFor("CM", "mtn")).toEqual(["lengo", "lygos"]);
    expect(table.providersFor("BJ", "moov")).toEqual(["lygos"]);
  });

  it("drops countries and operators the merchant switched off", () => {
    const table = buildRoutingTable([lygos, lengo], "XAF", { disabledWallets: ["KE", "CI:wave", "GN:mtn"] });
    expect(table.offers.map((offer) => offer.country)).not.toContain("KE");
    expect(table.offers.find((offer) => offer.country === "CI")?.operators).toEqual(["mtn", "orange-money"]);
    expect(table.providersFor("CI", "wave")).toEqual([]);
    expect(table.providersFor("GN", "mtn")).toEqual([]);
  });

  it("leaves out providers that cannot take the shop's currency", () => {
    const table = buildRoutingTable([lygos, lengo], "XOF");
    expect(table.offers).toEqual([]);
    expect(buildRoutingTable([lygos, lengo], "GNF").offers.map((offer) => offer.country)).toEqual(["CM", "GN", "SN"]);
  });

  it("refuses a wallet it does not know", () => {
    const table = buildRoutingTable([lygos], "XAF");
    expect(table.providersFor("XX", "mtn")).toEqual([]);
    expect(table.providersFor("CM", "nope")).toEqual([]);
    expect(() => parseWalletList("CM:mtn,ZZ:wave")).toThrow(/LENGO_WALLETS: "ZZ:wave"/);
  });

  it("names operators in a French sentence, most widespread first", () => {
    const offers = buildRoutingTable([lygos], "XAF").offers;
    const operators = operatorsOffered(offers);
    expect(operators.slice(0, 2)).toEqual(["mtn", "airtel"]);
    expect(operatorList(["orange-money", "mtn", "wave"])).toBe("Orange Money, MTN Mobile Money et Wave");
  });
});
