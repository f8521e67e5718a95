import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { format } from "node:util";
import type { NextFunction, Request, Response } from "express";

/** What the server knows about the request being handled, wherever the code runs during it. */
export interface RequestContext {
  id: string;
  /** performance.now() when the request arrived. */
  startedAt: number;
  /** Time spent waiting on the content lake (Server-Timing `lake`), summed over its requests. */
  lakeMs: number;
  lakeRequests: number;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}

/** Letters, digits and `._:-`, 8 to 128 long: UUIDs, nginx's $request_id, most load balancers' ids. */
const WELL_FORMED_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Gives every request an id, answered in `X-Request-Id` and carried by every log line written while
 * it is handled. An incoming `X-Request-Id` is kept only behind a trusted proxy (TRUST_PROXY > 0) and
 * only when well formed, so a client cannot forge ids or inject text into the logs.
 */
export function requestContext({ trustProxy }: { trustProxy: boolean }) {
  return function assignRequestId(req: Request, res: Response, next: NextFunction) {
    const incoming = trustProxy ? req.get("X-Request-Id") : undefined;
    const id = incoming && WELL_FORMED_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader("X-Request-Id", id);
    const context: RequestContext = { id, startedAt: performance.now(), lakeMs: 0, lakeRequests: 0 };
    res.locals.requestContext = context;
    storage.run(context, next);
  };
}

const LEVELS = ["debug", "info", "log", "warn", "error"] as const;

/**
 * Makes every console line written during a request one JSON line with its `requestId` (a line that
 * is already a JSON object gets the field added). Lines outside any request (start, scheduled jobs)
 * are left as they are.
 */
export function tagConsoleWithRequestId(): void {
  for (const level of LEVELS) {
    const write = console[level].bind(console);
    console[level] = (...args: unknown[]) => {
      const request = storage.getStore();
      if (!request) return write(...args);
      const message = format(...args);
      write(JSON.stringify({ time: new Date().toISOString(), level, requestId: request.id, ...asObject(message) }));
    };
  }
}

function asObject(message: string): Record<string, unknown> {
  if (message.startsWith("{")) {
    try {
      const parsed: unknown = JSON.parse(message);
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    } catch {
      // Not JSON after all: logged as a message.
    }
  }
  return { message };
}
