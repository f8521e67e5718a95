import { sendJson } from "../shared/http";
import { providerControlRoutes, requestedPayer, type ControlContext, type SandboxRoute } from "../shared/server";
import type { Callbacks } from "./callbacks";
import { WALLETS } from "./page-routes";
import type { Payments } from "./state";

/** The sandbox's test controls under /__sandbox (sandbox/README.md); a payment's id is its pay_id. */
export function controlRoutes(ctx: ControlContext & { payments: Payments; callbacks: Callbacks }): SandboxRoute[] {
  const { payments, callbacks } = ctx;
  return [
    ...providerControlRoutes(ctx, {
      reset: (wipe) => {
        callbacks.clear();
        if (wipe) payments.wipe();
      },
      list: () => payments.all(),
      find: (payId) => payments.find(payId),
      view: (p) => payments.internal(p),
      unknown: "unknown pay_id",
      // As on the hosted page, a cancelled payment has no payer.
      complete: (p, request) =>
        payments.pay(
          p,
          request.outcome,
          request.outcome === "cancelled" ? null : requestedPayer(WALLETS, request),
          request.delayMs,
        ),
    }),
    {
      method: "POST",
      pattern: /^\/__sandbox\/payments\/([^/]+)\/callback$/,
      handler: (_q, res, [payId]) => {
        const p = payments.find(payId!);
        if (!p) return sendJson(res, 404, { error: "unknown pay_id" });
        if (!p.callbackUrl) return sendJson(res, 409, { error: "this payment has no callback_url" });
        callbacks.resend(p);
        sendJson(res, 202, { ok: true });
      },
    },
    {
      method: "GET",
      pattern: /^\/__sandbox\/callbacks$/,
      handler: (_q, res, _p, url) => sendJson(res, 200, callbacks.list(url.searchParams.get("pay_id"))),
    },
  ];
}
