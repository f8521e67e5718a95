import { createHash } from "node:crypto";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";
import type { NextFunction, Request, Response } from "express";
import { LRUCache } from "lru-cache";

/**
 * Response compression tuned for a shop served to slow phones from a 2-core box.
 * The stock `compression` middleware brotli-encodes every streamed Remix response at a
 * high quality, which costs 30-60 % of throughput. Here: bodies are buffered (pages are
 * rendered whole anyway), tiny bodies are sent as they are, brotli runs at a low quality
 * that still beats gzip, and the compressed bytes are kept by content hash so that a
 * body served again (assets, data requests, sitemap) is compressed once.
 */
const MIN_BYTES = 1024;
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|manifest\+json)|image\/svg\+xml)/;

type Encoding = "br" | "gzip";

const compressedByHash = new LRUCache<string, Buffer>({
  maxSize: 32 * 1024 * 1024,
  sizeCalculation: (value) => value.length,
});

function pickEncoding(acceptEncoding: string | undefined): Encoding | undefined {
  if (!acceptEncoding) return undefined;
  if (/\bbr\b/.test(acceptEncoding)) return "br";
  if (/\bgzip\b/.test(acceptEncoding)) return "gzip";
  return undefined;
}

function compress(body: Buffer, encoding: Encoding): Buffer {
  const key = `${encoding}:${createHash("sha1").update(body).digest("base64")}`;
  const hit = compressedByHash.get(key);
  if (hit) return hit;
  const compressed =
    encoding === "br"
      ? brotliCompressSync(body, {
          params: {
            [zlib.BROTLI_PARAM_QUALITY]: 4,
            [zlib.BROTLI_PARAM_SIZE_HINT]: body.length,
          },
        })
      : gzipSync(body, { level: 6 });
  compressedByHash.set(key, compressed);
  return compressed;
}

export function compression() {
  return function compressionMiddleware(req: Request, res: Response, next: NextFunction) {
    const encoding = pickEncoding(req.headers["accept-encoding"]);
    if (!encoding || req.method === "HEAD") return next();

    const chunks: Buffer[] = [];
    let buffering: boolean | undefined;
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => Response;

    // Decided at the first byte, once the handler has set its headers: only
    // compressible, not yet encoded, non-ranged bodies are buffered; anything else streams.
    function shouldBuffer(): boolean {
      if (buffering === undefined) {
        const type = String(res.getHeader("Content-Type") ?? "");
        buffering =
          COMPRESSIBLE.test(type) &&
          !res.getHeader("Content-Encoding") &&
          res.statusCode !== 206 &&
          res.statusCode !== 304 &&
          !/no-transform/.test(String(res.getHeader("Cache-Control") ?? ""));
      }
      return buffering;
    }

    function toBuffer(chunk: unknown, encodingArg?: unknown): Buffer | undefined {
      if (chunk === undefined || chunk === null || typeof chunk === "function") return undefined;
      if (Buffer.isBuffer(chunk)) return chunk;
      if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      return Buffer.from(String(chunk), typeof encodingArg === "string" ? (encodingArg as BufferEncoding) : "utf8");
    }

    res.write = function writeBuffered(chunk: unknown, ...rest: unknown[]) {
      if (!shouldBuffer()) return write(chunk, ...rest);
      const buffer = toBuffer(chunk, rest[0]);
      if (buffer) chunks.push(buffer);
      const callback = rest.find((arg) => typeof arg === "function") as (() => void) | undefined;
      callback?.();
      return true;
    } as Response["write"];

    res.end = function endBuffered(chunk?: unknown, ...rest: unknown[]) {
      if (!shouldBuffer()) return end(chunk, ...rest);
      const buffer = toBuffer(chunk, rest[0]);
      if (buffer) chunks.push(buffer);
      const body = Buffer.concat(chunks);
      res.removeHeader("Content-Length");
      res.vary("Accept-Encoding");
      if (body.length < MIN_BYTES) {
        res.setHeader("Content-Length", body.length);
        return end(body);
      }
      const compressed = compress(body, encoding);
      res.setHeader("Content-Encoding", encoding);
      res.setHeader("Content-Length", compressed.length);
      return end(compressed);
    } as Response["end"];

    next();
  };
}
