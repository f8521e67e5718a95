import type { NextFunction, Request, Response } from "express";

/**
 * Private by default (decision 013): a response that states no cache policy is
 * `private, no-store`, so a page forgets to opt in to caching rather than forgets to opt out.
 * Pages that may be shared say so themselves (`publicPageHeaders` in app/modules/platform/http.server.ts).
 * A response to anything but GET or HEAD is never stored, whatever the route said.
 */
export const PRIVATE_NO_STORE = "private, no-store";

export function defaultCachePolicy() {
  return function applyDefaultCachePolicy(req: Request, res: Response, next: NextFunction) {
    const safe = req.method === "GET" || req.method === "HEAD";
    // writeHead is where Node sends the headers, whoever set them (Express, Remix, a stream).
    const writeHead = res.writeHead;
    res.writeHead = function writeHeadWithPolicy(this: Response, ...args: unknown[]) {
      if (!safe || !res.getHeader("Cache-Control")) res.setHeader("Cache-Control", PRIVATE_NO_STORE);
      return (writeHead as (...a: unknown[]) => Response).apply(this, args);
    } as Response["writeHead"];
    next();
  };
}
