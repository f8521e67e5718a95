import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * `npm start` writes the storefront's environment for its sandbox (service URLs and keys) into the
 * data folder, readable by its owner only, so that commands run beside it (`npm run reconcile`)
 * reach the same sandbox with no environment assembled by hand.
 */
const FILE = "storefront.env";

export async function writeStorefrontEnvFile(dataDir: string, env: Record<string, string>): Promise<void> {
  const lines = Object.entries(env).map(([key, value]) => `${key}=${JSON.stringify(value)}`);
  await writeFile(
    path.join(dataDir, FILE),
    `# Written by npm start for this sandbox; rewritten at every start.\n${lines.join("\n")}\n`,
    {
      mode: 0o600,
    },
  );
}

/**
 * When the shop is not configured by the environment (no SANITY_PROJECT_ID), loads the sandbox's
 * storefront environment that `npm start` wrote; variables already set are kept.
 */
export function loadStorefrontEnvWhenUnconfigured(dataDir: string): void {
  const file = path.join(dataDir, FILE);
  if (process.env.SANITY_PROJECT_ID || !existsSync(file)) return;
  process.loadEnvFile(file);
}
