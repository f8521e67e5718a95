/**
 * Runs one content lake in the foreground (the sandbox entry starts it in-process instead):
 *   LAKE_TOKEN=... tsx sandbox/lake/run.ts --data-dir .data/lake [--port 0] [--seed-dir sanity/seed]
 * Prints one JSON line `{"url": ...}` once it accepts requests; stops on SIGINT/SIGTERM.
 */
import { parseArgs } from "node:util";
import { startLake } from "./server";

const { values } = parseArgs({
  options: {
    "data-dir": { type: "string" },
    port: { type: "string", default: "0" },
    host: { type: "string", default: "127.0.0.1" },
    "project-id": { type: "string", default: "demo" },
    "seed-dir": { type: "string" },
  },
});
const token = process.env.LAKE_TOKEN;
if (!values["data-dir"] || !token) {
  console.error("usage: LAKE_TOKEN=<token> tsx sandbox/lake/run.ts --data-dir <dir> [--port 0] [--seed-dir <dir>]");
  process.exit(2);
}

const lake = await startLake({
  dataDir: values["data-dir"],
  token,
  port: Number(values.port),
  host: values.host,
  projectId: values["project-id"],
  seedDir: values["seed-dir"],
});
console.log(JSON.stringify({ url: lake.url }));

const stop = () => void lake.close().then(() => process.exit(0));
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
