import type { NextFunction, Request, Response } from "express";

/**
 * One JSON line per request. Only the path is logged: query strings carry order
 * tokens and search terms, and client addresses are personal data.
 */
export function requestLog() {
  return function logRequest(req: Request, res: Response, next: NextFunction) {
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      process.stdout.write(
        `${JSON.stringify({
          time: new Date().toISOString(),
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
