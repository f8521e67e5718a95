/** A stored document: Sanity's system fields are always present once committed. */
export interface SanityDocument {
  _id: string;
  _type: string;
  _rev: string;
  _createdAt: string;
  _updatedAt: string;
  [key: string]: unknown;
}

/** One document touched by a transaction; `null` means absent (created from nothing, or deleted). */
export interface DocumentEffect {
  id: string;
  before: SanityDocument | null;
  after: SanityDocument | null;
}

export interface CommittedTransaction {
  transactionId: string;
  timestamp: string;
  effects: DocumentEffect[];
}

export interface LakeConfig {
  projectId: string;
  dataset: string;
  token: string;
}
