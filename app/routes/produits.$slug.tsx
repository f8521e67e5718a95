import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Countdown } from "~/components/Countdown";
import { DeliveryNote } from "~/components/DeliveryNote";
import { operatorSentence } from "~/components/MobileMoneyOperators";
import { Faq } from "~/components/Faq";
import { Icon } from "~/components/Icon";
import { JsonLd } from "~/components/JsonLd";
import { PriceTag } from "~/components/PriceTag";
import { ProductBuyBar } from "~/components/ProductBuyBar";
import { ProductGallery } from "~/components/ProductGallery";
import { ProductGrid } from "~/components/ProductGrid";
import { Reviews } from "~/components/Reviews";
import { RouteErrorBoundary } from "~/components/RouteErrorBoundary";
import { SectionHeading } from "~/components/SectionHeading";
import {
  notFound,
  pageHeaders,
  PRIVATE_HEADERS,
  promoEnds,
  publicPageHeaders,
  readForm,
} from "~/modules/platform/http.server";
import { useLayout } from "~/lib/layout";
import { formatPrice } from "~/lib/money";
import { pageMeta } from "~/lib/seo";
import { whatsappLink } from "~/lib/whatsapp";
import { PreviewBanner } from "~/components/PreviewBanner";
import { getProductPage } from "~/modules/catalog/product.server";
import { catalogContextFor, PREVIEW_HEADERS } from "~/modules/catalog/preview.server";
import { submitProductReview } from "~/modules/catalog/reviews.server";
import { buildSeo, productJsonLd } from "~/modules/catalog/seo.server";
import { catalogUrl, categoryUrl, HOME_URL, productUrl } from "~/lib/urls";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = params.slug ?? "";
  const ctx = await catalogContextFor(request);
  const { layout, product, related } = await getProductPage(slug, ctx);
  if (!product) throw notFound("Ce produit", ctx.preview ? PREVIEW_HEADERS : undefined);
  const path = productUrl(slug);
  const seo = buildSeo({
    request,
    layout,
    title: product.title,
    description: product.summary,
    path,
    image: product.shareImage,
    type: "product",
  });
  const jsonLd = productJsonLd(product, seo.canonical, layout.settings);
  return data(
    { product, related, seo, jsonLd, now: ctx.now.toISOString(), preview: ctx.preview },
    {
      headers: ctx.preview
        ? PREVIEW_HEADERS
        : publicPageHeaders([product.offer.promoEndsAt, ...promoEnds(related)], ctx.now),
    },
  );
}

/** A review from the product page: stored pending, never "Achat vérifié". */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const { product } = await getProductPage(params.slug ?? "");
  if (!product)
    return data(
      { ok: false as const, errors: { form: "Produit introuvable." } },
      { status: 404, headers: PRIVATE_HEADERS },
    );
  const result = await submitProductReview(product.id, form, context.clientIp ?? "unknown");
  return data(result, { status: result.ok ? 200 : 400, headers: PRIVATE_HEADERS });
}

export const headers = pageHeaders;

export const meta: MetaFunction<typeof loader> = pageMeta;

