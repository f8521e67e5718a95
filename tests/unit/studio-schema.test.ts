import { describe, expect, it } from "vitest";
import { linesToDeliver, markDeliveredPatches } from "../../sanity/actions/manualDelivery";
import { discountCode } from "../../sanity/schemaTypes/discountCode";
import { order } from "../../sanity/schemaTypes/order";
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
      get:
        (_target, name: string) =>
        (...args: unknown[]) => {
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
    expect(await check(product, "promoPrice", 10_000, { price: 10_000, promoEndsAt: future })).toBe(
      "Le prix promo doit être inférieur au prix normal.",
    );
    expect(await check(product, "promoPrice", 9_000, { price: 10_000 })).toBe("Indiquez la date de fin de la promo.");
    expect(await check(product, "promoPrice", 9_000, { price: 10_000, promoEndsAt: past })).toMatch(
      /^La promo est terminée/,
    );
  });

  it("wants at least one deliverable on a file product and none on an access product", async () => {
    expect(await check(product, "deliverables", [], { kind: "file" })).toBe(
      "Un produit à télécharger doit avoir au moins un fichier.",
    );
    expect(await check(product, "deliverables", [{ _key: "a" }], { kind: "file" })).toBe(true);
    expect(await check(product, "deliverables", [{ _key: "a" }], { kind: "access" })).toMatch(
      /^Un produit d'accès ne livre pas de fichier/,
    );
  });
});

describe("discount code rules", () => {
  it("keeps value, dates and limits consistent", async () => {
    expect(await check(discountCode, "value", 120, { kind: "percentage" })).toBe(
      "Un pourcentage ne peut pas dépasser 100.",
    );
    expect(await check(discountCode, "value", 5_000, { kind: "fixed" })).toBe(true);
    expect(await check(discountCode, "endsAt", past, { startsAt: future })).toBe("La fin doit être après le début.");
    expect(await check(discountCode, "maxPerCustomer", 5, { maxRedemptions: 2 })).toBe(
      "Ne peut pas dépasser le nombre total d'utilisations.",
    );
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

describe("« Marquer livrée »", () => {
  const paid = {
    status: "paid",
    lines: [
      { _key: "file", productId: "product-guide", title: "Guide", kind: "file", quantity: 1 },
      { _key: "canva", productId: "product-canva-pro-1-an", title: "Canva Pro 1 an", kind: "access", quantity: 1 },
      { _key: "office", productId: "product-office", title: "Office", kind: "access", quantity: 2 },
      { _key: "vpn", productId: "product-vpn", title: "VPN", kind: "access", quantity: 1 },
    ],
    fulfilment: {
      status: "to_deliver",
      deliveries: [
        { lineKey: "office", method: "code" },
        { lineKey: "vpn", method: "code" },
      ],
    },
  };

  it("asks for the access lines still waiting: not files, not lines with all their codes", () => {
    expect(linesToDeliver(paid).map((line) => line._key)).toEqual(["canva", "office"]);
    const handed = {
      ...paid,
      fulfilment: {
        ...paid.fulfilment,
        deliveries: [...paid.fulfilment.deliveries, { lineKey: "canva", method: "manual" }],
      },
    };
    expect(linesToDeliver(handed).map((line) => line._key)).toEqual(["office"]);
  });

  it("appends a manual delivery per line written for, then marks the order delivered, in one patch", () => {
    const now = "2026-11-23T10:00:00.000Z";
    const patches = markDeliveredPatches(
      paid,
      { canva: "  awa@example.com / MotDePasse1  ", office: " ", vpn: "ignored" },
      { now, newKey: () => "k1" },
    );
    expect(patches).toEqual([
      { setIfMissing: { fulfilment: {} } },
      { setIfMissing: { "fulfilment.deliveries": [] } },
      {
        insert: {
          after: "fulfilment.deliveries[-1]",
          items: [
            {
              _key: "k1",
              lineKey: "canva",
              productId: "product-canva-pro-1-an",
              method: "manual",
              code: "awa@example.com / MotDePasse1",
              at: now,
            },
          ],
        },
      },
      { set: { "fulfilment.status": "delivered", "fulfilment.deliveredAt": now } },
    ]);
  });

  it("with nothing written, only marks the order delivered (the page then points to WhatsApp)", () => {
    const now = "2026-11-23T10:00:00.000Z";
    expect(markDeliveredPatches(paid, {}, { now })).toEqual([
      { setIfMissing: { fulfilment: {} } },
      { set: { "fulfilment.status": "delivered", "fulfilment.deliveredAt": now } },
    ]);
  });

  it("lets the team correct what it handed over, never a pool code", () => {
    const fulfilment = (order.fields as { name: string; fields?: unknown[] }[]).find(
      (candidate) => candidate.name === "fulfilment",
    )!;
    const deliveries = (
      fulfilment.fields as { name: string; of?: { fields: { name: string; readOnly?: unknown }[] }[] }[]
    ).find((candidate) => candidate.name === "deliveries")!;
    const readOnly = deliveries.of![0]!.fields.find((candidate) => candidate.name === "code")!.readOnly as (context: {
      parent: unknown;
    }) => boolean;
    expect(readOnly({ parent: { method: "manual" } })).toBe(false);
    expect(readOnly({ parent: { method: "code" } })).toBe(true);
  });
});
