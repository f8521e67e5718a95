import { createHash } from "node:crypto";
import { z } from "zod";
import { lineDelivered } from "../delivery/fulfilment-status.server";
import { alertMerchantOfClaim } from "./merchant-alerts.server";
import type { Claim, Order } from "./order-document";
import { reviseOrder } from "./orders.server";
import { admitOrderRequest, type OrderRequestLimit } from "./shopper-request.server";
import { confirmPayments } from "../payments/attempts.server";

/**
 * « J'ai payé mais je n'ai rien reçu » (docs/decisions/019-after-sale.md): the buyer gives the
 * operator's SMS reference; the shop asks the providers again at once (every attempt with a
 * reference, whatever state it was left in), answers on the page, records the claim on the order
 * for the merchant (Studio « Réclamations ») and alerts them by e-mail. The same reference twice
 * is one claim and one alert; a few claims per order and per address per hour.
 */
const CLAIM_LIMIT: OrderRequestLimit = {
  name: "claim",
  perOrder: 5,
  perIp: 20,
  windowMs: 60 * 60_000,
  tooMany:
    "Vous avez déjà envoyé plusieurs signalements. Notre équipe les a reçus : réessayez dans une heure ou écrivez-nous sur WhatsApp.",
};

const claimForm = z.object({
  smsReference: z
    .string({ error: "Indiquez la référence du SMS de votre opérateur." })
    .trim()
    .min(4, "Indiquez la référence du SMS de votre opérateur (au moins 4 caractères).")
    .max(64, "La référence est trop longue : 64 caractères au plus.")
    .regex(
      /^[\p{L}\p{N} .:/#_-]+$/u,
      "La référence contient des caractères inattendus : recopiez-la telle qu'elle figure dans le SMS.",
    ),
  note: z
    .string()
    .trim()
    .max(500, "Votre message est trop long : 500 caractères au plus.")
    .optional()
    .transform((note) => (note ? note : undefined)),
});

export type ClaimAnswer = "paid" | "to_deliver" | "not_confirmed";

export type ClaimResult =
  | { ok: true; answer: ClaimAnswer; reference: string }
  | { ok: false; status: 400 | 404 | 429; error: string; field?: "smsReference" | "note" };

/** The claim's key: the same reference (however it is typed) is the same claim. */
function claimKey(reference: string): string {
  return createHash("sha256")
    .update(reference.toUpperCase().replace(/[^\p{L}\p{N}]/gu, ""))
    .digest("hex")
    .slice(0, 12);
}

function answerFor(order: Order): ClaimAnswer {
  if (order.status !== "paid") return "not_confirmed";
  return order.lines.every((line) => lineDelivered(order, line)) ? "paid" : "to_deliver";
}

/** Every attempt the provider gave a reference for, so an attempt left failed or expired is asked again. */
async function recheckPayments(order: Order): Promise<Order> {
  let current = order;
  for (const attempt of order.payments ?? []) {
    if (current.status === "paid" || current.status === "refunded") break;
    if (!attempt.reference) continue;
    current = (await confirmPayments(current, "claim", attempt._key)).order;
  }
  return current;
}

export async function submitClaim(
  number: string,
  token: string | null,
  formData: FormData,
  ip: string,
): Promise<ClaimResult> {
  const admitted = await admitOrderRequest({ number, token, ip }, CLAIM_LIMIT, () => {
    const parsed = claimForm.safeParse({
      smsReference: formData.get("smsReference") ?? undefined,
      note: formData.get("note") ?? undefined,
    });
    if (parsed.success) return { ok: true, value: parsed.data };
    const issue = parsed.error.issues[0];
    const field = issue?.path[0] === "note" ? "note" : "smsReference";
    return { ok: false, status: 400, error: issue?.message ?? "Vérifiez le formulaire.", field } as const;
  });
  if (!admitted.ok) return admitted;
  const {
    order,
    value: { smsReference, note },
  } = admitted;
  const checked = await recheckPayments(order);
  const answer = answerFor(checked);
  const key = claimKey(smsReference);
  const { order: recorded } = await reviseOrder(order._id, (current) => {
    const existing = current.claims?.find((claim) => claim._key === key);
    const status: Claim["status"] = answer === "paid" ? "resolved" : "open";
    if (existing) {
      // The same claim again: only what the new check found is updated.
      if (existing.answer === answer) return undefined;
      return (patch) =>
        patch.set({
          [`claims[_key=="${key}"].answer`]: answer,
          [`claims[_key=="${key}"].status`]: existing.status === "resolved" ? "resolved" : status,
        });
    }
    const claim: Claim = {
      _key: key,
      at: new Date().toISOString(),
      smsReference,
      ...(note ? { note } : {}),
      answer,
      status,
    };
    return (patch) => patch.setIfMissing({ claims: [] }).append("claims", [claim]);
  });
  await alertMerchantOfClaim(recorded, key);
  return { ok: true, answer, reference: smsReference };
}
