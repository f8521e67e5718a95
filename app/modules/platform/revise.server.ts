import type { SanityClient, SanityDocument } from "@sanity/client";

/**
 * The one way the storefront writes a document others may be writing too (orders, discount codes,
 * code pools, notices): read it, decide from what it says now, write only onto the revision that
 * was read (`ifRevisionID`). When someone else wrote first the lake answers 409, and the whole
 * read-decide-write starts again from the fresh document, within one budget of rounds with a
 * growing random pause, so that many concurrent writers (buyers racing for a pool's last codes,
 * callbacks and the reconciler on one order) all get through.
 */

export type Patch = ReturnType<SanityClient["patch"]>;

/** What to write onto the revision read: a patch to build, or undefined when nothing needs to change. */
export type Change = ((patch: Patch) => Patch) | undefined;

/** A document as read, with the revision a write must land on. */
export interface Revisioned {
  _id: string;
  _rev: string;
}

/** The lake's answer when a write's `ifRevisionID` (or a create's id) met a newer document. */
export function isConflict(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { statusCode?: number }).statusCode === 409;
}

/** Rounds before giving up: enough for dozens of concurrent writers on one document. */
export const REVISION_ROUNDS = 60;

/** Thrown when the document kept changing under every round of the budget. */
export class RevisionConflictError extends Error {
  constructor(what: string) {
    super(`${what} kept changing: gave up after ${REVISION_ROUNDS} revision conflicts`);
    this.name = "RevisionConflictError";
  }
}

const pause = (round: number) =>
  new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * Math.min(round + 1, 5)));

/**
 * `state`: what was last read (undefined: nothing to revise); `written`: the document after the
 * change landed, or undefined when `state` already said what was wanted.
 */
export interface Revision<T> {
  state: T | undefined;
  written: SanityDocument | undefined;
}

/**
 * Read, decide, write with `ifRevisionID`, and start again on a conflict. `read` gives the current
 * state (undefined when there is nothing to revise); `change` decides from it. The write lands on
 * `target(state)`, the state itself by default: a state that is more than the document (a code
 * judged against a cart) names the document it was read from.
 */
export async function writeWithRevision<T>(
  client: SanityClient,
  what: string,
  read: () => Promise<T | undefined>,
  change: (state: T) => Change,
  target: (state: T) => Revisioned = (state) => state as unknown as Revisioned,
): Promise<Revision<T>> {
  for (let round = 0; round < REVISION_ROUNDS; round++) {
    const state = await read();
    if (state === undefined) return { state: undefined, written: undefined };
    const build = change(state);
    if (!build) return { state, written: undefined };
    const { _id, _rev } = target(state);
    try {
      const written = await build(client.patch(_id).ifRevisionId(_rev)).commit({ visibility: "sync" });
      return { state, written };
    } catch (error) {
      if (!isConflict(error)) throw error;
      await pause(round);
    }
  }
  throw new RevisionConflictError(what);
}
