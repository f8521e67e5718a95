import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { startLengo } from "../../sandbox/lengo/server";
import { ProviderResponseInvalid, ProviderUnavailable } from "~/modules/payments/errors";
import {
  chains,
  client,
  control,
  licenseKey,
  newPayment,
  shop,
  startShop,
  RETRY,
  useLengoSandbox,
  websiteId,
} from "../support/lengo-sandbox";
import { catchError } from "../support/provider-sandbox";

/** The Lengo sandbox's callbacks (retries, give-up, restarts) and its faults, against the shop's Lengo client. */
useLengoSandbox();

describe("Lengo callback delivery", () => {
  it("retries with backoff while the store fails, and stops at the first 2xx", async () => {
    const { created, cbPath } = await newPayment();
    shop.script(cbPath, [500, 503]);
    await control(`/__sandbox/payments/${encodeURIComponent(created.reference)}/complete`, { outcome: "success" });
    await vi.waitFor(async () => expect((await chains(created.reference))[0]?.state).toBe("delivered"), {
      timeout: 3000,
      interval: 20,
    });
    const [chain] = await chains(created.reference);
    expect(chain!.attempts.map((a) => a.responseStatus)).toEqual([500, 503, 200]);
    const times = shop.hits.filter((h) => h.path === cbPath).map((h) => h.at);
    // Backoff: each wait at least the scheduled delay, which doubles (a busy machine only adds to it;
    // a timer may wake a millisecond early).
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(RETRY.initialDelayMs - 2);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(2 * RETRY.initialDelayMs - 2);
    // Nothing more is scheduled after the 2xx: the store has had every callback it will get.
    expect(chain!.nextAttemptAt).toBeUndefined();
    expect(shop.callbacks(cbPath)).toHaveLength(3);
  });

  it("gives up once the retry window has passed", async () => {
    const { created, cbPath } = await newPayment();
    shop.script(cbPath, Array(100).fill(500));
    await control(`/__sandbox/payments/${encodeURIComponent(created.reference)}/complete`, { outcome: "failed" });
    await vi.waitFor(async () => expect((await chains(created.reference))[0]?.state).toBe("gave_up"), {
      timeout: 4000,
      interval: 50,
    });
    const [chain] = await chains(created.reference);
    expect(chain!.nextAttemptAt).toBeUndefined();
    expect(shop.callbacks(cbPath)).toHaveLength(chain!.attempts.length);
    expect(chain!.attempts.length).toBeGreaterThan(3);
  });

  it("records attempts to an unreachable store", async () => {
    const gone = await startShop();
    await gone.close();
    const created = await client().createPayment({
      order: { reference: "ASH-GONE", amount: 5000, currency: "XAF" },
      returnUrls: { success: `${shop.url}/r` },
      callbackUrl: `${gone.url}/cb`,
    });
    await control(`/__sandbox/payments/${encodeURIComponent(created.reference)}/complete`, { outcome: "success" });
    await vi.waitFor(
      async () => expect((await chains(created.reference))[0]?.attempts.length).toBeGreaterThanOrEqual(2),
      { timeout: 2000 },
    );
    const [chain] = await chains(created.reference);
    expect(chain!.attempts[0]).toMatchObject({ responseStatus: null, error: expect.stringMatching(/\S/) });
  });

  it("sends duplicate callbacks at once when asked (sandbox-wide)", async () => {
    await control("/__sandbox/faults", { duplicateCallbacks: 10 });
    const { created, cbPath } = await newPayment();
    await control(`/__sandbox/payments/${encodeURIComponent(created.reference)}/complete`, { outcome: "success" });
    await vi.waitFor(() => expect(shop.callbacks(cbPath)).toHaveLength(10), { timeout: 2000, interval: 20 });
    expect(new Set(shop.callbacks(cbPath).map((b) => JSON.stringify(b))).size).toBe(1);
  });

  it("sends duplicate callbacks for one payment when its create request asked (per request)", async () => {
    const withFault: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set("x-sandbox-fault", "duplicate-callbacks=3");
      return fetch(input, { ...init, headers });
    };
    const { created, cbPath } = await newPayment({ c: client({ fetch: withFault }) });
    const other = await newPayment();
    for (const p of [created, other.created]) {
      await control(`/__sandbox/payments/${encodeURIComponent(p.reference)}/complete`, { outcome: "success" });
    }
    await vi.waitFor(() => expect(shop.callbacks(cbPath)).toHaveLength(3), { timeout: 2000, interval: 20 });
    await vi.waitFor(() => expect(shop.callbacks(other.cbPath)).toHaveLength(1), { timeout: 2000, interval: 20 });
  });

  it("sends a stale callback after the final one when asked (out of order)", async () => {
    await control("/__sandbox/faults", { outOfOrderCallbacks: true });
    const { created, cbPath } = await newPayment();
    await control(`/__sandbox/payments/${encodeURIComponent(created.reference)}/complete`, { outcome: "success" });
    await vi.waitFor(() => expect(shop.callbacks(cbPath)).toHaveLength(2), { timeout: 2000, interval: 20 });
    expect(shop.callbacks(cbPath).map((b) => b.status)).toEqual(["SUCCESS", "PENDING"]);
    expect((await client().getStatus(created)).rawStatus).toBe("SUCCESS");
  });

  it("sends a callback whose amount differs from the payment's when asked", async () => {
    await control("/__sandbox/faults", { callbackAmountDelta: -14000 });
    const { created, cbPath } = await newPayment();
    await control(`/__sandbox/payments/${encodeURIComponent(created.reference)}/complete`, { outcome: "success" });
    await vi.waitFor(() => expect(shop.callbacks(cbPath)).toHaveLength(1), { timeout: 2000, interval: 20 });
    expect(shop.callbacks(cbPath)[0].amount).toBe(1000);
    expect((await client().getStatus(created)).amount).toBe(15000);
  });

  it("resends a callback on demand", async () => {
    const { created, cbPath } = await newPayment();
    await control(`/__sandbox/payments/${encodeURIComponent(created.reference)}/complete`, { outcome: "success" });
    await vi.waitFor(() => expect(shop.callbacks(cbPath)).toHaveLength(1), { timeout: 2000, interval: 20 });
    expect((await control(`/__sandbox/payments/${encodeURIComponent(created.reference)}/callback`, {})).status).toBe(
      202,
    );
    await vi.waitFor(() => expect(shop.callbacks(cbPath)).toHaveLength(2), { timeout: 2000, interval: 20 });
  });

  it("resumes an undelivered callback after a restart on the same data directory", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "lengo-restart-"));
    const retry = { initialDelayMs: 100, maxDelayMs: 100, maxDurationMs: 10_000, timeoutMs: 1000 };
    try {
      let s = await startLengo({ port: 0, licenseKey, websiteId, dataDir: dir, callbackRetry: retry });
      const c = client({ baseUrl: `${s.url}/api/v1` });
      const cbPath = "/cb-restart";
      shop.script(cbPath, Array(1000).fill(503));
      const created = await c.createPayment({
        order: { reference: "ASH-R", amount: 5000, currency: "XAF" },
        returnUrls: { success: `${shop.url}/r` },
        callbackUrl: `${shop.url}${cbPath}`,
      });
      await fetch(`${s.url}/__sandbox/payments/${encodeURIComponent(created.reference)}/complete`, {
        method: "POST",
        body: '{"outcome":"success"}',
      });
      await vi.waitFor(() => expect(shop.callbacks(cbPath).length).toBeGreaterThanOrEqual(1), {
        timeout: 2000,
        interval: 20,
      });
      await s.close();
      shop.script(cbPath, []);
      s = await startLengo({ port: 0, licenseKey, websiteId, dataDir: dir, callbackRetry: retry });
      try {
        await vi.waitFor(
          async () => {
            const list = (await (await fetch(`${s.url}/__sandbox/callbacks`)).json()) as any[];
            expect(list[0]?.state).toBe("delivered");
          },
          { timeout: 3000, interval: 50 },
        );
        expect(shop.callbacks(cbPath).at(-1)).toMatchObject({ pay_id: created.reference, status: "SUCCESS" });
        expect((await client({ baseUrl: `${s.url}/api/v1` }).getStatus(created)).state).toBe("paid");
      } finally {
        await s.close();
      }
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe("Lengo faults", () => {
  it("retries the status read (a POST, but a read) after 5xx", async () => {
    const { created } = await newPayment();
    await control("/__sandbox/faults", { status5xx: 502, times: 2, path: "/transaction/status" });
    expect((await client().getStatus(created)).rawStatus).toBe("INITIATED");
    const log = (await control("/__sandbox/requests")).json as { path: string; status: number }[];
    expect(log.filter((r) => r.path.includes("/status")).map((r) => r.status)).toEqual([502, 502, 200]);
  });

  it("gives up after three reads, and never retries a create", async () => {
    const { created } = await newPayment();
    await control("/__sandbox/faults", { status5xx: 500 });
    const e = await catchError(client().getStatus(created));
    expect(e).toBeInstanceOf(ProviderUnavailable);
    expect(e.shopperMessage).toBe("Lengo Pay ne répond pas pour le moment. Réessayez dans quelques instants.");
    expect(await catchError(newPayment())).toMatchObject({ code: "HTTP_500" });
    const log = (await control("/__sandbox/requests")).json as { path: string; status: number }[];
    expect(log.filter((r) => r.path.endsWith("/status")).length).toBe(3);
    expect(log.filter((r) => r.path.endsWith("/payments")).map((r) => r.status)).toEqual([200, 500]);
  });

  it("times out with the configured timeout", async () => {
    const { created } = await newPayment();
    await control("/__sandbox/faults", { timeout: true });
    const started = Date.now();
    expect(await catchError(client({ timeoutMs: 200 }).getStatus(created))).toMatchObject({
      kind: "unavailable",
      code: "TIMEOUT",
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("maps malformed JSON to ProviderResponseInvalid", async () => {
    const { created } = await newPayment();
    await control("/__sandbox/faults", { malformedJson: true });
    const e = await catchError(client().getStatus(created));
    expect(e).toBeInstanceOf(ProviderResponseInvalid);
    expect(e.shopperMessage).not.toMatch(/\{|status/);
  });

  it("adds latency per request through the header", async () => {
    const { created } = await newPayment();
    const slow: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set("x-sandbox-fault", "latency=300");
      return fetch(input, { ...init, headers });
    };
    expect(await catchError(client({ fetch: slow, timeoutMs: 100 }).getStatus(created))).toMatchObject({
      code: "TIMEOUT",
    });
    expect((await client({ timeoutMs: 100 }).getStatus(created)).state).toBe("pending");
  });
});
