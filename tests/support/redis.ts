import { spawn } from "node:child_process";
import { Redis } from "ioredis";
import { freePort } from "./stack";

export interface RedisServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * A real redis-server (Debian's package, installed by `npm test` when missing) on a free
 * loopback port, without persistence; resolves once it answers PING.
 */
export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8192)));
  child.stderr.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8192)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `redis://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await exited;
    }
  };
  try {
    // Redis logs this line once it listens; then one PING proves it answers.
    await new Promise<void>((resolve, reject) => {
      const check = () => {
        if (/Ready to accept connections/.test(output)) resolve();
        else if (child.exitCode !== null) reject(new Error(`redis-server exited: ${output}`));
      };
      child.stdout.on("data", check);
      child.once("exit", check);
      check();
    });
    const client = new Redis(url, { maxRetriesPerRequest: 0 });
    try {
      if ((await client.ping()) !== "PONG") throw new Error("redis-server did not answer PING");
    } finally {
      client.disconnect();
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}
