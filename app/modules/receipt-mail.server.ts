import { formatPrice } from "~/lib/money";
import { whatsappLink } from "~/lib/whatsapp";
import { lineDelivered } from "./fulfilment-status.server";
import { paymentRows, paymentSummary } from "./payment-summary.server";
import { escapeHtml, type Mail } from "./mail.server";
import type { Order } from "./orders.server";

export interface MailContext {
  origin: string;
  whatsappNumber: string | null;
  shopName: string;
}

const price = (amount: number, currency: string) => (amount === 0 ? "Gratuit" : formatPrice(amount, currency));

/** The buyer's receipt: what was bought, what was paid, and the link that is their access. */
export function receiptMail(order: Order, context: MailContext, downloads: { title: string; url: string }[] = []): Mail {
  const link = `${context.origin}/commande/${order.number}?t=${encodeURIComponent(order.accessToken)}`;
  const support = whatsappLink(context.whatsappNumber, `Bonjour, j'ai une question sur ma commande ${order.number}.`);
  const codes = (order.fulfilment?.deliveries ?? []).map((entry) => ({
    title: order.lines.find((line) => line._key === entry.lineKey)?.title ?? "",
    code: entry.code,
  }));
  const waiting = order.lines.filter((line) => !lineDelivered(order, line));
  // A free product asks only for an e-mail: no name to greet.
  const name = order.customer.name.trim().split(" ")[0] ?? "";
  const hello = name ? `Bonjour ${name}` : "Bonjour";
  const free = order.total === 0;
  const details = paymentRows(paymentSummary(order), (amount) => price(amount, order.currency));

  const text = [
    `${hello},`,
    "",
    free
      ? `Merci pour votre commande ${order.number} chez ${context.shopName} ! Votre produit gratuit est à vous.`
      : `Merci pour votre commande ${order.number} chez ${context.shopName} ! Votre paiement est confirmé.`,
    "",
    ...order.lines.map((line) => `- ${line.title}${line.quantity > 1 ? ` × ${line.quantity}` : ""} : ${price(line.total, order.currency)}`),
    "",
    ...details.map((row) => `${row.label} : ${row.value}`),
    "",
    ...(downloads.length ? ["Vos téléchargements :", ...downloads.map((file) => `- ${file.title} : ${file.url}`), ""] : []),
    ...(codes.length ? ["Vos codes d'accès :", ...codes.map((entry) => `- ${entry.title} : ${entry.code}`), ""] : []),
    ...(waiting.length
      ? [`Votre accès à ${waiting.map((line) => line.title).join(", ")} est activé par notre équipe, en général en moins de 2 heures : nous vous écrivons sur WhatsApp.`, ""]
      : []),
    "Vos téléchargements et accès sont sur la page de votre commande. Gardez ce lien, c'est votre accès :",
    link,
    "",
    `Une question ? Écrivez-nous sur WhatsApp : ${support}`,
    "",
    `L'équipe ${context.shopName}`,
  ].join("\n");

  const rows = order.lines
    .map(
      (line) =>
        `<tr><td style="padding:6px 0">${escapeHtml(line.title)}${line.quantity > 1 ? ` × ${line.quantity}` : ""}</td>` +
        `<td style="padding:6px 0;text-align:right;white-space:nowrap">${escapeHtml(price(line.total, order.currency))}</td></tr>`,
    )
    .join("");
  const downloadBlock = downloads.length
    ? `<h2 style="font-size:16px">Vos téléchargements</h2><ul>${downloads
        .map((file) => `<li><a href="${escapeHtml(file.url)}" style="color:#5D5CDE">${escapeHtml(file.title)}</a></li>`)
        .join("")}</ul>`
    : "";
  const codeBlock = codes.length
    ? `<h2 style="font-size:16px">Vos codes d'accès</h2><ul>${codes
        .map((entry) => `<li>${escapeHtml(entry.title)} : <strong style="font-family:monospace">${escapeHtml(entry.code)}</strong></li>`)
        .join("")}</ul>`
    : "";
  const waitingBlock = waiting.length
    ? `<p>Votre accès à ${escapeHtml(waiting.map((line) => line.title).join(", "))} est activé par notre équipe, en général en moins de 2 heures : nous vous écrivons sur WhatsApp.</p>`
    : "";
  const html = `<!doctype html><html lang="fr"><body style="font-family:Arial,sans-serif;color:#0f172a;max-width:560px;margin:auto">
<h1 style="color:#5D5CDE;font-size:20px">Merci pour votre commande ${escapeHtml(order.number)} !</h1>
<p>${escapeHtml(hello)}, ${free ? "votre produit gratuit est à vous." : "votre paiement est confirmé."}</p>
<table style="width:100%;border-collapse:collapse">${rows}</table>
<table style="width:100%;border-collapse:collapse;margin-top:8px;border-top:1px solid #cbd5e1">${details
    .map(
      (row) =>
        `<tr><td style="padding:4px 0;color:#475569">${escapeHtml(row.label)}</td><td style="padding:4px 0;text-align:right;font-weight:bold">${escapeHtml(row.value)}</td></tr>`,
    )
    .join("")}</table>
${downloadBlock}${codeBlock}${waitingBlock}
<p><a href="${escapeHtml(link)}" style="display:inline-block;background:#5D5CDE;color:#fff;padding:12px 20px;border-radius:12px;text-decoration:none;font-weight:bold">Voir ma commande et mes téléchargements</a></p>
<p style="font-size:13px;color:#475569">Gardez ce lien : c'est votre accès à vos téléchargements et à vos codes.</p>
<p><a href="${escapeHtml(support)}" style="color:#128C7E">Une question ? Écrivez-nous sur WhatsApp</a></p>
<p>L'équipe ${escapeHtml(context.shopName)}</p></body></html>`;

  return { to: order.customer.email, subject: `Votre commande ${order.number} – ${context.shopName}`, html, text };
}
