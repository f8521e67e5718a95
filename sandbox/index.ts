import path from "node:path";
import { fileURLToPath } from "node:url";
import { startLake } from "./lake/server";
import { loadOrCreateSecrets, type SandboxSecrets } from "./secrets";

export const SANDBOX_PROJECT_ID = "demo";
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const DEFAULT_SEED_DIR = path.join(repoRoot, "sanity/seed");

export interface SandboxPorts {
  lake?: number;
}

export interface SandboxOptions {
  dataDir: string;
  seedDir?: string;
  host?: string;
  /** 0 (the default) picks a free port. */
  ports?: SandboxPorts;
}

export interface Sandbox {
  secrets: SandboxSecrets;
  urls: { lake: string };
  /** The storefront's environment for this sandbox: only configuration differs from production. */
  storefrontEnv(): Record<string, string>;
  close(): Promise<void>;
}

export async function startSandbox({
  dataDir,
  seedDir = DEFAULT_SEED_DIR,
  host = "127.0.0.1",
  ports = {},
}: SandboxOptions): Promise<Sandbox> {
  const secrets = await loadOrCreateSecrets(dataDir);
  const lake = await startLake({
    port: ports.lake ?? 0,
    host,
    dataDir: path.join(dataDir, "lake"),
    token: secrets.lakeToken,
    projectId: SANDBOX_PROJECT_ID,
    seedDir,
  });

  return {
    secrets,
    urls: { lake: lake.url },
    storefrontEnv: () => ({
      SANITY_PROJECT_ID: SANDBOX_PROJECT_ID,
      SANITY_DATASET: "production",
      SANITY_API_HOST: lake.url,
      SANITY_IMAGE_BASE_URL: lake.url,
      SANITY_API_READ_TOKEN: secrets.lakeToken,
      SANITY_API_WRITE_TOKEN: secrets.lakeToken,
      SESSION_SECRET: secrets.sessionSecret,
    }),
    close: async () => {
      await lake.close();
    },
  };
}
