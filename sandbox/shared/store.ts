import fs from "node:fs";
import path from "node:path";

/**
 * A whole-state JSON file, rewritten atomically (temp file, fsync, rename) on every change,
 * so that a sandbox restarted on the same data directory still knows its payments.
 * Without a data directory the state lives in memory only.
 */
export class JsonFileStore<T> {
  private readonly file: string | null;

  constructor(dataDir: string | undefined, name: string) {
    this.file = dataDir ? path.join(dataDir, name) : null;
    if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  }

  load(fallback: T): T {
    if (!this.file || !fs.existsSync(this.file)) return fallback;
    return JSON.parse(fs.readFileSync(this.file, "utf8")) as T;
  }

  save(state: T) {
    if (!this.file) return;
    const tmp = `${this.file}.${process.pid}.tmp`;
    const fd = fs.openSync(tmp, "w");
    try {
      fs.writeSync(fd, JSON.stringify(state));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, this.file);
  }
}

/** A sandbox's whole state: loaded (or `initial`) at start and written back at once, then by `save()` after each change. */
export abstract class PersistedState<T> {
  private readonly file: JsonFileStore<T>;
  protected state: T;

  constructor(dataDir: string | undefined, name: string, initial: T) {
    this.file = new JsonFileStore<T>(dataDir, name);
    this.state = this.file.load(initial);
    this.save();
  }

  save() {
    this.file.save(this.state);
  }
}
