/**
 * `npm start`: the whole shop on this machine with no account and no network.
 * Starts the sandbox (content lake seeded with the demo catalogue, payment providers),
 * then the production server built by `remix build`, and prints the URL.
 *
 * It supervises: when the storefront dies, the sandbox stops and this process exits with its code;
 * when this process dies (even by kill -9), the storefront sees its IPC channel close and shuts
 * down, so a new `npm start` gets the same port and the same data back.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import path from "node:path";
import { startSandbox } from "../sandbox/index";
import { writeStorefrontEnvFile } from "../sandbox/storefront-env";

const dataDir = path.resolve(process.env.SANDBOX_DATA_DIR ?? ".data");
const port = process.env.PORT ?? "3000";

/** A previous shop's server may still be finishing its requests: wait for the port (bounded). */
async function waitForPort(port: number, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let said = false; Date.now() < deadline; said = true) {
    const probe = createServer();
    const free = await new Promise<boolean>((resolve) => {
      probe.once("error", () => resolve(false));
      probe.listen(port, "0.0.0.0", () => probe.close(() => resolve(true)));
    });
    if (free) return;
    if (!said) console.log(`Port ${port} is busy: waiting for the previous shop to stop…`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

await waitForPort(Number(port));
// Sandbox services take free ports: only the storefront's port is the user's to choose.
const sandbox = await startSandbox({ dataDir });
console.log(`Sandbox (data in ${dataDir}):`);
console.log(`  content lake  ${sandbox.urls.lake}`);
console.log(`  Lygos Pay     ${sandbox.urls.lygos}/__sandbox`);
console.log(`  Lengo Pay     ${sandbox.urls.lengo}/__sandbox`);
console.log(`  e-mails       ${sandbox.urls.mail}`);

const storefrontEnv = { ...sandbox.storefrontEnv(), PORT: port, PUBLIC_URL: `http://localhost:${port}` };
await writeStorefrontEnvFile(dataDir, storefrontEnv);

// The IPC channel is the storefront's lifeline: server.ts shuts down when it closes.
const storefront = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
  stdio: ["ignore", "inherit", "inherit", "ipc"],
  env: { ...process.env, ...storefrontEnv },
});

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  // The storefront finishes its requests before the sandbox they depend on goes away.
  if (storefront.exitCode === null && storefront.signalCode === null) {
    storefront.kill("SIGTERM");
    await once(storefront, "exit");
  }
  await sandbox.close();
  process.exit(code);
}
storefront.on("exit", (code) => void stop(code ?? 1));
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
