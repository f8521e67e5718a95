import { randomBytes } from "node:crypto";
import { Mutation as SanityMutation } from "@sanity/mutator";
import { z } from "zod";
import { LakeError, mutationError, MutationFailure, type MutationErrorItem } from "./errors";
import { completeDocumentId, isValidDocumentId } from "./ids";
import { buildView } from "./perspectives";
import { runQuery } from "./query";
import type { TransactionContext, TransactionOutcome } from "./store";
import type { DocumentEffect, SanityDocument } from "./types";
import { MutationSchema, type Mutation, type PatchMutation, type SelectionSpec } from "./mutation-schema";

export type Operation = "create" | "update" | "delete" | "none";

export interface MutateResponse {
  transactionId: string;
  results: { id: string; operation: Operation; document?: SanityDocument }[];
}

export interface MutateOptions {
  returnDocuments: boolean;
  autoGenerateArrayKeys: boolean;
  projectId: string;
  dataset: string;
}

/** Rejects the whole request, naming every mutation that is malformed. */
export function parseMutations(input: unknown[]): Mutation[] {
  const items: MutationErrorItem[] = [];
  const parsed: Mutation[] = [];
  input.forEach((raw, index) => {
    const result = MutationSchema.safeParse(raw);
    if (result.success) parsed.push(result.data);
    else
      items.push({ index, error: { type: "invalidMutationError", description: describeInvalid(raw, result.error) } });
  });
  if (items.length > 0) throw mutationError(400, items);
  return parsed;
}

function describeInvalid(raw: unknown, error: z.ZodError): string {
  const kind = raw && typeof raw === "object" ? Object.keys(raw).join(", ") : typeof raw;
  return `Invalid mutation (${kind}): ${z.prettifyError(error).replace(/\n/g, " ")}`;
}

/** Documents as the transaction sees them: committed state plus its own earlier changes. */
class WorkingSet {
  readonly changes = new Map<string, SanityDocument | null>();
  constructor(private readonly committed: ReadonlyMap<string, SanityDocument>) {}

  get(id: string): SanityDocument | undefined {
    return this.changes.has(id) ? (this.changes.get(id) ?? undefined) : this.committed.get(id);
  }

  put(id: string, doc: SanityDocument | null): void {
    this.changes.set(id, doc);
  }

  snapshot(): Map<string, SanityDocument> {
    const all = new Map(this.committed);
    for (const [id, doc] of this.changes) {
      if (doc) all.set(id, doc);
      else all.delete(id);
    }
    return all;
  }
}

/**
 * Applies a request's mutations in order, all or nothing: the first failure
 * throws, and nothing reaches the store.
 */
export async function applyMutations(
  context: TransactionContext,
  mutations: Mutation[],
  options: MutateOptions,
): Promise<TransactionOutcome<MutateResponse>> {
  const working = new WorkingSet(context.documents);
  const results: { id: string; operation: Operation }[] = [];
  for (const [index, mutation] of mutations.entries()) {
    try {
      results.push(...(await applyOne(working, mutation, options)));
    } catch (error) {
      if (error instanceof MutationFailure) throw mutationError(error.status, [{ index, error: error.detail }]);
      if (error instanceof LakeError) throw error;
      const description = error instanceof Error ? error.message : String(error);
      throw mutationError(400, [{ index, error: { type: "invalidPatchError", description } }]);
    }
  }

  const effects: DocumentEffect[] = [];
  const finals = new Map<string, SanityDocument | null>();
  for (const [id, doc] of working.changes) {
    const before = context.documents.get(id) ?? null;
    if (!before && !doc) continue;
    const after = doc ? stamp(doc, before, context) : null;
    finals.set(id, after);
    effects.push({ id, before, after });
  }

  const response: MutateResponse = {
    transactionId: context.transactionId,
    results: results.map(({ id, operation }) => {
      if (!options.returnDocuments) return { id, operation };
      const document = finals.has(id) ? finals.get(id) : working.get(id);
      return document ? { id, operation, document } : { id, operation };
    }),
  };
  return { effects, result: response };
}

