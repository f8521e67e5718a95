import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { defineQuery } from "groq";
import { z } from "zod";
import { getEnv } from "../platform/env.server";
import { sendMail } from "../platform/mail.server";
import type { Delivery, Fulfilment, Order, OrderLine } from "../orders/order-document";
import { newKey, reviseOrder } from "../orders/orders.server";
import { readOrder, readOrders } from "../orders/read.server";
import { fulfilmentStatus, lineDelivered } from "./fulfilment-status.server";
import { alertManualDelivery, checkCodePools } from "../orders/merchant-alerts.server";
import { receiptMail, type ActivationSteps, type MailContext } from "./receipt-mail.server";
import { writeWithRevision } from "../platform/revise.server";
import { getSanityClient, getSanityWriteClient } from "../platform/sanity.server";
import { fetchParsed } from "../platform/typed-query.server";

/**
 * Delivery of a paid order (docs/decisions/006-delivery.md). `fulfilOrder` is idempotent and
 * runs after every transition to paid, again from the order page if it never ran, and from the
 * reconciler until the receipt is sent and every access line is delivered. It never touches the
 * payment fields: a failure here is logged on the order and retried, the payment stands.
 */

export const DEFAULT_DOWNLOAD_LIMIT = 5;
export const DEFAULT_DOWNLOAD_VALIDITY_DAYS = 30;
/**
 * A receipt claim holds this long (decision 012): longer than a send may take (bounded below), so a
 * live sender never loses it; short, so that a claim left by a crash is taken over within a minute.
 */
export const RECEIPT_CLAIM_LEASE_MS = 45_000;
const RECEIPT_SEND_DEADLINE_MS = 30_000;
/** Who holds a claim: this process. Recorded on the claim for the merchant and for diagnosis. */
const CLAIM_OWNER = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;

// ---------------------------------------------------------------------------------------------
// What the lake says about the products of an order (never the asset URLs: see downloads).

const count = z.number().int().positive().nullish().catch(null);

const deliveryProduct = z.object({
  _id: z.string(),
  kind: z.enum(["file", "access"]).catch("file"),
  accessDelivery: z.enum(["code", "manual"]).nullish().catch(null),
  downloadLimit: count,
  downloadValidityDays: count,
  /** PDFs are stamped with the buyer unless an editor turned it off for this product. */
  stamp: z.boolean(),
  /** Portable Text, shown with the product's codes on the order page and in the e-mails. */
  activationSteps: z.array(z.any()).nullish().catch(null),
  files: z
    .array(
      z.object({
        _key: z.string(),
        title: z.string().nullish(),
        filename: z.string().nullish(),
        size: z.number().nullish(),
      }),
    )
    .nullish()
    .transform((files) => files ?? []),
});

const deliveryInfo = z.object({
  products: z.array(deliveryProduct),
  settings: z
    .object({
      downloadLimit: count,
      downloadValidityDays: count,
      whatsappNumber: z.string().nullish(),
      shopName: z.string().nullish(),
    })
    .nullish(),
});

export { fulfilmentStatus, lineDelivered };

export type DeliveryProduct = z.output<typeof deliveryProduct>;
export type DeliveryInfo = z.output<typeof deliveryInfo>;

const DELIVERY_QUERY = defineQuery(`{
  "products": *[_type == "product" && _id in $ids]{
    _id, kind, accessDelivery, downloadLimit, downloadValidityDays, "stamp": stampPdf != false, activationSteps,
    "files": deliverables[]{ _key, title, "filename": asset->originalFilename, "size": asset->size }
  },
  "settings": *[_type == "siteSettings" && _id == "siteSettings"][0]{ downloadLimit, downloadValidityDays, whatsappNumber, shopName }
}`);

/** Fresh from the lake on purpose: a limit an editor changes applies at once. */
export async function loadDeliveryInfo(order: Pick<Order, "lines">): Promise<DeliveryInfo> {
  return fetchParsed(
    getSanityClient(),
    DELIVERY_QUERY,
    { ids: order.lines.map((line) => line.productId) },
    deliveryInfo,
  );
}

export interface DownloadPolicy {
  limit: number;
  expiresAt: Date | null;
}

