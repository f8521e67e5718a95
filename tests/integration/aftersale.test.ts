import type { SanityClient } from "@sanity/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Order } from "~/modules/orders/order-document";
import { refundPatches, type RefundInput } from "../../sanity/actions/refund";
import { control, lakeClient, orderFromLocation, payOnHostedPage, Shopper, waitFor } from "../support/shopper";
import { startStack, type Stack } from "../support/stack";

/**
 * After the sale, over real HTTP: the built storefront with the lake's signed webhook pointed at
 * it, the providers and the mail catcher. What the Studio writes is written here with the
 * Studio's own patch builders (sanity/actions), as one transaction like the Studio's.
 */
const GUIDE = "product-guide-chatgpt-pour-entrepreneurs-africains"; // one PDF
const WINDOWS = "product-windows-11-professionnel"; // access, delivered by code
const WINDOWS_POOL = "accessCodePool-windows-11-professionnel";
const MANUAL = "product-installation-et-activation-a-distance"; // access, delivered by hand
const MERCHANT = "merchant-alerts@example.com";

let stack: Stack;
let lake: SanityClient;

beforeAll(async () => {
  stack = await startStack({
    webhook: true,
    env: { RECONCILE_INTERVAL_SECONDS: "0", CONTENT_CACHE_TTL: "0", TRUST_PROXY: "1" },
  });
  lake = lakeClient(stack);
  Object.assign(process.env, stack.sandbox.storefrontEnv(), { PUBLIC_URL: stack.baseUrl });
  await lake.patch("siteSettings").set({ alertEmail: MERCHANT }).commit();
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
  return (await (
    await fetch(`${stack.sandbox.urls.mail}/api/messages?to=${encodeURIComponent(address)}`)
  ).json()) as Caught[];
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
    await lake
      .patch(WINDOWS_POOL)
      .set({ codes: [{ _key: "r1", _type: "accessCode", code: "REFUND-CODE-1" }] })
      .commit();
    const { shopper, order, orderUrl } = await buyAndPay(WINDOWS, "refund-code@example.com");
    expect(await (await shopper.request(orderUrl)).text()).toContain("REFUND-CODE-1");
    const delivery = order.fulfilment!.deliveries![0]!;
    const logBefore = (await reload(order)).paymentLog;

    await refundInStudio(await reload(order), {
      amount: 15_000,
      reason: "Client parti avant l'activation",
      unusedDeliveries: [delivery._key],
    });

    // The webhook follows it up: the code is free again, the buyer is told.
    const [mail] = await waitFor(
      () => mailsTo("refund-code@example.com"),
      (mails) => mails.some((m) => m.subject.startsWith("Remboursement")),
    );
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
    const { settleRefunds } = await import("~/modules/orders/refunds.server");
    await Promise.all([settleRefunds(), settleRefunds()]);
    await waitFor(
      () => reload(order),
      (fresh) => Boolean(fresh.refund?.mail?.sentAt && fresh.refund.codesReturnedAt),
    );
    expect(
      (await mailsTo("refund-code@example.com")).filter((m) => m.subject.startsWith("Remboursement")),
    ).toHaveLength(1);

    const refunded = await reload(order);
    expect(refunded.status).toBe("refunded");
    expect(refunded.paymentLog.slice(0, logBefore.length)).toEqual(logBefore);
    expect(refunded.paymentLog.at(-1)).toMatchObject({
      source: "studio",
      state: "refunded",
      amount: 15_000,
      rawStatus: "REFUNDED",
    });

    // A late provider answer never moves it back.
    const { confirmPayments } = await import("~/modules/payments/attempts.server");
    expect((await confirmPayments(refunded, "reconcile")).order.status).toBe("refunded");
  });

  it("stops the downloads, and the sweep sends the e-mail again, once, when sending it failed", async () => {
    const { shopper, order, orderUrl } = await buyAndPay(GUIDE, "refund-file@example.com");
    const link = /href="(\/telechargement\/[^"]+)"/
      .exec(await (await shopper.request(orderUrl)).text())![1]!
      .replaceAll("&amp;", "&");
    expect((await fetch(new URL(link, stack.baseUrl))).status).toBe(200);

    await refundInStudio(await reload(order), { amount: 2_000, reason: "Geste commercial", unusedDeliveries: [] });
    const refused = await fetch(new URL(link, stack.baseUrl));
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("Commande remboursée");
    await waitFor(
      () => mailsTo("refund-file@example.com"),
      (mails) => mails.some((m) => m.subject.startsWith("Remboursement")),
    );

    // As if the e-mail had failed: the webhook (for this very write) and the sweep race to send it again, once.
    await fetch(`${stack.sandbox.urls.mail}/api/messages`, { method: "DELETE" });
    await lake
      .patch(order._id)
      .set({ "refund.mail": { error: "SMTP down" } })
      .commit();
    const { settleRefunds } = await import("~/modules/orders/refunds.server");
    await Promise.all([settleRefunds(), settleRefunds()]);
    await waitFor(
      () => reload(order),
      (fresh) => Boolean(fresh.refund?.mail?.sentAt),
    );
    await settleRefunds();
    expect(
      (await mailsTo("refund-file@example.com")).filter((m) => m.subject.startsWith("Remboursement")),
    ).toHaveLength(1);
    expect((await reload(order)).refund).toMatchObject({ amount: 2_000, reason: "Geste commercial", unusedCodes: [] });
  });

  it("refuses what the Studio refuses: an unpaid order, an amount above the total", async () => {
    const { refundProblem } = await import("../../sanity/actions/refund");
    const paid = { status: "paid", total: 5_000 };
    expect(
      refundProblem({ ...paid, status: "pending" }, { amount: 5_000, reason: "Test", unusedDeliveries: [] }),
    ).toContain("payée");
    expect(
      refundProblem({ ...paid, status: "refunded" }, { amount: 5_000, reason: "Test", unusedDeliveries: [] }),
    ).toContain("payée");
    expect(refundProblem(paid, { amount: 5_001, reason: "Test", unusedDeliveries: [] })).toContain("dépasse");
    expect(refundProblem(paid, { amount: 10.5, reason: "Test", unusedDeliveries: [] })).toContain("sans décimales");
    expect(refundProblem(paid, { amount: 5_000, reason: "", unusedDeliveries: [] })).toContain("motif");
    expect(refundProblem(paid, { amount: 5_000, reason: "Doublon", unusedDeliveries: [] })).toBeUndefined();
  });
});

