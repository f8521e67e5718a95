import { defineQuery } from "groq";
import { formatPrice } from "~/lib/money";
import { whatsappLink } from "~/lib/whatsapp";
import { loadDeliveryInfo, returnCodes } from "../delivery/delivery.server";
import { getEnv } from "../platform/env.server";
import { escapeHtml, type Mail } from "../platform/mail.server";
import { sendNoticeOnce } from "../delivery/mail-once.server";
import type { Order } from "./order-document";
import { reviseOrder } from "./orders.server";
import { fetchOrders } from "./read.server";

/**
 * What follows a refund the merchant recorded in Studio (« Rembourser », sanity/actions/refund.ts):
 * the order is already `refunded`, so downloads and codes are cut by the storefront's status
 * checks; here the codes the merchant says were never used go back to their pool, and the buyer
 * is told by e-mail, once. Run from the lake's webhook as soon as the Studio writes, and by the
 * reconciler's sweep for anything the webhook missed.
 */

async function returnUnusedCodes(order: Order): Promise<void> {
  const refund = order.refund;
  if (!refund || refund.codesReturnedAt) return;
  for (const line of order.lines) {
    const codes = (refund.unusedCodes ?? []).filter((entry) => entry.lineKey === line._key).map((entry) => entry.code);
    if (codes.length) await returnCodes(order.number, line.productId, codes);
  }
  await reviseOrder(order._id, (current) =>
    current.refund && !current.refund.codesReturnedAt
      ? (patch) => patch.set({ "refund.codesReturnedAt": new Date().toISOString() })
      : undefined,
  );
}

function refundMail(order: Order, whatsappNumber: string | null | undefined, shopName: string): Mail | null {
  const refund = order.refund;
  if (!refund) return null;
  const name = order.customer.name.split(" ")[0] ?? order.customer.name;
  const amount = formatPrice(refund.amount, order.currency);
  const support = whatsappLink(
    whatsappNumber,
    `Bonjour, j'ai une question sur le remboursement de ma commande ${order.number}.`,
  );
  const text = [
    `Bonjour ${name},`,
    "",
    `Votre commande ${order.number} chez ${shopName} a été remboursée : ${amount}.`,
    `Motif : ${refund.reason}`,
    "",
    "Le remboursement est fait sur votre compte mobile money. Les téléchargements et les codes d'accès de cette commande ne sont plus disponibles.",
    "",
    `Une question ? Écrivez-nous sur WhatsApp : ${support}`,
    "",
    `L'équipe ${shopName}`,
  ].join("\n");
  const html = `<!doctype html><html lang="fr"><body style="font-family:Arial,sans-serif;color:#0f172a;max-width:560px;margin:auto">
<h1 style="color:#5D5CDE;font-size:20px">Commande ${escapeHtml(order.number)} remboursée</h1>
<p>Bonjour ${escapeHtml(name)}, votre commande a été remboursée : <strong>${escapeHtml(amount)}</strong>.</p>
<p>Motif : ${escapeHtml(refund.reason)}</p>
<p>Le remboursement est fait sur votre compte mobile money. Les téléchargements et les codes d'accès de cette commande ne sont plus disponibles.</p>
<p><a href="${escapeHtml(support)}" style="color:#128C7E">Une question ? Écrivez-nous sur WhatsApp</a></p>
<p>L'équipe ${escapeHtml(shopName)}</p></body></html>`;
  return {
    to: order.customer.email,
    subject: `Remboursement de votre commande ${order.number} – ${shopName}`,
    html,
    text,
  };
}

/** Idempotent: codes returned once, the e-mail sent once, whoever calls and however often. */
export async function settleRefund(order: Order): Promise<void> {
  if (order.status !== "refunded" || !order.refund) return;
  await returnUnusedCodes(order);
  await sendNoticeOnce<Order>(
    order._id,
    "refund.mail",
    (current) => (current.status === "refunded" && current.refund ? (current.refund.mail ?? null) : undefined),
    async (current) => {
      const { settings } = await loadDeliveryInfo(current);
      return refundMail(current, settings?.whatsappNumber, settings?.shopName ?? getEnv().SHOP_NAME);
    },
  );
}

const REFUNDS_TO_SETTLE_QUERY = defineQuery(`*[_type == "order" && status == "refunded" && defined(refund) && (
  !defined(refund.codesReturnedAt) || !defined(refund.mail.sentAt)
)] | order(refund.at asc)[0...50]`);

/** The reconciler's sweep: refunds whose codes or e-mail are not done (webhook missed, SMTP down). */
export async function settleRefunds(): Promise<number> {
  const orders = await fetchOrders(REFUNDS_TO_SETTLE_QUERY, {});
  for (const order of orders) {
    await settleRefund(order).catch((error: unknown) =>
      console.error(`refund of ${order.number}: ${(error as Error).message}`),
    );
  }
  return orders.length;
}
