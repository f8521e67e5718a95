import { formatPrice } from "~/lib/money";
import type { Offer } from "~/lib/pricing";
import { AddToCartForm } from "./AddToCartForm";
import { BuyForm } from "./BuyForm";

/**
 * The product's buy buttons. On phones they are a bar fixed to the bottom of the screen, so they stay
 * in reach while the buyer reads; the page keeps room for it (`body:has([data-buy-bar])` in
 * tailwind.css), so it covers nothing for good. From `lg` up, the same buttons sit in the price box.
 */
export function ProductBuyBar({ productId, offer, currency }: { productId: string; offer: Offer; currency: string }) {
  const free = offer.price === 0;
  return (
    <div
      data-buy-bar
      className="fixed inset-x-0 bottom-0 z-30 border-t border-slate-200 bg-white px-4 pb-[max(0.5rem,env(safe-area-inset-bottom))] pt-2 shadow-[0_-4px_16px_rgba(15,23,42,0.08)] dark:border-slate-800 dark:bg-slate-950 lg:static lg:z-auto lg:border-0 lg:bg-transparent lg:p-0 lg:shadow-none dark:lg:bg-transparent"
    >
      <div className="mx-auto flex max-w-6xl items-center gap-2 lg:block lg:space-y-3">
        <p aria-hidden="true" className="shrink-0 whitespace-nowrap leading-tight lg:hidden">
          {offer.listPrice !== null ? (
            <s className="block text-xs text-slate-500 dark:text-slate-400">{formatPrice(offer.listPrice, currency)}</s>
          ) : null}
          <span className="font-extrabold">{free ? "Gratuit" : formatPrice(offer.price, currency)}</span>
        </p>
        <BuyForm
          productId={productId}
          free={free}
          label={free ? undefined : "Acheter maintenant"}
          className="min-w-0 flex-1"
        />
        {free ? null : <AddToCartForm productId={productId} iconOnlyOnPhones />}
      </div>
    </div>
  );
}
