import { data, redirect, type HeadersFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getLayout } from "~/modules/catalog.server";

/** Stand-in until the cart lands: "Acheter" posts here (intent=buy-now, productId). */
export async function action() {
  return redirect("/panier", 303);
}

export async function loader() {
  return data({ layout: await getLayout() }, { headers: { "Cache-Control": "private, no-store" } });
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const meta = () => [{ title: "Panier | ASHTECH STORE" }, { name: "robots", content: "noindex" }];

export default function Cart() {
  const { layout } = useLoaderData<typeof loader>();
  return (
    <section className="container-page py-16 text-center">
      <h1 className="text-2xl font-extrabold text-slate-900 dark:text-white">Votre panier</h1>
      <p className="mx-auto mt-2 max-w-md text-slate-600 dark:text-slate-400">
        Le paiement en ligne arrive très bientôt chez {layout.settings.shopName}. En attendant, écrivez-nous sur WhatsApp pour commander.
      </p>
      <Link to="/produits" className="btn-primary mt-6">
        Continuer mes achats
      </Link>
    </section>
  );
}
