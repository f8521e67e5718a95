import { describe, expect, it } from "vitest";
import { formatPrice } from "~/lib/money";
import type { Order } from "~/modules/orders/order-document";
import { control, orderFromLocation, Shopper, waitFor } from "../support/shopper";
import { buyAndPay, codesOf, lake, mailsTo, reload, stack, useDeliveryStack } from "../support/delivery-stack";

/**
 * Delivery over real HTTP: the built storefront, the lake, the providers and the mail catcher.
 * The code-pool race runs the storefront's own module in this process against the same lake,
 * because twenty orders paid at the same instant are easier to make there than through browsers.
 */
const GUIDE = "product-guide-chatgpt-pour-entrepreneurs-africains"; // 5 000 F CFA, one PDF
const FREE = "product-kit-de-demarrage-ia-gratuit";
const WINDOWS = "product-windows-11-professionnel"; // access, delivered by code
const MANUAL = "product-installation-et-activation-a-distance"; // access, delivered by hand

useDeliveryStack();

describe("fulfilment and receipt", () => {
  it("delivers a paid order and sends one receipt with the order link", async () => {
    const { order, orderUrl } = await buyAndPay(GUIDE, "receipt@example.com");
    expect(order.status).toBe("paid");
    expect(order.fulfilment?.status).toBe("delivered");
    const [mail] = await waitFor(
      () => mailsTo("receipt@example.com"),
      (mails) => mails.length > 0,
    );
    expect(mail!.subject).toContain(order.number);
    expect(mail!.text).toContain(`Montant payé : ${formatPrice(5_000, "XAF")}`);
    // What the buyer quotes to support: when, through whom, the provider's reference.
    const paidAttempt = order.payments.find((attempt) => attempt.state === "paid")!;
    expect(mail!.text).toMatch(/^Date : \d{1,2} \S+ \d{4} à \d{2}:\d{2}$/m);
    expect(mail!.text).toContain("Paiement via : Lygos Pay");
    expect(mail!.text).toContain(`Référence du paiement : ${paidAttempt.reference}`);
    expect(mail!.html).toContain(paidAttempt.reference);
    expect(mail!.text).toContain(
      `${stack.baseUrl}/commande/${order.number}?t=${encodeURIComponent(order.accessToken)}`,
    );
    expect(mail!.html).toContain("Guide ChatGPT");
    expect(mail!.text).toContain("https://wa.me/");
    expect(mail!.text).toMatch(new RegExp(`${stack.baseUrl}/telechargement/${order.number}/\\w+/\\w+\\?t=`));
    expect(new URL(orderUrl, stack.baseUrl).searchParams.get("t")).toBe(order.accessToken);
    const sent = await waitFor(
      () => reload(order),
      (fresh) => Boolean(fresh.fulfilment?.receiptSentAt),
    );
    expect(sent.status).toBe("paid");
  });

  it("sends a free order's receipt too", async () => {
    const shopper = new Shopper(stack.baseUrl);
    const checkoutId = await shopper.openCheckout(FREE);
    // A free product needs only the e-mail the receipt goes to.
    const response = await shopper.post(`/commande?produit=${encodeURIComponent(FREE)}`, {
      checkoutId,
      emailOnly: "1",
      email: "free@example.com",
    });
    expect(response.status).toBe(303);
    const order = await orderFromLocation(lake, response.headers.get("location")!);
    expect(order.fulfilment?.status).toBe("delivered");
    expect(order.customer).toEqual({ name: "", whatsapp: "", email: "free@example.com" });
    const mails = await waitFor(
      () => mailsTo("free@example.com"),
      (list) => list.length > 0,
    );
    expect(mails[0]!.text).toContain("Total : Gratuit");
    expect(mails[0]!.text).toMatch(/^Bonjour,$/m);
    // Nothing was paid: the receipt never talks of a payment.
    expect(`${mails[0]!.subject} ${mails[0]!.text} ${mails[0]!.html}`).not.toMatch(/paiement|payé|payer/i);
    const page = await (await shopper.request(response.headers.get("location")!)).text();
    expect(page).toContain('data-testid="payment-details"');
    expect(page.slice(page.indexOf("<main"), page.indexOf("</main>"))).not.toMatch(/paiement|payé|payer/i);
  });

  it("sends exactly one receipt under ten duplicate Lengo callbacks", async () => {
    const lengo = stack.sandbox.urls.lengo;
    await control(lengo, "/faults", { duplicateCallbacks: 10 });
    const shopper = new Shopper(stack.baseUrl);
    const checkoutId = await shopper.openCheckout(GUIDE);
    await shopper.checkout(GUIDE, checkoutId, { paymentMethod: "lengo", email: "dup@example.com" });
    const order = await waitFor(
      () => lake.fetch<Order | null>(`*[_type == "order" && checkoutId == $checkoutId][0]`, { checkoutId }),
      (found) => Boolean(found?.payments?.[0]?.reference),
    );
    await control(lengo, `/payments/${encodeURIComponent(order!.payments[0]!.reference)}/complete`, {
      outcome: "success",
    });
    await waitFor(
      () => reload(order!),
      (fresh) => Boolean(fresh.fulfilment?.receiptSentAt),
    );
    // Every duplicate answered by the shop, none left to send: then count.
    const payId = encodeURIComponent(order!.payments[0]!.reference);
    await waitFor(
      async () => (await control(lengo, `/callbacks?pay_id=${payId}`)) as { state: string; nextAttemptAt?: string }[],
      (chains) => chains.length >= 10 && chains.every((chain) => chain.state !== "retrying" && !chain.nextAttemptAt),
    );
    expect(await mailsTo("dup@example.com")).toHaveLength(1);
    const paid = await reload(order!);
    expect(paid.paymentLog.filter((event) => event.state === "paid")).toHaveLength(1);
  });

  it("retries a failed send from the reconciler, and never touches the payment", async () => {
    const { fulfilOrder, retryFulfilments } = await import("~/modules/delivery/delivery.server");
    const { order } = await buyAndPay(GUIDE, "retry@example.com");
    await waitFor(
      () => reload(order),
      (fresh) => Boolean(fresh.fulfilment?.receiptSentAt),
    );
    // As if the send had failed: no receipt recorded.
    const fresh = await reload(order);
    const { receiptSentAt: _sent, receiptClaimedAt: _claim, ...rest } = fresh.fulfilment!;
    await lake
      .patch(order._id)
      .set({ fulfilment: { ...rest, receiptError: "SMTP down" } })
      .commit();
    await fetch(`${stack.sandbox.urls.mail}/api/messages`, { method: "DELETE" });
    await retryFulfilments();
    await fulfilOrder(await reload(order)); // a second retry finds it done
    expect(await mailsTo("retry@example.com")).toHaveLength(1);
    const done = await reload(order);
    expect(done.fulfilment).toMatchObject({ status: "delivered" });
    expect(done.fulfilment?.receiptSentAt).toBeTruthy();
    expect(done.fulfilment?.receiptError).toBeUndefined();
    expect(done.status).toBe("paid");
  });
});

