import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { pageHeaders, PRIVATE_HEADERS as PRIVATE, readForm } from "~/modules/platform/http.server";
import { useLayout } from "~/lib/layout";
import { formatPrice } from "~/lib/money";
import { CartLineItem } from "~/components/CartLineItem";
import { applyCartAction, takeCartNotice } from "~/modules/cart/cart-actions.server";
import { priceCart, readCart } from "~/modules/cart/cart.server";
import { thumbnailImage } from "~/modules/catalog/projections.server";
import { commitSession, getSession } from "~/modules/platform/session.server";
import { catalogUrl, checkoutUrl } from "~/lib/urls";

export const headers = pageHeaders;

export const meta: MetaFunction = () => [{ title: "Panier | ASHTECH STORE" }, { name: "robots", content: "noindex" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request);
  const priced = await priceCart(readCart(session));
  const lines = priced.lines.map(({ image, ...line }) => ({ ...line, thumbnail: thumbnailImage(image, line.title) }));
  const notice = takeCartNotice(session);
  // Committed only to drop a notice once shown: the cart itself did not change.
  const headers = notice ? { ...PRIVATE, "Set-Cookie": await commitSession(session) } : PRIVATE;
  return data({ total: priced.total, lines, notice }, { headers });
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const session = await getSession(request);
  const result = await applyCartAction(session, form);
  if ("error" in result) return data({ error: result.error }, { status: 400, headers: PRIVATE });
  return redirect(result.redirectTo, {
    status: 303,
    headers: { ...PRIVATE, "Set-Cookie": await commitSession(session) },
  });
}

export default function CartPage() {
  const { total, lines, notice } = useLoaderData<typeof loader>();
  const layout = useLayout();
  const actionData = useActionData<typeof action>();
  const currency = layout.settings.currency;

  return (
    <section className="container-page max-w-2xl py-8">
      <h1 className="text-2xl font-extrabold text-slate-900 dark:text-white">Votre panier</h1>
      {notice ? (
        <p
          role="status"
          className="mt-4 rounded-xl bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100"
          data-testid="cart-notice"
        >
          {notice}
        </p>
      ) : null}
      {actionData?.error ? (
        <p
          role="alert"
          className="mt-4 rounded-xl bg-red-50 p-3 text-sm text-red-700 dark:bg-red-950 dark:text-red-300"
        >
          {actionData.error}
        </p>
      ) : null}

      {lines.length === 0 ? (
        <div className="py-12 text-center">
          <p className="text-slate-600 dark:text-slate-400">Votre panier est vide pour le moment.</p>
          <Link to={catalogUrl()} className="btn-primary mt-6">
            Découvrir nos produits
          </Link>
        </div>
      ) : (
        <>
          <ul className="mt-6 divide-y divide-slate-200 rounded-2xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
            {lines.map((line) => (
              <CartLineItem key={line._key} line={line} currency={currency} />
            ))}
          </ul>
          <p className="mt-4 flex justify-between text-lg font-extrabold">
            <span>Total</span>
            <span data-testid="cart-total">{total === 0 ? "Gratuit" : formatPrice(total, currency)}</span>
          </p>
          <Link to={checkoutUrl()} className="btn-primary mt-4 w-full text-base">
            Passer la commande
          </Link>
          <Link to={catalogUrl()} className="btn-outline mt-2 w-full">
            Continuer mes achats
          </Link>
        </>
      )}
    </section>
  );
}
