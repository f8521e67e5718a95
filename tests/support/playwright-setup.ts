import { startStack } from "./stack";

/** Starts one shop for the whole end-to-end run; workers read its URL from the environment. */
export default async function globalSetup() {
  const stack = await startStack();
  process.env.STOREFRONT_URL = stack.baseUrl;
  process.env.SANDBOX_LAKE_URL = stack.sandbox.urls.lake;
  process.env.SANDBOX_LAKE_TOKEN = stack.sandbox.secrets.lakeToken;
  return async () => {
    await stack.stop();
  };
}
