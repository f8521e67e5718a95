import { randomBytes } from "node:crypto";
import type { SanityClient } from "@sanity/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Order, PaymentAttempt } from "~/modules/orders/order-document";
import { orderNumberFor } from "~/modules/orders/orders.server";
import { control, lakeClient, payOnHostedPage, Shopper } from "../support/shopper";
import { startStack, type Stack } from "../support/stack";

/**
 * Reconciliation and fulfilment retries that cannot starve (issue 10 item 6, decision 012): a
 * backlog written straight into the lake, as months of abandoned checkouts and hand-delivered
 * orders leave it, then one run of the job, called in this process: no sleeps.
 */
const GUIDE = "product-guide-chatgpt-pour-entrepreneurs-africains"; // 5 000 F CFA, a file
const MANUAL = "product-installation-et-activation-a-distance"; // access delivered by hand

let stack: Stack;
let lake: SanityClient;
let lygos: string;

beforeAll(async () => {
  stack = await startStack({ env: { RECONCILE_INTERVAL_SECONDS: "0" } });
  lake = lakeClient(stack);
  lygos = stack.sandbox.urls.lygos;
  Object.assign(process.env, stack.sandbox.storefrontEnv(), {
    PUBLIC_URL: stack.baseUrl,
    RECONCILE_INTERVAL_SECONDS: "0",
  });
});

afterAll(async () => {
  await stack?.stop();
});

const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const HOUR = 60 * 60_000;

function backlogOrder(seed: string, fields: Partial<Order> & Record<string, unknown>) {
  const number = orderNumberFor(`${seed}-${randomBytes(6).toString("hex")}`, 0);
  return {
    _id: `order-${number}`,
    _type: "order",
    _createdAt: ago(3 * 24 * HOUR),
    number,
    checkoutId: randomBytes(16).toString("base64url"),
    status: "pending",
    currency: "XAF",
    lines: [
      {
        _key: "l1",
        productId: GUIDE,
        title: "Guide ChatGPT",
        slug: "guide",
        kind: "file",
        listPrice: 5_000,
        unitPrice: 5_000,
        quantity: 1,
        total: 5_000,
      },
    ],
    subtotal: 5_000,
    total: 5_000,
    customer: { name: "Backlog", whatsapp: "+237690000009", email: `${seed}@example.com` },
    paymentMethod: "lygos",
    accessToken: randomBytes(24).toString("base64url"),
    callbackToken: randomBytes(24).toString("base64url"),
    payments: [],
    paymentLog: [],
    ...fields,
  };
}

const attempt = (number: string, state: PaymentAttempt["state"], createdAt: string): PaymentAttempt => ({
  _key: randomBytes(6).toString("hex"),
  provider: "lygos",
  reference: number,
  amount: 5_000,
  currency: "XAF",
  state,
  createdAt,
  ...(state === "pending" ? { redirectUrl: `${lygos}/link/00000000-0000-4000-8000-000000000000` } : {}),
});

async function writeAll(docs: Record<string, unknown>[]) {
  for (let i = 0; i < docs.length; i += 100) {
    const transaction = lake.transaction();
    for (const doc of docs.slice(i, i + 100)) transaction.create(doc as never);
    await transaction.commit();
  }
}

