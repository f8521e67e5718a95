import type { SanityClient } from "@sanity/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Order } from "~/modules/orders.server";
import { refundPatches, type RefundInput } from "../../sanity/actions/refund";
import { lakeClient, orderFromLocation, payOnHostedPage, Shopper, waitFor } from "../support/shopper";
import { startStack, type Stack } from "../support/stack";

/**
 * After the sale, over real HTTP: the built storefront with the lake's signed webhook pointed at
 * it, the providers and the mail catcher. What the Studio writes is written here with the
 * Studio's own patch builders (sanity/actions), as one transaction like the Studio's.
 */
const GUIDE = "product-guide-chatgpt-pour-entrepreneurs-africains"; // one PDF
const WINDOWS = "product-windows-11-professionnel"; // access, delivered by code
const WINDOWS_POOL = "accessCodePool-windows-11-professionnel";

let stack: Stack;
let lake: SanityClient;

beforeAll(async () => {
  stack = await startStack({ webhook: true, env: { RECONCILE_INTERVAL_SECONDS: "0", CONTENT_CACHE_TTL: "0", TRUST_PROXY: "1" } });
  lake = lakeClient(stack);
  Object.assign(process.env, stack.sandbox.storefrontEnv(), { PUBLIC_URL: stack.baseUrl });
});

afterAll(async () => {
  await stack?.stop();
});

interface Caught {
  to: string[];
  subject: string;
  text: string;
}

async function mailsTo(address: string): Promise<Caught[]> {
  return (await (await fetch(`${stack.sandbox.urls.mail}/api/messages?to=${encodeURIComponent(address)}`)).json()) as Caught[];
}

const reload = async (order: Pick<Order, "_id">) => (await lake.getDocument<Order>(order._id))!;

async function buyAndPay(productId: string, email: string) {
  const shopper = new Shopper(stack.baseUrl);
  const checkoutId = await shopper.openCheckout(productId);
  const response = await shopper.checkout(productId, checkoutId, { email });
  const back = await shopper.request(await payOnHostedPage(response.headers.get("location")!, "600000001"));
  const orderUrl = back.headers.get("location")!;
  return { shopper, order: await orderFromLocation(lake, orderUrl), orderUrl };
}

/** What « Rembourser » does in the Studio: its patches, one transaction, on the published order. */
async function refundInStudio(order: Order, input: RefundInput) {
  const patches = refundPatches(order, input, { now: new Date().toISOString() });
  await lake.mutate(patches.map((operations) => ({ patch: { id: order._id, ...operations } })));
}

