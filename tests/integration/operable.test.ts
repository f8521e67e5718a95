import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMailCatcher, type MailCatcher } from "../../sandbox/mail/server";
import { freePort, startStack, type Stack } from "../support/stack";

/**
 * What an operator needs: an id per request in a header and in every log line, Server-Timing on
 * pages, /healthz and /readyz that say which dependency is down, and a SIGTERM that lets in-flight
 * requests finish.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type Readiness = { status: string; checks?: Record<string, string> };
async function readyz(stack: Stack): Promise<{ status: number; body: Readiness }> {
  const response = await fetch(`${stack.baseUrl}/readyz`);
  expect(response.headers.get("cache-control")).toBe("no-store");
  return { status: response.status, body: (await response.json()) as Readiness };
}

/** The storefront's JSON log lines that mention `text`. */
function logLines(stack: Stack, text: string): Record<string, unknown>[] {
  return stack
    .output()
    .split("\n")
    .filter((line) => line.includes(text))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("behind a trusted proxy, with its own mail server", () => {
  let stack: Stack;
  let mail: MailCatcher;

  beforeAll(async () => {
    mail = await startMailCatcher();
    stack = await startStack({ env: { TRUST_PROXY: "1", SMTP_URL: mail.smtpUrl } });
  }, 90_000);
  afterAll(async () => {
    await stack?.stop();
    await mail?.close();
  });

  it("answers a new request id per request and logs the request with it", async () => {
    const [first, second] = [await fetch(`${stack.baseUrl}/`), await fetch(`${stack.baseUrl}/`)];
    const [id1, id2] = [first.headers.get("x-request-id"), second.headers.get("x-request-id")];
    expect(id1).toMatch(UUID);
    expect(id2).toMatch(UUID);
    expect(id1).not.toBe(id2);
    await first.text();
    await second.text();
    await expect.poll(() => logLines(stack, id1!).map((line) => [line.path, line.status])).toEqual([["/", 200]]);
  });

  it("keeps the proxy's id when it is well formed and replaces it when it is not", async () => {
    const kept = await fetch(`${stack.baseUrl}/healthz`, { headers: { "X-Request-Id": "lb-4f1c2a9e.77" } });
    expect(kept.headers.get("x-request-id")).toBe("lb-4f1c2a9e.77");
    for (const forged of ["short", `x${"a".repeat(200)}`, "id with spaces", '{"requestId":"x"}']) {
      const replaced = await fetch(`${stack.baseUrl}/healthz`, { headers: { "X-Request-Id": forged } });
      expect(replaced.headers.get("x-request-id")).toMatch(UUID);
    }
  });

  it("times pages: loader, render and the content lake", async () => {
    // A product the home page does not load, so its query reaches the lake.
    const response = await fetch(`${stack.baseUrl}/produits`);
    await response.text();
    const timing = response.headers.get("server-timing") ?? "";
    expect(timing).toMatch(/(^|, )loader;dur=\d+(\.\d+)?/);
    expect(timing).toMatch(/(^|, )render;dur=\d+(\.\d+)?/);
    expect(timing).toMatch(/(^|, )lake;dur=\d+(\.\d+)?;desc="[1-9]\d* requests"/);
  });

  it("times data requests, and a page served from the full-page cache as a hit, not with the timing of the render that filled it", async () => {
    const data = await fetch(`${stack.baseUrl}/produits.data`);
    await data.arrayBuffer();
    expect(data.status).toBe(200);
    expect(data.headers.get("server-timing")).toMatch(
      /^loader;dur=\d+(\.\d+)?, lake;dur=\d+(\.\d+)?;desc="\d+ requests"$/,
    );

    const url = `${stack.baseUrl}/?server-timing-check`;
    const miss = await fetch(url);
    await miss.text();
    expect(miss.headers.get("server-timing")).toMatch(/(^|, )render;dur=/);
    const hit = await fetch(url);
    await hit.text();
    expect(hit.headers.get("x-page-cache")).toBe("hit");
    expect(hit.headers.get("server-timing")).toMatch(/^cache;desc="hit";dur=\d+(\.\d+)?$/);
  });

  it("is alive and ready while the lake and the mail server answer, and names the mail server once it stops", async () => {
    expect((await fetch(`${stack.baseUrl}/healthz`)).status).toBe(200);
    expect(await readyz(stack)).toEqual({ status: 200, body: { status: "ready", checks: { lake: "ok", mail: "ok" } } });

    await mail.close();
    await expect
      .poll(() => readyz(stack), { timeout: 10_000 })
      .toEqual({
        status: 503,
        body: { status: "not ready", checks: { lake: "ok", mail: expect.stringMatching(/^unreachable/) } },
      });
    expect((await fetch(`${stack.baseUrl}/healthz`)).status).toBe(200);
  });
});

describe("with the content lake unreachable", () => {
  let stack: Stack;

  beforeAll(async () => {
    // Production mode: Remix reports a loader's error on the console only outside "test".
    stack = await startStack({
      env: { NODE_ENV: "production", SANITY_API_HOST: `http://127.0.0.1:${await freePort()}` },
    });
  }, 90_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it("is alive but not ready, naming the lake", async () => {
    expect((await fetch(`${stack.baseUrl}/healthz`)).status).toBe(200);
    const { status, body } = await readyz(stack);
    expect(status).toBe(503);
    expect(body.checks).toEqual({ lake: "unreachable (ECONNREFUSED)", mail: "ok" });
  });

  it("ignores a client's X-Request-Id when no proxy is trusted, and tags the failing page's error lines with the id", async () => {
    const response = await fetch(`${stack.baseUrl}/produits`, { headers: { "X-Request-Id": "client-chosen-id" } });
    await response.text();
    expect(response.status).toBeGreaterThanOrEqual(500);
    const id = response.headers.get("x-request-id");
    expect(id).toMatch(UUID);
    await expect.poll(() => logLines(stack, id!).some((line) => line.path === "/produits")).toBe(true);
    // Every line the failure wrote (Remix's error report included) carries the request's id.
    const lines = logLines(stack, id!);
    expect(lines.filter((line) => line.level === "error").length).toBeGreaterThan(0);
    expect(stack.output()).not.toContain("client-chosen-id");
  });
});

describe("SIGTERM", () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack();
  }, 90_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it("refuses new connections, finishes the request in flight, then exits 0", async () => {
    const body = "intent=remove&productId=nothing-in-the-cart";
    const url = new URL(`${stack.baseUrl}/panier`);
    // Expect: 100-continue makes the server tell us it has the request before we send its body.
    const request = httpRequest({
      host: url.hostname,
      port: url.port,
      path: url.pathname,
      method: "POST",
      agent: false,
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "Content-Length": Buffer.byteLength(body),
        Expect: "100-continue",
      },
    });
    const answered = new Promise<{ status: number; location?: string }>((resolve, reject) => {
      request.on("response", (response) => {
        response.resume();
        response.on("end", () => resolve({ status: response.statusCode ?? 0, location: response.headers.location }));
      });
      request.on("error", reject);
    });
    await new Promise((resolve) => request.once("continue", resolve));

    const exited = new Promise<number | null>((resolve) => stack.storefront.once("exit", (code) => resolve(code)));
    stack.storefront.kill("SIGTERM");
    await expect
      .poll(
        () =>
          fetch(`${stack.baseUrl}/healthz`).then(
            () => "accepting",
            () => "refused",
          ),
        { timeout: 10_000 },
      )
      .toBe("refused");

    request.end(body);
    expect(await answered).toEqual({ status: 303, location: "/panier" });
    expect(await exited).toBe(0);
  });
});
