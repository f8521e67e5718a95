import { data, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { ErrorSummary, fieldAria, FieldError, SubmitButton, usePending } from "~/components/FormParts";
import { pageHeaders, PRIVATE_HEADERS as PRIVATE, readForm } from "~/modules/platform/http.server";
import { parseContact, rateLimited, SAME_ANSWER, sendOrdersLink, TOO_MANY } from "~/modules/orders/my-orders.server";
import { siteOrigin } from "~/modules/catalog/seo.server";
import { MY_ORDERS_URL } from "~/lib/urls";

export const headers = pageHeaders;

export const meta: MetaFunction = () => [
  { title: "Mes commandes | ASHTECH STORE" },
  { name: "description", content: "Retrouvez vos commandes, vos téléchargements et vos codes d'accès." },
];

export async function loader() {
  return data(null, { headers: PRIVATE });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const parsed = parseContact(formData.get("contact"));
  if (!parsed.ok) return data({ kind: "invalid" as const, message: parsed.error }, { status: 400, headers: PRIVATE });
  if (await rateLimited(parsed.contact, context.clientIp ?? "unknown")) {
    return data({ kind: "limited" as const, message: TOO_MANY }, { status: 429, headers: PRIVATE });
  }
  // In the background: the answer and its timing are the same whether or not orders exist.
  void sendOrdersLink(parsed.contact, siteOrigin(request)).catch((error: unknown) =>
    console.error(`"Mes commandes" e-mail not sent: ${(error as Error).message}`),
  );
  return data({ kind: "sent" as const, message: SAME_ANSWER }, { headers: PRIVATE });
}

export default function MyOrders() {
  const result = useActionData<typeof action>();
  const pending = usePending({ action: MY_ORDERS_URL });
  // A mistyped contact is the field's error; « too many requests » is the form's.
  const errors =
    result?.kind === "invalid"
      ? { contact: result.message }
      : result?.kind === "limited"
        ? { form: result.message }
        : {};
  return (
    <section className="container-page max-w-xl py-8">
      <h1 className="text-2xl font-extrabold text-slate-900 dark:text-white">Mes commandes</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-300">
        Vous avez perdu le lien de votre commande ? Indiquez l'e-mail ou le numéro WhatsApp utilisé lors de l'achat :
        nous vous envoyons par e-mail un lien vers toutes vos commandes, vos téléchargements et vos codes.
      </p>
      {result?.kind === "sent" ? (
        <p
          role="status"
          className="mt-6 rounded-2xl bg-emerald-50 p-4 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200"
          data-testid="my-orders-answer"
        >
          {result.message}
        </p>
      ) : null}
      <Form method="post" action={MY_ORDERS_URL} className="mt-6 space-y-3" noValidate>
        <ErrorSummary errors={errors} labels={{ contact: "E-mail ou numéro WhatsApp" }} />
        <label htmlFor="contact" className="block font-semibold">
          E-mail ou numéro WhatsApp
        </label>
        <input
          name="contact"
          type="text"
          inputMode="email"
          autoComplete="email"
          required
          className="w-full rounded-xl border border-slate-300 bg-white p-3 dark:border-slate-700 dark:bg-slate-900"
          {...fieldAria("contact", errors.contact)}
        />
        <FieldError fieldId="contact" message={errors.contact} />
        <SubmitButton className="btn-primary w-full" pending={pending} pendingLabel="Envoi en cours…">
          Recevoir le lien par e-mail
        </SubmitButton>
      </Form>
    </section>
  );
}