export function downloadPolicy(
  order: Pick<Order, "paidAt">,
  product: DeliveryProduct | undefined,
  settings: DeliveryInfo["settings"],
): DownloadPolicy {
  const limit = product?.downloadLimit ?? settings?.downloadLimit ?? DEFAULT_DOWNLOAD_LIMIT;
  const days = product?.downloadValidityDays ?? settings?.downloadValidityDays ?? DEFAULT_DOWNLOAD_VALIDITY_DAYS;
  const expiresAt = order.paidAt ? new Date(Date.parse(order.paidAt) + days * 24 * 60 * 60 * 1000) : null;
  return { limit, expiresAt };
}

export function downloadsOf(order: Pick<Order, "downloads">, lineKey: string, fileKey: string): number {
  return (order.downloads ?? []).filter((entry) => entry.lineKey === lineKey && entry.file === fileKey).length;
}

// ---------------------------------------------------------------------------------------------
// Access codes: taken from the product's pool with a revision-checked write on the pool, before
// the order records them. A retry finds the codes already assigned to this order number, so a
// failed order write never loses a code and two orders never share one.

const poolSchema = z.object({
  _id: z.string(),
  _rev: z.string(),
  codes: z
    .array(
      z.object({
        _key: z.string(),
        code: z.string().nullish(),
        assignedTo: z.string().nullish(),
        assignedAt: z.string().nullish(),
      }),
    )
    .nullish()
    .transform((codes) => codes ?? []),
});

const POOL_QUERY = defineQuery(
  `*[_type == "accessCodePool" && product._ref == $productId] | order(_id asc)[0]{ _id, _rev, codes }`,
);
const readPool = async (productId: string) =>
  (await fetchParsed(getSanityWriteClient(), POOL_QUERY, { productId }, poolSchema.nullable())) ?? undefined;

/**
 * Assigns free codes of the product's pool to the order's line, up to its quantity, and returns
 * every code the line holds. Buyers racing for the last codes serialise on the pool's revision.
 */
export async function takeCodes(
  order: Pick<Order, "number">,
  line: Pick<OrderLine, "_key" | "productId" | "quantity">,
): Promise<Delivery[]> {
  const mineIn = (pool: z.infer<typeof poolSchema>) =>
    pool.codes.filter((entry) => entry.assignedTo === order.number && entry.code);
  const { state, written } = await writeWithRevision(
    getSanityWriteClient(),
    `Code pool for ${line.productId}`,
    () => readPool(line.productId),
    (pool) => {
      const missing = line.quantity - mineIn(pool).length;
      const free = pool.codes.filter((entry) => !entry.assignedTo && entry.code).slice(0, Math.max(0, missing));
      if (missing <= 0 || free.length === 0) return undefined;
      const now = new Date().toISOString();
      const set: Record<string, string> = {};
      for (const entry of free) {
        set[`codes[_key=="${entry._key}"].assignedTo`] = order.number;
        set[`codes[_key=="${entry._key}"].assignedAt`] = now;
      }
      return (patch) => patch.set(set);
    },
  );
  // After a write, the codes this line now holds are read back from the pool as written.
  const pool = written ? poolSchema.parse(written) : state;
  return (pool ? mineIn(pool) : []).map((entry) => ({
    _key: newKey(),
    lineKey: line._key,
    productId: line.productId,
    method: "code" as const,
    code: entry.code!,
    at: entry.assignedAt ?? new Date().toISOString(),
  }));
}

/**
 * Gives codes back to the product's pool (a refund whose codes were never used): each code still
 * assigned to this order is freed, revision-checked like `takeCodes`. Idempotent: a code already
 * freed, or since given to someone else, is left alone.
 */
export async function returnCodes(orderNumber: string, productId: string, codes: string[]): Promise<number> {
  let returned = 0;
  await writeWithRevision(
    getSanityWriteClient(),
    `Code pool for ${productId}`,
    () => readPool(productId),
    (pool) => {
      const mine = pool.codes.filter(
        (entry) => entry.assignedTo === orderNumber && entry.code && codes.includes(entry.code),
      );
      returned = mine.length;
      if (mine.length === 0) return undefined;
      return (patch) =>
        patch.unset(
          mine.flatMap((entry) => [
            `codes[_key=="${entry._key}"].assignedTo`,
            `codes[_key=="${entry._key}"].assignedAt`,
          ]),
        );
    },
  );
  return returned;
}