const alertsAbout = async (subject: string) => (await mailsTo(MERCHANT)).filter((mail) => mail.subject === subject);

describe("« J'ai payé mais je n'ai rien reçu »", () => {
  /** An order whose payment the shop gave up on (expired), while the buyer's money may be there. */
  async function expiredOrder(email: string) {
    const shopper = new Shopper(stack.baseUrl);
    const checkoutId = await shopper.openCheckout(GUIDE);
    const response = await shopper.checkout(GUIDE, checkoutId, { email });
    expect(response.headers.get("location")).toContain("/link/");
    const order = (await lake.fetch<Order>(`*[_type == "order" && checkoutId == $checkoutId][0]`, { checkoutId }))!;
    // As the reconciler leaves it when nobody paid in time.
    await lake.patch(order._id).set({ status: "expired", statusReason: "no confirmed payment" }).commit();
    const orderUrl = `/commande/${order.number}?t=${encodeURIComponent(order.accessToken)}`;
    return { shopper, order, orderUrl };
  }
  const claimOf = (shopper: Shopper, orderUrl: string, fields: Record<string, string>, ip = "10.9.0.1") =>
    shopper.request(orderUrl, {
      method: "POST",
      body: new URLSearchParams({ intent: "claim", ...fields }),
      headers: { "x-forwarded-for": ip },
    });

  it("re-checks with the provider at once: money taken after the order expired is found, answered and delivered; the merchant is alerted once", async () => {
    const { shopper, order, orderUrl } = await expiredOrder("claim-paid@example.com");
    const page = await (await shopper.request(orderUrl)).text();
    expect(page).toContain("J&#x27;ai payé mais je n&#x27;ai rien reçu");
    // The buyer paid after all; nobody told the shop.
    await control(stack.sandbox.urls.lygos, `/payments/${order.number}/complete`, { outcome: "success" });

    const answer = await claimOf(shopper, orderUrl, { smsReference: "MP241129.1530.A12345", note: "Débité à 15 h 30" });
    expect(answer.status).toBe(200);
    const html = await answer.text();
    expect(html).toMatch(/data-testid="claim-answer" data-answer="paid"/);
    expect(html).toContain("votre paiement est confirmé");
    const paid = await reload(order);
    expect(paid.status).toBe("paid");
    expect(paid.paymentLog.at(-1)).toMatchObject({ source: "claim", state: "paid" });
    expect(paid.claims).toEqual([
      expect.objectContaining({
        smsReference: "MP241129.1530.A12345",
        note: "Débité à 15 h 30",
        answer: "paid",
        status: "resolved",
      }),
    ]);

    const [alert] = await waitFor(
      () => alertsAbout(`Réclamation : commande ${order.number}`),
      (mails) => mails.length > 0,
    );
    expect(alert!.text).toContain("MP241129.1530.A12345");
    expect(decodeURIComponent(alert!.text)).toContain(`https://wa.me/237690000001?text=`);
    expect(decodeURIComponent(alert!.text)).toContain(order.number);

    // The same reference again (typed differently): one claim, one alert.
    expect((await claimOf(shopper, orderUrl, { smsReference: "mp241129 1530 a12345" })).status).toBe(200);
    await waitFor(
      () => reload(order),
      (fresh) => Boolean(fresh.claims?.[0]?.alert?.sentAt),
    );
    expect((await reload(order)).claims).toHaveLength(1);
    expect(await alertsAbout(`Réclamation : commande ${order.number}`)).toHaveLength(1);
  });

  it("records an unconfirmed claim for the merchant, explains bad input in French, and bounds the abuse", async () => {
    const { shopper, order, orderUrl } = await expiredOrder("claim-open@example.com");
    const bad = await claimOf(shopper, orderUrl, { smsReference: "x" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Indiquez la référence du SMS");
    const tooLong = await claimOf(shopper, orderUrl, { smsReference: "REF-1234", note: "x".repeat(20_000) });
    expect(tooLong.status).toBe(413);

    const answer = await claimOf(shopper, orderUrl, { smsReference: "CI-OM-778899" });
    expect(answer.status).toBe(200);
    expect(await answer.text()).toMatch(/data-answer="not_confirmed"/);
    const open = await reload(order);
    expect(open.status).toBe("expired");
    expect(open.claims).toEqual([
      expect.objectContaining({ smsReference: "CI-OM-778899", answer: "not_confirmed", status: "open" }),
    ]);
    const [alert] = await waitFor(
      () => alertsAbout(`Réclamation : commande ${order.number}`),
      (mails) => mails.length > 0,
    );
    expect(alert!.text).toContain("ne confirme pas");
    const desk = await lake.fetch<string[]>(`*[_type == "order" && count(claims[status == "open"]) > 0].number`);
    expect(desk).toContain(order.number);

    const wrongToken = await shopper.request(orderUrl.replace(/t=[^&]+/, "t=nope"), {
      method: "POST",
      body: new URLSearchParams({ intent: "claim", smsReference: "REF-0000" }),
    });
    expect(wrongToken.status).toBe(404);
    const statuses = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await claimOf(shopper, orderUrl, { smsReference: `REF-${i}000` }, `10.9.1.${i}`)).status);
    expect(statuses.slice(0, 4)).toEqual([200, 200, 200, 200]);
    expect(statuses[4]).toBe(429);
  });
});

