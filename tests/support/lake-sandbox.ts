import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createClient, type SanityClient } from "@sanity/client";
import sharp from "sharp";
import { afterAll, expect } from "vitest";

/** What the content lake sandbox's tests share: a token, temporary data folders, a tiny seed, clients. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const token = randomBytes(24).toString("hex");
const tempDirs: string[] = [];

/** Temporary folders made by `tempDir` are removed after the test file that made them. */
afterAll(async () => {
  await Promise.all(tempDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

export async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `lake-test-${prefix}-`));
  tempDirs.push(dir);
  return dir;
}

export function clientFor(
  url: string,
  options: { token?: string; perspective?: "published" | "drafts" | "raw" } = {},
): SanityClient {
  return createClient({
    projectId: "demo",
    dataset: "production",
    apiVersion: "2025-02-19",
    useCdn: false,
    apiHost: url,
    useProjectHostname: false,
    perspective: options.perspective ?? "published",
    ...(options.token ? { token: options.token } : {}),
    maxRetries: 0,
  });
}

/** A tiny seed in the folder format `sanity dataset import` reads. */
export async function writeSeed(dir: string): Promise<void> {
  await mkdir(path.join(dir, "images"), { recursive: true });
  await mkdir(path.join(dir, "files"), { recursive: true });
  await sharp({ create: { width: 1200, height: 800, channels: 3, background: "#5D5CDE" } })
    .jpeg()
    .toFile(path.join(dir, "images/cover.jpg"));
  await writeFile(path.join(dir, "files/guide.pdf"), "%PDF-1.4\n% sample deliverable\n");
  const docs = [
    {
      _id: "category-formations",
      _type: "category",
      title: "Formations",
      slug: { _type: "slug", current: "formations" },
    },
    {
      _id: "product-guide",
      _type: "product",
      title: "Guide",
      price: 5000,
      category: { _type: "reference", _ref: "category-formations" },
      images: [{ _type: "image", _key: "cover", _sanityAsset: "image@file://./images/cover.jpg", alt: "Couverture" }],
      deliverables: [{ _type: "file", _key: "pdf", _sanityAsset: "file@file://./files/guide.pdf", title: "Le guide" }],
    },
  ];
  await writeFile(path.join(dir, "data.ndjson"), `${docs.map((doc) => JSON.stringify(doc)).join("\n")}\n`);
}

export async function expectRejection(
  promise: Promise<unknown>,
  statusCode: number,
): Promise<Error & { statusCode: number; details?: unknown }> {
  const error = await promise.then(
    () => {
      throw new Error(`expected HTTP ${statusCode}`);
    },
    (reason: Error & { statusCode: number }) => reason,
  );
  expect(error.statusCode).toBe(statusCode);
  return error;
}
