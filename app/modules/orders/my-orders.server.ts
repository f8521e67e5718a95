import { createHmac, timingSafeEqual } from "node:crypto";
import { defineQuery } from "groq";
import { z } from "zod";
import { formatPrice } from "~/lib/money";
import { normalizeWhatsapp } from "../checkout/checkout.server";
import { getEnv } from "../platform/env.server";
import { escapeHtml, sendMail } from "../platform/mail.server";
import { allow } from "../platform/rate-limit.server";
import type { Order } from "./order-document";
import { fetchOrders } from "./read.server";
import { orderUrl } from "~/lib/urls";

/**
 * "Mes commandes": a buyer who lost their order page asks for a link by e-mail. The answer never
 * says whether the address is known (no enumeration); the e-mail, if any, goes out in the
 * background so that the response time does not tell either. The link is signed with
 * SESSION_SECRET and short-lived; it lists that buyer's orders with each order page's link.
 */

export const LINK_VALIDITY_MS = 30 * 60_000;
export const SAME_ANSWER =
  "Si des commandes correspondent à cette adresse ou à ce numéro, vous recevrez dans quelques minutes un e-mail avec un lien vers vos commandes (valable 30 minutes). Pensez à regarder dans vos courriers indésirables.";
export const TOO_MANY = "Trop de demandes d'un coup. Réessayez dans quelques minutes.";

export type Contact = { kind: "email" | "whatsapp"; value: string };

const contactSchema = z
  .string()
  .trim()
  .min(1, "Indiquez l'e-mail ou le numéro WhatsApp utilisé pour votre commande.")
  .max(200, "Cette adresse est trop longue.")
  .transform((raw, context): Contact => {
    if (raw.includes("@")) {
      const email = z.email().safeParse(raw.toLowerCase());
      if (email.success) return { kind: "email", value: email.data };
      context.addIssue({ code: "custom", message: "Indiquez une adresse e-mail valide, par exemple awa@example.com." });
      return z.NEVER;
    }
    const phone = normalizeWhatsapp(raw);
    if (/^\+[1-9]\d{7,14}$/.test(phone)) return { kind: "whatsapp", value: phone };
    context.addIssue({
      code: "custom",
      message: "Indiquez votre numéro WhatsApp avec l'indicatif du pays, par exemple +237 690 00 00 00.",
    });
    return z.NEVER;
  });

export function parseContact(value: FormDataEntryValue | null) {
  const result = contactSchema.safeParse(typeof value === "string" ? value : "");
  return result.success
    ? { ok: true as const, contact: result.data }
    : { ok: false as const, error: result.error.issues[0]!.message };
}

// ---------------------------------------------------------------------------------------------
// Rate limits: shared through Redis when configured (see rate-limit.server.ts).

const WINDOW_MS = 15 * 60_000;
const PER_ADDRESS = 3;
const PER_IP = 10;

export async function rateLimited(contact: Contact, ip: string): Promise<boolean> {
  const [byIp, byAddress] = await Promise.all([
    allow(`mes-commandes-ip:${ip}`, PER_IP, WINDOW_MS),
    allow(`mes-commandes:${contact.kind}:${contact.value}`, PER_ADDRESS, WINDOW_MS),
  ]);
  return !byIp || !byAddress;
}

// ---------------------------------------------------------------------------------------------
// Signed links.

const payloadSchema = z.object({ k: z.enum(["email", "whatsapp"]), v: z.string(), exp: z.number() });

function sign(payload: string): string {
  return createHmac("sha256", getEnv().SESSION_SECRET).update(`mes-commandes:${payload}`).digest("base64url");
}

export function signContact(contact: Contact, now = Date.now()): string {
  const payload = Buffer.from(
    JSON.stringify({ k: contact.kind, v: contact.value, exp: now + LINK_VALIDITY_MS }),
  ).toString("base64url");
  return `${payload}.${sign(payload)}`;
}

export function verifyContact(token: string | null, now = Date.now()): Contact | null {
  const [payload, signature] = (token ?? "").split(".");
  if (!payload || !signature) return null;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const data = payloadSchema.parse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
    return data.exp > now ? { kind: data.k, value: data.v } : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------

const ORDERS_QUERY = defineQuery(`*[_type == "order" && (
  ($kind == "email" && customer.email == $value) || ($kind == "whatsapp" && customer.whatsapp == $value)
)] | order(_createdAt desc)[0...100]`);

export function ordersOf(contact: Contact): Promise<Order[]> {
  return fetchOrders(ORDERS_QUERY, { kind: contact.kind, value: contact.value });
}

function linkMail(to: string, link: string, count: number, shopName: string) {
  const text = [
    "Bonjour,",
    "",
    `Vous avez demandé l'accès à vos commandes chez ${shopName} (${count} commande${count > 1 ? "s" : ""}).`,
    "Ouvrez ce lien dans les 30 minutes :",
    link,
    "",
    "Si vous n'êtes pas à l'origine de cette demande, ignorez simplement cet e-mail.",
    "",
    `L'équipe ${shopName}`,
  ].join("\n");
  const html = `<!doctype html><html lang="fr"><body style="font-family:Arial,sans-serif;color:#0f172a;max-width:560px;margin:auto">
<h1 style="color:#5D5CDE;font-size:20px">Vos commandes</h1>
<p>Vous avez demandé l'accès à vos commandes chez ${escapeHtml(shopName)}. Ce lien est valable 30 minutes :</p>
<p><a href="${escapeHtml(link)}" style="display:inline-block;background:#5D5CDE;color:#fff;padding:12px 20px;border-radius:12px;text-decoration:none;font-weight:bold">Voir mes commandes</a></p>
<p style="font-size:13px;color:#475569">Si vous n'êtes pas à l'origine de cette demande, ignorez simplement cet e-mail.</p></body></html>`;
  return { to, subject: `Vos commandes – ${shopName}`, text, html };
}

/** Finds the orders and e-mails the link(s); errors are logged, never shown (same answer). */
export async function sendOrdersLink(contact: Contact, origin: string): Promise<void> {
  const orders = await ordersOf(contact);
  if (orders.length === 0) return;
  const link = `${origin}/mes-commandes/liste?jeton=${encodeURIComponent(signContact(contact))}`;
  // A phone number's orders go to the e-mail addresses those orders were placed with.
  const recipients = new Set(contact.kind === "email" ? [contact.value] : orders.map((order) => order.customer.email));
  for (const to of recipients) await sendMail(linkMail(to, link, orders.length, getEnv().SHOP_NAME));
}

export interface OrderSummary {
  number: string;
  createdAt: string;
  status: Order["status"];
  total: string;
  titles: string[];
  href: string;
}

export async function listOrders(contact: Contact): Promise<OrderSummary[]> {
  const orders = await ordersOf(contact);
  return orders.map((order) => ({
    number: order.number,
    createdAt: order._createdAt,
    status: order.status,
    total: order.total === 0 ? "Gratuit" : formatPrice(order.total, order.currency),
    titles: order.lines.map((line) => line.title),
    href: orderUrl(order.number, order.accessToken),
  }));
}
