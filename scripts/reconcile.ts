/**
 * `npm run reconcile`: re-checks pending and recently expired orders with their payment provider
 * once, with the server's own configuration (the server also does this on a schedule). It takes the
 * servers' reconciliation lease (decision 017) and releases it at the end; while a server holds it,
 * the run is left to that server and this command says so.
 * A command, not an HTTP endpoint: nobody outside the machine can trigger it.
 * Beside `npm start`, with no configuration in the environment, it uses the sandbox's.
 */
import path from "node:path";
import { loadStorefrontEnvWhenUnconfigured } from "../sandbox/storefront-env";

loadStorefrontEnvWhenUnconfigured(path.resolve(process.env.SANDBOX_DATA_DIR ?? ".data"));
// Imported once the environment is complete: configuration is read when first used.
const { reconcileOnce } = await import("../app/modules/payments/reconcile.server");

try {
  const summary = await reconcileOnce();
  console.log(
    JSON.stringify(summary ?? { skipped: "another process holds the reconciliation lease and is reconciling" }),
  );
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
