import { randomBytes, randomUUID } from "node:crypto";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Sanity transaction ids (and so `_rev` values) are 22 base62 characters. */
export function newTransactionId(): string {
  const bytes = randomBytes(22);
  let id = "";
  for (const byte of bytes) id += BASE62[byte % 62];
  return id;
}

/** Like the Content Lake: no id gets a UUID, an id ending in "." (e.g. "drafts.") gets one appended. */
export function completeDocumentId(id: string | undefined): string {
  if (id === undefined || id === "") return randomUUID();
  return id.endsWith(".") ? `${id}${randomUUID()}` : id;
}

const ID_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;

export function isValidDocumentId(id: string): boolean {
  return ID_PATTERN.test(id) && !id.includes("..") && !id.endsWith(".");
}

export const DRAFTS_PREFIX = "drafts.";
export const VERSIONS_PREFIX = "versions.";

export const isDraftId = (id: string) => id.startsWith(DRAFTS_PREFIX);
export const isVersionId = (id: string) => id.startsWith(VERSIONS_PREFIX);
export const isPublishedId = (id: string) => !isDraftId(id) && !isVersionId(id);
