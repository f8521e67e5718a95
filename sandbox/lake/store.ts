import { EventEmitter } from "node:events";
import { apiError } from "./errors";
import { newTransactionId } from "./ids";
import { Journal } from "./journal";
import { buildView, type Perspective, type View } from "./perspectives";
import type { CommittedTransaction, DocumentEffect, SanityDocument } from "./types";

export interface TransactionContext {
  /** Committed state; read it, never mutate it. */
  documents: ReadonlyMap<string, SanityDocument>;
  view(perspective: Perspective): View;
  transactionId: string;
  timestamp: string;
}

export interface TransactionOutcome<T> {
  effects: DocumentEffect[];
  result: T;
}

export interface LakeEvents {
  /** Emitted after each durable commit, in commit order. Payload documents are shared: do not mutate. */
  transaction: [CommittedTransaction];
}

const ASSET_TYPES = new Set(["sanity.imageAsset", "sanity.fileAsset"]);
/** A long-running lake (soak tests, benches) folds its journal into a snapshot past this size. */
const COMPACT_AFTER_BYTES = 32 * 1024 * 1024;

/**
 * Documents live in memory (a Map, plus one cached array per perspective,
 * rebuilt lazily after a write); the journal makes every commit durable first.
 */
export class DocumentStore {
  readonly listeners = new EventEmitter<LakeEvents>();
  private readonly views = new Map<Perspective, View>();
  private tail: Promise<unknown> = Promise.resolve();
  private failure: Error | null = null;

  private constructor(
    private readonly journal: Journal,
    private readonly documents: Map<string, SanityDocument>,
  ) {}

  static async open(dir: string): Promise<DocumentStore> {
    const { journal, documents } = await Journal.open(dir);
    return new DocumentStore(journal, documents);
  }

  get size(): number {
    return this.documents.size;
  }

  get(id: string): SanityDocument | undefined {
    return this.documents.get(id);
  }

  view(perspective: Perspective): View {
    let view = this.views.get(perspective);
    if (!view) {
      view = buildView(this.documents, perspective);
      this.views.set(perspective, view);
    }
    return view;
  }

  /**
   * Asset documents carry an absolute `url`, but the lake's address changes
   * between runs (port 0): it is derived from `path` and the current address.
   */
  rebaseAssetUrls(baseUrl: string): void {
    for (const [id, doc] of this.documents) {
      if (ASSET_TYPES.has(doc._type) && typeof doc.path === "string") {
        this.documents.set(id, { ...doc, url: `${baseUrl}/${doc.path}` });
      }
    }
    this.views.clear();
  }

  /**
   * Runs `work` alone (writers queue up), then makes its effects durable
   * before applying them and answering: all of them or none.
   */
  transact<T>(
    work: (context: TransactionContext) => TransactionOutcome<T> | Promise<TransactionOutcome<T>>,
    options: { dryRun?: boolean; transactionId?: string } = {},
  ): Promise<T> {
    const run = this.tail.then(() => this.commit(work, options.dryRun ?? false, options.transactionId));
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async commit<T>(
    work: (context: TransactionContext) => TransactionOutcome<T> | Promise<TransactionOutcome<T>>,
    dryRun: boolean,
    requestedId: string | undefined,
  ): Promise<T> {
    if (this.failure) throw apiError(503, "storageError", `Journal unavailable: ${this.failure.message}`);
    const transactionId = requestedId ?? newTransactionId();
    const timestamp = new Date().toISOString();
    const { effects, result } = await work({
      documents: this.documents,
      view: (perspective) => this.view(perspective),
      transactionId,
      timestamp,
    });
    if (dryRun || effects.length === 0) return result;

    try {
      await this.journal.append({
        transactionId,
        timestamp,
        effects: effects.map(({ id, after }) => ({ id, after })),
      });
    } catch (error) {
      // A failed append may leave a partial line: refuse further writes rather than risk a corrupt journal.
      this.failure = error instanceof Error ? error : new Error(String(error));
      throw apiError(503, "storageError", `Could not persist transaction: ${this.failure.message}`);
    }
    for (const { id, after } of effects) {
      if (after) this.documents.set(id, after);
      else this.documents.delete(id);
    }
    this.views.clear();
    try {
      this.listeners.emit("transaction", { transactionId, timestamp, effects });
    } catch (error) {
      // The write is durable already: a failing listener must not turn it into an error response.
      console.error("[lake] transaction listener failed", error);
    }
    if (this.journal.size > COMPACT_AFTER_BYTES) await this.compactJournal();
    return result;
  }

  private async compactJournal(): Promise<void> {
    try {
      await this.journal.compact(this.documents);
    } catch (error) {
      this.failure = error instanceof Error ? error : new Error(String(error));
      console.error("[lake] journal compaction failed", error);
    }
  }

  /** Waits for queued writes, then closes the journal. */
  async close(): Promise<void> {
    await this.tail;
    await this.journal.close();
  }
}
