import { FaultController } from "../shared/faults";
import { RequestLog, serveSandbox } from "../shared/server";
import { apiRoutes } from "./api-routes";
import { controlRoutes } from "./control-routes";
import { pageRoutes } from "./page-routes";
import { Gateways } from "./state";
import { frontErrors } from "./validation";

/**
 * Lygos Pay stand-in speaking the contract in docs/providers/lygos.md, served under /v1
 * like https://api.lygosapp.com/v1/, plus the hosted page its `link` opens.
 */
export interface LygosOptions {
  port?: number;
  host?: string;
  apiKey: string;
  dataDir?: string;
  /** The merchant account's currency and country: Lygos derives the currency from them. */
  currency?: string;
  country?: { name: string; iso_code: string };
  /** How long "late" and "expired" test payments stay pending after the payer's return. */
  lateDelayMs?: number;
}

export async function startLygos(opts: LygosOptions): Promise<{ url: string; close(): Promise<void> }> {
  if (!opts.apiKey) throw new Error("startLygos: apiKey is required");
  const currency = opts.currency ?? "XAF";
  const country = opts.country ?? { name: "Cameroon", iso_code: "CMR" };
  const lateDelayMs = opts.lateDelayMs ?? 5000;
  const faults = new FaultController();
  const log = new RequestLog();
  let baseUrl = "";
  const gateways = new Gateways(opts.dataDir, { lateDelayMs, country, faults, baseUrl: () => baseUrl });

  const listening = await serveSandbox({
    routes: [
      ...apiRoutes({ apiKey: opts.apiKey, currency, gateways, faults }),
      ...pageRoutes({ gateways, lateDelayMs }),
      ...controlRoutes({
        gateways,
        faults,
        log,
        settings: () => ({ provider: "lygos", apiBaseUrl: `${baseUrl}/v1`, currency, country, lateDelayMs }),
      }),
    ],
    faults,
    log,
    ...frontErrors,
    port: opts.port,
    host: opts.host,
  });
  baseUrl = listening.url;
  return listening;
}
