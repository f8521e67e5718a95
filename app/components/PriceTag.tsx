import { formatPrice } from "~/lib/money";
import type { Offer } from "~/lib/pricing";

export function PriceTag({ offer, currency, size = "md" }: { offer: Offer; currency: string; size?: "md" | "lg" }) {
  const big = size === "lg";
  return (
    <p className="flex flex-wrap items-baseline gap-x-2">
      {offer.listPrice !== null ? (
        <>
          <span className="sr-only">Prix habituel :</span>
          <s className={`text-slate-500 dark:text-slate-400 ${big ? "text-base" : "text-xs"}`}>
            {formatPrice(offer.listPrice, currency)}
          </s>
          <span className="sr-only">Prix promo :</span>
        </>
      ) : null}
      <span
        className={`font-extrabold ${big ? "text-3xl" : "text-base"} ${
          offer.listPrice !== null ? "text-red-600 dark:text-red-400" : "text-brand dark:text-brand-light"
        }`}
      >
        {offer.price === 0 ? "Gratuit" : formatPrice(offer.price, currency)}
      </span>
    </p>
  );
}
