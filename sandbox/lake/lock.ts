import { mkdir, open, readFile, rm } from "node:fs/promises";
import path from "node:path";

const heldHere = new Set<string>();

/**
 * One lake per data directory: two writers would interleave journal lines.
 * A lock left by a dead process (kill -9) is taken over.
 */
export async function acquireLock(dir: string): Promise<() => Promise<void>> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, "lake.lock");
  if (heldHere.has(file)) throw new Error(`Lake data directory ${dir} is already open in this process`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      heldHere.add(file);
      return async () => {
        heldHere.delete(file);
        await rm(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number((await readFile(file, "utf8").catch(() => "")).trim());
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new Error(`Lake data directory ${dir} is in use by process ${owner}`);
      }
      await rm(file, { force: true });
    }
  }
  throw new Error(`Could not lock lake data directory ${dir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
