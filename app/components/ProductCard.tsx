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
    // only when scrolled near (`.card-deferred`; the card already clips what overflows it). The card's
    // parts are styled by the `.card-*` classes (tailwind.css): a page of 34 cards repeated the same
    // utility lists a third of its HTML, which a phone parses before it can answer a tap.
    <article className={eager ? "card" : "card card-deferred"}>
      <div className="card-media">
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
            className="card-picture"
          />
        ) : null}
        <span className="absolute left-2 top-2 flex flex-col items-start gap-1">
          {product.featured ? <span className="card-badge bg-gold text-slate-900">Phare</span> : null}
          {offer.discountPercent !== null ? (
            <span className="card-badge bg-red-600 text-white">-{offer.discountPercent}&nbsp;%</span>
          ) : null}
        </span>
      </div>
      <div className="card-body">
        <h3 className="card-title">
          <Link to={href} prefetch="intent" className="card-link">
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
        {product.summary ? <p className="card-summary">{product.summary}</p> : null}
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
