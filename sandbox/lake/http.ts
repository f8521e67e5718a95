import type { IncomingMessage, ServerResponse } from "node:http";
import { apiError, invalidRequestBody, LakeError } from "./errors";

export const JSON_LIMIT = 8 * 1024 * 1024;
export const ASSET_LIMIT = 64 * 1024 * 1024;

export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limit) throw apiError(413, "httpPayloadTooLarge", `Request body exceeds ${limit} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw apiError(413, "httpPayloadTooLarge", `Request body exceeds ${limit} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = (await readBody(req, JSON_LIMIT)).toString("utf8");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw invalidRequestBody(error instanceof Error ? error.message : "Invalid JSON", text);
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(payload),
    "Cache-Control": "no-store",
    ...headers,
  });
  res.end(payload);
}

export function sendError(res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.destroy(error instanceof Error ? error : undefined);
    return;
  }
  if (error instanceof LakeError) {
    sendJson(res, error.status, error.body);
    return;
  }
  console.error("[lake] internal error", error);
  sendJson(res, 500, { error: { description: "Internal server error", type: "internalError" } });
}
