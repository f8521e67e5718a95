import { PaymentProviderError } from "~/modules/payments/errors";

/** Helpers shared by the provider sandbox tests (payments-lygos, payments-lengo*). */

/** Posts a hosted payment page's form, as a browser without JavaScript would. */
export function submitForm(url: string, fields: Record<string, string>, redirect: RequestRedirect = "manual") {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
    redirect,
  });
}

/** The PaymentProviderError a provider client call rejects with (anything else fails the test). */
export async function catchError(p: Promise<unknown>): Promise<PaymentProviderError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof PaymentProviderError) return e;
    throw e;
  }
  throw new Error("expected a PaymentProviderError");
}
