import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { LRUCache } from "lru-cache";
import type { AssetStore } from "./assets";
import { CONTENT_TYPES, renderImage, transformKey, type ImageTransform } from "./images";
import type { SanityDocument } from "./types";

export interface RenderedImage {
  body: Buffer;
  contentType: string;
  etag: string;
}

const DEFAULT_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * Renders image variants once: a bounded LRU keeps recent variants (and
 * originals), and concurrent requests for the same variant share one render.
 */
export class ImageService {
  private readonly cache: LRUCache<string, RenderedImage>;
  private readonly pending = new Map<string, Promise<RenderedImage>>();

  constructor(
    private readonly assets: AssetStore,
    maxBytes = DEFAULT_CACHE_BYTES,
  ) {
    this.cache = new LRUCache({ maxSize: maxBytes, sizeCalculation: (image) => image.body.length + 256 });
  }

  get(doc: SanityDocument, transform: ImageTransform | null): Promise<RenderedImage> {
    const key = transform ? `${doc._id}|${transformKey(transform)}` : `${doc._id}|original`;
    const cached = this.cache.get(key);
    if (cached) return Promise.resolve(cached);
    let pending = this.pending.get(key);
    if (!pending) {
      pending = this.render(doc, transform, key).finally(() => this.pending.delete(key));
      this.pending.set(key, pending);
    }
    return pending;
  }

  private async render(doc: SanityDocument, transform: ImageTransform | null, key: string): Promise<RenderedImage> {
    const original = await readFile(this.assets.diskPath(doc));
    const body = transform ? await renderImage(original, transform) : original;
    const contentType = transform ? CONTENT_TYPES[transform.format] : String(doc.mimeType);
    const etag = `"${createHash("sha1").update(key).digest("base64url")}"`;
    const image = { body, contentType, etag };
    this.cache.set(key, image);
    return image;
  }
}
