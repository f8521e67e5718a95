import { subscribe } from "node:diagnostics_channel";
import { currentRequest, type RequestContext } from "./request-context";

/**
 * Adds the time of every HTTP request to the content lake (from sending it to the end of its
 * response) to the current request's `lake` timing. @sanity/client calls the global fetch, whose
 * engine (undici) publishes each request's life on these channels, in the caller's async context:
 * no wrapper around the client is needed.
 */
export function timeLakeRequests(lakeUrl: string): void {
  const lakeOrigin = new URL(lakeUrl).origin;
  const running = new WeakMap<object, { context: RequestContext; started: number }>();
  const finish = (message: unknown) => {
    const { request } = message as { request: object };
    const entry = running.get(request);
    if (!entry) return;
    running.delete(request);
    entry.context.lakeMs += performance.now() - entry.started;
    entry.context.lakeRequests += 1;
  };
  subscribe("undici:request:create", (message) => {
    const { request } = message as { request: { origin?: string } };
    const context = currentRequest();
    if (context && request.origin === lakeOrigin) running.set(request, { context, started: performance.now() });
  });
  subscribe("undici:request:trailers", finish);
  subscribe("undici:request:error", finish);
}
