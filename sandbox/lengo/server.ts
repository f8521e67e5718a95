import { FaultController } from "../shared/faults";
import { RequestLog, serveSandbox } from "../shared/server";
import { apiRoutes } from "./api-routes";
import { Callbacks, DEFAULT_RETRY, type CallbackRetry } from "./callbacks";
import { controlRoutes } from "./control-routes";
import { pageRoutes } from "./page-routes";
import { Payments } from "./state";
import { Timers } from "./timers";
import { frontErrors } from "./validation";

export type { CallbackRetry } from "./callbacks";

/**
 * Lengo Pay stand-in speaking the contract in docs/providers/lengo.md: the API under
 * /api/v1 (portal.lengopay.com), the hosted page at /{pay_id} (payment.lengopay.com),
 * and callbacks POSTed to the store with retries.
 */
export interface LengoOptions {
  port?: number;
  host?: string;
  licenseKey: string;
  websiteId: string;
  dataDir?: string;
  /** The merchant's website name, shown on the hosted page. */
  merchantName?: string;
  /** Currencies the merchant account accepts. */
  currencies?: string[];
  /** How long "late" and "expired" test payments stay pending after the payer's return. */
  lateDelayMs?: number;
  callbackRetry?: Partial<CallbackRetry>;
}

export async function startLengo(opts: LengoOptions): Promise<{ url: string; close(): Promise<void> }> {
  if (!opts.licenseKey || !opts.websiteId) throw new Error("startLengo: licenseKey and websiteId are required");
  const currencies = (opts.currencies ?? ["GNF", "XOF", "XAF", "USD", "EUR"]).map((c) => c.toUpperCase());
  const lateDelayMs = opts.lateDelayMs ?? 5000;
  const retry: CallbackRetry = { ...DEFAULT_RETRY, ...opts.callbackRetry };
  const faults = new FaultController();
  const log = new RequestLog();
  const timers = new Timers();
  let baseUrl = "";
  // Every status change a payment goes through may owe the store a callback.
  const payments: Payments = new Payments(opts.dataDir, {
    lateDelayMs,
    timers,
    baseUrl: () => baseUrl,
    notify: (p) => callbacks.notify(p),
  });
  const callbacks = new Callbacks(payments, { retry, faults, timers });

  const listening = await serveSandbox({
    // Control and API routes first: the hosted page's /{pay_id} pattern would match them too.
    routes: [
      ...controlRoutes({
        payments,
        callbacks,
        faults,
        log,
        settings: () => ({
          provider: "lengo",
          apiBaseUrl: `${baseUrl}/api/v1`,
          currencies,
          lateDelayMs,
          callbackRetry: retry,
        }),
      }),
      ...apiRoutes({ licenseKey: opts.licenseKey, websiteId: opts.websiteId, currencies, payments }),
      ...pageRoutes({ payments, merchantName: opts.merchantName ?? "Ashtech Store", lateDelayMs }),
    ],
    faults,
    log,
    ...frontErrors,
    port: opts.port,
    host: opts.host,
    onClose: () => timers.close(),
  });
  baseUrl = listening.url;

  // Resume what a previous run left unfinished: scheduled status changes and undelivered callbacks.
  payments.resume();
  callbacks.resume();
  return listening;
}
