import http from "node:http";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { PaymentProviderError } from "~/modules/payments/errors";

/** Helpers shared by the provider sandbox tests (payments-lygos, payments-lengo*) and their supports. */

/** A provider sandbox as sandbox/lygos and sandbox/lengo start it. */
export interface RunningSandbox {
  url: string;
  close(): Promise<void>;
}

/**
 * Runs a provider sandbox and a stand-in store for the calling test file: both started once, the
 * sandbox on its own data folder; the sandbox reset before each test; both stopped and the folder
 * removed after. `started` hands them to the support that exports them.
 */
export function useProviderSandbox<Shop extends { close(): Promise<void> }>(options: {
  name: string;
  start: (dataDir: string) => Promise<RunningSandbox>;
  startShop: () => Promise<Shop>;
  started: (sandbox: RunningSandbox, shop: Shop) => void;
}) {
  let dataDir: string;
  let sandbox: RunningSandbox | undefined;
  let shop: Shop | undefined;

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), `${options.name}-test-`));
    sandbox = await options.start(dataDir);
    shop = await options.startShop();
    options.started(sandbox, shop);
  });

  afterAll(async () => {
    await sandbox?.close();
    await shop?.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    await sandboxControl(sandbox!.url, "/__sandbox/reset", {});
  });
}

/** The sandbox's own control API (`/__sandbox/...`): GET without a body, POST with one. */
export async function sandboxControl(sandboxUrl: string, p: string, body?: unknown) {
  const r = await fetch(`${sandboxUrl}${p}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: r.status, json: (await r.json()) as any };
}

/** A stand-in for the store's side (return pages, callbacks) on a free loopback port. */
export async function serveOnLoopback(handler: http.RequestListener) {
  const server = http.createServer(handler);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** A provider API's answer as the contract tests read it: the JSON when the body is JSON, and the raw text. */
export async function readAnswer(r: Response) {
  const text = await r.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: r.status, json, text, type: r.headers.get("content-type") };
}

/** Posts a hosted payment page's form, as a browser without JavaScript would. */
export function submitForm(url: string, fields: Record<string, string>, redirect: RequestRedirect = "manual") {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
    redirect,
  });
}

/** The PaymentProviderError a provider client call rejects with (anything else fails the test). */
export async function catchError(p: Promise<unknown>): Promise<PaymentProviderError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof PaymentProviderError) return e;
    throw e;
  }
  throw new Error("expected a PaymentProviderError");
}
