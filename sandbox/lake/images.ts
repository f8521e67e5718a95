import sharp from "sharp";
import { z } from "zod";
import { badRequest } from "./errors";

export type OutputFormat = "jpg" | "pjpg" | "png" | "webp" | "avif" | "gif";

/** A validated image-pipeline request, as the image CDN reads its URL parameters. */
export interface ImageTransform {
  w?: number;
  h?: number;
  maxW?: number;
  maxH?: number;
  minW?: number;
  minH?: number;
  fit: "clip" | "crop" | "fill" | "fillmax" | "max" | "min" | "scale";
  crop: string[];
  fpX?: number;
  fpY?: number;
  rect?: [number, number, number, number];
  dpr: number;
  q?: number;
  bg?: string;
  flip?: "h" | "v" | "hv";
  or?: 0 | 90 | 180 | 270;
  blur?: number;
  sharpen?: number;
  invert: boolean;
  grayscale: boolean;
  format: OutputFormat;
}

const MAX_SIZE = 8192;
const int = (max: number) => z.coerce.number().int().min(1).max(max).optional();
const unit = z.coerce.number().min(0).max(1).optional();

const ParamsSchema = z.object({
  w: int(MAX_SIZE),
  h: int(MAX_SIZE),
  "max-w": int(MAX_SIZE),
  "max-h": int(MAX_SIZE),
  "min-w": int(MAX_SIZE),
  "min-h": int(MAX_SIZE),
  fit: z.enum(["clip", "crop", "fill", "fillmax", "max", "min", "scale"]).default("clip"),
  crop: z
    .string()
    .regex(/^[a-z,]+$/)
    .optional(),
  "fp-x": unit,
  "fp-y": unit,
  rect: z
    .string()
    .regex(/^\d+,\d+,\d+,\d+$/)
    .optional(),
  dpr: z.coerce.number().min(0.1).max(3).default(1),
  fm: z.enum(["jpg", "pjpg", "png", "webp", "avif", "gif"]).optional(),
  q: z.coerce.number().int().min(0).max(100).optional(),
  auto: z.literal("format").optional(),
  bg: z
    .string()
    .regex(/^([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/)
    .optional(),
  flip: z.enum(["h", "v", "hv"]).optional(),
  or: z.enum(["0", "90", "180", "270"]).optional(),
  blur: z.coerce.number().int().min(1).max(2000).optional(),
  sharp: z.coerce.number().int().min(0).max(100).optional(),
  invert: z.enum(["true", "false"]).optional(),
  sat: z.coerce.number().int().min(-100).max(100).optional(),
});

const TRANSFORM_KEYS = Object.keys(ParamsSchema.shape);

/** The format the original is re-encoded to when no `fm` or `auto=format` applies. */
const DEFAULT_FORMAT: Record<string, OutputFormat> = { jpg: "jpg", png: "png", webp: "webp", avif: "avif", gif: "gif" };

/**
 * Returns null when the URL asks for the untouched original; `autoFormat` tells
 * the caller the answer depends on Accept (so it must send `Vary: Accept`).
 */
export function parseTransform(
  search: URLSearchParams,
  originalExtension: string,
  accept: string,
): { transform: ImageTransform | null; autoFormat: boolean } {
  const raw = Object.fromEntries([...search].filter(([key]) => TRANSFORM_KEYS.includes(key)));
  if (Object.keys(raw).length === 0) return { transform: null, autoFormat: false };
  const parsed = ParamsSchema.safeParse(raw);
  if (!parsed.success)
    throw badRequest(`Invalid image parameters: ${z.prettifyError(parsed.error).replace(/\n/g, " ")}`);
  const p = parsed.data;
  const autoFormat = p.auto === "format";
  const negotiated = autoFormat ? negotiateFormat(accept) : undefined;
  const transform: ImageTransform = {
    w: p.w,
    h: p.h,
    maxW: p["max-w"],
    maxH: p["max-h"],
    minW: p["min-w"],
    minH: p["min-h"],
    fit: p.fit,
    crop: p.crop ? p.crop.split(",") : [],
    fpX: p["fp-x"],
    fpY: p["fp-y"],
    rect: p.rect ? (p.rect.split(",").map(Number) as [number, number, number, number]) : undefined,
    dpr: p.dpr,
    q: p.q,
    bg: p.bg,
    flip: p.flip,
    or: p.or === undefined ? undefined : (Number(p.or) as 0 | 90 | 180 | 270),
    blur: p.blur,
    sharpen: p.sharp,
    invert: p.invert === "true",
    grayscale: p.sat === -100,
    format: negotiated ?? p.fm ?? DEFAULT_FORMAT[originalExtension] ?? "png",
  };
  return { transform, autoFormat };
}

function negotiateFormat(accept: string): OutputFormat | undefined {
  if (accept.includes("image/avif")) return "avif";
  if (accept.includes("image/webp")) return "webp";
  return undefined;
}

/** Stable cache key: the same request always maps to the same rendered bytes. */
export function transformKey(transform: ImageTransform): string {
  return JSON.stringify(transform);
}

export const CONTENT_TYPES: Record<OutputFormat, string> = {
  jpg: "image/jpeg",
  pjpg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  avif: "image/avif",
  gif: "image/gif",
};

export async function renderImage(original: Buffer, t: ImageTransform): Promise<Buffer> {
  const meta = await sharp(original).metadata();
  // Auto-orient first so that rect, w and h refer to the image as displayed.
  const turned = (meta.orientation ?? 1) >= 5;
  let width = (turned ? meta.height : meta.width) ?? 1;
  let height = (turned ? meta.width : meta.height) ?? 1;
  let image = sharp(original).rotate();

  if (t.rect) {
    // Sharp resizes once per pipeline, so the cropped region is materialised (raw, lossless) first.
    const box = clampRect(...t.rect, width, height);
    const { data, info } = await image.extract(box).raw().toBuffer({ resolveWithObject: true });
    image = sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
    width = info.width;
    height = info.height;
  }
  if (t.flip?.includes("h")) image = image.flop();
  if (t.flip?.includes("v")) image = image.flip();
  if (t.or) {
    image = image.rotate(t.or);
    if (t.or === 90 || t.or === 270) [width, height] = [height, width];
  }
  image = resize(image, t, width, height);

  if (t.blur) image = image.blur(Math.min(1000, Math.max(0.3, t.blur / 10)));
  if (t.sharpen) image = image.sharpen({ sigma: 0.5 + t.sharpen / 50 });
  if (t.invert) image = image.negate({ alpha: false });
  if (t.grayscale) image = image.grayscale();
  return encode(image, t).toBuffer();
}

function clampRect(left: number, top: number, w: number, h: number, width: number, height: number) {
  const x = Math.min(left, width - 1);
  const y = Math.min(top, height - 1);
  return { left: x, top: y, width: Math.max(1, Math.min(w, width - x)), height: Math.max(1, Math.min(h, height - y)) };
}

function targetSize(t: ImageTransform): { tw?: number; th?: number } {
  const scale = (value: number | undefined, min?: number, max?: number) => {
    if (value === undefined) return undefined;
    const bounded = Math.min(max ?? value, Math.max(min ?? value, value));
    return Math.min(MAX_SIZE, Math.max(1, Math.round(bounded * t.dpr)));
  };
  return { tw: scale(t.w, t.minW, t.maxW), th: scale(t.h, t.minH, t.maxH) };
}

function resize(image: sharp.Sharp, t: ImageTransform, width: number, height: number): sharp.Sharp {
  let { tw, th } = targetSize(t);
  if (tw === undefined && th === undefined) {
    return t.dpr === 1 ? image : image.resize({ width: Math.min(MAX_SIZE, Math.round(width * t.dpr)) });
  }
  const noEnlargement = t.fit === "max" || t.fit === "min" || t.fit === "fillmax";
  if (tw === undefined || th === undefined) {
    return image.resize({ width: tw, height: th, fit: "inside", withoutEnlargement: noEnlargement });
  }
  const background = parseColor(t.bg, t.format);
  switch (t.fit) {
    case "clip":
      return image.resize({ width: tw, height: th, fit: "inside" });
    case "max":
      return image.resize({ width: tw, height: th, fit: "inside", withoutEnlargement: true });
    case "scale":
      return image.resize({ width: tw, height: th, fit: "fill" });
    case "fill":
      return image.resize({ width: tw, height: th, fit: "contain", background });
    case "fillmax": {
      const factor = Math.min(1, tw / width, th / height);
      const rw = Math.max(1, Math.round(width * factor));
      const rh = Math.max(1, Math.round(height * factor));
      const left = Math.floor((tw - rw) / 2);
      const top = Math.floor((th - rh) / 2);
      return image
        .resize({ width: rw, height: rh, fit: "fill" })
        .extend({ left, right: tw - rw - left, top, bottom: th - rh - top, background });
    }
    case "min": {
      // Keeps the requested aspect ratio but never exceeds the original's size.
      const factor = Math.min(1, width / tw, height / th);
      tw = Math.max(1, Math.round(tw * factor));
      th = Math.max(1, Math.round(th * factor));
      return cover(image, t, tw, th, width, height);
    }
    case "crop":
      return cover(image, t, tw, th, width, height);
  }
}

function cover(
  image: sharp.Sharp,
  t: ImageTransform,
  tw: number,
  th: number,
  width: number,
  height: number,
): sharp.Sharp {
  if (t.crop.includes("focalpoint") && (t.fpX !== undefined || t.fpY !== undefined)) {
    const scale = Math.max(tw / width, th / height);
    const rw = Math.max(tw, Math.round(width * scale));
    const rh = Math.max(th, Math.round(height * scale));
    const left = clamp(Math.round((t.fpX ?? 0.5) * rw - tw / 2), 0, rw - tw);
    const top = clamp(Math.round((t.fpY ?? 0.5) * rh - th / 2), 0, rh - th);
    return image.resize({ width: rw, height: rh, fit: "fill" }).extract({ left, top, width: tw, height: th });
  }
  return image.resize({ width: tw, height: th, fit: "cover", position: cropPosition(t.crop) });
}

function cropPosition(crop: string[]): string | number {
  if (crop.includes("entropy")) return sharp.strategy.entropy;
  const vertical = crop.find((c) => c === "top" || c === "bottom");
  const horizontal = crop.find((c) => c === "left" || c === "right");
  return [vertical, horizontal].filter(Boolean).join(" ") || "centre";
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

function parseColor(bg: string | undefined, format: OutputFormat): sharp.Color {
  if (!bg) return format === "jpg" || format === "pjpg" ? "#ffffff" : { r: 255, g: 255, b: 255, alpha: 0 };
  // The image CDN reads 4 and 8 digit colours as ARGB.
  const hex = bg.length <= 4 ? [...bg].map((c) => c + c).join("") : bg;
  const hasAlpha = hex.length === 8;
  const channel = (i: number) => parseInt(hex.slice(i, i + 2), 16);
  const offset = hasAlpha ? 2 : 0;
  return { r: channel(offset), g: channel(offset + 2), b: channel(offset + 4), alpha: hasAlpha ? channel(0) / 255 : 1 };
}

function encode(image: sharp.Sharp, t: ImageTransform): sharp.Sharp {
  switch (t.format) {
    case "jpg":
    case "pjpg":
      return image
        .flatten({ background: parseColor(t.bg, "jpg") })
        .jpeg({ quality: t.q ?? 75, progressive: t.format === "pjpg" });
    case "png":
      return image.png();
    case "webp":
      return image.webp({ quality: t.q ?? 75 });
    case "avif":
      // Low effort: encoding speed matters more than the last bytes in a sandbox on shared cores.
      return image.avif({ quality: t.q ?? 50, effort: 2 });
    case "gif":
      return image.gif();
  }
}

export function assertImageExtension(extension: string): void {
  if (!/^[a-z0-9]{2,5}$/.test(extension)) throw badRequest(`Invalid image extension "${extension}"`);
}
