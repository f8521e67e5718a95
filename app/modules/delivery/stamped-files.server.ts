import { createHash, randomBytes } from "node:crypto";
import { mkdir, readdir, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { getEnv } from "../platform/env.server";
import { STAMP_VERSION, stampLine, stampPdf, UnstampablePdf, type Stamp } from "./pdf-stamp.server";

/**
 * The per-instance disk cache of stamped PDFs (docs/decisions/018-stamped-pdfs.md). A copy is
 * keyed by everything that makes its bytes: the stamp's layout version, the asset's content hash
 * and the stamp's text. Stamping is deterministic, so an instance that lacks a copy (a new one,
 * a wiped disk) makes the same bytes again; nothing needs sharing between instances.
 */
const EVICT_AFTER_MS = 7 * 24 * 60 * 60 * 1000;
const SWEEP_EVERY_MS = 60 * 60 * 1000;

let lastSweep = 0;
const inFlight = new Map<string, Promise<CachedCopy>>();

export interface CachedCopy {
  path: string;
  size: number;
  stamped: boolean;
}

function cacheDir(): string {
  return getEnv().STAMP_CACHE_DIR ?? path.join(os.tmpdir(), "ashtech-stamped-pdfs");
}

function cacheKey(assetHash: string, stamp: Stamp): string {
  return createHash("sha256")
    .update(JSON.stringify([STAMP_VERSION, assetHash, stampLine(stamp), stamp.paidAt.toISOString()]))
    .digest("hex");
}

function copyPath(orderNumber: string, key: string, stamped: boolean): string {
  // An unstampable file is kept under its own name, so later downloads skip the attempt.
  return path.join(cacheDir(), `${orderNumber}-${key}${stamped ? "" : "-original"}.pdf`);
}

/** The copy this instance keeps for this stamp, if any (touched: it stays while in use). */
export async function findCopy(orderNumber: string, assetHash: string, stamp: Stamp): Promise<CachedCopy | undefined> {
  const key = cacheKey(assetHash, stamp);
  for (const stamped of [true, false]) {
    const file = copyPath(orderNumber, key, stamped);
    const info = await stat(file).catch(() => undefined);
    if (!info) continue;
    const now = new Date();
    await utimes(file, now, now).catch(() => undefined);
    return { path: file, size: info.size, stamped };
  }
  return undefined;
}

/**
 * Stamps `original` and keeps it. A PDF that cannot be stamped (encrypted, broken) is kept as it
 * is and logged: the buyer gets the file either way. Concurrent first downloads share one run.
 */
export function storeStamped(
  orderNumber: string,
  assetHash: string,
  stamp: Stamp,
  original: Uint8Array,
): Promise<CachedCopy> {
  const key = cacheKey(assetHash, stamp);
  const running = inFlight.get(key);
  if (running) return running;
  const work = (async () => {
    let bytes: Uint8Array;
    let stamped = true;
    try {
      bytes = await stampPdf(original, stamp);
    } catch (error) {
      if (!(error instanceof UnstampablePdf)) throw error;
      console.warn(`order ${orderNumber}: PDF ${assetHash} served unstamped: ${error.message}`);
      bytes = original;
      stamped = false;
    }
    await mkdir(cacheDir(), { recursive: true });
    const file = copyPath(orderNumber, key, stamped);
    const partial = `${file}.${randomBytes(4).toString("hex")}.part`;
    await writeFile(partial, bytes);
    await rename(partial, file);
    void sweep();
    return { path: file, size: bytes.length, stamped };
  })().finally(() => inFlight.delete(key));
  inFlight.set(key, work);
  return work;
}

/** Copies unused for a week go; any of them would be made again, identical, on demand. */
async function sweep(now = Date.now()) {
  if (now - lastSweep < SWEEP_EVERY_MS) return;
  lastSweep = now;
  const dir = cacheDir();
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => undefined);
    if (info && now - info.mtimeMs > EVICT_AFTER_MS) await rm(file, { force: true }).catch(() => undefined);
  }
}
