import { createClient, type SanityClient } from "@sanity/client";
import type { Order } from "~/modules/orders/order-document";
import type { Stack } from "./stack";

/**
 * A shopper without a browser: plain HTTP with a cookie jar, posting the same forms the pages
 * render, so that integration tests exercise the storefront exactly as a no-JavaScript phone does.
 */
export class Shopper {
  readonly #cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.#cookies.size) headers.set("cookie", [...this.#cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    const response = await fetch(new URL(path, this.baseUrl), { ...init, headers, redirect: "manual" });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [name, ...value] = pair!.split("=");
      this.#cookies.set(name!.trim(), value.join("="));
    }
    return response;
  }

  post(path: string, fields: Record<string, string>): Promise<Response> {
    return this.request(path, { method: "POST", body: new URLSearchParams(fields) });
  }

  /** Opens the checkout for one product and returns the form's checkout id. */
  async openCheckout(productId: string): Promise<string> {
    const buy = await this.post("/panier", { intent: "buy-now", productId });
    if (buy.status !== 303) throw new Error(`buy-now answered ${buy.status}`);
    const page = await this.request(buy.headers.get("location")!);
    const html = await page.text();
    const match = /name="checkoutId" value="([^"]+)"/.exec(html);
    if (!match) throw new Error(`no checkout form (HTTP ${page.status})`);
    return match[1]!;
  }

  /**
   * Posts the checkout form. `paymentMethod` picks a wallet only that provider serves in the
   * demo routing table (Lygos: MTN in Cameroon, preferred there; Lengo: Orange Money in Guinea).
   */
  checkout(
    productId: string,
    checkoutId: string,
    { paymentMethod = "lygos", ...fields }: Record<string, string> = {},
  ): Promise<Response> {
    return this.post(`/commande?produit=${encodeURIComponent(productId)}`, {
      checkoutId,
      name: "Awa Diallo",
      whatsapp: "+237 690 00 00 01",
      email: "awa@example.com",
      ...WALLET_OF[paymentMethod],
      ...fields,
    });
  }
}

export const WALLET_OF: Record<string, { country: string; operator: string }> = {
  lygos: { country: "CM", operator: "mtn" },
  lengo: { country: "GN", operator: "orange-money" },
};

/** The payer on the provider's hosted page: picks a wallet, types a number, presses « Payer ». */
export async function payOnHostedPage(
  paymentUrl: string,
  phone: string,
  action: "pay" | "cancel" = "pay",
): Promise<string> {
  const page = await fetch(paymentUrl);
  const html = await page.text();
  const formAction = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (!formAction) throw new Error(`no payment form at ${paymentUrl}`);
  const response = await fetch(new URL(formAction, paymentUrl), {
    method: "POST",
    body: new URLSearchParams({ wallet: "CM:mtn", phone, action }),
    redirect: "manual",
  });
  const location = response.headers.get("location");
  if (!location) throw new Error(`hosted page answered ${response.status} without a redirect`);
  return location;
}

export function lakeClient(stack: Stack): SanityClient {
  return createClient({
    projectId: "demo",
    dataset: "production",
    apiVersion: "2025-02-19",
    apiHost: stack.sandbox.urls.lake,
    useProjectHostname: false,
    useCdn: false,
    token: stack.sandbox.secrets.lakeToken,
  });
}

export async function orderFromLocation(client: SanityClient, location: string): Promise<Order> {
  const number = /ASH-[2-9A-Z]{6}/.exec(location)?.[0];
  if (!number) throw new Error(`no order number in ${location}`);
  const order = await client.getDocument<Order>(`order-${number}`);
  if (!order) throw new Error(`order ${number} not in the lake`);
  return order;
}

export async function waitFor<T>(read: () => Promise<T>, until: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!until(value)) {
    if (Date.now() > deadline)
      throw new Error(`condition not met in ${timeoutMs} ms: ${JSON.stringify(value).slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await read();
  }
  return value;
}

export async function control(baseUrl: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${baseUrl}/__sandbox${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`sandbox control ${path} answered ${response.status}`);
  return response.json();
}
