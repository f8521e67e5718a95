import { mkdir, open, readFile, rename, type FileHandle } from "node:fs/promises";
import path from "node:path";
import type { SanityDocument } from "./types";

/** What a committed transaction leaves behind: the full state of every touched document. */
export interface JournalEntry {
  transactionId: string;
  timestamp: string;
  effects: { id: string; after: SanityDocument | null }[];
}

const SNAPSHOT = "snapshot.ndjson";
const JOURNAL = "journal.ndjson";

/**
 * Write-ahead journal: a transaction is acknowledged only once its line is on
 * disk (datasync). Entries hold after-images, so replaying one twice is harmless,
 * which keeps compaction crash-safe in any order of steps.
 */
export class Journal {
  private constructor(
    private readonly dir: string,
    private handle: FileHandle,
  ) {}

  /** Bytes appended since the last compaction. */
  size = 0;

  static async open(dir: string): Promise<{ journal: Journal; documents: Map<string, SanityDocument> }> {
    await mkdir(dir, { recursive: true });
    const documents = new Map<string, SanityDocument>();
    const snapshot = await readNdjson(path.join(dir, SNAPSHOT));
    if (snapshot.tornTail) throw new Error(`Corrupt snapshot ${path.join(dir, SNAPSHOT)}`);
    for (const doc of snapshot.records as SanityDocument[]) documents.set(doc._id, doc);

    const journal = await readNdjson(path.join(dir, JOURNAL));
    for (const entry of journal.records as JournalEntry[]) {
      for (const effect of entry.effects) {
        if (effect.after) documents.set(effect.id, effect.after);
        else documents.delete(effect.id);
      }
    }
    if (journal.records.length > 0 || journal.tornTail) await compact(dir, documents);

    const handle = await open(path.join(dir, JOURNAL), "a");
    return { journal: new Journal(dir, handle), documents };
  }

  async append(entry: JournalEntry): Promise<void> {
    const line = `${JSON.stringify(entry)}\n`;
    await this.handle.appendFile(line, "utf8");
    await this.handle.datasync();
    this.size += Buffer.byteLength(line);
  }

  /** Folds the journal into a fresh snapshot of `documents` (call with no append in flight). */
  async compact(documents: Map<string, SanityDocument>): Promise<void> {
    await this.handle.close();
    await compact(this.dir, documents);
    this.handle = await open(path.join(this.dir, JOURNAL), "a");
    this.size = 0;
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}

async function readNdjson(file: string): Promise<{ records: unknown[]; tornTail: boolean }> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { records: [], tornTail: false };
    throw error;
  }
  const lines = text.split("\n");
  const records: unknown[] = [];
  let tornTail = false;
  for (const [index, line] of lines.entries()) {
    if (line === "") continue;
    try {
      records.push(JSON.parse(line));
    } catch {
      // Only the last line can be torn (a crash mid-append, never acknowledged); anything else is corruption.
      const isLast = lines.slice(index + 1).every((rest) => rest === "");
      if (!isLast) throw new Error(`Corrupt line ${index + 1} in ${file}`);
      tornTail = true;
    }
  }
  return { records, tornTail };
}

async function compact(dir: string, documents: Map<string, SanityDocument>): Promise<void> {
  const tmp = path.join(dir, `${SNAPSHOT}.tmp`);
  const out = await open(tmp, "w");
  try {
    let chunk = "";
    for (const doc of documents.values()) {
      chunk += `${JSON.stringify(doc)}\n`;
      if (chunk.length > 1 << 20) {
        await out.appendFile(chunk, "utf8");
        chunk = "";
      }
    }
    await out.appendFile(chunk, "utf8");
    await out.sync();
  } finally {
    await out.close();
  }
  await rename(tmp, path.join(dir, SNAPSHOT));
  await syncDir(dir);
  const journal = await open(path.join(dir, JOURNAL), "w");
  await journal.sync();
  await journal.close();
  await syncDir(dir);
}

export async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
