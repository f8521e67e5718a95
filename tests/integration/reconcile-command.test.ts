import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { SanityClient } from "@sanity/client";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../sandbox/index";
import { lakeClient } from "../support/shopper";

/**
 * `npm run reconcile` beside running servers (issue 12 item 3, decision 017): it takes the servers'
 * reconciliation lease, so it never runs while a server's scheduled run holds it, and it releases
 * the lease when it is done, so the servers take over at their next tick.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const LEASE_ID = "shopLease-reconcile";

let dataDir: string;
let sandbox: Sandbox;
let lake: SanityClient;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "ashtech-reconcile-"));
  sandbox = await startSandbox({ dataDir });
  lake = lakeClient({ sandbox } as never);
});

afterAll(async () => {
  await sandbox?.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** Asynchronous: the sandbox serves from this process, so a synchronous spawn would starve it. */
async function npmRunReconcile() {
  const run = await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/reconcile.ts"], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: os.homedir(),
      NODE_ENV: "production",
      ...sandbox.storefrontEnv(),
      PUBLIC_URL: "http://boutique.test",
    },
    encoding: "utf8",
  });
  expect(run.stderr).toBe("");
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

it(
  "leaves the run to the server holding the lease, then runs once it is free and releases it",
  { timeout: 60_000 },
  async () => {
    const heldUntil = new Date(Date.now() + 60_000).toISOString();
    await lake.createOrReplace({
      _id: LEASE_ID,
      _type: "shopLease",
      name: "reconcile",
      holder: "storefront-a:4242:abcdef",
      expiresAt: heldUntil,
    });

    expect(await npmRunReconcile()).toEqual({
      skipped: "another process holds the reconciliation lease and is reconciling",
    });
    expect(await lake.getDocument(LEASE_ID)).toMatchObject({
      holder: "storefront-a:4242:abcdef",
      expiresAt: heldUntil,
    });

    // The server shut down and released it.
    await lake.patch(LEASE_ID).set({ expiresAt: new Date().toISOString() }).commit();
    const summary = await npmRunReconcile();
    expect(summary).toMatchObject({ checked: expect.any(Number), paid: 0, errors: 0 });

    const lease = await lake.getDocument<{ holder: string; expiresAt: string }>(LEASE_ID);
    expect(lease!.holder).not.toBe("storefront-a:4242:abcdef");
    expect(Date.parse(lease!.expiresAt)).toBeLessThanOrEqual(Date.now());
  },
);
