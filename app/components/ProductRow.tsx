import type { ProductCardView } from "~/lib/catalog-types";
import { ProductCard } from "./ProductCard";

/**
 * One row of the home's cards, four at most (home.server.ts; « Voir tout » beside the heading leads to
 * the rest): it scrolls sideways on phones (about two and a half cards show, so the row reads as
 * scrollable) and fits across from `lg` up.
 * `relative` makes the row the containing block of the cards' absolutely positioned parts (badges,
 * visually hidden labels): otherwise they escape its overflow clip and widen a phone's layout viewport.
 */
export function ProductRow({
  products,
  currency,
  eagerCount = 0,
}: {
  products: ProductCardView[];
  currency: string;
  eagerCount?: number;
}) {
  return (
    <ul className="relative -mx-4 flex snap-x snap-mandatory gap-3 overflow-x-auto scroll-px-4 px-4 pb-2 sm:-mx-6 sm:scroll-px-6 sm:px-6 lg:mx-0 lg:grid lg:grid-cols-4 lg:gap-4 lg:overflow-visible lg:px-0 lg:pb-0">
      {products.map((product, index) => (
        <li key={product.id} className="flex w-[42%] shrink-0 snap-start sm:w-[30%] lg:w-auto">
          <ProductCard product={product} currency={currency} eager={index < eagerCount} />
        </li>
      ))}
    </ul>
  );
}
