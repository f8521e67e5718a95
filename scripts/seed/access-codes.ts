import type { ProductSeed } from "./catalog-types";
import { keyMaker, shortHash } from "./portable-text";

/**
 * Demo code pools for the "access" products delivered by code: `accessCodePool-<product slug>`,
 * the shape the storefront takes codes from (docs/decisions/006-delivery.md). The codes are
 * obviously fake and deterministic, so the seed stays reproducible.
 */
const CODES_PER_POOL = 5;

export function accessCodePoolDocs(products: ProductSeed[]) {
  return products
    .filter((product) => product.kind === "access" && product.accessDelivery === "code")
    .map((product) => {
      const _id = `accessCodePool-${product.slug}`;
      const nextKey = keyMaker(_id);
      return {
        _id,
        _type: "accessCodePool",
        title: `Codes : ${product.title}`,
        product: { _type: "reference", _ref: `product-${product.slug}` },
        codes: Array.from({ length: CODES_PER_POOL }, (_, index) => {
          const hash = shortHash(`${product.slug}#code${index}`).toUpperCase();
          return {
            _type: "accessCode",
            _key: nextKey(),
            code: `DEMO-${hash.slice(0, 4)}-${hash.slice(4, 8)}-${hash.slice(8, 12)}`,
          };
        }),
      };
    });
}
