import { badRequest } from "./errors";
import { DRAFTS_PREFIX, isDraftId, isPublishedId } from "./ids";
import type { SanityDocument } from "./types";

export type Perspective = "raw" | "published" | "drafts";

/** A dataset as seen through one perspective, indexed for fast dereferencing and by `_type`. */
export interface View {
  documents: SanityDocument[];
  byId: Map<string, SanityDocument>;
  /** The documents of one type, in the order of `documents` (built on first use). */
  ofType(type: string): SanityDocument[];
}

/** API version 2025-02-19 changed the default perspective from raw to published. */
const PUBLISHED_BY_DEFAULT_SINCE = "2025-02-19";

export function parsePerspective(value: string | null | undefined, apiVersion: string): Perspective {
  if (!value) {
    const dated = /^\d{4}-\d{2}-\d{2}$/.test(apiVersion);
    return dated && apiVersion >= PUBLISHED_BY_DEFAULT_SINCE ? "published" : "raw";
  }
  // A stack ("release1,drafts") reads as its widest layer: releases are not modelled here.
  const layers = value.split(",").map((layer) => layer.trim());
  if (layers.length === 1 && layers[0] === "raw") return "raw";
  if (layers.includes("drafts") || layers.includes("previewDrafts")) return "drafts";
  if (layers.includes("published")) return "published";
  if (layers.every((layer) => /^[A-Za-z0-9_-]+$/.test(layer))) return "drafts";
  throw badRequest(`Invalid perspective "${value}"`);
}

export function buildView(all: Map<string, SanityDocument>, perspective: Perspective): View {
  const documents: SanityDocument[] = [];
  if (perspective === "raw") {
    documents.push(...all.values());
  } else if (perspective === "published") {
    for (const doc of all.values()) if (isPublishedId(doc._id)) documents.push(doc);
  } else {
    for (const doc of all.values()) {
      if (isPublishedId(doc._id)) {
        const draft = all.get(`${DRAFTS_PREFIX}${doc._id}`);
        documents.push(draft ? overlay(draft, doc._id) : { ...doc, _originalId: doc._id });
      } else if (isDraftId(doc._id)) {
        const publishedId = doc._id.slice(DRAFTS_PREFIX.length);
        if (!all.has(publishedId)) documents.push(overlay(doc, publishedId));
      }
    }
  }
  const byId = new Map<string, SanityDocument>();
  for (const doc of documents) byId.set(doc._id, doc);
  let byType: Map<string, SanityDocument[]> | undefined;
  const ofType = (type: string) => {
    if (!byType) {
      byType = new Map();
      for (const doc of documents) {
        const list = byType.get(doc._type);
        if (list) list.push(doc);
        else byType.set(doc._type, [doc]);
      }
    }
    return byType.get(type) ?? [];
  };
  return { documents, byId, ofType };
}

/** In the drafts perspective a draft stands in for its published document, under the published id. */
function overlay(draft: SanityDocument, publishedId: string): SanityDocument {
  return { ...draft, _id: publishedId, _originalId: draft._id };
}
