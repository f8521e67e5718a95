import type { NextFunction, Request, Response } from "express";
import { currentRequest } from "./request-context";

/**
 * One JSON line per request, with its id. Only the path is logged: query strings carry order
 * tokens and search terms, and client addresses are personal data.
 */
export function requestLog() {
  return function logRequest(req: Request, res: Response, next: NextFunction) {
    const started = process.hrtime.bigint();
    const requestId = currentRequest()?.id;
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      process.stdout.write(
        `${JSON.stringify({
          time: new Date().toISOString(),
          requestId,
          method: req.method,
          path: req.path,
          status: res.statusCode,
          ms: Math.round(ms * 10) / 10,
          bytes: Number(res.getHeader("Content-Length") ?? 0),
        })}\n`,
      );
    });
    next();
  };
}
