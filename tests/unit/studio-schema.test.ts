import { describe, expect, it } from "vitest";
import { discountCode } from "../../sanity/schemaTypes/discountCode";
import { product } from "../../sanity/schemaTypes/product";
import { review } from "../../sanity/schemaTypes/review";

/**
 * The Studio's validation rules, run the way the Studio runs them: each field's rule builder is
 * given a recording rule, and its custom checks are called with the document being edited.
 */
type Check = (value: unknown, context: { document: Record<string, unknown> }) => unknown;
interface Recorded {
  checks: Check[];
  calls: Record<string, unknown[]>;
}

function record(build: unknown): Recorded {
  const recorded: Recorded = { checks: [], calls: {} };
  const rule: Record<string, unknown> = new Proxy(
    {},
    {
      get: (_target, name: string) => (...args: unknown[]) => {
        if (name === "custom") recorded.checks.push(args[0] as Check);
        recorded.calls[name] = args;
        return rule;
      },
    },
  );
  (build as (rule: unknown) => unknown)(rule);
  return recorded;
}

function field(type: { fields?: unknown[] }, name: string): Recorded {
  const found = (type.fields as { name: string; validation?: unknown }[]).find((candidate) => candidate.name === name);
  if (!found?.validation) throw new Error(`no validation on ${name}`);
  return record(found.validation);
}

async function check(type: { fields?: unknown[] }, name: string, value: unknown, document: Record<string, unknown>) {
  for (const custom of field(type, name).checks) {
    const result = await custom(value, { document });
    if (result !== true) return result;
  }
  return true;
}

const future = new Date(Date.now() + 86_400_000).toISOString();
const past = new Date(Date.now() - 86_400_000).toISOString();

describe("product rules", () => {
  it("wants a promo price below the list price, with an end date in the future", async () => {
    expect(await check(product, "promoPrice", 9_000, { price: 10_000, promoEndsAt: future })).toBe(true);
    expect(await check(product, "promoPrice", 10_000, { price: 10_000, promoEndsAt: future })).toBe("Le prix promo doit être inférieur au prix normal.");
    expect(await check(product, "promoPrice", 9_000, { price: 10_000 })).toBe("Indiquez la date de fin de la promo.");
    expect(await check(product, "promoPrice", 9_000, { price: 10_000, promoEndsAt: past })).toMatch(/^La promo est terminée/);
  });

  it("wants at least one deliverable on a file product and none on an access product", async () => {
    expect(await check(product, "deliverables", [], { kind: "file" })).toBe("Un produit à télécharger doit avoir au moins un fichier.");
    expect(await check(product, "deliverables", [{ _key: "a" }], { kind: "file" })).toBe(true);
    expect(await check(product, "deliverables", [{ _key: "a" }], { kind: "access" })).toMatch(/^Un produit d'accès ne livre pas de fichier/);
  });
});

describe("discount code rules", () => {
  it("keeps value, dates and limits consistent", async () => {
    expect(await check(discountCode, "value", 120, { kind: "percentage" })).toBe("Un pourcentage ne peut pas dépasser 100.");
    expect(await check(discountCode, "value", 5_000, { kind: "fixed" })).toBe(true);
    expect(await check(discountCode, "endsAt", past, { startsAt: future })).toBe("La fin doit être après le début.");
    expect(await check(discountCode, "maxPerCustomer", 5, { maxRedemptions: 2 })).toBe("Ne peut pas dépasser le nombre total d'utilisations.");
    expect(await check(discountCode, "minimumOrder", 1_000, { kind: "fixed", value: 2_000 })).toBe(
      "Le minimum de commande doit être au moins égal à la réduction.",
    );
  });
});

describe("review rules", () => {
  it("takes a whole rating from 1 to 5", () => {
    const { calls } = field(review, "rating");
    expect(calls.min).toEqual([1]);
    expect(calls.max).toEqual([5]);
    expect(calls.integer).toEqual([]);
    expect(calls.required).toEqual([]);
  });
});
