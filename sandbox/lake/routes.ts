import type { IncomingMessage, ServerResponse } from "node:http";
import { handleFile, handleImage, handleUpload } from "./asset-routes";
import { requireToken } from "./auth";
import type { LakeContext } from "./context";
import { apiError, methodNotAllowed, notFound } from "./errors";
import { sendError } from "./http";
import { handleDoc, handleMutate, handleQuery } from "./data-routes";
import { handleListen } from "./listen";

const API =
  /^\/v(\d{4}-\d{2}-\d{2}|1|X)\/(data\/query|data\/doc|data\/mutate|data\/listen|assets\/images|assets\/files)\/([^/]+)(?:\/(.+))?$/;
const CDN = /^\/(images|files)\/([^/]+)\/([^/]+)\/([^/]+)(?:\/[^/]*)?$/;

export async function route(ctx: LakeContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const url = new URL(req.url ?? "/", "http://lake.invalid");
    const method = req.method ?? "GET";

    const api = API.exec(url.pathname);
    if (api) {
      const [, apiVersion = "1", endpoint, dataset, rest] = api;
      requireToken(req, ctx.token);
      checkDataset(ctx, dataset);
      switch (endpoint) {
        case "data/query":
          allow(method, ["GET", "POST"]);
          return await handleQuery(ctx, req, res, url, apiVersion);
        case "data/doc":
          allow(method, ["GET"]);
          return handleDoc(ctx, res, url, rest ?? "");
        case "data/mutate":
          allow(method, ["POST"]);
          return await handleMutate(ctx, req, res, url);
        case "data/listen":
          allow(method, ["GET"]);
          return handleListen(ctx, req, res, url);
        default:
          allow(method, ["POST"]);
          return await handleUpload(ctx, req, res, url, endpoint === "assets/images" ? "image" : "file");
      }
    }

    const cdn = CDN.exec(url.pathname);
    if (cdn) {
      const [, kind, projectId, dataset, name = ""] = cdn;
      allow(method, ["GET", "HEAD"]);
      if (projectId !== ctx.projectId || dataset !== ctx.dataset)
        throw notFound(`Unknown project or dataset in ${url.pathname}`);
      if (kind === "images") return await handleImage(ctx, req, res, url, name);
      requireToken(req, ctx.token);
      return await handleFile(ctx, req, res, url, name);
    }
    throw notFound(`No route for ${method} ${url.pathname}`);
  } catch (error) {
    sendError(res, error);
  }
}

function allow(method: string, methods: string[]): void {
  if (!methods.includes(method)) throw methodNotAllowed(`Method ${method} not allowed here (${methods.join(", ")})`);
}

function checkDataset(ctx: LakeContext, dataset: string | undefined): void {
  if (dataset !== ctx.dataset)
    throw apiError(404, "datasetNotFoundError", `Dataset "${dataset}" not found for project ID "${ctx.projectId}"`);
}
