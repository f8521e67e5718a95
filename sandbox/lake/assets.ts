import { createHash, randomBytes } from "node:crypto";
import { access, mkdir, open, rename } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { apiError } from "./errors";
import { syncDir } from "./journal";
import type { DocumentStore } from "./store";
import type { SanityDocument } from "./types";

export type AssetKind = "image" | "file";

export interface UploadMeta {
  filename?: string;
  contentType?: string;
  title?: string;
  description?: string;
  label?: string;
  creditLine?: string;
  /** Metadata to extract (`meta` query param); "none" skips the LQIP. */
  extract: string[];
}

const IMAGE_FORMATS: Record<string, { extension: string; mimeType: string }> = {
  jpeg: { extension: "jpg", mimeType: "image/jpeg" },
  png: { extension: "png", mimeType: "image/png" },
  webp: { extension: "webp", mimeType: "image/webp" },
  gif: { extension: "gif", mimeType: "image/gif" },
  avif: { extension: "avif", mimeType: "image/avif" },
  heif: { extension: "heic", mimeType: "image/heic" },
  tiff: { extension: "tiff", mimeType: "image/tiff" },
  svg: { extension: "svg", mimeType: "image/svg+xml" },
};

const FILE_TYPES: Record<string, string> = {
  pdf: "application/pdf",
  zip: "application/zip",
  epub: "application/epub+zip",
  txt: "text/plain",
  csv: "text/csv",
  json: "application/json",
  mp3: "audio/mpeg",
  mp4: "video/mp4",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  ...Object.fromEntries(Object.values(IMAGE_FORMATS).map(({ extension, mimeType }) => [extension, mimeType])),
};

export function mimeTypeForExtension(extension: string): string {
  return FILE_TYPES[extension] ?? "application/octet-stream";
}

/**
 * Binary assets on disk, addressed by content (sha1), each described by a
 * `sanity.imageAsset` / `sanity.fileAsset` document with Sanity's ids and fields.
 */
export class AssetStore {
  constructor(
    private readonly root: string,
    private readonly store: DocumentStore,
    private readonly config: { projectId: string; dataset: string; baseUrl: () => string },
  ) {}

  /** Where an asset document's binary lives on disk. */
  diskPath(doc: SanityDocument): string {
    const kind = doc._type === "sanity.imageAsset" ? "images" : "files";
    return path.join(this.root, kind, path.basename(String(doc.path)));
  }

  async upload(kind: AssetKind, body: Buffer, meta: UploadMeta): Promise<SanityDocument> {
    if (body.length === 0) throw apiError(400, "validationError", "Empty upload body");
    const sha1hash = createHash("sha1").update(body).digest("hex");
    const described = kind === "image" ? await describeImage(body, sha1hash, meta) : describeFile(sha1hash, meta);
    const { projectId, dataset } = this.config;
    const relative = `${kind}s/${projectId}/${dataset}/${described.fileName}`;

    const existing = this.store.get(described.id);
    if (existing) return existing;

    await this.writeDurably(kind, described.fileName, body);
    const doc: Record<string, unknown> = {
      _id: described.id,
      _type: kind === "image" ? "sanity.imageAsset" : "sanity.fileAsset",
      assetId: sha1hash,
      extension: described.extension,
      mimeType: described.mimeType,
      originalFilename: meta.filename ?? `${sha1hash}.${described.extension}`,
      path: relative,
      sha1hash,
      size: body.length,
      uploadId: randomBytes(16).toString("hex"),
      url: `${this.config.baseUrl()}/${relative}`,
      ...(described.metadata ? { metadata: described.metadata } : {}),
      ...optionalFields(meta),
    };
    // Written before its document, so a committed asset document always has its binary.
    return this.store.transact(({ documents, transactionId, timestamp }) => {
      const raced = documents.get(described.id);
      if (raced) return { effects: [], result: raced };
      const after = { ...doc, _rev: transactionId, _createdAt: timestamp, _updatedAt: timestamp } as SanityDocument;
      return { effects: [{ id: described.id, before: null, after }], result: after };
    });
  }

  private async writeDurably(kind: AssetKind, fileName: string, body: Buffer): Promise<void> {
    const dir = path.join(this.root, `${kind}s`);
    const target = path.join(dir, fileName);
    await mkdir(dir, { recursive: true });
    if (await exists(target)) return;
    const tmp = `${target}.${randomBytes(6).toString("hex")}.tmp`;
    const handle = await open(tmp, "w");
    try {
      await handle.writeFile(body);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, target);
    await syncDir(dir);
  }
}

interface DescribedAsset {
  id: string;
  fileName: string;
  extension: string;
  mimeType: string;
  metadata?: Record<string, unknown>;
}

async function describeImage(body: Buffer, sha1hash: string, meta: UploadMeta): Promise<DescribedAsset> {
  let info: sharp.Metadata;
  try {
    info = await sharp(body).metadata();
  } catch {
    throw apiError(400, "validationError", "Invalid image, could not read metadata");
  }
  const format = IMAGE_FORMATS[info.format ?? ""];
  if (!format || !info.width || !info.height)
    throw apiError(400, "validationError", `Unsupported image format "${info.format}"`);
  // EXIF orientations 5-8 are rotated a quarter turn: report the dimensions as displayed.
  const turned = (info.orientation ?? 1) >= 5;
  const width = turned ? info.height : info.width;
  const height = turned ? info.width : info.height;
  const hasAlpha = info.hasAlpha ?? false;
  const metadata: Record<string, unknown> = {
    _type: "sanity.imageMetadata",
    dimensions: { _type: "sanity.imageDimensions", width, height, aspectRatio: width / height },
    hasAlpha,
    // Full pixel statistics cost ~100 ms an image: only needed when there is an alpha channel.
    isOpaque: hasAlpha ? (await sharp(body).stats()).isOpaque : true,
  };
  if (!meta.extract.includes("none")) {
    const lqip = await sharp(body).rotate().resize(20).jpeg({ quality: 40 }).toBuffer();
    metadata.lqip = `data:image/jpeg;base64,${lqip.toString("base64")}`;
  }
  return {
    id: `image-${sha1hash}-${width}x${height}-${format.extension}`,
    fileName: `${sha1hash}-${width}x${height}.${format.extension}`,
    extension: format.extension,
    mimeType: format.mimeType,
    metadata,
  };
}

function describeFile(sha1hash: string, meta: UploadMeta): DescribedAsset {
  const fromName = meta.filename ? path.extname(meta.filename).slice(1).toLowerCase() : "";
  const declared = meta.contentType?.split(";")[0]?.trim().toLowerCase();
  const fromType = declared ? Object.entries(FILE_TYPES).find(([, type]) => type === declared)?.[0] : undefined;
  const extension = /^[a-z0-9]{1,10}$/.test(fromName) ? fromName : (fromType ?? "bin");
  const mimeType = declared && declared !== "application/octet-stream" ? declared : mimeTypeForExtension(extension);
  return { id: `file-${sha1hash}-${extension}`, fileName: `${sha1hash}.${extension}`, extension, mimeType };
}

function optionalFields(meta: UploadMeta): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const key of ["title", "description", "label", "creditLine"] as const) {
    const value = meta[key];
    if (value) fields[key] = value;
  }
  return fields;
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
