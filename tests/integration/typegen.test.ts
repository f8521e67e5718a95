import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { expect, it } from "vitest";

/**
 * The committed schema.json and app/sanity.types.ts are what `npm run typegen` makes from the
 * Studio schema and the storefront's `defineQuery` queries: a schema or query change without
 * regenerating fails here (and a query the schema cannot satisfy fails `npm run typecheck`).
 */
const studio = path.resolve("sanity");

function sanity(args: string[], env: Record<string, string>) {
  const result = spawnSync("npx", ["sanity", ...args], {
    cwd: studio,
    env: { ...process.env, DO_NOT_TRACK: "1", SANITY_TELEMETRY_DISABLED: "1", ...env },
    encoding: "utf8",
  });
  expect(result.status, `${args.join(" ")}\n${result.stdout}\n${result.stderr}`).toBe(0);
}

it("generated schema and query types are up to date", { timeout: 180_000 }, async () => {
  // Inside the repo, so the CLI formats its output exactly as `npm run typegen` does (it formats
  // with the prettier it resolves from the output folder).
  const dir = await mkdtemp(path.join(studio, ".typegen-"));
  try {
    // The CLI resolves paths from sanity/, even absolute ones.
    const schema = path.relative(studio, path.join(dir, "schema.json"));
    const types = path.relative(studio, path.join(dir, "sanity.types.ts"));
    sanity(["schema", "extract", "--path", schema], {});
    expect(await readFile(path.join(dir, "schema.json"), "utf8")).toBe(
      await readFile(path.join(studio, "schema.json"), "utf8"),
    );
    sanity(["typegen", "generate"], { SANITY_TYPEGEN_SCHEMA: schema, SANITY_TYPEGEN_OUT: types });
    // The header names the schema file it read: the temporary one here.
    const generated = (await readFile(path.join(dir, "sanity.types.ts"), "utf8")).replace(
      /^\/\/ Source: .*schema\.json$/m,
      "// Source: schema.json",
    );
    expect(generated).toBe(await readFile(path.resolve("app/sanity.types.ts"), "utf8"));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
