import { createServer, request as forward, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface Proxy {
  url: string;
  /** Which backend (index) served each request, in order: method, path and index. */
  served: Array<{ method: string; path: string; backend: number }>;
  close(): Promise<void>;
}

/**
 * A load balancer for tests: round-robin over `backends`, or where `pick` sends a request.
 * Bodies and headers pass through untouched (streamed), like a plain L7 proxy without caching.
 */
export async function startProxy(
  backends: string[],
  pick?: (req: IncomingMessage, turn: number) => number | undefined,
): Promise<Proxy> {
  let turn = 0;
  const served: Proxy["served"] = [];
  const server = createServer((req, res) => {
    const index = pick?.(req, turn) ?? turn % backends.length;
    turn += 1;
    served.push({ method: req.method ?? "GET", path: req.url ?? "/", backend: index });
    const target = new URL(req.url ?? "/", backends[index]);
    const upstream = forward(target, { method: req.method, headers: req.headers }, (response) => {
      res.writeHead(response.statusCode ?? 502, response.rawHeaders);
      response.pipe(res);
    });
    upstream.on("error", (error) => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
      res.end(`proxy: ${error.message}`);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
