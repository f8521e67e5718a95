import { OUTCOMES, TEST_NUMBERS } from "../shared/checkout";
import type { FaultController } from "../shared/faults";
import {
  commonControlRoutes,
  paymentControlRoutes,
  requestedPayer,
  type RequestLog,
  type SandboxRoute,
} from "../shared/server";
import { WALLETS } from "./page-routes";
import type { Gateways } from "./state";

/** The sandbox's test controls under /__sandbox (sandbox/README.md); a payment's id is its gateway id or order_id. */
export function controlRoutes(ctx: {
  gateways: Gateways;
  faults: FaultController;
  log: RequestLog;
  /** The options in effect, shown by GET /__sandbox. */
  settings: () => Record<string, unknown>;
}): SandboxRoute[] {
  const { gateways } = ctx;
  return [
    ...commonControlRoutes({
      faults: ctx.faults,
      log: ctx.log,
      reset: (wipe) => {
        if (wipe) gateways.wipe();
      },
      info: () => ({ provider: "lygos", ...ctx.settings(), testNumbers: TEST_NUMBERS, outcomes: OUTCOMES }),
    }),
    ...paymentControlRoutes({
      list: () => gateways.all(),
      find: (id) => gateways.findAny(id),
      view: (g) => gateways.internal(g),
      unknown: "unknown gateway or order_id",
      complete: (g, request) => gateways.pay(g, request.outcome, requestedPayer(WALLETS, request), request.delayMs),
    }),
  ];
}
