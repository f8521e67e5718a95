import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

export interface SandboxSecrets {
  lakeToken: string;
  lygosApiKey: string;
  lengoLicenseKey: string;
  lengoWebsiteId: string;
  sessionSecret: string;
}

const random = (bytes: number) => randomBytes(bytes).toString("base64url");

/**
 * Sandbox credentials are made on first start and kept beside the sandbox's data,
 * so that nothing secret-looking is ever committed and a restart keeps the same keys.
 */
export async function loadOrCreateSecrets(dataDir: string): Promise<SandboxSecrets> {
  const file = path.join(dataDir, "secrets.json");
  try {
    return JSON.parse(await readFile(file, "utf8")) as SandboxSecrets;
  } catch {
    const secrets: SandboxSecrets = {
      lakeToken: `sk${random(24)}`,
      lygosApiKey: `lygos-sandbox-${random(16)}`,
      lengoLicenseKey: random(24),
      lengoWebsiteId: randomBytes(4).toString("hex"),
      sessionSecret: random(32),
    };
    await mkdir(dataDir, { recursive: true });
    await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
    return secrets;
  }
}
