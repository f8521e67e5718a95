import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { pageHeaders, PRIVATE_HEADERS as PRIVATE, readForm } from "~/lib/http.server";
import { formatPrice } from "~/lib/money";
import { applyCartAction } from "~/modules/cart-actions.server";
import { priceCart, readCart } from "~/modules/cart.server";
import { getLayout } from "~/modules/catalog.server";
import { commitSession, getSession } from "~/modules/session.server";

export const headers = pageHeaders;

export const meta: MetaFunction = () => [{ title: "Panier | ASHTECH STORE" }, { name: "robots", content: "noindex" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request);
  const [layout, priced] = await Promise.all([getLayout(), priceCart(readCart(session))]);
  return data({ layout, priced }, { headers: PRIVATE });
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const session = await getSession(request);
  const result = await applyCartAction(session, form);
  if ("error" in result) return data({ error: result.error }, { status: 400, headers: PRIVATE });
  return redirect(result.redirectTo, { status: 303, headers: { ...PRIVATE, "Set-Cookie": await commitSession(session) } });
}

export default function CartPage() {
  const { layout, priced } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const currency = layout.settings.currency;

  return (
    <section className="container-page max-w-2xl py-8">
      <h1 className="text-2xl font-extrabold text-slate-900 dark:text-white">Votre panier</h1>
      {actionData?.error ? (
        <p role="alert" className="mt-4 rounded-xl bg-red-50 p-3 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
          {actionData.error}
        </p>
      ) : null}

      {priced.lines.length === 0 ? (
        <div className="py-12 text-center">
          <p className="text-slate-600 dark:text-slate-400">Votre panier est vide pour le moment.</p>
          <Link to="/produits" className="btn-primary mt-6">
            Découvrir nos produits
          </Link>
        </div>
      ) : (
        <>
          <ul className="mt-6 divide-y divide-slate-200 rounded-2xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
            {priced.lines.map((line) => (
              <li key={line._key} className="flex flex-wrap items-center gap-3 p-4" data-testid="cart-line">
                <div className="min-w-0 flex-1">
                  <Link to={`/produits/${line.slug}`} className="font-semibold hover:text-brand">
                    {line.title}
                  </Link>
                  <p className="text-sm text-slate-500 dark:text-slate-400">
                    {line.unitPrice === 0 ? "Gratuit" : formatPrice(line.unitPrice, currency)}
                    {line.unitPrice < line.listPrice ? <s className="ml-2">{formatPrice(line.listPrice, currency)}</s> : null}
                  </p>
                </div>
                <Form method="post" className="flex items-center gap-2">
                  <input type="hidden" name="intent" value="set" />
                  <input type="hidden" name="productId" value={line.productId} />
                  <label htmlFor={`qty-${line._key}`} className="sr-only">
                    Quantité pour {line.title}
                  </label>
                  <input id={`qty-${line._key}`} name="quantity" type="number" min={0} max={99} defaultValue={line.quantity}
                    className="field w-16 text-center" inputMode="numeric" />
                  <button type="submit" className="btn-outline px-3">
                    Mettre à jour
                  </button>
                </Form>
                <Form method="post">
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="productId" value={line.productId} />
                  <button type="submit" className="btn-outline px-3 text-red-600 dark:text-red-400">
                    Retirer<span className="sr-only"> {line.title}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
          <p className="mt-4 flex justify-between text-lg font-extrabold">
            <span>Total</span>
            <span data-testid="cart-total">{priced.total === 0 ? "Gratuit" : formatPrice(priced.total, currency)}</span>
          </p>
          <Link to="/commande" className="btn-primary mt-4 w-full text-base">
            Passer la commande
          </Link>
          <Link to="/produits" className="btn-outline mt-2 w-full">
            Continuer mes achats
          </Link>
        </>
      )}
    </section>
  );
}
