import path from "node:path";
import { fileURLToPath } from "node:url";
import { startLake, type StartLakeOptions } from "./lake/server";
import { startLengo, type CallbackRetry } from "./lengo/server";
import { startLygos } from "./lygos/server";
import { startMailCatcher } from "./mail/server";
import { loadOrCreateSecrets, type SandboxSecrets } from "./secrets";

export const SANDBOX_PROJECT_ID = "demo";
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const DEFAULT_SEED_DIR = path.join(repoRoot, "sanity/seed");

export interface SandboxPorts {
  lake?: number;
  lygos?: number;
  lengo?: number;
  mailSmtp?: number;
  mailHttp?: number;
}

export interface SandboxOptions {
  dataDir: string;
  seedDir?: string;
  host?: string;
  /** 0 (the default) picks a free port. */
  ports?: SandboxPorts;
  /** How long the "paid late" test numbers stay pending; shorter in tests. */
  lateDelayMs?: number;
  /** Lengo's callback retry schedule; shorter in tests. */
  callbackRetry?: Partial<CallbackRetry>;
  /** The Studio's HTTP/2 endpoint and the storefront's webhook (`npm run studio`, Studio tests). */
  lake?: Pick<StartLakeOptions, "secure" | "webhook">;
}

export interface Sandbox {
  secrets: SandboxSecrets;
  urls: { lake: string; lygos: string; lengo: string; mail: string; smtp: string };
  /** The lake over HTTP/2 + TLS, serving the Studio when asked for (`lake.secure`). */
  studioUrl?: string;
  /** Data API requests the lake has served, for the bench's "lake requests per warm view". */
  lakeRequestCount(): number;
  /** The storefront's environment for this sandbox: only configuration differs from production. */
  storefrontEnv(): Record<string, string>;
  close(): Promise<void>;
}

export async function startSandbox({
  dataDir,
  seedDir = DEFAULT_SEED_DIR,
  host = "127.0.0.1",
  ports = {},
  lateDelayMs,
  callbackRetry,
  lake: lakeOptions = {},
}: SandboxOptions): Promise<Sandbox> {
  const secrets = await loadOrCreateSecrets(dataDir);
  const lake = await startLake({
    port: ports.lake ?? 0,
    host,
    dataDir: path.join(dataDir, "lake"),
    token: secrets.lakeToken,
    projectId: SANDBOX_PROJECT_ID,
    seedDir,
    ...lakeOptions,
  });
  const lygos = await startLygos({
    port: ports.lygos ?? 0,
    host,
    apiKey: secrets.lygosApiKey,
    dataDir: path.join(dataDir, "lygos"),
    lateDelayMs,
  });
  const lengo = await startLengo({
    port: ports.lengo ?? 0,
    host,
    licenseKey: secrets.lengoLicenseKey,
    websiteId: secrets.lengoWebsiteId,
    dataDir: path.join(dataDir, "lengo"),
    lateDelayMs,
    callbackRetry,
  });
  const mail = await startMailCatcher({ smtpPort: ports.mailSmtp ?? 0, httpPort: ports.mailHttp ?? 0, host });

  return {
    secrets,
    urls: { lake: lake.url, lygos: lygos.url, lengo: lengo.url, mail: mail.url, smtp: mail.smtpUrl },
    studioUrl: lake.secureUrl,
    lakeRequestCount: () => lake.dataRequestCount(),
    storefrontEnv: () => ({
      SANITY_PROJECT_ID: SANDBOX_PROJECT_ID,
      SANITY_DATASET: "production",
      SANITY_API_HOST: lake.url,
      SANITY_IMAGE_BASE_URL: lake.url,
      SANITY_API_READ_TOKEN: secrets.lakeToken,
      SANITY_API_WRITE_TOKEN: secrets.lakeToken,
      SESSION_SECRET: secrets.sessionSecret,
      LYGOS_API_URL: `${lygos.url}/v1`,
      LYGOS_API_KEY: secrets.lygosApiKey,
      LENGO_API_URL: `${lengo.url}/api/v1`,
      LENGO_LICENSE_KEY: secrets.lengoLicenseKey,
      LENGO_WEBSITE_ID: secrets.lengoWebsiteId,
      // The demo merchant's Lengo account also takes these beyond Guinea: where Lygos serves them too,
      // Lengo is the failover (decision 014).
      LENGO_WALLETS: "CM:mtn,CI:orange-money,CI:mtn,CI:wave,SN:orange-money,SN:wave",
      SMTP_URL: mail.smtpUrl,
      MAIL_FROM: "ASHTECH STORE <commandes@ashtech.sandbox>",
    }),
    close: async () => {
      await Promise.all([lake.close(), lygos.close(), lengo.close(), mail.close()]);
    },
  };
}