/** Assigns what can be assigned and records the order's delivery status. */
export async function deliverOrder(order: Order): Promise<Order> {
  if (order.status !== "paid") return order;
  const { products } = await loadDeliveryInfo(order);
  const codes: Delivery[] = [];
  const codeLines: string[] = [];
  for (const line of order.lines) {
    if (line.kind !== "access" || lineDelivered(order, line)) continue;
    const product = products.find((candidate) => candidate._id === line.productId);
    if (product?.accessDelivery !== "code") continue;
    codeLines.push(line._key);
    codes.push(...(await takeCodes(order, line)));
    void checkCodePools(line.productId);
  }
  const { order: updated } = await reviseOrder(order._id, (current) => {
    const known = current.fulfilment?.deliveries ?? [];
    const added = codes.filter(
      (code) => !known.some((entry) => entry.lineKey === code.lineKey && entry.code === code.code),
    );
    const deliveries = [...known, ...added];
    const status = fulfilmentStatus({
      lines: current.lines,
      fulfilment: { status: "to_deliver", ...current.fulfilment, deliveries },
    });
    // A line waiting for codes is retried (a refilled pool serves it); one delivered by hand waits for the merchant only.
    const waitsForCodes =
      status === "to_deliver" &&
      codeLines.some((lineKey) => {
        const line = current.lines.find((candidate) => candidate._key === lineKey);
        return line !== undefined && !lineDelivered({ fulfilment: { status, deliveries } }, line);
      });
    const unchanged =
      added.length === 0 && current.fulfilment?.status === status && current.fulfilment.waitsForCodes === waitsForCodes;
    if (unchanged && !current.fulfilment?.lastError) return undefined;
    const { lastError: _cleared, ...previous } = current.fulfilment ?? ({} as Partial<Fulfilment>);
    const fulfilment: Fulfilment = {
      ...previous,
      status,
      deliveries,
      waitsForCodes,
      checkedAt: new Date().toISOString(),
    };
    return (patch) => patch.set({ fulfilment });
  });
  if (updated.fulfilment?.status === "to_deliver") {
    void alertManualDelivery(updated).catch((error: unknown) =>
      console.error(`delivery alert for ${order.number}: ${(error as Error).message}`),
    );
  }
  return updated;
}

// ---------------------------------------------------------------------------------------------
// The receipt: claimed on the order (revision-checked) before it is sent, so duplicate callbacks
// and concurrent retries send one; a failed send releases the claim for the reconciler.

function publicOrigin(): string {
  return getEnv().PUBLIC_URL?.replace(/\/$/, "") ?? `http://localhost:${getEnv().PORT}`;
}

/** Where the buyer's e-mails link to, and whom they name. */
export function mailContext(settings: DeliveryInfo["settings"]): MailContext {
  return {
    origin: publicOrigin(),
    whatsappNumber: settings?.whatsappNumber ?? null,
    shopName: settings?.shopName ?? getEnv().SHOP_NAME,
  };
}

export function activationStepsOf(products: DeliveryProduct[]): ActivationSteps {
  return Object.fromEntries(products.map((product) => [product._id, product.activationSteps]));
}

export async function sendReceiptOnce(order: Order): Promise<"sent" | "skipped" | "failed"> {
  const claimedAt = new Date().toISOString();
  const claim = await reviseOrder(order._id, (current) => {
    const fulfilment = current.fulfilment;
    if (current.status !== "paid" || !fulfilment || fulfilment.receiptSentAt) return undefined;
    if (fulfilment.receiptClaimedAt && Date.now() - Date.parse(fulfilment.receiptClaimedAt) < RECEIPT_CLAIM_LEASE_MS)
      return undefined;
    return (patch) =>
      patch.set({ fulfilment: { ...fulfilment, receiptClaimedAt: claimedAt, receiptClaimedBy: CLAIM_OWNER } });
  });
  if (!claim.changed) return "skipped";
  const release = (fields: Partial<Fulfilment>) =>
    reviseOrder(order._id, (current) => {
      // Only our own claim: one taken over after its lease belongs to its new owner.
      if (current.fulfilment?.receiptClaimedAt !== claimedAt || current.fulfilment.receiptClaimedBy !== CLAIM_OWNER)
        return undefined;
      const { receiptClaimedAt: _claim, receiptClaimedBy: _owner, receiptError: _error, ...rest } = current.fulfilment;
      return (patch) => patch.set({ fulfilment: { ...rest, ...fields } });
    });
  try {
    const { products, settings } = await loadDeliveryInfo(claim.order);
    const origin = publicOrigin();
    const token = encodeURIComponent(claim.order.accessToken);
    const downloads = claim.order.lines.flatMap((line) =>
      line.kind !== "file"
        ? []
        : (products.find((product) => product._id === line.productId)?.files ?? []).map((file) => ({
            title: file.title ?? file.filename ?? line.title,
            url: `${origin}/telechargement/${claim.order.number}/${line._key}/${file._key}?t=${token}`,
          })),
    );
    const mail = receiptMail(claim.order, mailContext(settings), downloads, activationStepsOf(products));
    // Well inside the lease: a send that outlived it could meet a second sender.
    await Promise.race([
      sendMail(mail),
      new Promise((_, reject) =>
        setTimeout(
          () => reject(new Error(`receipt not sent within ${RECEIPT_SEND_DEADLINE_MS} ms`)),
          RECEIPT_SEND_DEADLINE_MS,
        ).unref(),
      ),
    ]);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`receipt for ${order.number} not sent (retried later): ${message}`);
    await release({ receiptError: message.slice(0, 300) }).catch(() => undefined);
    return "failed";
  }
  await release({ receiptSentAt: new Date().toISOString() });
  return "sent";
}