describe("access codes", () => {
  async function paidOrderDoc(number: string, productId: string, slug: string): Promise<Order> {
    const now = new Date().toISOString();
    return (await lake.create({
      _id: `order-${number}`,
      _type: "order",
      number,
      checkoutId: `test-${number}`,
      status: "paid",
      paidAt: now,
      currency: "XAF",
      lines: [
        {
          _key: "line1",
          productId,
          title: slug,
          slug,
          kind: "access",
          listPrice: 15000,
          unitPrice: 15000,
          quantity: 1,
          total: 15000,
        },
      ],
      subtotal: 15000,
      total: 15000,
      customer: { name: "Test", whatsapp: "+237690000009", email: `${number.toLowerCase()}@example.com` },
      paymentMethod: "lygos",
      accessToken: `token-${number}`,
      callbackToken: `cb-${number}`,
      payments: [],
      paymentLog: [],
    })) as unknown as Order;
  }

  it("gives 20 orders paid at once 10 distinct codes from a pool of 10; the other 10 wait, no code lost", async () => {
    const { deliverOrder } = await import("~/modules/delivery/delivery.server");
    const poolId = "accessCodePool-windows-11-professionnel";
    const codes = Array.from({ length: 10 }, (_, index) => ({
      _key: `race${index}`,
      _type: "accessCode",
      code: `RACE-${index}`,
    }));
    await lake.patch(poolId).set({ codes }).commit();
    const orders = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        paidOrderDoc(`ASH-RACE${String.fromCharCode(65 + index)}2`, WINDOWS, "windows-11-professionnel"),
      ),
    );
    const delivered = await Promise.all(orders.map((order) => deliverOrder(order)));

    const withCode = delivered.filter((order) => codesOf(order).length);
    expect(withCode).toHaveLength(10);
    expect(new Set(withCode.map((order) => codesOf(order)[0]!.code)).size).toBe(10);
    expect(withCode.every((order) => order.fulfilment?.status === "delivered")).toBe(true);
    const waiting = delivered.filter((order) => !codesOf(order).length);
    expect(waiting).toHaveLength(10);
    expect(waiting.every((order) => order.fulfilment?.status === "to_deliver")).toBe(true);

    const pool = await lake.getDocument<{ codes: { code: string; assignedTo?: string }[] }>(poolId);
    expect(pool!.codes.every((code) => code.assignedTo)).toBe(true);
    for (const order of withCode) {
      expect(pool!.codes.find((code) => code.assignedTo === order.number)?.code).toBe(codesOf(order)[0]!.code);
    }
  });

  it("keeps a code taken for an order whose write failed, and gives it to that order on retry", async () => {
    const { deliverOrder, takeCodes } = await import("~/modules/delivery/delivery.server");
    const poolId = "accessCodePool-windows-11-professionnel";
    await lake
      .patch(poolId)
      .set({
        codes: [
          { _key: "keep1", _type: "accessCode", code: "KEEP-1" },
          { _key: "keep2", _type: "accessCode", code: "KEEP-2" },
        ],
      })
      .commit();
    const order = await paidOrderDoc("ASH-KEEPA2", WINDOWS, "windows-11-professionnel");
    // The pool write happens, then the process dies before the order is written.
    const [taken] = await takeCodes(order, order.lines[0]!);
    expect(codesOf(await reload(order))).toEqual([]);
    const delivered = await deliverOrder(await reload(order));
    expect(codesOf(delivered).map((code) => code.code)).toEqual([taken!.code]);
    const again = await deliverOrder(delivered);
    expect(codesOf(again)).toHaveLength(1);
    const pool = await lake.getDocument<{ codes: { code: string; assignedTo?: string }[] }>(poolId);
    expect(pool!.codes.filter((code) => code.assignedTo === order.number)).toHaveLength(1);
  });

  it("shows the code on the order page after paying; manual products wait, then show what the editor delivered", async () => {
    await lake
      .patch("accessCodePool-windows-11-professionnel")
      .set({ codes: [{ _key: "page1", _type: "accessCode", code: "PAGE-CODE-1" }] })
      .commit();
    const { shopper, orderUrl } = await buyAndPay(WINDOWS, "code@example.com");
    const html = await (await shopper.request(orderUrl)).text();
    expect(html).toContain("PAGE-CODE-1");

    const manual = await buyAndPay(MANUAL, "manual@example.com");
    expect(manual.order.fulfilment?.status).toBe("to_deliver");
    const waitingPage = await (await manual.shopper.request(manual.orderUrl)).text();
    expect(waitingPage).toContain('data-testid="access-waiting"');
    expect(waitingPage).toContain(encodeURIComponent(manual.order.number));

    // What the Studio's "Marquer livrée" action writes, with the credentials the editor typed.
    const at = new Date().toISOString();
    const line = manual.order.lines[0]!;
    await lake
      .patch(manual.order._id)
      .set({ "fulfilment.status": "delivered", "fulfilment.deliveredAt": at })
      .setIfMissing({ "fulfilment.deliveries": [] })
      .append("fulfilment.deliveries", [
        {
          _key: "md1",
          lineKey: line._key,
          productId: line.productId,
          method: "manual",
          code: "TeamViewer ID 123 456 789",
          at,
        },
      ])
      .commit();
    const deliveredPage = await (await manual.shopper.request(manual.orderUrl)).text();
    expect(deliveredPage).toContain("TeamViewer ID 123 456 789");
    expect(deliveredPage).not.toContain('data-testid="access-waiting"');
  });
});

