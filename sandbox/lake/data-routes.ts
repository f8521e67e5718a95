import type { IncomingMessage, ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import { z } from "zod";
import type { LakeContext } from "./context";
import { badRequest, invalidRequestBody } from "./errors";
import { readJson, sendJson } from "./http";
import { MutateBodySchema, MutateQuerySchema } from "./mutation-schema";
import { applyMutations, parseMutations } from "./mutations";
import { parsePerspective } from "./perspectives";
import { runQuery } from "./query";

const QueryBodySchema = z.object({
  query: z.string(),
  params: z.record(z.string(), z.unknown()).optional(),
  perspective: z.union([z.string(), z.array(z.string())]).optional(),
});

/** `GET|POST /v{apiVersion}/data/query/{dataset}` */
export async function handleQuery(
  ctx: LakeContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  apiVersion: string,
) {
  const started = performance.now();
  const search = url.searchParams;
  let query: string;
  let params: Record<string, unknown>;
  let perspectiveParam = search.get("perspective");
  if (req.method === "POST") {
    const raw = await readJson(req);
    const body = QueryBodySchema.safeParse(raw);
    if (!body.success) throw invalidRequestBody(z.prettifyError(body.error), JSON.stringify(raw));
    query = body.data.query;
    params = body.data.params ?? {};
    const fromBody = body.data.perspective;
    if (fromBody !== undefined) perspectiveParam = Array.isArray(fromBody) ? fromBody.join(",") : fromBody;
  } else {
    const fromUrl = search.get("query");
    if (fromUrl === null) throw badRequest('Missing query parameter "query"');
    query = fromUrl;
    params = parseUrlParams(search);
  }
  const view = ctx.store.view(parsePerspective(perspectiveParam, apiVersion));
  const result = await runQuery(view, query, params, ctx);
  const ms = Math.round(performance.now() - started);
  const body = search.get("returnQuery") === "false" ? { result, ms } : { query, result, ms };
  sendJson(res, 200, body);
}

/** Query parameters arrive as `$name=<JSON>`. */
function parseUrlParams(search: URLSearchParams): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [key, value] of search) {
    if (!key.startsWith("$")) continue;
    try {
      params[key.slice(1)] = JSON.parse(value);
    } catch {
      throw badRequest(`Unable to parse value of "${key}=${value}". Please quote string values.`);
    }
  }
  return params;
}

/** `GET /v{apiVersion}/data/doc/{dataset}/{id,id,...}`: documents by id, exactly as stored. */
export function handleDoc(ctx: LakeContext, res: ServerResponse, url: URL, idList: string) {
  const ids = idList
    .split(",")
    .map((id) => decodeURIComponent(id))
    .filter(Boolean);
  if (ids.length === 0) throw badRequest("No document ids given");
  const excludeContent = url.searchParams.get("excludeContent") === "true";
  const documents = [];
  const omitted = [];
  for (const id of ids) {
    const doc = ctx.store.get(id);
    if (!doc) omitted.push({ id, reason: "existence" });
    else if (!excludeContent) documents.push(doc);
  }
  sendJson(res, 200, { documents, omitted });
}

/** `POST /v{apiVersion}/data/mutate/{dataset}`: one request, one atomic transaction. */
export async function handleMutate(ctx: LakeContext, req: IncomingMessage, res: ServerResponse, url: URL) {
  const options = MutateQuerySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!options.success) throw badRequest(`Invalid mutate parameters: ${z.prettifyError(options.error)}`);
  const raw = await readJson(req);
  const body = MutateBodySchema.safeParse(raw);
  if (!body.success) throw invalidRequestBody(z.prettifyError(body.error), JSON.stringify(raw));
  const mutations = parseMutations(body.data.mutations);
  const response = await ctx.store.transact(
    (transaction) =>
      applyMutations(transaction, mutations, {
        returnDocuments: options.data.returnDocuments,
        autoGenerateArrayKeys: options.data.autoGenerateArrayKeys,
        projectId: ctx.projectId,
        dataset: ctx.dataset,
      }),
    { dryRun: options.data.dryRun, transactionId: body.data.transactionId },
  );
  sendJson(res, 200, response);
}
