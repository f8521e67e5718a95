import type { PortableTextBlock } from "@portabletext/react";
import { formatPrice } from "~/lib/money";
import { portableTextToHtml, portableTextToPlainText } from "~/modules/platform/portable-text.server";
import { orderUrl } from "~/lib/urls";
import { whatsappLink } from "~/lib/whatsapp";
import { lineDelivered } from "./fulfilment-status.server";
import { paymentRows, paymentSummary } from "../orders/payment-summary.server";
import { escapeHtml, type Mail } from "../platform/mail.server";
import type { Order } from "../orders/order-document";

export interface MailContext {
  origin: string;
  whatsappNumber: string | null;
  shopName: string;
}

const price = (amount: number, currency: string) => (amount === 0 ? "Gratuit" : formatPrice(amount, currency));

/** Each product's « Étapes d'activation » (Studio), by product id. */
export type ActivationSteps = Record<string, PortableTextBlock[] | null | undefined>;

/**
 * The order's codes, per line, each line followed by its product's activation steps: the same
 * block in the receipt and in « Renvoyer mes accès ».
 */
function accessSection(order: Order, steps: ActivationSteps): { text: string[]; html: string } {
  const lines = order.lines.flatMap((line) => {
    const codes = (order.fulfilment?.deliveries ?? [])
      .filter((entry) => entry.lineKey === line._key)
      .map((entry) => entry.code);
    return codes.length ? [{ title: line.title, codes, steps: steps[line.productId] }] : [];
  });
  if (!lines.length) return { text: [], html: "" };
  const text = [
    "Vos codes d'accès :",
    ...lines.flatMap((line) => {
      const howTo = portableTextToPlainText(line.steps);
      return [
        ...line.codes.map((code) => `- ${line.title} : ${code}`),
        ...(howTo ? [`  Étapes d'activation (${line.title}) :`, ...howTo.split("\n").map((row) => `  ${row}`)] : []),
      ];
    }),
    "",
  ];
  const html = `<h2 style="font-size:16px">Vos codes d'accès</h2>${lines
    .map((line) => {
      const howTo = portableTextToHtml(line.steps);
      return (
        `<p style="margin:12px 0 4px;font-weight:bold">${escapeHtml(line.title)}</p>` +
        line.codes
          .map(
            (code) =>
              `<p style="margin:4px 0;padding:8px;background:#f1f5f9;border-radius:8px;font-family:monospace;font-size:16px;font-weight:bold">${escapeHtml(code)}</p>`,
          )
          .join("") +
        (howTo
          ? `<p style="margin:8px 0 0;font-weight:bold">Étapes d'activation</p><div style="font-size:14px">${howTo}</div>`
          : "")
      );
    })
    .join("")}`;
  return { text, html };
}

const orderLink = (order: Order, context: MailContext) =>
  `${context.origin}${orderUrl(order.number, order.accessToken)}`;

/** By first name. A free product asks only for an e-mail: there may be no name to greet. */
function greeting(order: Order): string {
  const name = order.customer.name.trim().split(" ")[0] ?? "";
  return name ? `Bonjour ${name}` : "Bonjour";
}

const orderButton = (link: string, label: string) =>
  `<p><a href="${escapeHtml(link)}" style="display:inline-block;background:#5D5CDE;color:#fff;padding:12px 20px;border-radius:12px;text-decoration:none;font-weight:bold">${escapeHtml(label)}</a></p>`;

/**
 * What every mail to the buyer about their order has around its own body: the heading, the
 * greeting, the WhatsApp link (its message prefilled with `question`) and the shop's signature.
 */
function mailFrame(
  order: Order,
  context: MailContext,
  mail: { subject: string; heading: string; question: string; text: string[]; html: string },
): Mail {
  const support = whatsappLink(context.whatsappNumber, mail.question);
  const text = [
    `${greeting(order)},`,
    "",
    ...mail.text,
    "",
    `Une question ? Écrivez-nous sur WhatsApp : ${support}`,
    "",
    `L'équipe ${context.shopName}`,
  ].join("\n");
  const html = `<!doctype html><html lang="fr"><body style="font-family:Arial,sans-serif;color:#0f172a;max-width:560px;margin:auto">
<h1 style="color:#5D5CDE;font-size:20px">${escapeHtml(mail.heading)}</h1>
${mail.html}
<p><a href="${escapeHtml(support)}" style="color:#128C7E">Une question ? Écrivez-nous sur WhatsApp</a></p>
<p>L'équipe ${escapeHtml(context.shopName)}</p></body></html>`;
  return { to: order.customer.email, subject: mail.subject, html, text };
}

