/**
 * `npm start`: the whole shop on this machine with no account and no network.
 * Starts the sandbox (content lake seeded with the demo catalogue, payment providers),
 * then the production server built by `remix build`, and prints the URL.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { startSandbox } from "../sandbox/index";

const dataDir = path.resolve(process.env.SANDBOX_DATA_DIR ?? ".data");
const port = process.env.PORT ?? "3000";

// Sandbox services take free ports: only the storefront's port is the user's to choose.
const sandbox = await startSandbox({ dataDir });
console.log(`Sandbox (data in ${dataDir}):`);
console.log(`  content lake  ${sandbox.urls.lake}`);
console.log(`  Lygos Pay     ${sandbox.urls.lygos}/__sandbox`);
console.log(`  Lengo Pay     ${sandbox.urls.lengo}/__sandbox`);
console.log(`  e-mails       ${sandbox.urls.mail}`);

const storefront = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
  stdio: "inherit",
  env: { ...process.env, ...sandbox.storefrontEnv(), PORT: port, PUBLIC_URL: `http://localhost:${port}` },
});

async function stop(code: number) {
  storefront.kill("SIGTERM");
  await sandbox.close();
  process.exit(code);
}
storefront.on("exit", (code) => void stop(code ?? 1));
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
