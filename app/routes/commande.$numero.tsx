import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { ClaimForm } from "~/components/ClaimForm";
import { OrderDelivery } from "~/components/OrderDelivery";
import { PaymentDetails } from "~/components/PaymentDetails";
import { PaymentGuidance } from "~/components/PaymentGuidance";
import { ResendAccessForm } from "~/components/ResendAccessForm";
import { RouteErrorBoundary } from "~/components/RouteErrorBoundary";
import { ReviewForm } from "~/components/Reviews";
import { notFound, pageHeaders, PRIVATE_HEADERS as PRIVATE, readForm } from "~/modules/platform/http.server";
import { useLayout } from "~/lib/layout";
import { formatPrice } from "~/lib/money";
import { whatsappLink } from "~/lib/whatsapp";
import { getLayout } from "~/modules/catalog/layout.server";
import { submitClaim } from "~/modules/orders/claims.server";
import { loadOrderPage, retryPayment } from "~/modules/orders/order-page.server";
import { resendAccess } from "~/modules/delivery/resend-access.server";
import { submitOrderReview } from "~/modules/catalog/reviews.server";
import { siteOrigin } from "~/modules/catalog/seo.server";
import { orderUrl, productUrl } from "~/lib/urls";

const POLL_SECONDS = 4;
const NO_SCRIPT_POLL_SECONDS = 15;

export const headers = pageHeaders;

export const meta: MetaFunction = ({ params }) => [
  { title: `Commande ${params.numero ?? ""} | ASHTECH STORE` },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("t");
  const order = await loadOrderPage(params.numero ?? "", token);
  if (!order) throw notFound("Cette commande", PRIVATE);
  return data({ order, token, now: new Date().toISOString() }, { headers: PRIVATE });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const token = new URL(request.url).searchParams.get("t");
  if (formData.get("intent") === "claim") {
    const result = await submitClaim(params.numero ?? "", token, formData, context.clientIp ?? "unknown");
    return data(
      { claim: result.ok ? result : { ok: false as const, error: result.error, field: result.field } },
      { status: result.ok ? 200 : result.status, headers: PRIVATE },
    );
  }
  if (formData.get("intent") === "resend-access") {
    const result = await resendAccess(params.numero ?? "", token, formData, context.clientIp ?? "unknown");
    return data(
      { resend: result.ok ? result : { ok: false as const, error: result.error } },
      { status: result.ok ? 200 : result.status, headers: PRIVATE },
    );
  }
  if (formData.get("intent") === "review") {
    const review = await submitOrderReview(params.numero ?? "", token, formData);
    return data({ review }, { status: review.ok ? 200 : 400, headers: PRIVATE });
  }
  const { settings } = await getLayout();
  const result = await retryPayment(params.numero ?? "", token, formData, siteOrigin(request), settings.paymentRouting);
  if (result.kind === "redirect") return redirect(result.url, { status: 303, headers: PRIVATE });
  // Without JavaScript, « Voir les opérateurs » shows another country's operators.
  if (result.kind === "choose-country") return data({ country: result.country }, { headers: PRIVATE });
  return data({ error: result.message }, { status: 400, headers: PRIVATE });
}

const STATUS_COPY = {
  pending: {
    title: "Paiement en attente",
    text: "Nous attendons la confirmation de votre opérateur. Cette page se met à jour toute seule.",
    tone: "bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  },
  paid: {
    title: "Paiement confirmé, merci !",
    text: "Votre commande est payée. Vous recevez aussi un reçu par e-mail avec ce lien.",
    tone: "bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
  },
  failed: {
    title: "Le paiement n'a pas abouti",
    text: "Aucun montant n'a été retenu. Vous pouvez réessayer ci-dessous.",
    tone: "bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-200",
  },
  refunded: {
    title: "Commande remboursée",
    text: "Cette commande a été remboursée : ses téléchargements et ses codes d'accès ne sont plus disponibles. Le détail vous a été envoyé par e-mail.",
    tone: "bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-200",
  },
  expired: {
    title: "Commande expirée",
    text: "Le délai de paiement est dépassé. Si vous avez été débité, écrivez-nous : nous vérifions et vous livrons.",
    tone: "bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-200",
  },
} as const;

const FREE_ORDER_COPY = {
  title: "Commande confirmée, c'est offert !",
  text: "Votre produit gratuit est à vous. Vous recevez aussi un e-mail avec ce lien.",
  tone: STATUS_COPY.paid.tone,
};

function PendingRefresh() {
  const revalidator = useRevalidator();
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible" && revalidator.state === "idle") revalidator.revalidate();
    }, POLL_SECONDS * 1000);
    return () => clearInterval(timer);
  }, [revalidator]);
  // Without JavaScript the browser reloads the page itself, slowly enough to use the forms below.
  return (
    <noscript>
      <meta httpEquiv="refresh" content={String(NO_SCRIPT_POLL_SECONDS)} />
    </noscript>
  );
}

