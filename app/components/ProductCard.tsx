import { Link } from "@remix-run/react";
import { cardImageSources } from "~/lib/card-image";
import type { ProductCardView } from "~/lib/catalog-types";
import { BuyForm } from "./BuyForm";
import { PriceTag } from "./PriceTag";
import { formatRating, Stars } from "./Stars";
import { productUrl } from "~/lib/urls";

const SIZES = "(min-width: 1024px) 270px, (min-width: 768px) 33vw, 50vw";

export function ProductCard({
  product,
  currency,
  eager = false,
}: {
  product: ProductCardView;
  currency: string;
  eager?: boolean;
}) {
  const href = productUrl(product.slug);
  const { offer } = product;
  const image = product.image ? cardImageSources(product.image.url) : null;
  return (
    // One link per card for the picture and the title (stretched over the card by the title's
    // ::after), so the buttons, positioned above it, stay the only other targets: fewer links to
    // hydrate on a catalogue of cards. A card not likely on the first screen is laid out and painted
    // only when scrolled near (`content-visibility`; the card already clips what overflows it).
    <article
      className={`${eager ? "" : "[content-visibility:auto] [contain-intrinsic-size:auto_22rem] "}relative flex w-full flex-col overflow-hidden rounded-2xl border border-slate-200 bg-white shadow-sm transition hover:shadow-md dark:border-slate-800 dark:bg-slate-900`}
    >
      <div className="relative aspect-[4/3] bg-slate-100 dark:bg-slate-800">
        {image ? (
          <img
            src={image.src}
            srcSet={image.srcSet}
            sizes={SIZES}
            width={image.width}
            height={image.height}
            alt=""
            loading={eager ? "eager" : "lazy"}
            decoding="async"
            className="h-full w-full object-cover"
          />
        ) : null}
        <span className="absolute left-2 top-2 flex flex-col items-start gap-1">
          {product.featured ? (
            <span className="rounded-full bg-gold px-2 py-0.5 text-xs font-bold text-slate-900 shadow">Phare</span>
          ) : null}
          {offer.discountPercent !== null ? (
            <span className="rounded-full bg-red-600 px-2 py-0.5 text-xs font-bold text-white shadow">
              -{offer.discountPercent}&nbsp;%
            </span>
          ) : null}
        </span>
      </div>
      <div className="flex flex-1 flex-col gap-2 p-3 sm:p-4">
        <h3 className="text-sm font-bold leading-snug text-slate-900 dark:text-white sm:text-base">
          <Link
            to={href}
            prefetch="intent"
            className="after:absolute after:inset-0 hover:text-brand dark:hover:text-brand-light"
          >
            {product.title}
          </Link>
        </h3>
        {product.rating ? (
          <p className="flex items-center gap-1 text-xs text-slate-600 dark:text-slate-400" data-testid="card-rating">
            <Stars
              rating={product.rating.average}
              label={`Note moyenne : ${formatRating(product.rating.average)} sur 5`}
            />
            <span aria-hidden="true">{formatRating(product.rating.average)}</span>
            <span>({product.rating.count} avis)</span>
          </p>
        ) : null}
        {product.summary ? (
          <p className="line-clamp-3 text-xs text-slate-600 dark:text-slate-400 sm:text-sm">{product.summary}</p>
        ) : null}
        <div className="mt-auto space-y-2 pt-1">
          <PriceTag offer={offer} currency={currency} />
          <div className="relative grid grid-cols-2 gap-2">
            {/* The title in the name, as on « Acheter », tells a grid's links apart; text rather than an
                aria-label, so that the name always begins with what the link shows. */}
            <Link to={href} prefetch="intent" className="btn-outline px-1 text-xs sm:text-sm">
              Détails<span className="sr-only"> : {product.title}</span>
            </Link>
            <BuyForm
              productId={product.id}
              productTitle={product.title}
              free={offer.price === 0}
              label={offer.price === 0 ? "Obtenir" : "Acheter"}
              compact
            />
          </div>
        </div>
      </div>
    </article>
  );
}
