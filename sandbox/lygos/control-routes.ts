import { providerControlRoutes, requestedPayer, type ControlContext, type SandboxRoute } from "../shared/server";
import { WALLETS } from "./page-routes";
import type { Gateways } from "./state";

/** The sandbox's test controls under /__sandbox (sandbox/README.md); a payment's id is its gateway id or order_id. */
export function controlRoutes(ctx: ControlContext & { gateways: Gateways }): SandboxRoute[] {
  const { gateways } = ctx;
  return providerControlRoutes(ctx, {
    reset: (wipe) => {
      if (wipe) gateways.wipe();
    },
    list: () => gateways.all(),
    find: (id) => gateways.findAny(id),
    view: (g) => gateways.internal(g),
    unknown: "unknown gateway or order_id",
    complete: (g, request) => gateways.pay(g, request.outcome, requestedPayer(WALLETS, request), request.delayMs),
  });
}
