import { spawn, type ChildProcess } from "node:child_process";
import { appendFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { startLake } from "../../sandbox/lake/server";
import { repoRoot, token, tempDir, clientFor } from "../support/lake-sandbox";

describe("content lake durability", () => {
  it("keeps acknowledged writes across close and restart", async () => {
    const dataDir = await tempDir("restart");
    let lake = await startLake({ dataDir, token });
    await clientFor(lake.url, { token }).createOrReplace({ _id: "kept", _type: "page", title: "Toujours là" });
    await lake.close();

    lake = await startLake({ dataDir, token });
    try {
      expect((await clientFor(lake.url, { token }).getDocument("kept"))?.title).toBe("Toujours là");
    } finally {
      await lake.close();
    }
  });

  it("ignores a torn last journal line (a write cut short, never acknowledged)", async () => {
    const dataDir = await tempDir("torn");
    let lake = await startLake({ dataDir, token });
    await clientFor(lake.url, { token }).createOrReplace({ _id: "before-crash", _type: "page" });
    await lake.close();
    await appendFile(path.join(dataDir, "documents/journal.ndjson"), '{"transactionId":"cut","timest');

    lake = await startLake({ dataDir, token });
    try {
      const restarted = clientFor(lake.url, { token });
      expect(await restarted.getDocument("before-crash")).toBeDefined();
      await restarted.createOrReplace({ _id: "after-crash", _type: "page" });
    } finally {
      await lake.close();
    }
    lake = await startLake({ dataDir, token });
    try {
      expect(await clientFor(lake.url, { token }).fetch(`*[_type == "page"]._id | order(@)`)).toEqual([
        "after-crash",
        "before-crash",
      ]);
    } finally {
      await lake.close();
    }
  });

  it("keeps acknowledged writes after kill -9", async () => {
    const dataDir = await tempDir("kill");
    const child: ChildProcess = spawn(
      process.execPath,
      ["--import", "tsx", "sandbox/lake/run.ts", "--data-dir", dataDir],
      {
        cwd: repoRoot,
        env: { ...process.env, LAKE_TOKEN: token },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    const exited = new Promise((resolve) => child.once("exit", resolve));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = "";
        child.stdout?.on("data", (chunk: Buffer) => {
          output += chunk.toString();
          const line = output.split("\n").find((candidate) => candidate.startsWith("{"));
          if (line) resolve((JSON.parse(line) as { url: string }).url);
        });
        child.once("exit", (code) => reject(new Error(`lake exited early (${code})`)));
        setTimeout(() => reject(new Error("lake did not start within 20 s")), 20_000).unref();
      });
      const remote = clientFor(url, { token });
      await remote.createOrReplace({ _id: "order-42", _type: "order", status: "pending" });
      await Promise.all(
        Array.from({ length: 10 }, (_, i) => remote.createOrReplace({ _id: `burst-${i}`, _type: "burst", i })),
      );
      await remote.patch("order-42").set({ status: "paid" }).commit();
    } finally {
      child.kill("SIGKILL");
      await exited;
    }

    const lake = await startLake({ dataDir, token });
    try {
      const local = clientFor(lake.url, { token });
      expect((await local.getDocument("order-42"))?.status).toBe("paid");
      expect(await local.fetch(`count(*[_type == "burst"])`)).toBe(10);
    } finally {
      await lake.close();
    }
  });
});