export default function ProductPage() {
  const { product, related, seo, jsonLd, now, preview } = useLoaderData<typeof loader>();
  const layout = useLayout();
  const review = useActionData<typeof action>();
  const { currency } = layout.settings;
  const { offer } = product;
  const free = offer.price === 0;
  const shareText = `${product.title} – ${free ? "gratuit" : formatPrice(offer.price, currency)} chez ${
    layout.settings.shopName
  } : ${seo.canonical}`;

  return (
    <div className="container-page py-6 sm:py-10">
      {preview ? <PreviewBanner path={productUrl(product.slug)} /> : null}
      <JsonLd data={jsonLd} />
      <nav aria-label="Fil d'Ariane" className="mb-4 text-sm text-slate-500 dark:text-slate-400">
        <ol className="flex flex-wrap items-center gap-1">
          <li>
            <Link to={HOME_URL} className="hover:text-brand">
              Accueil
            </Link>{" "}
            /
          </li>
          <li>
            <Link to={catalogUrl()} className="hover:text-brand">
              Produits
            </Link>{" "}
            /
          </li>
          {product.category ? (
            <li>
              <Link to={categoryUrl(product.category.slug)} className="hover:text-brand">
                {product.category.title}
              </Link>
            </li>
          ) : null}
        </ol>
      </nav>

      <div className="grid gap-8 lg:grid-cols-2">
        <ProductGallery images={product.images} />

        <div className="space-y-5">
          <div className="flex flex-wrap gap-2">
            {product.featured ? (
              <span className="rounded-full bg-gold px-3 py-1 text-xs font-bold text-slate-900">Produit phare</span>
            ) : null}
            {offer.discountPercent !== null ? (
              <span className="rounded-full bg-red-600 px-3 py-1 text-xs font-bold text-white">
                -{offer.discountPercent}&nbsp;%
              </span>
            ) : null}
          </div>
          <h1 className="text-2xl font-extrabold leading-tight text-slate-900 dark:text-white sm:text-3xl">
            {product.title}
          </h1>
          {product.summary ? <p className="text-slate-600 dark:text-slate-300">{product.summary}</p> : null}

          <div className="space-y-3 rounded-2xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
            <PriceTag offer={offer} currency={currency} size="lg" />
            {offer.promoEndsAt && product.promoEndDate ? (
              <p className="inline-flex items-center gap-2 rounded-full bg-red-50 px-3 py-1 text-sm font-semibold text-red-700 dark:bg-red-950 dark:text-red-300">
                <Icon name="clock" className="h-4 w-4" />
                <Countdown
                  endsAt={offer.promoEndsAt}
                  now={now}
                  prefix="Plus que"
                  datePrefix="Offre valable jusqu'au"
                  endDate={product.promoEndDate}
                />
              </p>
            ) : null}
            <ProductBuyBar productId={product.id} offer={offer} currency={currency} />
            <DeliveryNote kind={product.kind} accessDelivery={product.accessDelivery} />
            {free ? null : (
              <p data-testid="operators-sentence" className="text-sm text-slate-600 dark:text-slate-400">
                {operatorSentence(layout.payment.offers)}
              </p>
            )}
          </div>

          {product.features.length ? (
            <section aria-labelledby="ce-que-vous-obtenez">
              <h2 id="ce-que-vous-obtenez" className="mb-3 text-lg font-extrabold text-slate-900 dark:text-white">
                Ce que vous obtenez
              </h2>
              <ul className="space-y-2">
                {product.features.map((feature) => (
                  <li key={feature} className="flex items-start gap-2 text-slate-700 dark:text-slate-300">
                    <Icon name="check" className="mt-0.5 h-5 w-5 shrink-0 text-whatsapp-dark dark:text-whatsapp" />
                    {feature}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          <a href={whatsappLink(null, shareText)} className="btn-outline w-full sm:w-auto" rel="noopener noreferrer">
            <Icon name="share" className="h-4 w-4" />
            Partager sur WhatsApp
          </a>
        </div>
      </div>

      {product.descriptionHtml ? (
        <section aria-labelledby="description" className="mt-10 max-w-3xl">
          <h2 id="description" className="mb-3 text-xl font-extrabold text-slate-900 dark:text-white">
            Description
          </h2>
          <div className="rich-text" dangerouslySetInnerHTML={{ __html: product.descriptionHtml }} />
        </section>
      ) : null}

      <Reviews rating={product.rating} reviews={product.reviews} state={review} />

      {product.faq.length ? (
        <section aria-labelledby="faq" className="mt-10 max-w-3xl">
          <h2 id="faq" className="mb-3 text-xl font-extrabold text-slate-900 dark:text-white">
            Questions fréquentes
          </h2>
          <Faq entries={product.faq} />
        </section>
      ) : null}

      {related.length ? (
        <section aria-labelledby="similaires" className="mt-12">
          <SectionHeading
            id="similaires"
            more={product.category ? { to: categoryUrl(product.category.slug), label: "Tout voir" } : undefined}
          >
            Vous aimerez aussi
          </SectionHeading>
          <ProductGrid products={related} currency={currency} />
        </section>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
