import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startSandbox, type Sandbox, type SandboxOptions } from "../../sandbox/index";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export async function waitForHttp(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
      lastError = new Error(`${url} answered ${response.status}`);
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`Timed out waiting for ${url}: ${String(lastError)}`);
}

export interface Stack {
  sandbox: Sandbox;
  /** Set with `webhook`: opens draft preview on the storefront. */
  previewSecret?: string;
  /** Set with `webhook`: what the lake signs its webhook with. */
  webhookSecret?: string;
  baseUrl: string;
  /** The storefront's process (`server.ts`), for signalling it. */
  storefront: ChildProcess;
  /** What the storefront printed, for diagnosing a failed test. */
  output: () => string;
  stop(): Promise<void>;
}

export interface StackOptions {
  /** Extra environment for the storefront (e.g. a shorter cache TTL). */
  env?: Record<string, string>;
  /** Keep the storefront's request log off the test output. */
  quiet?: boolean;
  /** Sandbox timings (late payments, callback retries), shorter in tests. */
  sandbox?: Pick<SandboxOptions, "lateDelayMs" | "callbackRetry">;
  /**
   * A built Studio (`sanity/dist`) to serve from the lake over HTTP/2 (`sandbox.studioUrl`), with
   * the lake's signed webhook pointed at the storefront and a preview secret (`previewSecret`).
   */
  studioDir?: string;
  /** The lake's signed webhook pointed at the storefront, and a preview secret (implied by `studioDir`). */
  webhook?: boolean;
  /** How long the storefront may take to answer /healthz (30 s); longer for the bench on a busy machine. */
  startTimeoutMs?: number;
}

/**
 * The whole shop on free loopback ports: a fresh sandbox seeded with the demo
 * catalogue in a temporary folder, and the built production server as a child process.
 * Requires `remix build` to have run.
 */
export async function startStack({
  env = {},
  quiet = true,
  sandbox: timings = {},
  studioDir,
  webhook = !!studioDir,
  startTimeoutMs,
}: StackOptions = {}): Promise<Stack> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "ashtech-stack-"));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const [webhookSecret, previewSecret] = [randomBytes(24).toString("base64url"), randomBytes(24).toString("base64url")];
  const sandbox = await startSandbox({
    dataDir,
    ...timings,
    lake: {
      ...(studioDir ? { secure: { studioDir, preview: { url: baseUrl, secret: previewSecret } } } : {}),
      ...(webhook
        ? { webhook: { url: `${baseUrl}/api/sanity-webhook`, secret: webhookSecret, retryDelaysMs: [100, 500] } }
        : {}),
    },
  });
  if (webhook) env = { SANITY_WEBHOOK_SECRET: webhookSecret, SANITY_PREVIEW_SECRET: previewSecret, ...env };
  let storefront: Storefront;
  try {
    const stampCache = path.join(dataDir, "stamped-pdfs");
    storefront = await startStorefront(
      { ...sandbox.storefrontEnv(), STAMP_CACHE_DIR: stampCache, PUBLIC_URL: baseUrl, ...env },
      { port, quiet, startTimeoutMs },
    );
  } catch (error) {
    await sandbox.close();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  const stop = async () => {
    await storefront.stop();
    await sandbox.close();
    await rm(dataDir, { recursive: true, force: true });
  };
  return {
    sandbox,
    baseUrl,
    storefront: storefront.process,
    ...(webhook ? { previewSecret, webhookSecret } : {}),
    output: storefront.output,
    stop,
  };
}

export interface Storefront {
  baseUrl: string;
  process: ChildProcess;
  output: () => string;
  /** SIGTERM, then waits for the process to exit (a graceful shutdown). */
  stop(): Promise<void>;
}

/** One storefront process (the production build) with this environment, on `port` or a free one. */
export async function startStorefront(
  env: Record<string, string>,
  { port, quiet = true, startTimeoutMs }: { port?: number; quiet?: boolean; startTimeoutMs?: number } = {},
): Promise<Storefront> {
  port ??= await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let log = "";
  const storefront: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: repoRoot,
    env: { ...process.env, PUBLIC_URL: baseUrl, ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Only the tail is kept: enough to diagnose a failed start, bounded over a long e2e run or a bench.
  const capture = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-64 * 1024);
    if (!quiet) process.stdout.write(chunk);
  };
  storefront.stdout?.on("data", capture);
  storefront.stderr?.on("data", capture);
  const stop = async () => {
    if (storefront.exitCode === null && storefront.signalCode === null) {
      const exited = new Promise((resolve) => storefront.once("exit", resolve));
      storefront.kill("SIGTERM");
      await exited;
    }
  };
  try {
    await waitForHttp(`${baseUrl}/healthz`, startTimeoutMs);
  } catch (error) {
    await stop();
    throw new Error(`Storefront did not start: ${(error as Error).message}\n${log}`);
  }
  return { baseUrl, process: storefront, output: () => log, stop };
}
