import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CheckoutTerms } from "~/components/CheckoutTerms";
import { ErrorSummary, fieldAria, FieldError, SubmitButton, usePending } from "~/components/FormParts";
import { MobileMoneyOperators } from "~/components/MobileMoneyOperators";
import { PaymentWalletFields } from "~/components/PaymentWalletFields";
import { RememberMe } from "~/components/RememberMe";
import { pageHeaders, PRIVATE_HEADERS as PRIVATE, readForm } from "~/modules/platform/http.server";
import { useLayout } from "~/lib/layout";
import { formatPrice } from "~/lib/money";
import { getLayout } from "~/modules/catalog/layout.server";
import {
  applyDiscount,
  countryFromForm,
  loadCheckout,
  parseCheckoutForm,
  placeOrder,
  type CheckoutErrors,
} from "~/modules/checkout/checkout.server";
import { readRememberedBuyer, rememberBuyer, wantsToBeRemembered } from "~/modules/checkout/remember-me.server";
import { siteOrigin } from "~/modules/catalog/seo.server";
import { commitSession, getSession } from "~/modules/platform/session.server";
import { catalogUrl, checkoutUrl } from "~/lib/urls";

export const headers = pageHeaders;

export const meta: MetaFunction = () => [{ title: "Commande | ASHTECH STORE" }, { name: "robots", content: "noindex" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const productId = new URL(request.url).searchParams.get("produit");
  const session = await getSession(request);
  const { payment } = await getLayout();
  const [view, remembered] = await Promise.all([
    loadCheckout(session, productId, payment.offers),
    readRememberedBuyer(request),
  ]);
  return data(
    { productId, remembered, ...view },
    { headers: { ...PRIVATE, "Set-Cookie": await commitSession(session) } },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const productId = new URL(request.url).searchParams.get("produit");
  const session = await getSession(request);
  const values = {
    name: String(formData.get("name") ?? ""),
    whatsapp: String(formData.get("whatsapp") ?? ""),
    email: String(formData.get("email") ?? ""),
    country: String(formData.get("country") ?? ""),
    operator: String(formData.get("operator") ?? ""),
    discountCode: String(formData.get("discountCode") ?? ""),
    // The form shown again (errors, « Voir les opérateurs ») keeps the buyer's « Se souvenir de moi ».
    remember: wantsToBeRemembered(formData) ? "on" : "",
  };
  const { settings, payment } = await getLayout();
  const applyTo = { session, formData, productId, currency: settings.currency };
  // The country the form shows again: what was chosen, else the number's, else the previous purchase's.
  values.country = countryFromForm(payment.offers, values, session) ?? values.country;

  // Without JavaScript, « Voir les opérateurs » shows the chosen country's operators, keeping what was typed.
  if (formData.get("intent") === "choose-country") {
    return data(
      {
        errors: {} as CheckoutErrors,
        values: { ...values, operator: "" },
        discount: (await applyDiscount(applyTo)).discount,
      },
      { headers: PRIVATE },
    );
  }

  if (formData.get("intent") === "apply-discount") {
    const { discount, errors = {} } = await applyDiscount(applyTo);
    return data({ errors, values, discount }, { status: Object.keys(errors).length ? 400 : 200, headers: PRIVATE });
  }

  // The free product's form asks only for an e-mail; placeOrder checks the cart really is free.
  const emailOnly = formData.get("emailOnly") === "1";
  const parsed = parseCheckoutForm(formData, { emailOnly });
  // A refused form keeps showing the reduction the shopper applied, unless the code is what was refused.
  const appliedAgain = async (errors: CheckoutErrors) =>
    errors.discountCode ? null : (await applyDiscount(applyTo)).discount;
  if (!parsed.ok)
    return data(
      { errors: parsed.errors, values, discount: await appliedAgain(parsed.errors) },
      { status: 400, headers: PRIVATE },
    );

  const result = await placeOrder({
    session,
    form: parsed.form,
    productId,
    currency: settings.currency,
    routing: settings.paymentRouting,
    origin: siteOrigin(request),
  });
  const headers = new Headers({ ...PRIVATE, "Set-Cookie": await commitSession(session) });
  if (result.kind === "invalid")
    return data(
      { errors: result.errors, values, discount: await appliedAgain(result.errors) },
      { status: 400, headers },
    );
  if (!emailOnly) {
    const { name, whatsapp, email, country, operator } = parsed.form;
    const buyer = { name, whatsapp, email, ...(country ? { country } : {}), ...(operator ? { operator } : {}) };
    headers.append("Set-Cookie", await rememberBuyer(wantsToBeRemembered(formData) ? buyer : null));
  }
  return redirect(result.url, { status: 303, headers });
}

/** The names the error summary links to, by field id. */
const FIELD_LABELS = {
  name: "Nom complet",
  email: "E-mail",
  country: "Votre pays",
  whatsapp: "Numéro WhatsApp",
  operator: "Votre opérateur mobile money",
  discountCode: "Code promo",
};

export default function Checkout() {
  const { priced, checkoutId, offers, country, productId, remembered } = useLoaderData<typeof loader>();
  const layout = useLayout();
  const actionData = useActionData<typeof action>();
  const errors: CheckoutErrors = actionData?.errors ?? {};
  // What was just typed, else what this device remembers (opt-in, « Se souvenir de moi »).
  const values:
    | Partial<Record<"name" | "whatsapp" | "email" | "country" | "operator" | "discountCode" | "remember", string>>
    | undefined = actionData?.values ?? remembered ?? undefined;
  // A free product: only the e-mail, never a word about paying.
  const emailOnly = priced.total === 0;
  const currency = layout.settings.currency;
  // A reduction computed on other prices (the cart changed meanwhile) is not shown: « Payer » re-checks anyway.
  const discount = actionData?.discount?.before === priced.total ? actionData.discount : null;
  const toPay = discount ? discount.total : priced.total;
  // Free once a code takes everything off: no payment step, but the code field stays (it carries the code).
  const free = toPay === 0;
  const submitting = usePending({ action: checkoutUrl(productId) });
  const applying = usePending({ action: checkoutUrl(productId), fields: { intent: "apply-discount" } });

  if (priced.lines.length === 0) {
    return (
      <section className="container-page py-16 text-center">
        <h1 className="text-2xl font-extrabold">Votre panier est vide</h1>
        <p className="mt-2 text-slate-600 dark:text-slate-400">Choisissez un produit pour passer commande.</p>
        <Link to={catalogUrl()} className="btn-primary mt-6">
          Voir les produits
        </Link>
      </section>
    );
  }

  return (
    <section className="container-page max-w-2xl py-8">
      <h1 className="text-2xl font-extrabold text-slate-900 dark:text-white">Finaliser ma commande</h1>

      <div className="mt-6 rounded-2xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
        <h2 className="font-semibold">Récapitulatif</h2>
        <ul className="mt-3 divide-y divide-slate-100 dark:divide-slate-800">
          {priced.lines.map((line) => (
            <li key={line._key} className="flex items-baseline justify-between gap-3 py-2">
              <span>
                {line.title}
                {line.quantity > 1 ? (
                  <span className="text-slate-600 dark:text-slate-400"> × {line.quantity}</span>
                ) : null}
              </span>
              <span className="whitespace-nowrap font-semibold">
                {line.unitPrice < line.listPrice ? (
                  <s className="mr-2 text-xs font-normal text-slate-600 dark:text-slate-400">
                    {formatPrice(line.listPrice * line.quantity, currency)}
                  </s>
                ) : null}
                {line.total === 0 ? "Gratuit" : formatPrice(line.total, currency)}
              </span>
            </li>
          ))}
        </ul>
        {discount ? (
          <p
            data-testid="checkout-discount"
            className="mt-3 flex justify-between border-t border-slate-200 pt-3 text-emerald-700 dark:border-slate-700 dark:text-emerald-400"
          >
            <span>Code {discount.code} :</span>{" "}
            <span className="whitespace-nowrap font-semibold">−{formatPrice(discount.amount, currency)}</span>
          </p>
        ) : null}
        <p className="mt-3 flex justify-between border-t border-slate-200 pt-3 text-lg font-extrabold dark:border-slate-700">
          <span>Total</span>
          <span data-testid="checkout-total">{free ? "Gratuit" : formatPrice(toPay, currency)}</span>
        </p>
      </div>

      <Form method="post" action={checkoutUrl(productId)} className="mt-6 space-y-4" noValidate>
        <input type="hidden" name="checkoutId" value={checkoutId} />
        {emailOnly ? <input type="hidden" name="emailOnly" value="1" /> : null}
        <ErrorSummary errors={errors} labels={FIELD_LABELS} />

        {emailOnly ? null : (
          <div>
            <label htmlFor="name" className="block text-sm font-semibold">
              Nom complet
            </label>
            <input
              name="name"
              autoComplete="name"
              required
              className="field mt-1"
              defaultValue={values?.name}
              {...fieldAria("name", errors.name)}
            />
            <FieldError fieldId="name" message={errors.name} />
          </div>
        )}

        <div>
          <label htmlFor="email" className="block text-sm font-semibold">
            {emailOnly ? "E-mail (pour recevoir votre produit)" : "E-mail (pour recevoir votre reçu et vos liens)"}
          </label>
          <input
            name="email"
            type="email"
            inputMode="email"
            autoComplete="email"
            required
            className="field mt-1"
            defaultValue={values?.email}
            {...fieldAria("email", errors.email)}
          />
          <FieldError fieldId="email" message={errors.email} />
        </div>

        {emailOnly ? null : (
          <PaymentWalletFields
            offers={offers}
            country={(values?.country as typeof country) || country}
            free={free}
            values={values}
            errors={errors}
          />
        )}

        {priced.total === 0 ? null : (
          <div>
            <label htmlFor="discountCode" className="block text-sm font-semibold">
              Code promo (facultatif)
            </label>
            <div className="mt-1 flex gap-2">
              <input
                name="discountCode"
                autoComplete="off"
                autoCapitalize="characters"
                maxLength={32}
                className="field min-w-0 flex-1 uppercase"
                defaultValue={values?.discountCode}
                {...fieldAria(
                  "discountCode",
                  errors.discountCode,
                  errors.discountCode ? undefined : "discountCode-hint",
                )}
              />
              {/* A second submit of the same form: works without JavaScript, and keeps what was typed. */}
              <SubmitButton
                name="intent"
                value="apply-discount"
                className="btn-outline shrink-0"
                pending={submitting}
                pendingLabel={applying ? "Vérification en cours…" : "Appliquer"}
              >
                Appliquer
              </SubmitButton>
            </div>
            {errors.discountCode ? null : (
              <p id="discountCode-hint" className="mt-1 text-xs text-slate-500 dark:text-slate-400">
                {discount
                  ? "Réduction appliquée : elle est déduite du montant à payer."
                  : "Appuyez sur « Appliquer » pour voir la réduction avant de payer."}
              </p>
            )}
            <FieldError fieldId="discountCode" message={errors.discountCode} />
          </div>
        )}

        {free ? null : <MobileMoneyOperators offers={offers} />}

        {emailOnly ? null : (
          <RememberMe defaultChecked={actionData?.values ? actionData.values.remember === "on" : Boolean(remembered)} />
        )}

        <SubmitButton
          className={`${free ? "btn-gold" : "btn-primary"} w-full text-base`}
          pending={submitting}
          pendingLabel={
            applying
              ? free
                ? "Obtenir gratuitement"
                : `Payer ${formatPrice(toPay, currency)}`
              : free
                ? "Commande en cours…"
                : "Paiement en cours…"
          }
        >
          {free ? "Obtenir gratuitement" : `Payer ${formatPrice(toPay, currency)}`}
        </SubmitButton>
        <CheckoutTerms free={free} />
        {free ? null : (
          <p className="text-center text-xs text-slate-600 dark:text-slate-400">
            Vous serez redirigé vers la page sécurisée du prestataire de paiement, puis de retour ici.
          </p>
        )}
      </Form>
    </section>
  );
}