describe("refunds", () => {
  it("cuts the codes, returns a code the merchant says was never used, tells the buyer once, and keeps the payment log", async () => {
    await lake.patch(WINDOWS_POOL).set({ codes: [{ _key: "r1", _type: "accessCode", code: "REFUND-CODE-1" }] }).commit();
    const { shopper, order, orderUrl } = await buyAndPay(WINDOWS, "refund-code@example.com");
    expect(await (await shopper.request(orderUrl)).text()).toContain("REFUND-CODE-1");
    const delivery = order.fulfilment!.deliveries![0]!;
    const logBefore = (await reload(order)).paymentLog;

    await refundInStudio(await reload(order), { amount: 15_000, reason: "Client parti avant l'activation", unusedDeliveries: [delivery._key] });

    // The webhook follows it up: the code is free again, the buyer is told.
    const [mail] = await waitFor(() => mailsTo("refund-code@example.com"), (mails) => mails.some((m) => m.subject.startsWith("Remboursement")));
    const notice = (await mailsTo("refund-code@example.com")).filter((m) => m.subject.startsWith("Remboursement"));
    expect(notice).toHaveLength(1);
    expect(notice[0]!.text).toContain(order.number);
    expect(notice[0]!.text).toContain("Client parti avant l'activation");
    expect(mail).toBeTruthy();
    const pool = await waitFor(
      () => lake.getDocument<{ codes: { code: string; assignedTo?: string }[] }>(WINDOWS_POOL),
      (doc) => !doc!.codes[0]!.assignedTo,
    );
    expect(pool!.codes[0]).toMatchObject({ code: "REFUND-CODE-1" });

    const page = await (await shopper.request(orderUrl)).text();
    expect(page).toContain("Commande remboursée");
    expect(page).not.toContain("REFUND-CODE-1");

    // The sweep finds nothing left to do: still one e-mail, the code not returned twice.
    const { settleRefunds } = await import("~/modules/refunds.server");
    await Promise.all([settleRefunds(), settleRefunds()]);
    await waitFor(() => reload(order), (fresh) => Boolean(fresh.refund?.mail?.sentAt && fresh.refund.codesReturnedAt));
    expect((await mailsTo("refund-code@example.com")).filter((m) => m.subject.startsWith("Remboursement"))).toHaveLength(1);

    const refunded = await reload(order);
    expect(refunded.status).toBe("refunded");
    expect(refunded.paymentLog.slice(0, logBefore.length)).toEqual(logBefore);
    expect(refunded.paymentLog.at(-1)).toMatchObject({ source: "studio", state: "refunded", amount: 15_000, rawStatus: "REFUNDED" });

    // A late provider answer never moves it back.
    const { confirmPayments } = await import("~/modules/payments.server");
    expect((await confirmPayments(refunded, "reconcile")).order.status).toBe("refunded");
  });

  it("stops the downloads, and the sweep sends the e-mail again, once, when sending it failed", async () => {
    const { shopper, order, orderUrl } = await buyAndPay(GUIDE, "refund-file@example.com");
    const link = /href="(\/telechargement\/[^"]+)"/.exec(await (await shopper.request(orderUrl)).text())![1]!.replaceAll("&amp;", "&");
    expect((await fetch(new URL(link, stack.baseUrl))).status).toBe(200);

    await refundInStudio(await reload(order), { amount: 2_000, reason: "Geste commercial", unusedDeliveries: [] });
    const refused = await fetch(new URL(link, stack.baseUrl));
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("Commande remboursée");
    await waitFor(() => mailsTo("refund-file@example.com"), (mails) => mails.some((m) => m.subject.startsWith("Remboursement")));

    // As if the e-mail had failed: the sweep sends it again, once.
    await lake.patch(order._id).set({ "refund.mail": { error: "SMTP down" } }).commit();
    await fetch(`${stack.sandbox.urls.mail}/api/messages`, { method: "DELETE" });
    const { settleRefunds } = await import("~/modules/refunds.server");
    await settleRefunds();
    await settleRefunds();
    expect((await mailsTo("refund-file@example.com")).filter((m) => m.subject.startsWith("Remboursement"))).toHaveLength(1);
    expect((await reload(order)).refund).toMatchObject({ amount: 2_000, reason: "Geste commercial", unusedCodes: [] });
  });

  it("refuses what the Studio refuses: an unpaid order, an amount above the total", async () => {
    const { refundProblem } = await import("../../sanity/actions/refund");
    const paid = { status: "paid", total: 5_000 };
    expect(refundProblem({ ...paid, status: "pending" }, { amount: 5_000, reason: "Test", unusedDeliveries: [] })).toContain("payée");
    expect(refundProblem({ ...paid, status: "refunded" }, { amount: 5_000, reason: "Test", unusedDeliveries: [] })).toContain("payée");
    expect(refundProblem(paid, { amount: 5_001, reason: "Test", unusedDeliveries: [] })).toContain("dépasse");
    expect(refundProblem(paid, { amount: 10.5, reason: "Test", unusedDeliveries: [] })).toContain("sans décimales");
    expect(refundProblem(paid, { amount: 5_000, reason: "", unusedDeliveries: [] })).toContain("motif");
    expect(refundProblem(paid, { amount: 5_000, reason: "Doublon", unusedDeliveries: [] })).toBeUndefined();
  });
});
