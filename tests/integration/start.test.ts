import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { freePort, waitForHttp } from "../support/stack";

/**
 * `npm start` (scripts/start.ts, on the build `remix build` made) supervises its storefront: killed
 * with -9 it leaves nothing on its port, so the next start serves on the same port and data;
 * `npm run reconcile` beside it needs no environment; a dead storefront stops the whole shop.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
let dataDir: string;
let port: number;
const started: ChildProcess[] = [];

/** Only what a shell would have: no shop configuration. */
const bareEnv = (): NodeJS.ProcessEnv => ({
  NODE_ENV: "production",
  PATH: process.env.PATH ?? "",
  HOME: os.homedir(),
  SANDBOX_DATA_DIR: dataDir,
});

function npmStart(): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: repoRoot,
    env: { ...bareEnv(), PORT: String(port), RECONCILE_INTERVAL_SECONDS: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.resume();
  child.stderr?.resume();
  started.push(child);
  return child;
}

const portState = () =>
  fetch(`http://127.0.0.1:${port}/healthz`).then(
    () => "serving",
    () => "free",
  );

const catalogStatus = async () => (await fetch(`http://127.0.0.1:${port}/produits`)).status;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "ashtech-start-"));
  port = await freePort();
});

afterAll(async () => {
  for (const child of started) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await once(child, "exit");
    }
  }
  await rm(dataDir, { recursive: true, force: true });
});

it(
  "comes back on the same port and data after kill -9, with reconcile working beside it",
  { timeout: 180_000 },
  async () => {
    const first = npmStart();
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, 90_000);
    expect(await catalogStatus()).toBe(200);

    expect((await stat(path.join(dataDir, "storefront.env"))).mode & 0o777).toBe(0o600);
    const reconcile = spawnSync(process.execPath, ["--import", "tsx", "scripts/reconcile.ts"], {
      cwd: repoRoot,
      env: bareEnv(),
      encoding: "utf8",
    });
    expect(reconcile.stderr).toBe("");
    expect(reconcile.status).toBe(0);
    expect(JSON.parse(reconcile.stdout)).toMatchObject({ paid: 0 });

    first.kill("SIGKILL");
    await expect.poll(portState, { timeout: 20_000 }).toBe("free");

    npmStart();
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, 90_000);
    expect(await catalogStatus()).toBe(200);
  },
);

it("stops the sandbox and exits when its storefront dies", { timeout: 120_000 }, async () => {
  const current = started.at(-1)!;
  const children = spawnSync("pgrep", ["-P", String(current.pid)], { encoding: "utf8" })
    .stdout.trim()
    .split("\n");
  expect(children).toHaveLength(1);
  const exited = once(current, "exit");
  process.kill(Number(children[0]), "SIGKILL");
  const [code] = (await exited) as [number | null];
  expect(code).not.toBe(0);
  expect(await portState()).toBe("free");
});
