import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageHeaders, PRIVATE_HEADERS as PRIVATE } from "~/modules/platform/http.server";
import { listOrders, verifyContact } from "~/modules/orders/my-orders.server";
import { MY_ORDERS_URL } from "~/lib/urls";

export const headers = pageHeaders;

export const meta: MetaFunction = () => [
  { title: "Mes commandes | ASHTECH STORE" },
  { name: "robots", content: "noindex" },
];

const STATUS = {
  paid: "Payée",
  pending: "En attente de paiement",
  failed: "Paiement refusé",
  expired: "Expirée",
  refunded: "Remboursée",
} as const;
const dateFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Africa/Douala" });

export async function loader({ request }: LoaderFunctionArgs) {
  const contact = verifyContact(new URL(request.url).searchParams.get("jeton"));
  const orders = contact ? await listOrders(contact) : null;
  return data({ orders }, { status: orders ? 200 : 403, headers: { ...PRIVATE, "Referrer-Policy": "no-referrer" } });
}

export default function MyOrdersList() {
  const { orders } = useLoaderData<typeof loader>();
  return (
    <section className="container-page max-w-2xl py-8">
      <h1 className="text-2xl font-extrabold text-slate-900 dark:text-white">Mes commandes</h1>
      {orders === null ? (
        <div className="mt-4 space-y-3" data-testid="my-orders-expired">
          <p>Ce lien n'est plus valable (il expire au bout de 30 minutes). Demandez-en un nouveau :</p>
          <Link to={MY_ORDERS_URL} className="btn-primary">
            Recevoir un nouveau lien
          </Link>
        </div>
      ) : orders.length === 0 ? (
        <p className="mt-4">Aucune commande trouvée.</p>
      ) : (
        <ul className="mt-4 space-y-3">
          {orders.map((order) => (
            <li
              key={order.number}
              className="rounded-2xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
              data-testid="my-order"
            >
              <div className="flex items-baseline justify-between gap-3">
                <p className="font-bold">{order.number}</p>
                <p className="text-sm text-slate-500 dark:text-slate-400">
                  {dateFormat.format(new Date(order.createdAt))}
                </p>
              </div>
              <p className="mt-1 text-sm">{order.titles.join(", ")}</p>
              <p className="mt-1 text-sm">
                {STATUS[order.status]} · {order.total}
              </p>
              <a href={order.href} className="btn-outline mt-3 w-full">
                Voir la commande, mes téléchargements et mes accès
              </a>
              {order.status !== "paid" && order.status !== "refunded" ? (
                <a
                  href={`${order.href}#reclamation`}
                  className="mt-2 block text-center text-sm font-semibold text-brand underline"
                  data-testid="my-order-claim"
                >
                  J'ai payé mais je n'ai rien reçu
                </a>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