describe("Mes commandes", () => {
  const ask = (contact: string, ip: string) =>
    fetch(`${stack.baseUrl}/mes-commandes?index`, {
      method: "POST",
      body: new URLSearchParams({ contact }),
      headers: { "x-forwarded-for": ip },
      redirect: "manual",
    });
  const answerOf = (html: string) => /data-testid="my-orders-answer"[^>]*>([^<]+)</.exec(html)?.[1];

  it("answers identically for known and unknown addresses, and mails a signed link only to a known one", async () => {
    const { order } = await buyAndPay(GUIDE, "mine@example.com");
    const known = await ask("Mine@Example.com", "10.0.0.1");
    const unknown = await ask("nobody@example.com", "10.0.0.2");
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(known.status);
    const [knownAnswer, unknownAnswer] = [answerOf(await known.text()), answerOf(await unknown.text())];
    expect(knownAnswer).toContain("Si des commandes correspondent");
    expect(unknownAnswer).toBe(knownAnswer);

    const mails = await waitFor(
      () => mailsTo("mine@example.com"),
      (list) => list.some((mail) => mail.subject.startsWith("Vos commandes")),
    );
    const mail = mails.find((candidate) => candidate.subject.startsWith("Vos commandes"))!;
    const link = /(http:\/\/\S+\/mes-commandes\/liste\?jeton=\S+)/.exec(mail.text)![1]!;
    const list = await (await fetch(link)).text();
    expect(list).toContain(order.number);
    expect(list).toContain(
      `/commande/${order.number}?t=${encodeURIComponent(order.accessToken)}`.replaceAll("&", "&amp;"),
    );
    // The send the page starts in the background, run here to its end: nothing for an unknown address.
    const { sendOrdersLink } = await import("~/modules/orders/my-orders.server");
    await sendOrdersLink({ kind: "email", value: "nobody@example.com" }, stack.baseUrl);
    expect(await mailsTo("nobody@example.com")).toHaveLength(0);

    const tampered = link.replace(/jeton=(.)/, (_, first: string) => `jeton=${first === "A" ? "B" : "A"}`);
    expect((await fetch(tampered)).status).toBe(403);
  });

  it("finds orders by WhatsApp number and refuses an expired link", async () => {
    const { signContact } = await import("~/modules/orders/my-orders.server");
    const { order } = await buyAndPay(GUIDE, "phone@example.com");
    const response = await ask("+237 6 90 00 00 01", "10.0.0.3");
    expect(response.status).toBe(200);
    await waitFor(
      () => mailsTo("phone@example.com"),
      (list) => list.some((mail) => mail.subject.startsWith("Vos commandes")),
    );
    const stale = signContact({ kind: "email", value: "phone@example.com" }, Date.now() - 31 * 60_000);
    const expired = await fetch(`${stack.baseUrl}/mes-commandes/liste?jeton=${encodeURIComponent(stale)}`);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain("Ce lien n&#x27;est plus valable");
    const fresh = signContact({ kind: "email", value: "phone@example.com" });
    expect(
      await (await fetch(`${stack.baseUrl}/mes-commandes/liste?jeton=${encodeURIComponent(fresh)}`)).text(),
    ).toContain(order.number);
  });

  it("rate-limits per address and per IP, and explains bad input in French", async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await ask("limit@example.com", `10.0.1.${i}`)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const perIp = [];
    for (let i = 0; i < 11; i++) perIp.push((await ask(`ip${i}@example.com`, "10.0.2.1")).status);
    expect(perIp.slice(0, 10).every((status) => status === 200)).toBe(true);
    expect(perIp[10]).toBe(429);
    const bad = await ask("awa@", "10.0.3.1");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Indiquez une adresse e-mail valide");
  });
});

