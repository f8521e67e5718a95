/**
 * Resets the content lake to the demo catalogue:
 *   tsx sandbox/lake/reset.ts [--data-dir .data/lake] [--seed-dir sanity/seed]
 * Refuses while a lake is running on the same data directory.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { resetLake } from "./seed";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const { values } = parseArgs({
  options: {
    "data-dir": { type: "string", default: path.join(repoRoot, ".data/lake") },
    "seed-dir": { type: "string", default: path.join(repoRoot, "sanity/seed") },
  },
});

const started = Date.now();
const { documents } = await resetLake(path.resolve(values["data-dir"]), path.resolve(values["seed-dir"]));
console.log(
  `Content lake reset: ${documents} documents imported from ${values["seed-dir"]} in ${Date.now() - started} ms`,
);