export default function OrderPage() {
  const { order, token, now } = useLoaderData<typeof loader>();
  const layout = useLayout();
  const navigation = useNavigation();
  const actionData = useActionData<typeof action>();
  const review = actionData && "review" in actionData ? actionData.review : undefined;
  const claim = actionData && "claim" in actionData ? actionData.claim : undefined;
  const resend = actionData && "resend" in actionData ? actionData.resend : undefined;
  const { settings } = layout;
  const copy = order.total === 0 && order.status === "paid" ? FREE_ORDER_COPY : STATUS_COPY[order.status];
  const unpaid = order.status === "pending" || order.status === "failed";
  const help = settings.whatsappNumber
    ? whatsappLink(
        settings.whatsappNumber,
        unpaid
          ? `Bonjour, je n'arrive pas à payer ma commande ${order.number}. Pouvez-vous m'aider ?`
          : `Bonjour, j'ai une question sur ma commande ${order.number}.`,
      )
    : null;
  const retryError = actionData && "error" in actionData ? actionData.error : undefined;
  const retryCountry = actionData && "country" in actionData ? actionData.country : null;

  return (
    <section className="container-page max-w-2xl py-8">
      {order.status === "pending" ? <PendingRefresh /> : null}
      <p className="text-sm text-slate-500 dark:text-slate-400">Commande</p>
      <h1 className="text-2xl font-extrabold text-slate-900 dark:text-white" data-testid="order-number">
        {order.number}
      </h1>

      <div
        role="status"
        className={`mt-4 rounded-2xl p-4 ${copy.tone}`}
        data-testid="order-status"
        data-status={order.status}
      >
        <p className="font-bold">{copy.title}</p>
        <p className="mt-1 text-sm">{copy.text}</p>
      </div>

      {order.openPayment ? (
        <p className="mt-3 text-sm" data-testid="open-payment">
          Un paiement {order.openPayment.label} est déjà ouvert pour cette commande : terminez-le, ou annulez-le sur sa
          page avant d'en choisir un autre.{" "}
          <a href={order.openPayment.url} className="font-semibold text-brand underline dark:text-indigo-300">
            {`Reprendre le paiement ${order.openPayment.label}`}
          </a>
        </p>
      ) : null}

      <div className="mt-6 rounded-2xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
        <ul className="divide-y divide-slate-100 dark:divide-slate-800">
          {order.lines.map((line) => (
            <li key={line._key} className="flex items-baseline justify-between gap-3 py-2">
              <Link to={productUrl(line.slug)} prefetch="intent" className="hover:text-brand">
                {line.title}
                {line.quantity > 1 ? (
                  <span className="text-slate-600 dark:text-slate-400"> × {line.quantity}</span>
                ) : null}
              </Link>
              <span className="whitespace-nowrap font-semibold">
                {line.total === 0 ? "Gratuit" : formatPrice(line.total, order.currency)}
              </span>
            </li>
          ))}
        </ul>
        <p className="mt-3 flex justify-between border-t border-slate-200 pt-3 font-extrabold dark:border-slate-700">
          <span>{order.total === 0 ? "Total" : order.status === "paid" ? "Montant payé" : "Montant à payer"}</span>
          <span data-testid="order-total">
            {order.total === 0 ? "Gratuit" : formatPrice(order.total, order.currency)}
          </span>
        </p>
      </div>

      {order.receipt ? <PaymentDetails rows={order.receipt} /> : null}

      {order.delivery ? (
        <OrderDelivery
          number={order.number}
          whatsappNumber={settings.whatsappNumber}
          delivery={order.delivery}
          resend={
            order.delivery.canResend ? (
              <ResendAccessForm
                action={orderUrl(order.number, token, "renvoyer-acces")}
                state={resend}
                busy={navigation.state !== "idle" && navigation.formData?.get("intent") === "resend-access"}
              />
            ) : null
          }
        />
      ) : null}

      {resend && !resend.ok && !order.delivery?.canResend ? (
        // Sent from a page that was still showing the form (the order was refunded meanwhile).
        <p
          role="alert"
          className="mt-4 rounded-xl bg-red-50 p-3 text-sm font-semibold text-red-800 dark:bg-red-950 dark:text-red-200"
          data-testid="resend-error"
        >
          {resend.error}
        </p>
      ) : null}

      {order.status === "paid" ? (
        <section aria-labelledby="donner-avis" className="mt-6 space-y-4">
          <h2 id="donner-avis" className="text-lg font-extrabold text-slate-900 dark:text-white">
            Votre avis compte
          </h2>
          {order.lines.map((line) => (
            <div
              key={line._key}
              className="rounded-2xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
              data-testid="order-review"
            >
              <p className="mb-2 font-bold">{line.title}</p>
              <ReviewForm
                compact
                action={orderUrl(order.number, token)}
                hidden={{ lineKey: line._key }}
                state={review?.lineKey === line._key ? review : undefined}
              />
            </div>
          ))}
        </section>
      ) : null}

      {order.canRetry && unpaid ? (
        <PaymentGuidance
          attempt={order.payment}
          status={order.status as "pending" | "failed"}
          total={order.total}
          currency={order.currency}
          now={now}
          action={orderUrl(order.number, token)}
          offers={layout.payment.offers}
          country={retryCountry}
          error={retryError}
          busy={navigation.state !== "idle"}
        />
      ) : null}

      {claim ||
      (order.status !== "refunded" &&
        (order.status !== "paid" || order.delivery?.lines.some((line) => line.waiting))) ? (
        <ClaimForm
          action={orderUrl(order.number, token, "reclamation")}
          state={claim}
          open={order.status !== "pending"}
        />
      ) : null}

      {help ? (
        <a href={help} className="btn-whatsapp mt-6 w-full" rel="noopener noreferrer" target="_blank">
          Une question ? Écrivez-nous sur WhatsApp
        </a>
      ) : null}
    </section>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