async function applyOne(
  working: WorkingSet,
  mutation: Mutation,
  options: MutateOptions,
): Promise<{ id: string; operation: Operation }[]> {
  const prepare = (doc: Record<string, unknown>) =>
    (options.autoGenerateArrayKeys ? withArrayKeys(doc) : doc) as SanityDocument;

  if ("create" in mutation) {
    const id = checkedId(completeDocumentId(mutation.create._id));
    if (working.get(id)) {
      throw new MutationFailure(409, {
        type: "documentAlreadyExistsError",
        id,
        description: `Document by ID "${id}" already exists`,
      });
    }
    working.put(id, prepare({ ...mutation.create, _id: id }));
    return [{ id, operation: "create" }];
  }
  if ("createOrReplace" in mutation) {
    const id = checkedId(mutation.createOrReplace._id);
    const existed = working.get(id) !== undefined;
    working.put(id, prepare({ ...mutation.createOrReplace, _id: id }));
    return [{ id, operation: existed ? "update" : "create" }];
  }
  if ("createIfNotExists" in mutation) {
    const id = checkedId(mutation.createIfNotExists._id);
    if (working.get(id)) return [{ id, operation: "none" }];
    working.put(id, prepare({ ...mutation.createIfNotExists, _id: id }));
    return [{ id, operation: "create" }];
  }
  if ("delete" in mutation) {
    const ids = await select(working, mutation.delete, options);
    for (const id of ids) if (working.get(id)) working.put(id, null);
    return ids.map((id) => ({ id, operation: "delete" as const }));
  }
  const { id: patchId, query, params } = mutation.patch;
  const ids =
    patchId !== undefined ? [checkedId(patchId)] : await select(working, { query: query ?? "", params }, options);
  for (const id of ids) working.put(id, prepare(patchDocument(working.get(id), id, mutation.patch)));
  return ids.map((id) => ({ id, operation: "update" as const }));
}

function checkedId(id: string): string {
  if (!isValidDocumentId(id)) {
    throw new MutationFailure(400, {
      type: "invalidDocumentIdError",
      id,
      description: `Malformed document ID: "${id}"`,
    });
  }
  return id;
}

async function select(working: WorkingSet, selection: SelectionSpec, options: MutateOptions): Promise<string[]> {
  if ("id" in selection) return [checkedId(selection.id)];
  const view = buildView(working.snapshot(), "raw");
  const result = await runQuery(view, selection.query, selection.params ?? {}, options);
  const docs = Array.isArray(result) ? result : result ? [result] : [];
  return docs.flatMap((doc) =>
    doc && typeof doc === "object" && typeof doc._id === "string" ? [doc._id as string] : [],
  );
}

function patchDocument(doc: SanityDocument | undefined, id: string, patch: PatchMutation): SanityDocument {
  if (!doc) {
    throw new MutationFailure(404, {
      type: "documentNotFoundError",
      id,
      description: `The document with the ID "${id}" was not found`,
    });
  }
  if (patch.ifRevisionID !== undefined && patch.ifRevisionID !== doc._rev) {
    throw new MutationFailure(409, {
      type: "documentRevisionIDDoesNotMatchError",
      id,
      currentRevisionID: doc._rev,
      expectedRevisionID: patch.ifRevisionID,
      description: `Document "${id}" has unexpected revision ID ("${doc._rev}"), expected "${patch.ifRevisionID}"`,
    });
  }
  const { query: _query, params: _params, ifRevisionID: _rev, ...operations } = patch;
  const patched: unknown = new SanityMutation({ mutations: [{ patch: { ...operations, id } }] }).apply(doc);
  if (!patched || typeof patched !== "object" || typeof (patched as SanityDocument)._type !== "string") {
    throw new MutationFailure(400, {
      type: "invalidPatchError",
      id,
      description: `Patch would leave "${id}" without a _type`,
    });
  }
  return { ...(patched as SanityDocument), _id: id };
}

/** System fields are the lake's: a new revision per transaction, creation time kept. */
function stamp(doc: SanityDocument, before: SanityDocument | null, context: TransactionContext): SanityDocument {
  const createdAt =
    typeof doc._createdAt === "string" && doc._createdAt ? doc._createdAt : (before?._createdAt ?? context.timestamp);
  const { _id, _type, ...fields } = doc;
  return { _id, _type, ...fields, _rev: context.transactionId, _createdAt: createdAt, _updatedAt: context.timestamp };
}

function withArrayKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map((item) => {
      const next = withArrayKeys(item);
      if (next && typeof next === "object" && !Array.isArray(next) && !("_key" in next)) {
        return { _key: randomBytes(6).toString("hex"), ...next };
      }
      return next;
    });
  }
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, withArrayKeys(child)]));
  }
  return value;
}
