import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createSecureServer, type Http2SecureServer } from "node:http2";
import type { AddressInfo, Socket } from "node:net";
import path from "node:path";
import type { EventEmitter } from "node:events";
import { AssetStore } from "./assets";
import type { LakeContext } from "./context";
import { ImageService } from "./image-service";
import { acquireLock } from "./lock";
import { route } from "./routes";
import { ASSETS_DIR, DOCUMENTS_DIR, importSeed, needsSeed } from "./seed";
import { DocumentStore, type LakeEvents } from "./store";
import { routeStudio } from "./studio-api";
import { selfSignedIdentity } from "./tls";
import { startWebhooks, type WebhookConfig } from "./webhooks";

export interface StartLakeOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Persistence folder (the lake's entries: documents/, assets/, lake.lock, seed.pending). */
  dataDir: string;
  /** Bearer token every data request must carry. */
  token: string;
  projectId?: string;
  dataset?: string;
  /** Folder in `sanity dataset import` format, imported when the lake starts empty. */
  seedDir?: string;
  /**
   * Also serve the API over HTTP/2 + TLS (self-signed) for Sanity Studio, which keeps more
   * event streams open than HTTP/1.1 allows per host. `studioDir` (a `sanity build` output)
   * is then served at `https://<projectId>.localhost:<port>/`, logged in with the token.
   */
  secure?: {
    port?: number;
    studioDir?: string;
    /** Where the Studio's « Aperçu » opens drafts: the storefront and its preview secret. */
    preview?: { url: string; secret: string };
  };
  /** Sends a signed Sanity-style webhook after every committed transaction. */
  webhook?: WebhookConfig;
}

export interface RunningLake {
  url: string;
  projectId: string;
  dataset: string;
  /** The HTTP/2 + TLS address (`https://<projectId>.localhost:<port>`) when `secure` was asked for. */
  secureUrl?: string;
  /** Emits `transaction` after each durable commit (for listen/webhooks). */
  listeners: EventEmitter<LakeEvents>;
  documentCount(): number;
  /** Data API requests served (queries, docs, mutations): what a cache in front of the lake should save. */
  dataRequestCount(): number;
  close(): Promise<void>;
}

export async function startLake(opts: StartLakeOptions): Promise<RunningLake> {
  if (!opts.token) throw new Error("startLake: a token is required (the dataset is private)");
  const projectId = opts.projectId ?? "demo";
  const dataset = opts.dataset ?? "production";
  const host = opts.host ?? "127.0.0.1";
  const root = path.resolve(opts.dataDir);
  const release = await acquireLock(root);
  let store: DocumentStore | undefined;
  let server: Server | undefined;
  let secureServer: Http2SecureServer | undefined;
  try {
    store = await DocumentStore.open(path.join(root, DOCUMENTS_DIR));
    let baseUrl = "";
    const assets = new AssetStore(path.join(root, ASSETS_DIR), store, { projectId, dataset, baseUrl: () => baseUrl });
    const context: LakeContext = {
      projectId,
      dataset,
      token: opts.token,
      store,
      assets,
      images: new ImageService(assets),
    };
    let dataRequests = 0;
    server = createServer((req, res) => {
      if (req.url && /^\/v[\d-]+\/data\//.test(req.url)) dataRequests++;
      void route(context, req, res);
    });
    const port = await listen(server, opts.port ?? 0, host);
    baseUrl = `http://${urlHost(host)}:${port}`;
    store.rebaseAssetUrls(baseUrl);

    let secureUrl: string | undefined;
    if (opts.secure) {
      const identity = await selfSignedIdentity(projectId);
      let bootstrap = "";
      const studio = opts.secure.studioDir;
      secureServer = createSecureServer({ ...identity, allowHTTP1: true }, (req, res) => {
        const [request, response] = [req as unknown as IncomingMessage, res as unknown as ServerResponse];
        void routeStudio(context, request, response, studio ? { dir: studio, bootstrap } : undefined).then(
          (handled) => {
            if (!handled) return route(context, request, response);
          },
        );
      });
      trackSockets(secureServer);
      const securePort = await listen(secureServer, opts.secure.port ?? 0, host);
      secureUrl = `https://${projectId}.localhost:${securePort}`;
      bootstrap = studioBootstrap(`https://localhost:${securePort}`, projectId, opts.token, opts.secure.preview);
    }
    if (opts.seedDir && (await needsSeed(root, store.size))) {
      await importSeed(root, { url: baseUrl, token: opts.token, projectId, dataset }, opts.seedDir);
    }
    // After the seed: loading the demo is the lake's starting state, not a publish to announce.
    const webhooks = opts.webhook ? startWebhooks(store.listeners, opts.webhook, { projectId, dataset }) : undefined;

    const openStore = store;
    const openServer = server;
    const openSecure = secureServer;
    let closing: Promise<void> | undefined;
    return {
      url: baseUrl,
      secureUrl,
      projectId,
      dataset,
      listeners: openStore.listeners,
      documentCount: () => openStore.size,
      dataRequestCount: () => dataRequests,
      close: () =>
        (closing ??= (async () => {
          webhooks?.stop();
          if (openSecure) await stopSecureServer(openSecure);
          await shutdown(openServer, openStore, release);
        })()),
    };
  } catch (error) {
    if (secureServer?.listening) await stopSecureServer(secureServer);
    if (server?.listening) await stopServer(server);
    await store?.close();
    await release();
    throw error;
  }
}

async function shutdown(server: Server, store: DocumentStore, release: () => Promise<void>): Promise<void> {
  await stopServer(server);
  await store.close();
  await release();
}

/**
 * Runs in the Studio page before the Studio starts: points it at this lake (the port changes
 * every run, so one cached build fits all) and logs it in with the sandbox token.
 */
function studioBootstrap(
  apiHost: string,
  projectId: string,
  token: string,
  preview?: { url: string; secret: string },
): string {
  const session = JSON.stringify({ token, time: new Date().toISOString() });
  return (
    `window.__SANDBOX_SANITY_API_HOST__=${JSON.stringify(apiHost)};` +
    (preview ? `window.__SANDBOX_PREVIEW__=${JSON.stringify(preview)};` : "") +
    `localStorage.setItem(${JSON.stringify(`__studio_auth_token_${projectId}`)},${JSON.stringify(session)});`
  ).replace(/</g, "\\u003c");
}

const secureSockets = new WeakMap<Http2SecureServer, Set<Socket>>();

function trackSockets(server: Http2SecureServer): void {
  const sockets = new Set<Socket>();
  secureSockets.set(server, sockets);
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
}

function stopSecureServer(server: Http2SecureServer): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // The Studio's event streams never end on their own.
    for (const socket of secureSockets.get(server) ?? []) socket.destroy();
  });
}

function listen(server: Server | Http2SecureServer, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function stopServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Keep-alive sockets from HTTP clients would otherwise hold close() open.
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 2000).unref();
  });
}

function urlHost(host: string): string {
  if (host === "0.0.0.0" || host === "::") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}
