import { createClient, type SanityClient } from "@sanity/client";
import { getEnv } from "./env.server";

let reader: SanityClient | undefined;
let writer: SanityClient | undefined;

function configuredClient(token: string): SanityClient {
  const env = getEnv();
  return createClient({
    projectId: env.SANITY_PROJECT_ID,
    dataset: env.SANITY_DATASET,
    apiVersion: env.SANITY_API_VERSION,
    token,
    useCdn: false,
    perspective: "published",
    ...(env.SANITY_API_HOST ? { apiHost: env.SANITY_API_HOST, useProjectHostname: false } : {}),
  });
}

/** The one reading client. The dataset is private, so every read carries the server token. */
export function getSanityClient(): SanityClient {
  reader ??= configuredClient(getEnv().SANITY_API_READ_TOKEN);
  return reader;
}

/** Orders and logs only: catalogue code never needs write access. */
export function getSanityWriteClient(): SanityClient {
  writer ??= configuredClient(getEnv().SANITY_API_WRITE_TOKEN);
  return writer;
}
