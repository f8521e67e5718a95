// `npm test`: everything CI checks, in order, on a clean clone, on the Node line production runs.
// On an older Node (the README's commands work from Node 20.19) it first fetches Node 24 from the npm
// registry into .tools/ and runs itself again under it, so the build, the type-check, vitest, Playwright
// and the storefronts the tests start (process.execPath) all run on Node 24.
// Installs Debian's Chromium and redis-server when missing (Playwright cannot download browsers here;
// the multi-instance tests start a real Redis), builds the production bundle the tests run against,
// type-checks, then runs vitest and Playwright and prints one closing line "N passed, N failed".
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";

// Production's line is in .nvmrc (24); this is the release fetched when the machine runs another line.
const TEST_NODE_VERSION = "24.22.3";
const toolsDir = path.resolve(".tools/node");
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function run(command, args, { allowFailure = false, env = process.env } = {}) {
  console.log(`\n$ ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0 && !allowFailure) {
    console.error(`\n${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
  return result.status ?? 1;
}

/** The `node` binary of TEST_NODE_VERSION, installed from the npm registry (package node-<os>-<cpu>) once. */
function testNodeBinDir() {
  const binDir = path.join(toolsDir, "node_modules", `node-${process.platform}-${process.arch}`, "bin");
  const installed = spawnSync(path.join(binDir, "node"), ["--version"], { encoding: "utf8" });
  if (installed.stdout?.trim() !== `v${TEST_NODE_VERSION}`) {
    run("npm", [
      "install",
      "--prefix",
      toolsDir,
      "--no-save",
      "--no-package-lock",
      "--no-audit",
      "--no-fund",
      `node-${process.platform}-${process.arch}@${TEST_NODE_VERSION}`,
    ]);
  }
  return binDir;
}

if (Number(process.versions.node.split(".")[0]) !== 24) {
  const binDir = testNodeBinDir();
  // npm, npx and every `#!/usr/bin/env node` script find this node first on PATH.
  const env = { ...process.env, PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ""}` };
  console.log(`\nNode ${process.versions.node} here: running the tests on Node ${TEST_NODE_VERSION} (${binDir}).`);
  process.exit(
    run(path.join(binDir, "node"), [process.argv[1], ...process.argv.slice(2)], { allowFailure: true, env }),
  );
}

const redisMissing = spawnSync("redis-server", ["--version"]).status !== 0;
const chromiumMissing = !existsSync(chromiumPath) || !existsSync("/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf");
if (chromiumMissing || redisMissing) {
  const packages = [
    ...(chromiumMissing ? ["chromium", "fonts-dejavu-core", "fonts-noto-color-emoji"] : []),
    ...(redisMissing ? ["redis-server"] : []),
  ];
  if (process.getuid?.() !== 0) {
    console.error(
      `Missing Debian packages: ${packages.join(", ")}. Install them (apt-get install ${packages.join(" ")}) or set CHROMIUM_PATH.`,
    );
    process.exit(1);
  }
  run("apt-get", ["update", "-qq"]);
  run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...packages]);
}

console.log(`\nNode ${process.versions.node}`);
run("npx", ["remix", "build"]);
// The Studio tests drive the built Studio; scripts/studio-build.ts installs sanity/ when needed and
// rebuilds only when the Studio's sources changed (a build takes a minute or more and ~2 GB).
run("npx", ["tsx", "scripts/studio-build.ts"]);
run("npx", ["tsc", "--noEmit"]);
// Lint and formatting are part of passing: a successor reads one style everywhere.
run("npx", ["eslint", "."]);
run("npx", ["prettier", "--check", "."]);

mkdirSync(".reports", { recursive: true });
const unitStatus = run(
  "npx",
  ["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile.json=.reports/vitest.json"],
  { allowFailure: true },
);
const e2eStatus = run("npx", ["playwright", "test"], {
  allowFailure: true,
});

function count(file, read) {
  try {
    return read(JSON.parse(readFileSync(file, "utf8")));
  } catch {
    return { passed: 0, failed: 1 };
  }
}
const unit = count(".reports/vitest.json", (report) => ({
  passed: report.numPassedTests,
  failed: report.numFailedTests,
}));
const e2e = count(".reports/e2e.json", (report) => ({
  passed: report.stats.expected,
  failed: report.stats.unexpected + report.stats.flaky,
}));

console.log(
  `\nvitest: ${unit.passed} passed, ${unit.failed} failed; playwright: ${e2e.passed} passed, ${e2e.failed} failed`,
);
console.log(`${unit.passed + e2e.passed} passed, ${unit.failed + e2e.failed} failed`);
process.exit(unitStatus === 0 && e2eStatus === 0 ? 0 : 1);
