import { defineQuery } from "groq";
import { z } from "zod";
import { formatPrice } from "~/lib/money";
import { whatsappLink } from "~/lib/whatsapp";
import { getEnv } from "../platform/env.server";
import { escapeHtml, type Mail } from "../platform/mail.server";
import { sendNoticeOnce } from "../delivery/mail-once.server";
import type { MailNotice, Order } from "./order-document";
import { fetchOrders } from "./read.server";
import { getSanityClient, getSanityWriteClient } from "../platform/sanity.server";
import { fetchParsed } from "../platform/typed-query.server";

/**
 * E-mails to the merchant (docs/decisions/019-after-sale.md), each exactly once per event: an
 * order waiting for a manual delivery, a buyer's claim, a code pool running low. Each names the
 * order or product and links to the buyer on WhatsApp with the order number prefilled. The
 * address is the Studio settings' « E-mail des alertes » (else the contact e-mail); with neither,
 * or no SMTP, nothing is claimed and the sweep tries again later.
 */

const settingsSchema = z
  .object({ alertEmail: z.string().nullish(), email: z.string().nullish(), shopName: z.string().nullish() })
  .nullable();
const ALERT_SETTINGS_QUERY = defineQuery(
  `*[_type == "siteSettings" && _id == "siteSettings"][0]{ alertEmail, email, shopName }`,
);

async function alertContext() {
  const settings = await fetchParsed(getSanityClient(), ALERT_SETTINGS_QUERY, {}, settingsSchema);
  const to = settings?.alertEmail ?? settings?.email ?? null;
  return { to, shopName: settings?.shopName ?? getEnv().SHOP_NAME };
}

function buyerLink(order: Order, text: string): string {
  return whatsappLink(order.customer.whatsapp, text);
}

function alertMail(to: string, subject: string, lines: string[], action?: { label: string; href: string }): Mail {
  const text = [...lines, ...(action ? ["", `${action.label} : ${action.href}`] : [])].join("\n");
  const html = `<!doctype html><html lang="fr"><body style="font-family:Arial,sans-serif;color:#0f172a;max-width:560px;margin:auto">
<h1 style="font-size:18px;color:#5D5CDE">${escapeHtml(subject)}</h1>
${lines.map((line) => (line ? `<p>${escapeHtml(line)}</p>` : "")).join("\n")}
${action ? `<p><a href="${escapeHtml(action.href)}" style="display:inline-block;background:#25D366;color:#073b1f;padding:10px 16px;border-radius:10px;font-weight:bold;text-decoration:none">${escapeHtml(action.label)}</a></p>` : ""}
</body></html>`;
  return { to, subject, html, text };
}

function orderLines(order: Order): string[] {
  return [
    `Commande ${order.number} · ${formatPrice(order.total, order.currency)}`,
    `Client : ${order.customer.name} · ${order.customer.whatsapp} · ${order.customer.email}`,
    `Articles : ${order.lines.map((line) => line.title).join(", ")}`,
  ];
}

/** A paid order some access line of which waits for the merchant. */
export function alertManualDelivery(order: Order) {
  return sendNoticeOnce<Order>(
    order._id,
    "alerts.toDeliver",
    (current) =>
      current.status === "paid" && current.fulfilment?.status === "to_deliver"
        ? (current.alerts?.toDeliver ?? null)
        : undefined,
    async (current) => {
      const { to, shopName } = await alertContext();
      if (!to) throw new Error("no alert e-mail in the Studio settings");
      const waiting = current.lines.filter((line) => line.kind === "access").map((line) => line.title);
      return alertMail(
        to,
        `À livrer : commande ${current.number}`,
        [
          ...orderLines(current),
          "",
          `${shopName} : ce client attend son accès (${waiting.join(", ")}). Livrez-le puis utilisez « Marquer livrée » dans le Studio.`,
        ],
        {
          label: "Écrire au client sur WhatsApp",
          href: buyerLink(
            current,
            `Bonjour ${current.customer.name}, c'est ${shopName} : je m'occupe de votre commande ${current.number}.`,
          ),
        },
      );
    },
  );
}

