import { createClient, type SanityClient } from "@sanity/client";
import { getEnv } from "./env.server";

let client: SanityClient | undefined;

/** The one configured client. The dataset is private, so every read carries the server token. */
export function getSanityClient(): SanityClient {
  if (client) return client;
  const env = getEnv();
  client = createClient({
    projectId: env.SANITY_PROJECT_ID,
    dataset: env.SANITY_DATASET,
    apiVersion: env.SANITY_API_VERSION,
    token: env.SANITY_API_READ_TOKEN,
    useCdn: false,
    perspective: "published",
    ...(env.SANITY_API_HOST ? { apiHost: env.SANITY_API_HOST, useProjectHostname: false } : {}),
  });
  return client;
}