describe("a backlog never starves the queue", () => {
  it(
    "finds a fresh Lygos payment paid in one run behind 220 abandoned orders and a broken one, then never asks the backlog again",
    { timeout: 180_000 },
    async () => {
      const backlog: Record<string, unknown>[] = [];
      // Never a payment in the lake's eyes: a document written by hand, as a bad import would.
      backlog.push({ ...backlogOrder("broken", {}), _createdAt: ago(5 * 24 * HOUR), payments: "corrupt" });
      for (let i = 0; i < 110; i++) {
        // Expired, with an attempt cut before any provider call (the process stopped mid-checkout).
        const doc = backlogOrder(`cut${i}`, { status: "expired" });
        backlog.push({ ...doc, payments: [attempt(doc.number, "creating", ago(2 * 24 * HOUR))] });
      }
      for (let i = 0; i < 110; i++) {
        // Abandoned on the payment page two hours ago: nobody paid, nobody came back.
        const doc = backlogOrder(`idle${i}`, {});
        backlog.push({ ...doc, payments: [attempt(doc.number, "pending", ago(2 * HOUR))] });
      }
      await writeAll(backlog);

      // A buyer pays on Lygos and closes the tab: Lygos has no callback, only the reconciler can tell.
      const shopper = new Shopper(stack.baseUrl);
      const checkoutId = await shopper.openCheckout(GUIDE);
      const paymentUrl = (await shopper.checkout(GUIDE, checkoutId, { paymentMethod: "lygos" })).headers.get(
        "location",
      )!;
      await payOnHostedPage(paymentUrl, "600000001");
      const fresh = (await lake.fetch<Order>(`*[_type == "order" && checkoutId == $checkoutId][0]`, { checkoutId }))!;
      expect(fresh.status).toBe("pending");

      const { reconcileOrders } = await import("~/modules/payments/reconcile.server");
      await control(lygos, "/reset", {});
      const first = await reconcileOrders();
      expect((await lake.getDocument<Order>(fresh._id))!.status).toBe("paid");
      expect(first).toMatchObject({ paid: 1, expired: 110, errors: 1 });
      // An attempt cut before any provider call is not asked, not even once.
      const cutNumbers = backlog
        .filter((doc) => String(doc.customer && (doc.customer as { email: string }).email).startsWith("cut"))
        .map((doc) => doc.number as string);
      const asked = ((await control(lygos, "/requests")) as { path: string }[]).map((request) => request.path);
      expect(asked.filter((path) => cutNumbers.some((number) => path.endsWith(`/payin/${number}`)))).toEqual([]);
      expect(asked.filter((path) => path.includes("/payin/")).length).toBeGreaterThanOrEqual(111);

      // The next run asks nobody: cut attempts are never asked again, abandoned ones not before their next check.
      await control(lygos, "/reset", {});
      const second = await reconcileOrders();
      expect(second).toMatchObject({ checked: 0, errors: 0 });
      const requests = (await control(lygos, "/requests")) as { path: string }[];
      expect(requests.filter((request) => request.path.includes("/payin/"))).toEqual([]);
    },
  );

  it("sends a receipt that failed during an SMTP outage on the next retry, behind 60 orders waiting for the merchant", async () => {
    const manual = Array.from({ length: 60 }, (_, i) =>
      backlogOrder(`manual${i}`, {
        status: "paid",
        paidAt: ago(24 * HOUR),
        lines: [
          {
            _key: "l1",
            productId: MANUAL,
            title: "Installation",
            slug: "installation",
            kind: "access",
            listPrice: 5_000,
            unitPrice: 5_000,
            quantity: 1,
            total: 5_000,
          },
        ],
        fulfilment: { status: "to_deliver", deliveries: [], waitsForCodes: false, receiptSentAt: ago(24 * HOUR) },
      }),
    );
    const email = `smtp-outage-${randomBytes(4).toString("hex")}@example.com`;
    const failedReceipt = backlogOrder("receipt", {
      status: "paid",
      paidAt: ago(HOUR),
      customer: { name: "Awa Outage", whatsapp: "+237690000010", email },
      // What a send during the outage leaves: the claim released, the error recorded, no receipt.
      fulfilment: {
        status: "delivered",
        deliveries: [],
        waitsForCodes: false,
        receiptError: "connect ECONNREFUSED 127.0.0.1:25",
      },
    });
    await writeAll([...manual, failedReceipt]);

    const { retryFulfilments } = await import("~/modules/delivery/delivery.server");
    await retryFulfilments();
    const mails = (await (
      await fetch(`${stack.sandbox.urls.mail}/api/messages?to=${encodeURIComponent(email)}`)
    ).json()) as { subject: string }[];
    expect(mails.map((mail) => mail.subject)).toEqual([expect.stringContaining(failedReceipt.number)]);
    const sent = (await lake.getDocument<Order>(failedReceipt._id))!;
    expect(sent.fulfilment?.receiptSentAt).toBeTruthy();
    // The merchant's queue is not read or written by the retry: it waits for the merchant.
    const revisions = await lake.fetch<{ _rev: string; _createdAt: string; _updatedAt: string }[]>(
      `*[_type == "order" && _id in $ids]{ _rev, _createdAt, _updatedAt }`,
      { ids: manual.map((doc) => doc._id) },
    );
    expect(revisions.every((doc) => doc._updatedAt === revisions[0]!._updatedAt)).toBe(true);
  });

  it(
    "treats a paid order it cannot read as an error for that order alone: the receipt behind it is sent, nothing is written into it",
    { timeout: 120_000 },
    async () => {
      // Written by hand into the lake (a bad import): a claims field that is no list. The order is due
      // for every sweep: delivery, receipt and the merchant's alerts.
      const broken = {
        ...backlogOrder("unreadable", {
          status: "paid",
          paidAt: ago(2 * HOUR),
          lines: [
            {
              _key: "l1",
              productId: MANUAL,
              title: "Installation",
              slug: "installation",
              kind: "access",
              listPrice: 5_000,
              unitPrice: 5_000,
              quantity: 1,
              total: 5_000,
            },
          ],
          fulfilment: { status: "to_deliver", deliveries: [], waitsForCodes: false },
        }),
        claims: 5,
      };
      const email = `behind-broken-${randomBytes(4).toString("hex")}@example.com`;
      const receipt = backlogOrder("behind", {
        status: "paid",
        paidAt: ago(HOUR),
        customer: { name: "Awa Derrière", whatsapp: "+237690000011", email },
        fulfilment: {
          status: "delivered",
          deliveries: [],
          waitsForCodes: false,
          receiptError: "connect ECONNREFUSED 127.0.0.1:25",
        },
      });
      await writeAll([broken, receipt]);
      const brokenRev = (await lake.getDocument(broken._id))!._rev;

      const { reconcileOrders } = await import("~/modules/payments/reconcile.server");
      const summary = await reconcileOrders();
      expect(summary.fulfilled).toBeGreaterThanOrEqual(1);
      expect((await lake.getDocument<Order>(receipt._id))!.fulfilment?.receiptSentAt).toBeTruthy();
      const mails = (await (
        await fetch(`${stack.sandbox.urls.mail}/api/messages?to=${encodeURIComponent(email)}`)
      ).json()) as { subject: string }[];
      expect(mails.map((mail) => mail.subject)).toEqual([expect.stringContaining(receipt.number)]);
      // The broken order is an error for itself only: logged, never written into, no receipt sent for it.
      expect((await lake.getDocument(broken._id))!._rev).toBe(brokenRev);
      const brokenMails = (await (
        await fetch(`${stack.sandbox.urls.mail}/api/messages?to=${encodeURIComponent(broken.customer.email)}`)
      ).json()) as unknown[];
      expect(brokenMails).toEqual([]);
    },
  );
});
