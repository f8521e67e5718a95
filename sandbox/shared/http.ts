import http from "node:http";
import type { AddressInfo } from "node:net";

export type Req = http.IncomingMessage;
export type Res = http.ServerResponse;

export interface Route {
  method: string;
  pattern: RegExp;
  handler: (req: Req, res: Res, params: string[], url: URL) => Promise<void> | void;
}

/** Matches a request against the routes; reports whether the path exists at all so callers can answer 405 vs 404. */
export function matchRoute<R extends Route>(routes: R[], method: string, pathname: string) {
  let pathKnown = false;
  for (const route of routes) {
    const m = route.pattern.exec(pathname);
    if (!m) continue;
    pathKnown = true;
    if (route.method === method) {
      // Paths carry provider ids that may be percent-encoded (Lengo's base64 pay_id ends with "=").
      const params = m.slice(1).map((p) => safeDecode(p ?? ""));
      return { route, params, pathKnown };
    }
  }
  return { route: undefined, params: [], pathKnown };
}

function safeDecode(s: string) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export async function readBody(req: Req, limit = 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error("body too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function sendJson(res: Res, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export function sendHtml(res: Res, status: number, html: string) {
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "content-length": Buffer.byteLength(html),
    // The hosted pages load nothing from outside: a strict policy keeps it that way.
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; form-action *; base-uri 'none'",
    "cache-control": "no-store",
  });
  res.end(html);
}

export function sendText(res: Res, status: number, text: string, contentType = "text/plain; charset=utf-8") {
  res.writeHead(status, { "content-type": contentType, "content-length": Buffer.byteLength(text) });
  res.end(text);
}

export function redirect(res: Res, location: string) {
  res.writeHead(303, { location, "content-length": 0, "cache-control": "no-store" });
  res.end();
}

export function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export interface Listening {
  url: string;
  close(): Promise<void>;
}

export async function listen(server: http.Server, port: number, host: string, onClose: () => void): Promise<Listening> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const addr = server.address() as AddressInfo;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  let closed: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${addr.port}`,
    close() {
      closed ??= new Promise<void>((resolve) => {
        onClose();
        server.close(() => resolve());
        // Requests held open by the "timeout" fault would otherwise keep the server alive forever.
        server.closeAllConnections();
      });
      return closed;
    },
  };
}

export function sleep(ms: number) {
  return new Promise<void>((resolve) => setTimeout(resolve, ms));
}
