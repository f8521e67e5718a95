import { randomBytes } from "node:crypto";
import { parseFaultHeader, pickCallbackFaults, sendProviderJson } from "../shared/faults";
import type { Req } from "../shared/http";
import type { SandboxRoute } from "../shared/server";
import type { Payment, Payments } from "./state";
import { acceptedAmount, error400, present, readBodyObject, unauthorized } from "./validation";

/** "2023-11-20 09:37:53", the format seen in status responses (UTC, Guinea's time zone). */
const lengoDate = (d: Date) =>
  d
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d{3}Z$/, "");

/** 32 random alphanumerics, base64-encoded: the shape of real pay_ids, padding included. */
function newPayId() {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  const raw = Array.from(randomBytes(32), (b) => alphabet[b % alphabet.length]).join("");
  return Buffer.from(raw).toString("base64");
}

/** The Lengo API under /api/v1 (docs/providers/lengo.md): create a payment, read its status. */
export function apiRoutes(ctx: {
  licenseKey: string;
  websiteId: string;
  currencies: string[];
  payments: Payments;
}): SandboxRoute[] {
  const { payments } = ctx;

  const authorized = (req: Req) => {
    const h = req.headers.authorization ?? "";
    const m = /^Basic\s+(.+)$/i.exec(h.trim());
    return m?.[1] === ctx.licenseKey;
  };

  return [
    {
      method: "POST",
      pattern: /^\/api\/v1\/payments\/?$/,
      api: true,
      handler: async (req, res) => {
        if (!authorized(req)) return unauthorized(res);
        const body = await readBodyObject(req);
        if (!body || !present(body.websiteid) || !present(body.amount) || !present(body.currency)) {
          return error400(res, "Missing body fields");
        }
        if (body.websiteid !== ctx.websiteId) return unauthorized(res);
        const currency = String(body.currency).toUpperCase();
        if (!ctx.currencies.includes(currency)) return error400(res, "Unsupported currency");
        const amount = acceptedAmount(body.amount, currency);
        if (amount === null) return error400(res, "Unsupported amount");
        const str = (v: unknown) => (typeof v === "string" ? v : "");
        const p: Payment = {
          payId: newPayId(),
          websiteId: ctx.websiteId,
          amount,
          currency,
          returnUrl: str(body.return_url),
          callbackUrl: str(body.callback_url),
          createdAt: lengoDate(new Date()),
          status: "INITIATED",
          next: null,
          payer: null,
          faults: pickCallbackFaults(parseFaultHeader(req.headers["x-sandbox-fault"])),
          callback: null,
        };
        payments.add(p);
        sendProviderJson(res, 200, { status: "Success", pay_id: p.payId, payment_url: payments.paymentUrl(p) });
      },
    },
    {
      method: "POST",
      pattern: /^\/api\/v1\/transaction\/status\/?$/,
      api: true,
      handler: async (req, res) => {
        if (!authorized(req)) return unauthorized(res);
        const body = await readBodyObject(req);
        if (!body || !present(body.pay_id) || !present(body.websiteid)) return error400(res, "Missing body fields");
        if (body.websiteid !== ctx.websiteId) return unauthorized(res);
        const p = typeof body.pay_id === "string" ? payments.find(body.pay_id) : undefined;
        if (!p) return sendProviderJson(res, 404, { status: "ERROR", message: "Transaction not found" });
        payments.settle(p);
        sendProviderJson(res, 200, {
          status: p.status,
          pay_id: p.payId,
          amount: p.amount,
          date: p.createdAt,
          ...(p.payer ? { gateway: p.payer.operator, account: p.payer.phone } : {}),
        });
      },
    },
  ];
}
