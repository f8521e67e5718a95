import { randomBytes } from "node:crypto";
import { access, open, rm } from "node:fs/promises";
import path from "node:path";
import { createClient } from "@sanity/client";
import { sanityImport } from "@sanity/import";
import { syncDir } from "./journal";
import { acquireLock } from "./lock";

const PENDING_MARKER = "seed.pending";
export const DOCUMENTS_DIR = "documents";
export const ASSETS_DIR = "assets";
const LAKE_ENTRIES = [DOCUMENTS_DIR, ASSETS_DIR, PENDING_MARKER];

/** Seeds on first start, and again if a previous seeding was interrupted. */
export async function needsSeed(root: string, documentCount: number): Promise<boolean> {
  if (documentCount === 0) return true;
  try {
    await access(path.join(root, PENDING_MARKER));
    return true;
  } catch {
    return false;
  }
}

/**
 * Imports `seedDir` (data.ndjson + images/ + files/, the `sanity dataset import`
 * folder format) through the lake's own HTTP API with @sanity/import, the
 * library behind `sanity dataset import`. createOrReplace makes a retry after
 * an interrupted import converge.
 */
export async function importSeed(
  root: string,
  lake: { url: string; token: string; projectId: string; dataset: string },
  seedDir: string,
) {
  const marker = path.join(root, PENDING_MARKER);
  await (await open(marker, "w")).close();
  await syncDir(root);
  const client = createClient({
    projectId: lake.projectId,
    dataset: lake.dataset,
    apiVersion: "2025-02-19",
    apiHost: lake.url,
    useProjectHostname: false,
    useCdn: false,
    token: lake.token,
    perspective: "raw",
  });
  const result = await sanityImport(path.resolve(seedDir), { client, operation: "createOrReplace" });
  if (result.warnings.length > 0) {
    throw new Error(`Seed import incomplete: ${result.warnings.map((warning) => warning.message).join("; ")}`);
  }
  await rm(marker, { force: true });
  await syncDir(root);
  return result;
}

/**
 * Wipes the lake's own entries in `dataDir` (nothing else: the folder may be
 * shared), refusing while a lake runs on it, then seeds it afresh.
 */
export async function resetLake(
  dataDir: string,
  seedDir: string,
  names: { projectId?: string; dataset?: string } = {},
): Promise<{ documents: number }> {
  const release = await acquireLock(dataDir);
  try {
    for (const entry of LAKE_ENTRIES) {
      await rm(path.join(dataDir, entry), { recursive: true, force: true });
    }
  } finally {
    await release();
  }
  // Imported lazily: server.ts imports this module.
  const { startLake } = await import("./server");
  const lake = await startLake({ ...names, dataDir, seedDir, token: randomBytes(24).toString("hex") });
  try {
    return { documents: lake.documentCount() };
  } finally {
    await lake.close();
  }
}
