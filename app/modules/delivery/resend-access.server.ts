import { z } from "zod";
import { activationStepsOf, loadDeliveryInfo, mailContext } from "./delivery.server";
import { sendMail } from "../platform/mail.server";
import type { Order, PaymentEvent } from "../orders/order-document";
import { newKey, reviseOrder } from "../orders/orders.server";
import { admitOrderRequest, type OrderRequestLimit } from "../orders/shopper-request.server";
import { maskEmail } from "./pdf-stamp.server";
import { accessMail } from "./receipt-mail.server";

/**
 * « Renvoyer mes accès » (order page): the order's codes and their activation steps e-mailed
 * again, to the address the order was placed with and never another, so a leaked order link
 * cannot send the codes elsewhere. Paid orders with codes only (a refunded order's codes are
 * cut). A few per order and per address per hour: it sends mail on a visitor's request.
 */
export const RESENDS_PER_ORDER = 3;
const RESEND_LIMIT: OrderRequestLimit = {
  name: "resend",
  perOrder: RESENDS_PER_ORDER,
  perIp: 20,
  windowMs: 60 * 60_000,
  tooMany: `Vos accès ont déjà été renvoyés ${RESENDS_PER_ORDER} fois cette heure-ci. Vérifiez vos courriers indésirables, réessayez dans une heure ou écrivez-nous sur WhatsApp.`,
};

const resendForm = z.object({ intent: z.literal("resend-access") });

export type ResendResult = { ok: true; to: string } | { ok: false; status: 400 | 404 | 429 | 503; error: string };

export function hasCodes(order: Pick<Order, "fulfilment">): boolean {
  return (order.fulfilment?.deliveries ?? []).some((entry) => entry.code.trim() !== "");
}

export async function resendAccess(
  number: string,
  token: string | null,
  formData: FormData,
  ip: string,
): Promise<ResendResult> {
  const admitted = await admitOrderRequest({ number, token, ip }, RESEND_LIMIT, (order) => {
    if (!resendForm.safeParse({ intent: formData.get("intent") }).success)
      return { ok: false, status: 400, error: "Demande incomplète : rechargez la page et réessayez." } as const;
    if (order.status !== "paid" || !hasCodes(order))
      return { ok: false, status: 400, error: "Cette commande n'a pas d'accès à renvoyer." } as const;
    return { ok: true, value: undefined };
  });
  if (!admitted.ok) return admitted;
  const { order } = admitted;
  const { products, settings } = await loadDeliveryInfo(order);
  try {
    await sendMail(accessMail(order, mailContext(settings), activationStepsOf(products)));
  } catch (error) {
    console.error(`access resend for ${order.number} not sent: ${(error as Error).message}`);
    return {
      ok: false,
      status: 503,
      error: "L'e-mail n'a pas pu partir. Réessayez dans quelques minutes ou écrivez-nous sur WhatsApp.",
    };
  }
  await logResend(order).catch((error: unknown) =>
    console.error(`access resend for ${order.number} not logged: ${(error as Error).message}`),
  );
  return { ok: true, to: maskEmail(order.customer.email) };
}

/** The order's history (its payment log, the one log the Studio shows) keeps each resend. */
async function logResend(order: Order) {
  const latest = order.payments?.at(-1);
  const codes = (order.fulfilment?.deliveries ?? []).filter((entry) => entry.code.trim() !== "").length;
  const event: PaymentEvent = {
    _key: newKey(),
    at: new Date().toISOString(),
    source: "order-page",
    provider: latest?.provider ?? order.paymentMethod,
    reference: latest?.reference ?? order.number,
    rawStatus: "ACCESS_RESENT",
    state: "access-resent",
    note: `access resent by e-mail at the buyer's request: ${codes} code(s)`,
  };
  await reviseOrder(order._id, () => (patch) => patch.setIfMissing({ paymentLog: [] }).append("paymentLog", [event]));
}
