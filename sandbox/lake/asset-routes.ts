import { createReadStream } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { pipeline } from "node:stream/promises";
import type { AssetKind } from "./assets";
import type { LakeContext } from "./context";
import { notFound } from "./errors";
import { ASSET_LIMIT, readBody, sendJson } from "./http";
import { assertImageExtension, parseTransform } from "./images";

const IMMUTABLE = "public, max-age=31536000, immutable";

/** `POST /v{apiVersion}/assets/{images|files}/{dataset}`: raw body, metadata in the query string. */
export async function handleUpload(
  ctx: LakeContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  kind: AssetKind,
) {
  const body = await readBody(req, ASSET_LIMIT);
  const search = url.searchParams;
  const optional = (key: string) => search.get(key) ?? undefined;
  const document = await ctx.assets.upload(kind, body, {
    filename: optional("filename"),
    contentType: req.headers["content-type"],
    title: optional("title"),
    description: optional("description"),
    label: optional("label"),
    creditLine: optional("creditLine"),
    extract: (search.get("meta") ?? "").split(",").filter(Boolean),
  });
  sendJson(res, 200, { document });
}

/** `GET /images/{projectId}/{dataset}/{sha1}-{w}x{h}.{ext}`: public, like the image CDN. */
export async function handleImage(ctx: LakeContext, req: IncomingMessage, res: ServerResponse, url: URL, name: string) {
  const match = /^([a-f0-9]{40})-(\d+)x(\d+)\.([a-z0-9]+)$/.exec(name);
  if (!match) throw notFound(`Image "${name}" not found`);
  const [, sha1, width, height, extension] = match as unknown as [string, string, string, string, string];
  assertImageExtension(extension);
  const doc = ctx.store.get(`image-${sha1}-${width}x${height}-${extension}`);
  if (!doc) throw notFound(`Image "${name}" not found`);

  const { transform, autoFormat } = parseTransform(url.searchParams, extension, req.headers.accept ?? "");
  const image = await ctx.images.get(doc, transform);
  const headers: Record<string, string | number> = {
    "Content-Type": image.contentType,
    "Content-Length": image.body.length,
    "Cache-Control": IMMUTABLE,
    ETag: image.etag,
    "Access-Control-Allow-Origin": "*",
    ...(autoFormat ? { Vary: "Accept" } : {}),
    ...downloadHeader(url, doc.originalFilename),
  };
  if (req.headers["if-none-match"] === image.etag) {
    res.writeHead(304, { ETag: image.etag, "Cache-Control": IMMUTABLE, ...(autoFormat ? { Vary: "Accept" } : {}) });
    res.end();
    return;
  }
  res.writeHead(200, headers);
  res.end(req.method === "HEAD" ? undefined : image.body);
}

/** `GET /files/{projectId}/{dataset}/{sha1}.{ext}`: private (deliverables), streamed from disk. */
export async function handleFile(ctx: LakeContext, req: IncomingMessage, res: ServerResponse, url: URL, name: string) {
  const match = /^([a-f0-9]{40})\.([a-z0-9]{1,10})$/.exec(name);
  const doc = match ? ctx.store.get(`file-${match[1]}-${match[2]}`) : undefined;
  if (!doc) throw notFound(`File "${name}" not found`);
  const etag = `"${String(doc.sha1hash)}"`;
  const headers = {
    "Content-Type": String(doc.mimeType),
    "Content-Length": Number(doc.size),
    "Cache-Control": "private, max-age=31536000, immutable",
    ETag: etag,
    ...downloadHeader(url, doc.originalFilename),
  };
  if (req.headers["if-none-match"] === etag) {
    res.writeHead(304, { ETag: etag });
    res.end();
    return;
  }
  if (req.method === "HEAD") {
    res.writeHead(200, headers);
    res.end();
    return;
  }
  const stream = createReadStream(ctx.assets.diskPath(doc));
  // Open before answering, so a missing binary is a 404 and not a broken 200.
  await new Promise<void>((resolve, reject) => {
    stream.once("open", () => resolve());
    stream.once("error", () => reject(notFound(`File "${name}" not found`)));
  });
  res.writeHead(200, headers);
  await pipeline(stream, res);
}

/** `?dl` (or `?dl=name`) asks for a download, as on the asset CDN. */
function downloadHeader(url: URL, originalFilename: unknown): Record<string, string> {
  const dl = url.searchParams.get("dl");
  if (dl === null) return {};
  const filename = dl || (typeof originalFilename === "string" ? originalFilename : "download");
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return { "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}` };
}
