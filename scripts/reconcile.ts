/**
 * `npm run reconcile`: re-checks pending and recently expired orders with their payment provider
 * once, with the server's own configuration (the server also does this on a schedule).
 * A command, not an HTTP endpoint: nobody outside the machine can trigger it.
 * Beside `npm start`, with no configuration in the environment, it uses the sandbox's.
 */
import path from "node:path";
import { loadStorefrontEnvWhenUnconfigured } from "../sandbox/storefront-env";

loadStorefrontEnvWhenUnconfigured(path.resolve(process.env.SANDBOX_DATA_DIR ?? ".data"));
// Imported once the environment is complete: configuration is read when first used.
const { reconcileOrders } = await import("../app/modules/reconcile.server");

try {
  const summary = await reconcileOrders();
  console.log(JSON.stringify(summary));
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
