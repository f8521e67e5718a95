/**
 * Builds the Studio into `sanity/dist` only when its sources changed since the last build
 * (a hash of them is kept beside the output): `sanity build` takes a minute or more and
 * about 2 GB of memory, too much to repeat on every `npm run studio` or test run.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const studioRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../sanity");
export const STUDIO_DIST = path.join(studioRoot, "dist");
const HASH_FILE = path.join(STUDIO_DIST, ".source-hash");
// The promotion rule (decision 020) and the operators' names (the sales dashboard) are the storefront's own, imported by the Studio.
const SOURCES = [
  "schemaTypes",
  "actions",
  "components",
  "tools",
  "structure.ts",
  "sanity.config.ts",
  "sanity.cli.ts",
  "package-lock.json",
  "../app/lib/promotion-rule.ts",
  "../app/lib/mobile-money.ts",
];

export function sourceHash(): string {
  const hash = createHash("sha256");
  const add = (file: string) => {
    if (statSync(file).isDirectory()) {
      for (const entry of readdirSync(file).sort()) add(path.join(file, entry));
    } else {
      hash.update(path.relative(studioRoot, file)).update(readFileSync(file));
    }
  };
  for (const source of SOURCES) {
    const file = path.join(studioRoot, source);
    if (existsSync(file)) add(file);
  }
  return hash.digest("hex");
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, {
    cwd: studioRoot,
    stdio: "inherit",
    env: { ...process.env, DO_NOT_TRACK: "1", SANITY_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(" ")} failed in sanity/ (exit ${result.status ?? result.signal})`);
}

export function ensureStudioBuild({ log = console.log }: { log?: (line: string) => void } = {}): string {
  const hash = sourceHash();
  if (
    existsSync(HASH_FILE) &&
    readFileSync(HASH_FILE, "utf8") === hash &&
    existsSync(path.join(STUDIO_DIST, "index.html"))
  ) {
    return STUDIO_DIST;
  }
  if (!existsSync(path.join(studioRoot, "node_modules/sanity"))) {
    log("Installing the Studio's packages (sanity/)…");
    run("npm", ["ci", "--no-audit", "--no-fund"]);
  }
  log("Building the Studio (once; about a minute)…");
  run("npx", ["sanity", "build", "dist", "--yes"]);
  writeFileSync(HASH_FILE, hash);
  return STUDIO_DIST;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureStudioBuild();
}
