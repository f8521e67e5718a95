import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createClient, type SanityClient } from "@sanity/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Order } from "~/modules/orders/order-document";
import { startSandbox, type Sandbox } from "../../sandbox/index";
import { startProxy, type Proxy } from "../support/proxy";
import { startRedis, type RedisServer } from "../support/redis";
import { payOnHostedPage, Shopper, waitFor } from "../support/shopper";
import { startStorefront, type Storefront } from "../support/stack";

/**
 * Two storefront instances on one content lake and one Redis, behind a round-robin proxy, as a
 * merchant behind a load balancer runs them (decision 017). The content cache's TTL is an hour, so
 * only the listen API can refresh an instance; reconciliation runs every second on both.
 */
const GUIDE = "product-guide-chatgpt-pour-entrepreneurs-africains"; // 5 000 F CFA

let dataDir: string;
let sandbox: Sandbox;
let redis: RedisServer;
let proxy: Proxy;
let lake: SanityClient;
const instances: Storefront[] = [];
const backends: string[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "ashtech-instances-"));
  [sandbox, redis] = await Promise.all([
    startSandbox({
      dataDir,
      callbackRetry: { initialDelayMs: 200, maxDelayMs: 400, maxDurationMs: 5_000, timeoutMs: 5_000 },
    }),
    startRedis(),
  ]);
  // Lengo's callbacks go to one instance and the buyer's return to the other.
  proxy = await startProxy(backends, (req) =>
    req.url?.startsWith("/api/paiement/") ? 1 : req.url?.startsWith("/paiement/") ? 0 : undefined,
  );
  const env = {
    ...sandbox.storefrontEnv(),
    PUBLIC_URL: proxy.url,
    REDIS_URL: redis.url,
    TRUST_PROXY: "1",
    CONTENT_CACHE_TTL: "3600",
    RECONCILE_INTERVAL_SECONDS: "1",
  };
  instances.push(...(await Promise.all([startStorefront(env), startStorefront(env)])));
  backends.push(...instances.map((instance) => instance.baseUrl));
  lake = createClient({
    projectId: "demo",
    dataset: "production",
    apiVersion: "2025-02-19",
    apiHost: sandbox.urls.lake,
    useProjectHostname: false,
    useCdn: false,
    token: sandbox.secrets.lakeToken,
  });
}, 120_000);

afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.stop()));
  await proxy?.close();
  await Promise.all([sandbox?.close(), redis?.stop()]);
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

interface ReconcileRun {
  instance: string;
  event: "start" | "end";
  at: string;
}

function reconcileRuns(): ReconcileRun[] {
  return instances
    .flatMap((instance) => instance.output().split("\n"))
    .filter((line) => line.startsWith('{"job":"reconcile"'))
    .map((line) => JSON.parse(line) as ReconcileRun)
    .sort((a, b) => a.at.localeCompare(b.at) || (a.event === "end" ? -1 : 1));
}

/** Runs that started while another instance's run was still open. */
function overlaps(runs: ReconcileRun[]): ReconcileRun[] {
  const open = new Set<string>();
  const found: ReconcileRun[] = [];
  for (const run of runs) {
    if (run.event === "start") {
      if ([...open].some((instance) => instance !== run.instance)) found.push(run);
      open.add(run.instance);
    } else {
      open.delete(run.instance);
    }
  }
  return found;
}

describe("two instances behind a load balancer", () => {
  it("shows a price published in the lake on both instances within 2 s", async () => {
    const slug = "guide-chatgpt-pour-entrepreneurs-africains";
    for (const instance of instances) {
      await fetch(`${instance.baseUrl}/produits/${slug}`).then((response) => response.text());
      expect((await fetch(`${instance.baseUrl}/produits/${slug}`)).headers.get("x-page-cache")).toBe("hit");
    }
    await lake.patch(GUIDE).set({ price: 4_321 }).commit();
    const published = Date.now();
    await Promise.all(
      instances.map((instance) =>
        expect
          .poll(async () => (await fetch(`${instance.baseUrl}/produits/${slug}`)).text(), {
            timeout: 2_000,
            interval: 50,
          })
          .toMatch(/4\s321\sF\sCFA/),
      ),
    );
    expect(Date.now() - published).toBeLessThan(2_000);
    await lake.patch(GUIDE).set({ price: 5_000 }).commit();
  });

  it("holds the « Mes commandes » limit across both instances (counted in Redis)", async () => {
    const ask = (ip: string) =>
      fetch(`${proxy.url}/mes-commandes?index`, {
        method: "POST",
        body: new URLSearchParams({ contact: "deux-instances@example.com" }),
        headers: { "x-forwarded-for": ip },
        redirect: "manual",
      });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await ask(`10.9.0.${i}`)).status);
    const backendsAsked = new Set(
      proxy.served.filter((hit) => hit.path.startsWith("/mes-commandes")).map((hit) => hit.backend),
    );
    expect(backendsAsked).toEqual(new Set([0, 1]));
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it("pays once, with one receipt, an order whose return reaches one instance and callback the other", async () => {
    await lake.patch(GUIDE).set({ price: 5_000 }).commit();
    const shopper = new Shopper(proxy.url);
    const checkoutId = await shopper.openCheckout(GUIDE);
    const email = "deux-instances-achat@example.com";
    const response = await shopper.checkout(GUIDE, checkoutId, { paymentMethod: "lengo", email });
    expect(response.status).toBe(303);
    const back = await shopper.request(await payOnHostedPage(response.headers.get("location")!, "600000001"));
    expect(back.status).toBe(303);
    const order = (await lake.fetch<Order>(`*[_type == "order" && checkoutId == $checkoutId][0]`, { checkoutId }))!;
    const sent = await waitFor(
      () => lake.getDocument<Order>(order._id),
      (current) => Boolean(current?.fulfilment?.receiptSentAt),
    );
    expect(sent!.status).toBe("paid");
    expect(sent!.paymentLog.filter((event) => event.state === "paid")).toHaveLength(1);
    const callbacks = proxy.served.filter((hit) => hit.path.startsWith("/api/paiement/lengo"));
    const returns = proxy.served.filter((hit) => hit.path.startsWith("/paiement/lengo/retour"));
    expect(callbacks.length).toBeGreaterThan(0);
    expect(new Set(callbacks.map((hit) => hit.backend))).toEqual(new Set([1]));
    expect(new Set(returns.map((hit) => hit.backend))).toEqual(new Set([0]));
    const mails = (await (
      await fetch(`${sandbox.urls.mail}/api/messages?to=${encodeURIComponent(email)}`)
    ).json()) as unknown[];
    expect(mails).toHaveLength(1);
  });

  it("never reconciles on both at once; the other instance takes over when the holder shuts down", async () => {
    await waitFor(
      async () => reconcileRuns(),
      (runs) => runs.filter((run) => run.event === "end").length >= 3,
    );
    const holder = reconcileRuns()[0]!.instance;
    const holderIndex = instances.findIndex((instance) => instance.output().includes(`"instance":"${holder}"`));
    await instances[holderIndex]!.stop();
    const successor = await waitFor(
      async () => reconcileRuns(),
      (runs) => runs.some((run) => run.instance !== holder),
    );
    expect(successor.filter((run) => run.event === "start").length).toBeGreaterThan(3);
    expect(overlaps(reconcileRuns())).toEqual([]);
  });
});
