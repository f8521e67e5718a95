import type { IncomingMessage, ServerResponse } from "node:http";
import { evaluate, parse, type ExprNode } from "groq-js";
import type { LakeContext } from "./context";
import { badRequest } from "./errors";
import type { CommittedTransaction, SanityDocument } from "./types";

const HEARTBEAT_MS = 15_000;
const IDENTITY = "sandbox-editor";

/**
 * `GET /v{apiVersion}/data/listen/{dataset}`: server-sent events like the real listener.
 * Effects are whole-document mendoza patches ([0, value] replaces the value), which the
 * Studio applies exactly like the finer-grained patches the hosted lake computes.
 */
export function handleListen(ctx: LakeContext, req: IncomingMessage, res: ServerResponse, url: URL): void {
  const search = url.searchParams;
  const query = search.get("query");
  if (!query) throw badRequest('Missing query parameter "query"');
  const params: Record<string, unknown> = {};
  for (const [key, value] of search) {
    if (!key.startsWith("$")) continue;
    try {
      params[key.slice(1)] = JSON.parse(value);
    } catch {
      throw badRequest(`Unable to parse value of "${key}=${value}". Please quote string values.`);
    }
  }
  let tree: ExprNode;
  try {
    tree = parse(query, { params });
  } catch (error) {
    throw badRequest(error instanceof Error ? error.message : "Invalid query");
  }
  const flag = (name: string, fallback: boolean) => (search.has(name) ? search.get(name) !== "false" : fallback);
  const includeResult = flag("includeResult", true);
  const includePreviousRevision = flag("includePreviousRevision", false);
  const includeMutations = flag("includeMutations", true);
  const events = new Set((search.get("events") ?? "welcome,mutation,reconnect").split(","));

  res.writeHead(200, {
    "Content-Type": "text/event-stream; charset=utf-8",
    "Cache-Control": "no-cache, no-transform",
    "X-Accel-Buffering": "no",
  });
  const send = (event: string, data: unknown, id?: string) =>
    res.write(`${id ? `id: ${id}\n` : ""}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  if (events.has("welcome")) send("welcome", { listenerName: `sandbox-${Math.random().toString(36).slice(2, 10)}` });

  const matches = async (doc: SanityDocument | null): Promise<boolean> => {
    if (!doc) return false;
    const value = await (await evaluate(tree, { dataset: [doc], params })).get();
    return Array.isArray(value) ? value.length > 0 : Boolean(value);
  };

  // Transactions are handled one after another so events keep the commit order.
  let queue = Promise.resolve();
  const onTransaction = (transaction: CommittedTransaction) => {
    queue = queue.then(() => emitTransaction(transaction)).catch((error) => console.error("[lake] listen", error));
  };
  const emitTransaction = async ({ transactionId, timestamp, effects }: CommittedTransaction) => {
    if (!events.has("mutation")) return;
    const seen: { id: string; before: SanityDocument | null; after: SanityDocument | null; transition: string }[] = [];
    for (const { id, before, after } of effects) {
      const [was, is] = [await matches(before), await matches(after)];
      if (was || is) seen.push({ id, before, after, transition: was && is ? "update" : is ? "appear" : "disappear" });
    }
    // Counted over the events this listener receives: the Studio holds a transaction's events back
    // until it has `transactionTotalEvents` of them, so counting documents it does not listen to
    // would leave it waiting (and « Publier » locked) forever.
    for (const [index, { id, before, after, transition }] of seen.entries()) {
      const event: Record<string, unknown> = {
        eventId: `${transactionId}#${id}`,
        documentId: id,
        transactionId,
        transition,
        identity: IDENTITY,
        previousRev: before?._rev,
        // The transaction, for a deletion too: the Studio chains a document's events by
        // previousRev → resultRev and silently drops one that has no resultRev, which left a
        // published draft alive in the Studio (« Publier » enabled again, « Brouillon » lit).
        resultRev: transactionId,
        timestamp,
        visibility: "query",
        effects: { apply: [0, after], revert: [0, before] },
        transactionTotalEvents: seen.length,
        transactionCurrentEvent: index + 1,
      };
      if (includeMutations) event.mutations = [after ? { createOrReplace: after } : { delete: { id } }];
      if (includeResult && after) event.result = after;
      if (includePreviousRevision && before) event.previous = before;
      send("mutation", event, event.eventId as string);
    }
  };
  // The Studio alone keeps a dozen listeners open.
  ctx.store.listeners.setMaxListeners(0);
  ctx.store.listeners.on("transaction", onTransaction);
  const heartbeat = setInterval(() => res.write(": heartbeat\n\n"), HEARTBEAT_MS);
  const stop = () => {
    clearInterval(heartbeat);
    ctx.store.listeners.off("transaction", onTransaction);
  };
  req.on("close", stop);
  res.on("close", stop);
}
