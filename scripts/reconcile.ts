/**
 * `npm run reconcile`: re-checks pending and recently expired orders with their payment provider
 * once, with the server's own configuration (the server also does this on a schedule).
 * A command, not an HTTP endpoint: nobody outside the machine can trigger it.
 */
import { reconcileOrders } from "../app/modules/reconcile.server";

try {
  const summary = await reconcileOrders();
  console.log(JSON.stringify(summary));
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
