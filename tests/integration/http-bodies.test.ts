import { readFile } from "node:fs/promises";
import http from "node:http";
import net from "node:net";
import type { SanityClient } from "@sanity/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Order } from "~/modules/orders/order-document";
import { lakeClient, Shopper, waitFor } from "../support/shopper";
import { freePort, startStack, type Stack } from "../support/stack";

/**
 * Request bodies and methods over real HTTP (issue 10, items 1 and 8): every body bounded before
 * it is read, slow bodies cut, non-form bodies refused with 4xx, and a lake outage answered 503.
 */
const GUIDE = "product-guide-chatgpt-pour-entrepreneurs-africains";
const REQUEST_TIMEOUT_S = 2;
const MB = 1024 * 1024;

let stack: Stack;
let lake: SanityClient;
let order: Order;

beforeAll(async () => {
  stack = await startStack({
    env: { RECONCILE_INTERVAL_SECONDS: "0", REQUEST_TIMEOUT_SECONDS: String(REQUEST_TIMEOUT_S) },
  });
  lake = lakeClient(stack);
  const shopper = new Shopper(stack.baseUrl);
  const checkoutId = await shopper.openCheckout(GUIDE);
  const placed = await shopper.checkout(GUIDE, checkoutId, { paymentMethod: "lengo" });
  expect(placed.status).toBe(303);
  order = (await waitFor(
    () => lake.fetch<Order | null>(`*[_type == "order" && checkoutId == $checkoutId][0]`, { checkoutId }),
    (found) => Boolean(found?.payments?.[0]?.reference),
  ))!;
});

afterAll(async () => {
  await stack?.stop();
});

/** Peak resident memory of the storefront process so far, in bytes (VmHWM). */
async function peakRss(): Promise<number> {
  const status = await readFile(`/proc/${stack.storefront.pid}/status`, "utf8");
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

interface Streamed {
  status: number;
  body: string;
  /** Body bytes written when the answer's headers arrived. */
  sentBeforeAnswer: number;
}

/**
 * POSTs a generated body of `total` bytes in 64 KB chunks (never held whole), with or without a
 * declared length, and stops sending as soon as the server answers.
 */
function streamBody(path: string, total: number, { declareLength }: { declareLength: boolean }): Promise<Streamed> {
  const chunk = Buffer.alloc(64 * 1024, "a");
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const request = http.request(new URL(path, stack.baseUrl), {
      method: "POST",
      agent: false,
      headers: { "Content-Type": "application/json", ...(declareLength ? { "Content-Length": String(total) } : {}) },
    });
    request.on("response", (response) => {
      answered = true;
      const sentBeforeAnswer = sent;
      const parts: Buffer[] = [];
      response.on("error", reject);
      response.on("data", (part: Buffer) => parts.push(part));
      response.on("end", () => {
        resolve({ status: response.statusCode!, body: Buffer.concat(parts).toString(), sentBeforeAnswer });
        request.destroy();
      });
    });
    request.on("error", (error) => {
      if (!answered) reject(new Error(`${error.message} after ${sent} bytes, before any answer`));
    });
    const pump = () => {
      while (!answered && sent < total) {
        const part = chunk.subarray(0, Math.min(chunk.length, total - sent));
        sent += part.length;
        if (!request.write(part)) return void request.once("drain", pump);
      }
      if (!answered) request.end();
    };
    request.write('{"pay_id":"');
    pump();
  });
}

const wrongTokenCallback = () => `/api/paiement/lengo?commande=${order.number}&jeton=not-the-token`;