describe("merchant alerts", () => {
  it("e-mails the merchant once for an order waiting for a manual delivery, with a WhatsApp link to the buyer", async () => {
    const { order } = await buyAndPay(MANUAL, "manual-alert@example.com");
    expect(order.fulfilment?.status).toBe("to_deliver");
    const [alert] = await waitFor(
      () => alertsAbout(`À livrer : commande ${order.number}`),
      (mails) => mails.length > 0,
    );
    expect(decodeURIComponent(alert!.text)).toContain(`https://wa.me/237690000001?text=`);
    expect(decodeURIComponent(alert!.text)).toContain(order.number);
    const { sweepMerchantAlerts } = await import("~/modules/orders/merchant-alerts.server");
    await Promise.all([sweepMerchantAlerts(), sweepMerchantAlerts()]);
    expect(await alertsAbout(`À livrer : commande ${order.number}`)).toHaveLength(1);
  });

  it("e-mails once when a code pool falls to its threshold, and again only after a refill", async () => {
    const codes = (prefix: string, count: number) =>
      Array.from({ length: count }, (_, i) => ({
        _key: `${prefix}${i}`,
        _type: "accessCode",
        code: `${prefix.toUpperCase()}-${i}`,
      }));
    await lake
      .patch(WINDOWS_POOL)
      .set({ lowStockThreshold: 2, codes: codes("low", 4) })
      .unset(["lowStockAlert"])
      .commit();
    const subject = "Stock de codes bas : Windows 11 Professionnel (licence)";
    const before = (await alertsAbout(subject)).length;
    await buyAndPay(WINDOWS, "pool-1@example.com"); // 3 left: above the threshold
    await buyAndPay(WINDOWS, "pool-2@example.com"); // 2 left: alert
    await waitFor(
      () => alertsAbout(subject),
      (mails) => mails.length === before + 1,
    );
    await buyAndPay(WINDOWS, "pool-3@example.com"); // 1 left: same event
    const { sweepMerchantAlerts } = await import("~/modules/orders/merchant-alerts.server");
    await sweepMerchantAlerts();
    expect(await alertsAbout(subject)).toHaveLength(before + 1);
    const [alert] = (await alertsAbout(subject)).slice(-1);
    expect(alert!.text).toContain("Il reste 2 codes libres");

    // Refilled above the threshold, the next fall is a new event.
    const pool = (await lake.getDocument<{ codes: unknown[] }>(WINDOWS_POOL))!;
    await lake
      .patch(WINDOWS_POOL)
      .set({ codes: [...pool.codes, ...codes("more", 5)] })
      .commit();
    await sweepMerchantAlerts();
    await lake.patch(WINDOWS_POOL).set({ lowStockThreshold: 10 }).commit();
    await sweepMerchantAlerts();
    await waitFor(
      () => alertsAbout(subject),
      (mails) => mails.length === before + 2,
    );
  });
});

