/**
 * `npm run studio`: the shop and Sanity Studio on this machine with no account and no network.
 * Builds the Studio once (cached), starts the sandbox with the lake also speaking HTTP/2 + TLS
 * (the Studio keeps more event streams open than HTTP/1.1 allows), serves the Studio from the
 * lake logged in with the sandbox token, starts the storefront with the lake's webhook pointed
 * at it, and prints the URLs.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { startSandbox } from "../sandbox/index";
import { ensureStudioBuild } from "./studio-build";

const dataDir = path.resolve(process.env.SANDBOX_DATA_DIR ?? ".data");
const port = process.env.PORT ?? "3000";
const publicUrl = `http://localhost:${port}`;
// New secrets each run: only this storefront, this lake and the Studio it serves know them.
const webhookSecret = randomBytes(24).toString("base64url");
const previewSecret = randomBytes(24).toString("base64url");

const studioDir = ensureStudioBuild();
const sandbox = await startSandbox({
  dataDir,
  lake: {
    secure: {
      port: process.env.STUDIO_PORT ? Number(process.env.STUDIO_PORT) : 0,
      studioDir,
      preview: { url: publicUrl, secret: previewSecret },
    },
    webhook: { url: `http://127.0.0.1:${port}/api/sanity-webhook`, secret: webhookSecret },
  },
});

const storefront = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
  stdio: "inherit",
  env: {
    ...process.env,
    ...sandbox.storefrontEnv(),
    PORT: port,
    PUBLIC_URL: publicUrl,
    SANITY_WEBHOOK_SECRET: webhookSecret,
    SANITY_PREVIEW_SECRET: previewSecret,
  },
});

console.log(`Sandbox (data in ${dataDir}):`);
console.log(`  Studio        ${sandbox.studioUrl}/`);
console.log(`                (self-signed certificate: accept it once in the browser)`);
console.log(`  storefront    ${publicUrl}`);
console.log(`  content lake  ${sandbox.urls.lake}`);

async function stop(code: number) {
  storefront.kill("SIGTERM");
  await sandbox.close();
  process.exit(code);
}
storefront.on("exit", (code) => void stop(code ?? 1));
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
