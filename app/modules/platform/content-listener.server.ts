import type { SanityClient } from "@sanity/client";
import { invalidateContent, NOT_CONTENT_TYPES } from "./content-cache.server";
import { getEnv } from "./env.server";
import { getSanityClient } from "./sanity.server";

/**
 * Every instance follows the content lake's listen API (server-sent events, served by real Sanity
 * and by the sandbox) and drops its cached content and pages when a published document changes,
 * so a publish reaches every instance behind the load balancer within a second or two. The signed
 * webhook stays as a second path. A (re)connection drops everything too: changes made while the
 * stream was down were not seen.
 */
const PUBLISHED_CONTENT = `*[!(_type in $notContent) && !(_id in path("drafts.**"))]`;
const RETRY_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

export function followContentChanges(client: SanityClient = getSanityClient()): () => void {
  if (!getEnv().SANITY_LISTEN) return () => undefined;
  let stopped = false;
  let failures = 0;
  let retry: NodeJS.Timeout | undefined;
  let subscription: { unsubscribe(): void } | undefined;

  const connect = () => {
    subscription = client
      .listen(
        PUBLISHED_CONTENT,
        { notContent: [...NOT_CONTENT_TYPES] },
        {
          events: ["welcome", "mutation", "reconnect"],
          includeResult: false,
          includeMutations: false,
          visibility: "query",
          tag: "storefront.content-cache",
        },
      )
      .subscribe({
        next: (event) => {
          if (event.type === "welcome") failures = 0;
          if (event.type !== "reconnect") invalidateContent();
        },
        error: (error: unknown) => {
          if (stopped) return;
          const delay = RETRY_MS[Math.min(failures, RETRY_MS.length - 1)]!;
          failures += 1;
          console.error(`content listener failed, retrying in ${delay} ms: ${(error as Error).message}`);
          retry = setTimeout(connect, delay);
          retry.unref();
        },
      });
  };
  connect();
  return () => {
    stopped = true;
    clearTimeout(retry);
    subscription?.unsubscribe();
  };
}
