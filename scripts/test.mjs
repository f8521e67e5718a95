// `npm test`: everything CI checks, in order, on a clean clone.
// Installs Debian's Chromium when missing (Playwright cannot download browsers here),
// builds the production bundle the tests run against, type-checks, then runs vitest and
// Playwright and prints one closing line "N passed, N failed".
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";

const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function run(command, args, { allowFailure = false } = {}) {
  console.log(`\n$ ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: process.env });
  if (result.status !== 0 && !allowFailure) {
    console.error(`\n${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
  return result.status ?? 1;
}

if (!existsSync(chromiumPath) || !existsSync("/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf")) {
  if (process.getuid?.() !== 0) {
    console.error(`Chromium is missing at ${chromiumPath}: install Debian's package (apt-get install chromium) or set CHROMIUM_PATH.`);
    process.exit(1);
  }
  run("apt-get", ["update", "-qq"]);
  run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium", "fonts-dejavu-core", "fonts-noto-color-emoji"]);
}

run("npx", ["remix", "build"]);
// The Studio tests drive the built Studio; scripts/studio-build.ts installs sanity/ when needed and
// rebuilds only when the Studio's sources changed (a build takes a minute or more and ~2 GB).
run("npx", ["tsx", "scripts/studio-build.ts"]);
run("npx", ["tsc", "--noEmit"]);

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

console.log(`\nvitest: ${unit.passed} passed, ${unit.failed} failed; playwright: ${e2e.passed} passed, ${e2e.failed} failed`);
console.log(`${unit.passed + e2e.passed} passed, ${unit.failed + e2e.failed} failed`);
process.exit(unitStatus === 0 && e2eStatus === 0 ? 0 : 1);
