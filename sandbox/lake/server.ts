import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { EventEmitter } from "node:events";
import { AssetStore } from "./assets";
import type { LakeContext } from "./context";
import { ImageService } from "./image-service";
import { acquireLock } from "./lock";
import { route } from "./routes";
import { ASSETS_DIR, DOCUMENTS_DIR, importSeed, needsSeed } from "./seed";
import { DocumentStore, type LakeEvents } from "./store";

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
}

export interface RunningLake {
  url: string;
  projectId: string;
  dataset: string;
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
  try {
    store = await DocumentStore.open(path.join(root, DOCUMENTS_DIR));
    let baseUrl = "";
    const assets = new AssetStore(path.join(root, ASSETS_DIR), store, { projectId, dataset, baseUrl: () => baseUrl });
    const context: LakeContext = { projectId, dataset, token: opts.token, store, assets, images: new ImageService(assets) };
    let dataRequests = 0;
    server = createServer((req, res) => {
      if (req.url && /^\/v[\d-]+\/data\//.test(req.url)) dataRequests++;
      void route(context, req, res);
    });
    const port = await listen(server, opts.port ?? 0, host);
    baseUrl = `http://${urlHost(host)}:${port}`;
    store.rebaseAssetUrls(baseUrl);

    if (opts.seedDir && (await needsSeed(root, store.size))) {
      await importSeed(root, { url: baseUrl, token: opts.token, projectId, dataset }, opts.seedDir);
    }

    const openStore = store;
    const openServer = server;
    let closing: Promise<void> | undefined;
    return {
      url: baseUrl,
      projectId,
      dataset,
      listeners: openStore.listeners,
      documentCount: () => openStore.size,
      dataRequestCount: () => dataRequests,
      close: () => (closing ??= shutdown(openServer, openStore, release)),
    };
  } catch (error) {
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

function listen(server: Server, port: number, host: string): Promise<number> {
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
