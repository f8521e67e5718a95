import type { ServerOptions } from "node:http";
import type { ErrorRequestHandler, NextFunction, Request, Response } from "express";
import { plainPageHtml, PLAIN_PAGE_HEADERS, type PlainPage } from "../app/modules/platform/plain-page.server";

/**
 * Everything a request must satisfy before a route sees it: a method the shop takes and a body
 * within its route's limit. The limit is checked on the declared length (before a byte is read)
 * and on the bytes actually received (chunked bodies declare none). A refused request gets a
 * French page, or a JSON error on the API and on Remix's `.data` requests.
 */

const KB = 1024;

/**
 * Largest body each route accepts, by path (`.data` is the same route). Reviews allow a
 * 1 500-character comment, percent-encoded at worst 9 bytes a character; the checkout form is a
 * few short fields. Anything not listed takes none of these forms: a few KB is plenty.
 */
const BODY_LIMITS: [RegExp, number][] = [
  [/^\/api\/sanity-webhook$/, 64 * KB],
  [/^\/commande$/, 16 * KB],
  [/^\/commande\/[^/]+$/, 16 * KB],
  [/^\/produits\/[^/]+$/, 16 * KB],
];
const DEFAULT_BODY_LIMIT = 4 * KB;

export function bodyLimitFor(pathname: string): number {
  const path = pathname.replace(/\.data$/, "").replace(/^\/_root$/, "/");
  return BODY_LIMITS.find(([pattern]) => pattern.test(path))?.[1] ?? DEFAULT_BODY_LIMIT;
}

const METHODS = new Set(["GET", "HEAD", "POST"]);

/**
 * Node's own limits on the time to receive a request: a body that has not arrived in full after
 * `requestTimeoutSeconds` gets 408 and the connection is closed. Checked every second.
 */
export function httpServerOptions(requestTimeoutSeconds: number): ServerOptions {
  const ms = requestTimeoutSeconds * 1000;
  return { requestTimeout: ms, headersTimeout: ms, connectionsCheckingInterval: 1000 };
}

function wantsJson(req: Request): boolean {
  return req.path.startsWith("/api/") || req.path.endsWith(".data");
}

function refuse(
  req: Request,
  res: Response,
  status: number,
  page: PlainPage,
  developerMessage: string,
  headers: Record<string, string> = {},
) {
  res.locals.refusedByGuard = true;
  res.status(status).set(headers);
  if (wantsJson(req)) res.set("Cache-Control", "no-store").json({ ok: false, error: developerMessage });
  else res.set(PLAIN_PAGE_HEADERS).send(plainPageHtml(page));
}

const TOO_LARGE: PlainPage = {
  title: "Envoi trop volumineux",
  text: "Ce que vous avez envoyé dépasse la taille acceptée. Revenez à la page précédente et réessayez.",
};

/**
 * Counts body bytes where the HTTP parser hands them to the request, so that nothing past the
 * limit ever reaches a route: beyond it, bytes are dropped as they arrive (memory stays flat),
 * and once the body ends the request is destroyed, so a route still waiting for it fails to read
 * it rather than acting on a cut-off form.
 */
function countBody(req: Request, limit: number, overLimit: () => void) {
  let received = 0;
  let dropping = false;
  const push = req.push.bind(req);
  req.push = (chunk: Buffer | null, encoding?: BufferEncoding) => {
    if (chunk === null) {
      if (dropping) {
        req.destroy(new Error(`request body over ${limit} bytes`));
        return false;
      }
      return push(chunk, encoding);
    }
    if (dropping) return true;
    received += chunk.length;
    if (received <= limit) return push(chunk, encoding);
    dropping = true;
    overLimit();
    return true;
  };
}

/**
 * A route that answers before reading the body it was sent (an unknown callback, a refused
 * request): the rest is read and dropped, as Node does when no one listens, and the connection is
 * kept open meanwhile. Node would otherwise close it at once, and a client still sending would
 * get a reset instead of the answer (a "lingering close"). An endless body is cut by the request
 * timeout.
 */
function lingerOnEarlyAnswer(req: Request, res: Response) {
  // Even when the client asked to close: it closes once it has read the answer.
  if (req.httpVersion === "1.1") res.setHeader("Connection", "keep-alive");
  res.on("finish", () => {
    if (req.complete) return;
    req.removeAllListeners("data");
    req.resume();
  });
}

export function requestGuard() {
  return function guardRequest(req: Request, res: Response, next: NextFunction) {
    if (!METHODS.has(req.method)) {
      return refuse(
        req,
        res,
        405,
        { title: "Méthode non prise en charge", text: "Cette adresse ne s'ouvre que dans un navigateur." },
        `method ${req.method} not allowed`,
        { Allow: [...METHODS].join(", ") },
      );
    }
    const hasBody = Number(req.headers["content-length"] ?? 0) > 0 || req.headers["transfer-encoding"] !== undefined;
    if (hasBody) lingerOnEarlyAnswer(req, res);
    const limit = bodyLimitFor(req.path);
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > limit) return refuse(req, res, 413, TOO_LARGE, `request body over ${limit} bytes`);
    countBody(req, limit, () => {
      if (!res.headersSent) refuse(req, res, 413, TOO_LARGE, `request body over ${limit} bytes`);
    });
    next();
  };
}

/**
 * After the guard refused a body mid-stream, the route is still running and fails when it
 * answers (the answer is already sent): that failure is expected, not worth a log line.
 */
export const guardErrors: ErrorRequestHandler = (error, _req, res, next) => {
  if (res.locals.refusedByGuard && res.headersSent) return;
  next(error);
};
