import type { HeadersFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ProductGrid } from "~/components/ProductGrid";
import type { LayoutView, ProductCardView } from "~/lib/catalog-types";
import { getEnv } from "~/modules/platform/env.server";

/**
 * The benchmark's render floor: the catalogue's layout and 24 product cards from constants, through
 * the same loader → serialisation → render path, with no content lake and no cache. Served only
 * with BENCH_ROUTES set.
 */
const LAYOUT: LayoutView = {
  settings: {
    shopName: "ASHTECH STORE",
    tagline: "Produits numériques livrés immédiatement",
    description: null,
    currency: "XAF",
    whatsappNumber: "237690000000",
    email: "contact@example.com",
    timeZone: "Africa/Douala",
    socials: { facebook: "https://facebook.com/example", instagram: "https://instagram.com/example" },
    paymentRouting: { preferredProvider: null, disabledWallets: [] },
  },
  payment: { offers: [{ country: "CM", name: "Cameroun", dial: "237", operators: ["mtn"] }] },
  categories: [
    "Formations",
    "Intelligence Artificielle",
    "Abonnements premium",
    "E-books et guides",
    "Logiciels et applications",
  ].map((title, i) => ({ title, slug: `categorie-${i}`, icon: "📘" })),
  pages: ["À propos", "Conditions générales de vente", "Politique de remboursement", "FAQ", "Contact"].map(
    (title, i) => ({
      title,
      slug: `page-${i}`,
    }),
  ),
};

function card(i: number): ProductCardView {
  const ref = `https://cdn.example.com/images/demo/production/${i.toString(16).padStart(40, "0")}-1200x900.jpg`;
  const promo = i % 4 === 0;
  return {
    id: `product-${i}`,
    slug: `produit-${i}`,
    title: `Produit numérique de démonstration numéro ${i}`,
    summary: "Un guide pratique pour apprendre pas à pas, avec des exemples concrets et des modèles prêts à l'emploi.",
    featured: i % 3 === 0,
    rating: i % 2 === 0 ? { average: 4.5, count: 2 } : null,
    image: { url: ref },
    offer: promo
      ? { price: 4500, listPrice: 5000, discountPercent: 10, promoEndsAt: "2099-01-01T00:00:00Z" }
      : { price: 500 * (i + 1), listPrice: null, discountPercent: null, promoEndsAt: null },
  };
}

const PRODUCTS = Array.from({ length: 24 }, (_, i) => card(i));

export function loader() {
  if (!getEnv().BENCH_ROUTES) throw new Response("Not found", { status: 404 });
  return data(
    { layout: LAYOUT, products: PRODUCTS },
    { headers: { "Cache-Control": "public, max-age=60, stale-while-revalidate=600" } },
  );
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const meta = () => [{ title: "Floor | ASHTECH STORE" }, { name: "robots", content: "noindex" }];

export default function BenchFloor() {
  const { layout, products } = useLoaderData<typeof loader>();
  return (
    <div className="container-page py-6">
      <h1 className="mb-4 text-2xl font-extrabold">Tous nos produits</h1>
      <ProductGrid products={products} currency={layout.settings.currency} eagerCount={2} />
    </div>
  );
}