/** The buyer's receipt: what was bought, what was paid, and the link that is their access. */
export function receiptMail(
  order: Order,
  context: MailContext,
  downloads: { title: string; url: string }[] = [],
  steps: ActivationSteps = {},
): Mail {
  const link = orderLink(order, context);
  const access = accessSection(order, steps);
  const waiting = order.lines.filter((line) => !lineDelivered(order, line));
  const free = order.total === 0;
  const details = paymentRows(paymentSummary(order), (amount) => price(amount, order.currency));

  const text = [
    free
      ? `Merci pour votre commande ${order.number} chez ${context.shopName} ! Votre produit gratuit est à vous.`
      : `Merci pour votre commande ${order.number} chez ${context.shopName} ! Votre paiement est confirmé.`,
    "",
    ...order.lines.map(
      (line) =>
        `- ${line.title}${line.quantity > 1 ? ` × ${line.quantity}` : ""} : ${price(line.total, order.currency)}`,
    ),
    "",
    ...details.map((row) => `${row.label} : ${row.value}`),
    "",
    ...(downloads.length
      ? ["Vos téléchargements :", ...downloads.map((file) => `- ${file.title} : ${file.url}`), ""]
      : []),
    ...access.text,
    ...(waiting.length
      ? [
          `Votre accès à ${waiting.map((line) => line.title).join(", ")} est activé par notre équipe, en général en moins de 2 heures : nous vous écrivons sur WhatsApp.`,
          "",
        ]
      : []),
    "Vos téléchargements et accès sont sur la page de votre commande. Gardez ce lien, c'est votre accès :",
    link,
  ];

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
  const waitingBlock = waiting.length
    ? `<p>Votre accès à ${escapeHtml(waiting.map((line) => line.title).join(", "))} est activé par notre équipe, en général en moins de 2 heures : nous vous écrivons sur WhatsApp.</p>`
    : "";
  const html = `<p>${escapeHtml(greeting(order))}, ${free ? "votre produit gratuit est à vous." : "votre paiement est confirmé."}</p>
<table style="width:100%;border-collapse:collapse">${rows}</table>
<table style="width:100%;border-collapse:collapse;margin-top:8px;border-top:1px solid #cbd5e1">${details
    .map(
      (row) =>
        `<tr><td style="padding:4px 0;color:#475569">${escapeHtml(row.label)}</td><td style="padding:4px 0;text-align:right;font-weight:bold">${escapeHtml(row.value)}</td></tr>`,
    )
    .join("")}</table>
${downloadBlock}${access.html}${waitingBlock}
${orderButton(link, "Voir ma commande et mes téléchargements")}
<p style="font-size:13px;color:#475569">Gardez ce lien : c'est votre accès à vos téléchargements et à vos codes.</p>`;

  return mailFrame(order, context, {
    subject: `Votre commande ${order.number} – ${context.shopName}`,
    heading: `Merci pour votre commande ${order.number} !`,
    question: `Bonjour, j'ai une question sur ma commande ${order.number}.`,
    text,
    html,
  });
}

/** « Renvoyer mes accès »: the order's codes and their activation steps again, nothing else. */
export function accessMail(order: Order, context: MailContext, steps: ActivationSteps): Mail {
  const link = orderLink(order, context);
  const access = accessSection(order, steps);
  return mailFrame(order, context, {
    subject: `Vos accès – commande ${order.number} – ${context.shopName}`,
    heading: `Vos accès de la commande ${order.number}`,
    question: `Bonjour, j'ai une question sur mes accès de la commande ${order.number}.`,
    text: [
      `Comme demandé, voici à nouveau vos accès de la commande ${order.number} chez ${context.shopName}.`,
      "",
      ...access.text,
      "Ils restent aussi sur la page de votre commande :",
      link,
    ],
    html: `<p>${escapeHtml(greeting(order))}, comme demandé, voici à nouveau vos accès.</p>
${access.html}
${orderButton(link, "Voir ma commande")}`,
  });
}
