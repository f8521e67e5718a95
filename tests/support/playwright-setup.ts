import { startStack } from "./stack";

/** Starts one shop for the whole end-to-end run; workers read its URL from the environment. */
export default async function globalSetup() {
  // Short timings so that the "late", "callback" and "expires" journeys happen within a test.
  const stack = await startStack({
    // A short content cache so that a review published in the lake shows within the test.
    env: { ORDER_EXPIRY_MINUTES: "0.3", RECONCILE_INTERVAL_SECONDS: "2", CONTENT_CACHE_TTL: "2" },
    sandbox: {
      lateDelayMs: 3_000,
      callbackRetry: { initialDelayMs: 300, maxDelayMs: 1_000, maxDurationMs: 10_000, timeoutMs: 5_000 },
    },
  });
  process.env.STOREFRONT_URL = stack.baseUrl;
  process.env.SANDBOX_LAKE_URL = stack.sandbox.urls.lake;
  process.env.SANDBOX_LAKE_TOKEN = stack.sandbox.secrets.lakeToken;
  process.env.SANDBOX_MAIL_URL = stack.sandbox.urls.mail;
  process.env.SANDBOX_LYGOS_URL = stack.sandbox.urls.lygos;
  return async () => {
    await stack.stop();
  };
}
