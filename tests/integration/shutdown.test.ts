import { createServer, get } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, it } from "vitest";
import { onShutdownRelease, onShutdownStop, shutDown } from "../../server/shutdown";

/**
 * The shutdown sequence server.ts runs on SIGTERM, on a real HTTP server: stop hooks at once, in-flight
 * requests finish, a request still running at the bound is cut, release hooks (the reconciliation
 * lease) only after every request is over. One shutdown per process, so one test.
 */
it("stops new work at once, lets requests finish, cuts the ones past the bound, then releases", async () => {
  const events: string[] = [];
  let openGate!: () => void;
  const gate = new Promise<void>((resolve) => (openGate = resolve));
  const arrived: string[] = [];
  const server = createServer((request, response) => {
    arrived.push(request.url ?? "");
    if (request.url === "/slow") void gate.then(() => response.end("done"));
    // "/hang" never answers: the server can only cut it.
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const call = (path: string) =>
    new Promise<string>((resolve) => {
      get({ host: "127.0.0.1", port, path, agent: false }, (response) => {
        let body = "";
        response.on("data", (chunk: Buffer) => (body += chunk.toString()));
        response.on("end", () => resolve(body));
      }).on("error", (error: NodeJS.ErrnoException) => resolve(`error ${error.code}`));
    });

  onShutdownStop("timer", () => void events.push("stop"));
  onShutdownRelease("lease", async () => {
    events.push("release");
  });

  const slow = call("/slow").then((body) => (events.push(`slow: ${body}`), body));
  const hang = call("/hang");
  await expect.poll(() => arrived.sort()).toEqual(["/hang", "/slow"]);

  const finished = shutDown(server, { timeoutMs: 1_500 });
  await expect.poll(() => events).toEqual(["stop"]);
  expect(await call("/new")).toBe("error ECONNREFUSED");

  openGate();
  expect(await slow).toBe("done");
  expect(await hang).toBe("error ECONNRESET");
  expect(await finished).toEqual({ clean: false });
  expect(events).toEqual(["stop", "slow: done", "release"]);
});