/** Delivery, then the receipt. Idempotent: safe to call any number of times for a paid order. */
export async function fulfilOrder(order: Order): Promise<Order> {
  const delivered = await deliverOrder(order);
  await sendReceiptOnce(delivered);
  return delivered;
}

async function recordFailure(order: Order, error: unknown) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`fulfilment of ${order.number} failed (retried later): ${message}`);
  await reviseOrder(order._id, (current) => {
    if (current.status !== "paid") return undefined;
    const fulfilment: Fulfilment = {
      status: "to_deliver",
      checkedAt: new Date().toISOString(),
      ...current.fulfilment,
      lastError: message.slice(0, 300),
    };
    return (patch) => patch.set({ fulfilment });
  }).catch(() => undefined);
}

/**
 * The hook called where an order becomes paid. Delivery is awaited (the buyer's next page shows
 * codes at once); the receipt goes out in the background; nothing here can throw into the
 * payment flow.
 */
export async function onOrderPaid(order: Order): Promise<Order> {
  if (order.status !== "paid") return order;
  try {
    const delivered = await deliverOrder(order);
    void sendReceiptOnce(delivered).catch((error: unknown) =>
      console.error(`receipt for ${order.number}: ${(error as Error).message}`),
    );
    return delivered;
  } catch (error) {
    await recordFailure(order, error);
    return order;
  }
}

/**
 * Paid orders the storefront still has something to do for: the hook never ran, the receipt is not
 * sent, an error to retry, or a line waiting for codes. A line delivered by hand waits for the
 * merchant, not for the storefront, so those orders are not read again (decision 012). Orders
 * written before `waitsForCodes` existed are taken once to set it.
 */
const TO_FULFIL_QUERY = defineQuery(`*[_type == "order" && status == "paid" && paidAt > $since && !(_id in $failed) && (
  !defined(fulfilment) || !defined(fulfilment.receiptSentAt) || defined(fulfilment.lastError)
  || fulfilment.waitsForCodes == true || (fulfilment.status == "to_deliver" && !defined(fulfilment.waitsForCodes))
)] | order(paidAt asc)[0...50]`);
const FULFIL_PAGE = 50;
const RETRY_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

/** The reconciler's share: every paid order whose delivery or receipt has not completed, page after page. */
export async function retryFulfilments(now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - RETRY_WINDOW_MS).toISOString();
  const failed: string[] = [];
  const seen = new Set<string>();
  let completed = 0;
  for (;;) {
    const page = await readOrders(TO_FULFIL_QUERY, { since, failed });
    // An order the shop cannot read (already logged) is left out of the rest of the run.
    failed.push(...page.unreadable.map((problem) => problem.orderId));
    const fresh = page.orders.filter((order) => !seen.has(order._id));
    if (fresh.length === 0 && page.unreadable.length === 0) break;
    for (const order of fresh) {
      seen.add(order._id);
      try {
        const done = await fulfilOrder(order);
        const latest = await readOrder(done._id);
        if (latest?.fulfilment?.status === "delivered" && latest.fulfilment.receiptSentAt) completed++;
      } catch (error) {
        failed.push(order._id);
        await recordFailure(order, error);
      }
    }
    if (page.orders.length + page.unreadable.length < FULFIL_PAGE) break;
  }
  return completed;
}
