import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext, HandleDataRequestFunction, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "~/lib/nonce";
import { hitByLakeOutage, noteLakeOutage, OUTAGE_HEADERS } from "~/modules/platform/lake-outage.server";

const ABORT_DELAY_MS = 5_000;

// Per-process services server.ts wires in; exported from the build so that they share its modules (the content cache).
export { createPageCache } from "~/modules/platform/page-cache.server";
export { followContentChanges } from "~/modules/platform/content-listener.server";
export { closeRateLimits } from "~/modules/platform/rate-limit.server";

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  if (hitByLakeOutage(request)) {
    responseStatusCode = 503;
    for (const [name, value] of Object.entries(OUTAGE_HEADERS)) responseHeaders.set(name, value);
  }
  const renderStartedAt = performance.now();
  // Bots get the whole document at once; shoppers get the shell as soon as it is ready.
  const readyEvent = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY_MS} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          if (loadContext.timing)
            responseHeaders.append("Server-Timing", serverTiming(loadContext.timing, renderStartedAt));
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors while streaming after the shell are logged; before it, onShellError handles them.
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY_MS);
  });
}

/**
 * `loader`: from the request's arrival to the start of rendering (routing, action, loaders), or to the
 * response for a `.data` request; `render`: until the shell is ready; `lake`: time spent on
 * content-lake requests, with their count.
 */
function serverTiming(timing: NonNullable<AppLoadContext["timing"]>, renderStartedAt?: number): string {
  const ms = (value: number) => value.toFixed(1);
  const loadedAt = renderStartedAt ?? performance.now();
  return [
    `loader;dur=${ms(loadedAt - timing.startedAt)}`,
    ...(renderStartedAt === undefined ? [] : [`render;dur=${ms(performance.now() - renderStartedAt)}`]),
    `lake;dur=${ms(timing.lakeMs)};desc="${timing.lakeRequests} requests"`,
  ].join(", ");
}

/** A lake outage is one line, not a stack trace per request: it is expected, and answered with 503. */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  if (noteLakeOutage(request, error)) {
    console.error(`content lake unavailable: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  console.error(
    isRouteErrorResponse(error) && (error as { error?: unknown }).error ? (error as { error?: unknown }).error : error,
  );
};

/** `.data` requests are timed like pages, and those hit by a lake outage answer 503 too, so the client shows the error page. */
export const handleDataRequest: HandleDataRequestFunction = (response, { request, context }) => {
  const headers = new Headers(response.headers);
  if (context.timing) headers.append("Server-Timing", serverTiming(context.timing));
  const outage = hitByLakeOutage(request);
  if (outage) for (const [name, value] of Object.entries(OUTAGE_HEADERS)) headers.set(name, value);
  return new Response(response.body, {
    status: outage ? 503 : response.status,
    statusText: response.statusText,
    headers,
  });
};
