import type { ProductCardView } from "~/lib/catalog-types";
import { ProductCard } from "./ProductCard";

/** Two columns on phones. The first `eagerCount` images are likely above the fold and load at once. */
export function ProductGrid({
  products,
  currency,
  eagerCount = 0,
}: {
  products: ProductCardView[];
  currency: string;
  eagerCount?: number;
}) {
  return (
    <ul className="grid grid-cols-2 gap-3 sm:gap-4 md:grid-cols-3 lg:grid-cols-4">
      {products.map((product, index) => (
        <li key={product.id} className="flex">
          <ProductCard product={product} currency={currency} eager={index < eagerCount} />
        </li>
      ))}
    </ul>
  );
}