describe("reviews", () => {
  const PRODUCT_PAGE = "/produits/guide-chatgpt-pour-entrepreneurs-africains";
  interface StoredReview {
    _id: string;
    rating: number;
    name: string;
    verified: boolean;
    orderNumber?: string;
    status: string;
    product: { _ref: string };
  }
  const reviewsBy = (name: string) => lake.fetch<StoredReview[]>(`*[_type == "review" && name == $name]`, { name });

  it("validates the product page form in French and stores an unverified pending review, whatever the form claims", async () => {
    const shopper = new Shopper(stack.baseUrl);
    const bad = await shopper.post(`${PRODUCT_PAGE}?index`, {
      intent: "review",
      rating: "7",
      name: "A",
      comment: "court",
    });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("Choisissez une note de 1 à 5 étoiles.");
    expect(html).toContain("Indiquez votre prénom ou votre nom");
    expect(html).toContain("Dites-nous en un peu plus");
    expect(await reviewsBy("A")).toHaveLength(0);

    const good = await shopper.post(PRODUCT_PAGE, {
      intent: "review",
      rating: "4",
      name: "Moussa",
      comment: "Très clair et pratique.",
      verified: "true",
      orderNumber: "ASH-AAAAAA",
    });
    expect(good.status).toBe(200);
    expect(await good.text()).toContain("Merci pour votre avis");
    const [stored] = await reviewsBy("Moussa");
    expect(stored).toMatchObject({ rating: 4, verified: false, status: "pending", product: { _ref: GUIDE } });
    expect(stored!.orderNumber).toBeUndefined();
  });

  it("verifies a review from a paid order's page, once per line; only published reviews show, with the average in the JSON-LD", async () => {
    const { shopper, order, orderUrl } = await buyAndPay(GUIDE, "review@example.com");
    const page = await (await shopper.request(orderUrl)).text();
    expect(page).toContain('data-testid="order-review"');
    const fields = {
      intent: "review",
      lineKey: order.lines[0]!._key,
      rating: "5",
      name: "Aïcha",
      comment: "Excellent guide, je recommande !",
    };
    const posted = await shopper.post(orderUrl, fields);
    expect(posted.status).toBe(200);
    expect(await posted.text()).toContain("Merci pour votre avis");
    const again = await shopper.post(orderUrl, fields);
    expect(again.status).toBe(400);
    expect(await again.text()).toContain("déjà donné votre avis");
    const [stored] = await reviewsBy("Aïcha");
    expect(stored).toMatchObject({ verified: true, orderNumber: order.number, status: "pending", rating: 5 });

    // A pending order cannot review; a wrong token cannot either.
    const wrongToken = await shopper.post(orderUrl.replace(/t=[^&]+/, "t=nope"), fields);
    expect(wrongToken.status).toBe(400);

    expect(await (await fetch(`${stack.baseUrl}${PRODUCT_PAGE}`)).text()).not.toContain("Aïcha");
    await lake.patch(stored!._id).set({ status: "published" }).commit();
    await lake.create({
      _id: "review-rejected-test",
      _type: "review",
      product: { _type: "reference", _ref: GUIDE },
      rating: 1,
      name: "Spam",
      comment: "Rejeté",
      verified: false,
      status: "rejected",
      createdAt: new Date().toISOString(),
    });
    const html = await waitFor(
      async () => (await fetch(`${stack.baseUrl}${PRODUCT_PAGE}`)).text(),
      (text) => text.includes("Aïcha"),
    );
    expect(html).toContain("Achat vérifié");
    expect(html).not.toContain("Spam");
    expect(html).toContain('data-testid="rating-summary"');
    const jsonLd = JSON.parse(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/.exec(html)![1]!) as {
      aggregateRating?: unknown;
    };
    expect(jsonLd.aggregateRating).toMatchObject({ "@type": "AggregateRating", ratingValue: 5, reviewCount: 1 });
  });
});
