import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import type { LakeContext } from "./context";
import { apiError, badRequest, invalidRequestBody } from "./errors";
import { readJson, sendJson } from "./http";
import { applyMutations, parseMutations } from "./mutations";
import type { SanityDocument } from "./types";

const Action = z.looseObject({ actionType: z.string() });
const ActionsBody = z.object({
  actions: z.array(Action).min(1),
  transactionId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,128}$/)
    .optional(),
  dryRun: z.boolean().optional(),
});
type ActionInput = z.infer<typeof Action> & Record<string, unknown>;

const str = (action: ActionInput, key: string): string => {
  const value = action[key];
  if (typeof value !== "string" || !value) throw badRequest(`${action.actionType}: "${key}" is required`);
  return value;
};

const copyAs = (doc: SanityDocument, _id: string) => {
  const { _rev: _r, _updatedAt: _u, ...fields } = doc;
  return { ...fields, _id };
};

function conflict(description: string) {
  return apiError(409, "documentRevisionMismatchError", description);
}

/**
 * `POST /v{apiVersion}/data/actions/{dataset}`: the document actions the Studio sends
 * (create, edit, publish, unpublish, discard, delete, replaceDraft), each turned into
 * mutations and applied as one transaction, so they keep the mutate endpoint's semantics.
 */
export async function handleActions(ctx: LakeContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const raw = await readJson(req);
  const body = ActionsBody.safeParse(raw);
  if (!body.success) throw invalidRequestBody(z.prettifyError(body.error), JSON.stringify(raw));
  const response = await ctx.store.transact(
    async (transaction) => {
      const get = (id: string) => transaction.documents.get(id);
      const mutations: unknown[] = [];
      for (const action of body.data.actions as ActionInput[]) mutations.push(...toMutations(action, get));
      const outcome = await applyMutations(transaction, parseMutations(mutations), {
        returnDocuments: false,
        autoGenerateArrayKeys: false,
        projectId: ctx.projectId,
        dataset: ctx.dataset,
      });
      return { effects: outcome.effects, result: { transactionId: transaction.transactionId } };
    },
    { dryRun: body.data.dryRun, transactionId: body.data.transactionId },
  );
  sendJson(res, 200, response);
}

function toMutations(action: ActionInput, get: (id: string) => SanityDocument | undefined): unknown[] {
  switch (action.actionType) {
    case "sanity.action.document.create": {
      const attributes = action.attributes as Record<string, unknown> | undefined;
      if (!attributes || typeof attributes._type !== "string") throw badRequest("create: attributes._type is required");
      const document = { ...attributes, _id: (attributes._id as string | undefined) ?? str(action, "publishedId") };
      return [action.ifExists === "ignore" ? { createIfNotExists: document } : { create: document }];
    }
    case "sanity.action.document.replaceDraft": {
      const attributes = action.attributes as Record<string, unknown> | undefined;
      if (!attributes || typeof attributes._id !== "string")
        throw badRequest("replaceDraft: attributes._id is required");
      return [{ createOrReplace: attributes }];
    }
    case "sanity.action.document.edit": {
      const draftId = str(action, "draftId");
      const publishedId = str(action, "publishedId");
      const patch = (action.patch ?? {}) as Record<string, unknown>;
      const published = get(publishedId);
      const base = get(draftId) ? [] : published ? [{ createIfNotExists: copyAs(published, draftId) }] : [];
      return [...base, { patch: { ...patch, id: draftId } }];
    }
    case "sanity.action.document.publish": {
      const draftId = str(action, "draftId");
      const publishedId = str(action, "publishedId");
      const draft = get(draftId);
      // A draft already published is gone: like the hosted lake, refuse (decision 024). The Studio
      // sends no second publish once its listener has seen the draft go.
      if (!draft) throw apiError(409, "documentNotFoundError", `Draft "${draftId}" not found`);
      if (typeof action.ifDraftRevisionId === "string" && action.ifDraftRevisionId !== draft._rev) {
        throw conflict(`Draft "${draftId}" has changed since it was validated`);
      }
      const published = get(publishedId);
      if (typeof action.ifPublishedRevisionId === "string" && action.ifPublishedRevisionId !== published?._rev) {
        throw conflict(`Document "${publishedId}" has changed since it was validated`);
      }
      return [{ createOrReplace: copyAs(draft, publishedId) }, { delete: { id: draftId } }];
    }
    case "sanity.action.document.unpublish": {
      const draftId = str(action, "draftId");
      const publishedId = str(action, "publishedId");
      const published = get(publishedId);
      if (!published) throw apiError(409, "documentNotFoundError", `Document "${publishedId}" is not published`);
      return [{ createIfNotExists: copyAs(published, draftId) }, { delete: { id: publishedId } }];
    }
    case "sanity.action.document.discard":
      return [{ delete: { id: str(action, "draftId") } }];
    case "sanity.action.document.delete": {
      const publishedId = str(action, "publishedId");
      const drafts = Array.isArray(action.includeDrafts)
        ? (action.includeDrafts as string[])
        : [`drafts.${publishedId}`];
      return [publishedId, ...drafts].map((id) => ({ delete: { id } }));
    }
    default:
      throw badRequest(`Action ${action.actionType} is not supported by the sandbox lake`);
  }
}