describe("bounded bodies", () => {
  it("answers a 300 MB callback with a declared length 413 before reading it, with flat memory", async () => {
    const before = await peakRss();
    const result = await streamBody(wrongTokenCallback(), 300 * MB, { declareLength: true });
    expect(result.status).toBe(413);
    expect(JSON.parse(result.body)).toMatchObject({ ok: false });
    expect(result.sentBeforeAnswer).toBeLessThan(32 * MB);
    expect((await peakRss()) - before).toBeLessThan(64 * MB);
  });

  it("answers a 300 MB chunked callback early (unknown order or too large), with flat memory", async () => {
    const before = await peakRss();
    const result = await streamBody(wrongTokenCallback(), 300 * MB, { declareLength: false });
    expect([404, 413]).toContain(result.status);
    expect(result.sentBeforeAnswer).toBeLessThan(32 * MB);
    expect((await peakRss()) - before).toBeLessThan(64 * MB);
    // The connection is usable afterwards and the server still answers.
    expect((await fetch(`${stack.baseUrl}/healthz`)).status).toBe(200);
  });

  it("checks the callback's order and token before waiting for its body", async () => {
    // Headers and a first byte only: the body never completes, and the answer comes before the request timeout.
    const started = Date.now();
    const answer = await rawExchange(
      `POST ${wrongTokenCallback()} HTTP/1.1\r\nHost: shop\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 404/);
    expect(answer).toContain("unknown order");
    expect(Date.now() - started).toBeLessThan(REQUEST_TIMEOUT_S * 1000);
  });

  it("still takes a real callback within the limit", async () => {
    const response = await fetch(
      `${stack.baseUrl}/api/paiement/lengo?commande=${order.number}&jeton=${encodeURIComponent(order.callbackToken)}`,
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ pay_id: "not-this-order", status: "SUCCESS", amount: 5000 }),
      },
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, error: "unknown payment reference for this order" });
  });

  it("refuses a small form over its limit with a French page, and its .data with JSON", async () => {
    const filler = "x".repeat(6 * 1024);
    const page = await fetch(`${stack.baseUrl}/panier`, {
      method: "POST",
      body: new URLSearchParams({ intent: "add", productId: GUIDE, filler }),
    });
    expect(page.status).toBe(413);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(await page.text()).toContain("Envoi trop volumineux");
    const data = await fetch(`${stack.baseUrl}/panier.data`, {
      method: "POST",
      body: new URLSearchParams({ intent: "add", productId: GUIDE, filler }),
    });
    expect(data.status).toBe(413);
    expect(await data.json()).toMatchObject({ ok: false });
  });

  it("refuses a streamed form body past its limit", async () => {
    const result = await streamBody("/mes-commandes", 100 * MB, { declareLength: false });
    expect(result.status).toBe(413);
    expect(result.body).toContain("Envoi trop volumineux");
    expect(result.sentBeforeAnswer).toBeLessThan(32 * MB);
  });

  it("takes a full-length review, percent-encoded", async () => {
    const response = await fetch(`${stack.baseUrl}/produits/guide-chatgpt-pour-entrepreneurs-africains`, {
      method: "POST",
      body: new URLSearchParams({ rating: "5", name: "Awa", comment: "€".repeat(1500) }),
    });
    expect(response.status).toBe(200);
  });

  it("cuts a body that stops arriving with 408 and closes the connection", async () => {
    const started = Date.now();
    const answer = await rawExchange(
      "POST /mes-commandes HTTP/1.1\r\nHost: shop\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\ncontact=",
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(Date.now() - started).toBeLessThan((REQUEST_TIMEOUT_S + 5) * 1000);
  });
});

/**
 * Sends raw bytes (possibly an incomplete request) and resolves with the answer as soon as it is
 * complete, or with whatever came when the server closed the connection.
 */
function rawExchange(bytes: string): Promise<string> {
  const { port } = new URL(stack.baseUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), "127.0.0.1", () => socket.write(bytes));
    let received = "";
    const done = () => {
      socket.destroy();
      resolve(received);
    };
    socket.setEncoding("utf8");
    socket.on("data", (data: string) => {
      received += data;
      const [head, ...rest] = received.split("\r\n\r\n");
      if (!rest.length) return;
      const body = rest.join("\r\n\r\n");
      const length = /content-length: (\d+)/i.exec(head ?? "")?.[1];
      if (length !== undefined ? Buffer.byteLength(body) >= Number(length) : body.endsWith("0\r\n\r\n")) done();
    });
    socket.on("close", () => resolve(received));
    socket.on("error", reject);
  });
}

const ACTIONS = [
  "/panier",
  "/commande",
  "/produits/guide-chatgpt-pour-entrepreneurs-africains",
  "/commande/ORDER",
  "/mes-commandes",
  "/theme",
];

describe("bodies that are not forms", () => {
  const orderPath = (path: string) =>
    path.replace("/commande/ORDER", `/commande/${order.number}?t=${encodeURIComponent(order.accessToken)}`);
  const dataPath = (path: string) => {
    const [pathname, search = ""] = orderPath(path).split("?");
    return `${pathname}.data${search ? `?${search}` : ""}`;
  };
  const bodies: [string, RequestInit][] = [
    ["JSON", { headers: { "content-type": "application/json" }, body: '{"intent":"add"}' }],
    ["text/plain", { headers: { "content-type": "text/plain" }, body: "intent=add" }],
    ["no content type", { body: new Blob(["intent=add"]) }],
    [
      "broken multipart",
      { headers: { "content-type": "multipart/form-data; boundary=xyz" }, body: "--xyz\r\nnot a part" },
    ],
  ];

  for (const path of ACTIONS) {
    for (const [what, init] of bodies) {
      it(`POST ${path} with ${what} answers 400 or 415, document and .data`, async () => {
        for (const url of path === "/theme" ? [orderPath(path)] : [orderPath(path), dataPath(path)]) {
          const response = await fetch(`${stack.baseUrl}${url}`, { method: "POST", redirect: "manual", ...init });
          expect([400, 415], `${url} answered ${response.status}`).toContain(response.status);
          if (!url.includes(".data") && path !== "/theme")
            expect(await response.text()).toContain("Formulaire illisible");
        }
      });
    }
  }

  it("answers TRACE and other methods with 405, never 500", async () => {
    for (const method of ["TRACE", "PUT", "DELETE", "OPTIONS"]) {
      const answer = await rawExchange(`${method} /produits HTTP/1.1\r\nHost: shop\r\nContent-Length: 0\r\n\r\n`);
      expect(answer, method).toMatch(/^HTTP\/1\.1 405/);
      expect(answer, method).toMatch(/allow: GET, HEAD, POST/i);
    }
  });
});

describe("content lake outage", () => {
  let dark: Stack;

  beforeAll(async () => {
    // The storefront pointed at a port where no lake listens: every page's cache is cold.
    dark = await startStack({
      env: { RECONCILE_INTERVAL_SECONDS: "0", SANITY_API_HOST: `http://127.0.0.1:${await freePort()}` },
    });
  });

  afterAll(async () => {
    await dark?.stop();
  });

  for (const path of ["/", "/produits", "/produits/guide-chatgpt-pour-entrepreneurs-africains", "/panier"]) {
    it(`answers ${path} 503 with Retry-After and a French page`, async () => {
      const response = await fetch(`${dark.baseUrl}${path}`);
      expect(response.status).toBe(503);
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(response.headers.get("cache-control")).toBe("private, no-store");
      expect(await response.text()).toContain("Réessayez dans un instant");
      const data = await fetch(`${dark.baseUrl}${path === "/" ? "/_root" : path}.data`);
      expect(data.status).toBe(503);
      expect(Number(data.headers.get("retry-after"))).toBeGreaterThan(0);
    });
  }
});
