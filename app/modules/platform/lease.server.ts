import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import type { SanityClient } from "@sanity/client";
import { isConflict } from "./revise.server";
import { getSanityWriteClient } from "./sanity.server";

/**
 * A lease held in the content lake (docs/decisions/017-reconciliation-lease.md): one document per
 * job naming its holder and an expiry, taken and renewed only with `ifRevisionID`, so two instances
 * that race for it cannot both win (the lake answers 409 to the second). The holder renews it on
 * every run and keeps it; another instance takes it once it is released (graceful shutdown) or has
 * expired (a crash). No Redis is needed: a single-instance shop needs nothing more than its lake.
 */
export const LEASE_TYPE = "shopLease";

/** This process, as a holder: readable in the lake by a merchant wondering who reconciles. */
export const INSTANCE_ID = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;

interface LeaseDocument {
  _id: string;
  _rev: string;
  holder?: string;
  expiresAt?: string;
}

export interface Lease {
  /** True when this process holds the lease until `now + ttlMs`. */
  acquire(now?: Date): Promise<boolean>;
  release(): Promise<void>;
}

export function lakeLease(name: string, ttlMs: number, client: SanityClient = getSanityWriteClient()): Lease {
  const id = `${LEASE_TYPE}-${name}`;
  return {
    async acquire(now = new Date()) {
      const fields = { holder: INSTANCE_ID, expiresAt: new Date(now.getTime() + ttlMs).toISOString() };
      try {
        const current = await client.getDocument<LeaseDocument>(id);
        if (!current) {
          await client.create({ _id: id, _type: LEASE_TYPE, name, ...fields });
          return true;
        }
        const free =
          current.holder === INSTANCE_ID || !current.expiresAt || Date.parse(current.expiresAt) <= now.getTime();
        if (!free) return false;
        await client.patch(id).ifRevisionId(current._rev).set(fields).commit();
        return true;
      } catch (error) {
        // Another instance won the race: its write came first. Not retried (revise.server.ts): a
        // re-read would only find the winner holding the lease.
        if (isConflict(error)) return false;
        throw error;
      }
    },
    async release() {
      const current = await client.getDocument<LeaseDocument>(id);
      if (current?.holder !== INSTANCE_ID) return;
      await client
        .patch(id)
        .ifRevisionId(current._rev)
        .set({ expiresAt: new Date().toISOString() })
        .commit()
        .catch(() => undefined);
    },
  };
}
