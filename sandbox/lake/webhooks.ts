import type { EventEmitter } from "node:events";
import { encodeSignatureHeader } from "@sanity/webhook";
import type { LakeEvents } from "./store";
import type { CommittedTransaction } from "./types";

export interface WebhookConfig {
  url: string;
  secret: string;
  /** Delays between attempts when the receiver fails; the hosted service retries for longer. */
  retryDelaysMs?: number[];
}

/**
 * Like a GROQ-powered webhook on the hosted lake with the filter `!(_id in path("drafts.**"))`
 * and the projection `{_id, _type, _rev, "slug": slug.current}`: one signed POST per published
 * document a transaction changes, sent after the commit.
 */
export function startWebhooks(
  listeners: EventEmitter<LakeEvents>,
  config: WebhookConfig,
  { projectId, dataset }: { projectId: string; dataset: string },
): { stop(): void } {
  const delays = config.retryDelaysMs ?? [200, 1000, 5000];
  let stopped = false;
  const deliver = async (payload: string, headers: Record<string, string>) => {
    for (let attempt = 0; attempt <= delays.length && !stopped; attempt++) {
      try {
        const signature = await encodeSignatureHeader(payload, Date.now(), config.secret);
        const response = await fetch(config.url, {
          method: "POST",
          headers: { ...headers, "content-type": "application/json", "sanity-webhook-signature": signature },
          body: payload,
          signal: AbortSignal.timeout(10_000),
        });
        if (response.ok) return;
      } catch {
        // Receiver down: retried below, like the hosted service.
      }
      await new Promise((resolve) => setTimeout(resolve, delays[attempt] ?? 0).unref());
    }
  };
  const onTransaction = ({ transactionId, effects }: CommittedTransaction) => {
    for (const { id, before, after } of effects) {
      if (id.startsWith("drafts.") || id.startsWith("versions.")) continue;
      const doc = after ?? before;
      if (!doc) continue;
      const slug = (doc.slug as { current?: string } | undefined)?.current ?? null;
      const payload = JSON.stringify({ _id: doc._id, _type: doc._type, _rev: after?._rev ?? null, slug });
      void deliver(payload, {
        "sanity-operation": !before ? "create" : !after ? "delete" : "update",
        "sanity-document-id": id,
        "sanity-transaction-id": transactionId,
        "sanity-project-id": projectId,
        "sanity-dataset": dataset,
        "idempotency-key": `${transactionId}#${id}`,
      });
    }
  };
  listeners.on("transaction", onTransaction);
  return {
    stop: () => {
      stopped = true;
      listeners.off("transaction", onTransaction);
    },
  };
}
