import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CategoryCards } from "~/components/CategoryCards";
import { Hero } from "~/components/Hero";
import { ProductRow } from "~/components/ProductRow";
import { PromoBanner } from "~/components/PromoBanner";
import { SectionHeading } from "~/components/SectionHeading";
import { MobileMoneyOperators, operatorSentence } from "~/components/MobileMoneyOperators";
import { WhyUs } from "~/components/WhyUs";
import { pageHeaders, promoEnds, publicPageHeaders } from "~/modules/platform/http.server";
import { useLayout } from "~/lib/layout";
import { seoMeta } from "~/lib/seo";
import { contactLink } from "~/lib/whatsapp";
import { PreviewBanner } from "~/components/PreviewBanner";
import { getHomePage } from "~/modules/catalog/home.server";
import { catalogContextFor, PREVIEW_HEADERS } from "~/modules/catalog/preview.server";
import { buildSeo } from "~/modules/catalog/seo.server";
import { catalogUrl, categoryUrl } from "~/lib/urls";

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await catalogContextFor(request);
  // The header and footer come with the root loader.
  const { layout, ...home } = await getHomePage(ctx);
  const seo = buildSeo({ request, layout, path: "/", description: home.heroText });
  const changesAt = [
    home.promotion?.endsAt,
    home.nextPromotionStart,
    ...promoEnds(home.featured),
    ...promoEnds(home.onSale),
    ...home.categories.flatMap((c) => promoEnds(c.products)),
  ];
  return data(
    { ...home, seo, now: ctx.now.toISOString(), preview: ctx.preview },
    { headers: ctx.preview ? PREVIEW_HEADERS : publicPageHeaders(changesAt, ctx.now) },
  );
}

export const headers = pageHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) => seoMeta(data?.seo);

/**
 * Sections a phone reaches only by scrolling: laid out and painted when they come near the screen, so
 * the first layout covers the hero, the categories and the first row only. The intrinsic size keeps the
 * scroll bar honest until then.
 */
const BELOW_THE_FOLD = "[content-visibility:auto] [contain-intrinsic-size:auto_26rem]";

export default function Home() {
  const { heroTitle, heroText, promotion, featured, onSale, categories, whyUs, now, preview } =
    useLoaderData<typeof loader>();
  const layout = useLayout();
  const { currency, shopName, whatsappNumber } = layout.settings;
  return (
    <>
      {preview ? <PreviewBanner path="/" /> : null}
      <Hero title={heroTitle} text={heroText} whatsappHref={contactLink(whatsappNumber, shopName)} />
      {promotion ? <PromoBanner promotion={promotion} now={now} /> : null}

      <div className="container-page space-y-8 py-5 sm:space-y-12 sm:py-10">
        {categories.length ? (
          <section aria-labelledby="categories">
            <h2 id="categories" className="sr-only">
              Nos catégories
            </h2>
            <CategoryCards categories={categories} />
          </section>
        ) : null}

        {featured.length ? (
          <section aria-labelledby="phares">
            <SectionHeading id="phares" more={{ to: catalogUrl(), label: "Voir tout" }}>
              Nos produits phares
            </SectionHeading>
            <ProductRow products={featured} currency={currency} eagerCount={3} />
          </section>
        ) : null}

        {onSale.length ? (
          <section aria-labelledby="promotions" className={BELOW_THE_FOLD}>
            <SectionHeading id="promotions" more={{ to: catalogUrl({ onSale: true }), label: "Voir tout" }}>
              En promotion
            </SectionHeading>
            <ProductRow products={onSale} currency={currency} />
          </section>
        ) : null}

        {categories
          .filter((category) => category.products.length > 0)
          .map((category) => (
            <section key={category.slug} aria-labelledby={`categorie-${category.slug}`} className={BELOW_THE_FOLD}>
              <SectionHeading
                id={`categorie-${category.slug}`}
                more={{ to: categoryUrl(category.slug), label: `Voir tout (${category.productCount})` }}
              >
                <span aria-hidden="true">{category.icon} </span>
                {category.title}
              </SectionHeading>
              <ProductRow products={category.products} currency={currency} />
            </section>
          ))}

        {whyUs.length ? (
          <section aria-labelledby="pourquoi" className={BELOW_THE_FOLD}>
            <SectionHeading id="pourquoi">Pourquoi nous choisir ?</SectionHeading>
            <WhyUs items={whyUs} />
            <p data-testid="operators-sentence" className="mt-4 text-sm text-slate-600 dark:text-slate-400">
              {operatorSentence(layout.payment.offers)}
            </p>
            <MobileMoneyOperators offers={layout.payment.offers} />
          </section>
        ) : null}
      </div>
    </>
  );
}