/** A buyer's « J'ai payé mais je n'ai rien reçu ». */
export function alertMerchantOfClaim(order: Order, claimKey: string) {
  return sendNoticeOnce<Order>(
    order._id,
    `claims[_key=="${claimKey}"].alert`,
    (current) => {
      const claim = current.claims?.find((candidate) => candidate._key === claimKey);
      return claim ? (claim.alert ?? null) : undefined;
    },
    async (current) => {
      const { to, shopName } = await alertContext();
      if (!to) throw new Error("no alert e-mail in the Studio settings");
      const claim = current.claims!.find((candidate) => candidate._key === claimKey)!;
      const found =
        claim.answer === "paid"
          ? "La boutique a retrouvé le paiement : le client a reçu ses accès."
          : claim.answer === "to_deliver"
            ? "Le paiement est confirmé ; un accès attend d'être livré à la main."
            : "Le prestataire ne confirme pas (encore) le paiement : vérifiez dans votre espace Lygos ou Lengo avec la référence.";
      return alertMail(
        to,
        `Réclamation : commande ${current.number}`,
        [
          ...orderLines(current),
          `Statut : ${current.status}`,
          "",
          `Référence SMS donnée par le client : ${claim.smsReference}`,
          ...(claim.note ? [`Message : ${claim.note}`] : []),
          found,
        ],
        {
          label: "Répondre au client sur WhatsApp",
          href: buyerLink(
            current,
            `Bonjour ${current.customer.name}, c'est ${shopName} : nous avons reçu votre signalement pour la commande ${current.number}.`,
          ),
        },
      );
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Code pools: one alert each time a pool falls to its threshold; refilled above it, it re-arms.

export const DEFAULT_LOW_STOCK_THRESHOLD = 3;

const poolLevel = z.object({
  _id: z.string(),
  product: z.string().nullish(),
  threshold: z.number().int().min(0).nullish(),
  free: z
    .number()
    .int()
    .nullish()
    .transform((free) => free ?? 0),
  lowStockAlert: z
    .object({ claimedAt: z.string().nullish(), sentAt: z.string().nullish(), error: z.string().nullish() })
    .nullish(),
});
type PoolLevel = z.output<typeof poolLevel>;

const POOL_LEVELS_QUERY =
  defineQuery(`*[_type == "accessCodePool" && (!defined($productId) || product._ref == $productId)]{
  _id, "product": product->title, "threshold": lowStockThreshold,
  "free": count(codes[!defined(assignedTo) && defined(code)]), lowStockAlert
}`);

const low = (pool: PoolLevel) => pool.free <= (pool.threshold ?? DEFAULT_LOW_STOCK_THRESHOLD);

async function checkPool(pool: PoolLevel) {
  if (!low(pool)) {
    // Refilled: the next fall to the threshold is a new event.
    if (pool.lowStockAlert?.sentAt) await getSanityWriteClient().patch(pool._id).unset(["lowStockAlert"]).commit();
    return;
  }
  await sendNoticeOnce<{
    codes?: { code?: string; assignedTo?: string }[];
    lowStockThreshold?: number;
    lowStockAlert?: MailNotice;
  }>(
    pool._id,
    "lowStockAlert",
    (current) => {
      const free = (current.codes ?? []).filter((entry) => entry.code && !entry.assignedTo).length;
      return free <= (current.lowStockThreshold ?? DEFAULT_LOW_STOCK_THRESHOLD)
        ? (current.lowStockAlert ?? null)
        : undefined;
    },
    async (current) => {
      const { to, shopName } = await alertContext();
      if (!to) throw new Error("no alert e-mail in the Studio settings");
      const free = (current.codes ?? []).filter((entry) => entry.code && !entry.assignedTo).length;
      return alertMail(to, `Stock de codes bas : ${pool.product ?? pool._id}`, [
        `Il reste ${free} code${free > 1 ? "s" : ""} libre${free > 1 ? "s" : ""} pour « ${pool.product ?? pool._id} » (seuil : ${current.lowStockThreshold ?? DEFAULT_LOW_STOCK_THRESHOLD}).`,
        free === 0 ? "Les prochaines commandes attendront une livraison à la main." : "",
        `${shopName} : ajoutez des codes dans le Studio (Catalogue › Stocks de codes d'accès).`,
      ]);
    },
  );
}

/** After codes are taken (for one product), and from the sweep (every pool). Never throws. */
export async function checkCodePools(productId: string | null = null): Promise<void> {
  try {
    const pools = await fetchParsed(getSanityClient(), POOL_LEVELS_QUERY, { productId }, z.array(poolLevel));
    for (const pool of pools) await checkPool(pool);
  } catch (error) {
    console.error(`code pool alert: ${(error as Error).message}`);
  }
}

const ALERTS_DUE_QUERY = defineQuery(`*[_type == "order" && _updatedAt > $since && (
  (status == "paid" && fulfilment.status == "to_deliver" && !defined(alerts.toDeliver.sentAt))
  || count(claims[!defined(alert.sentAt)]) > 0
)] | order(_updatedAt asc)[0...50]`);
const SWEEP_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

/** The reconciler's share: alerts not sent yet (SMTP down, no address yet, a process that died). */
export async function sweepMerchantAlerts(now = new Date()): Promise<number> {
  const orders = await fetchOrders(ALERTS_DUE_QUERY, {
    since: new Date(now.getTime() - SWEEP_WINDOW_MS).toISOString(),
  });
  for (const order of orders) {
    await alertManualDelivery(order).catch(() => undefined);
    for (const claim of order.claims ?? [])
      if (!claim.alert?.sentAt) await alertMerchantOfClaim(order, claim._key).catch(() => undefined);
  }
  await checkCodePools();
  return orders.length;
}