describe("« Renvoyer mes accès »", () => {
  const resend = (shopper: Shopper, orderUrl: string) => shopper.post(orderUrl, { intent: "resend-access" });

  it("needs the order's link, a paid order with codes, and stops once the order is refunded", async () => {
    await lake
      .patch(WINDOWS_POOL)
      .set({ codes: [{ _key: "rs1", _type: "accessCode", code: "RESEND-CODE-1" }] })
      .commit();
    const { shopper, order, orderUrl } = await buyAndPay(WINDOWS, "resend@example.com");
    expect(await (await shopper.request(orderUrl)).text()).toContain("Renvoyer mes accès par e-mail");

    const wrongToken = orderUrl.replace(/t=[^&]+/, "t=not-the-token");
    expect((await resend(shopper, wrongToken)).status).toBe(404);
    const { order: file, orderUrl: fileUrl, shopper: fileBuyer } = await buyAndPay(GUIDE, "resend-file@example.com");
    expect(await (await fileBuyer.request(fileUrl)).text()).not.toContain("Renvoyer mes accès");
    const noCodes = await resend(fileBuyer, fileUrl);
    expect(noCodes.status).toBe(400);
    expect(await noCodes.text()).toContain("Cette commande n&#x27;a pas d&#x27;accès à renvoyer.");
    expect(await (await fileBuyer.request(fileUrl)).text()).not.toContain("Cette commande n&#x27;a pas d&#x27;accès");
    expect(file.status).toBe("paid");

    const sent = await resend(shopper, orderUrl);
    expect(sent.status).toBe(200);
    const [mail] = await waitFor(
      () => mailsTo("resend@example.com"),
      (mails) => mails.some((m) => m.subject.startsWith("Vos accès")),
    );
    expect(mail).toBeTruthy();
    const again = (await mailsTo("resend@example.com")).find((m) => m.subject.startsWith("Vos accès"))!;
    expect(again.to).toEqual(["resend@example.com"]);
    expect(again.text).toContain("RESEND-CODE-1");
    expect(again.text).toContain("Étapes d'activation");
    expect((await reload(order)).paymentLog.at(-1)).toMatchObject({ source: "order-page", state: "access-resent" });

    await refundInStudio(await reload(order), { amount: 15_000, reason: "Erreur de produit", unusedDeliveries: [] });
    const refused = await resend(shopper, orderUrl);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Cette commande n&#x27;a pas d&#x27;accès à renvoyer.");
    expect((await mailsTo("resend@example.com")).filter((m) => m.subject.startsWith("Vos accès"))).toHaveLength(1);
  });
});
