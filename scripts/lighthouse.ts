/**
 * `npm run lighthouse`: builds and starts the shop on the sandbox, then runs Lighthouse (mobile, its
 * default) in Debian's Chromium on the home, catalogue and product pages, and prints each page's
 * scores, total blocking time and largest contentful paint. Each page is loaded once before it is
 * measured, so Lighthouse sees what a shopper gets from the full-page cache. One run says little on
 * a shared machine (total blocking time moves by 100 ms from run to run), so each page is measured
 * `LIGHTHOUSE_RUNS` times (5 unless set) and the median printed, with the range beside it, as
 * Lighthouse's own guide to variability advises. Prints; never fails.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { startStack } from "../tests/support/stack";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROME_FLAGS =
  "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --no-first-run";
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 5) || 5);
const lighthouseCli = createRequire(import.meta.url).resolve("lighthouse/cli/index.js");

/** Lighthouse 13 wants Node ≥ 22.19: the Node 24 that `npm test` fetches into .tools/ when there is one. */
function nodeForLighthouse(): string {
  const major = Number(process.versions.node.split(".")[0]);
  const fetched = path.resolve(".tools/node/node_modules", `node-${process.platform}-${process.arch}`, "bin/node");
  return major < 22 && existsSync(fetched) ? fetched : process.execPath;
}

interface Report {
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { numericValue?: number }>;
  runtimeError?: { code: string; message: string };
}

function lighthouse(url: string): Promise<Report> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      nodeForLighthouse(),
      [
        lighthouseCli,
        url,
        `--chrome-path=${CHROMIUM}`,
        `--chrome-flags=${CHROME_FLAGS}`,
        `--only-categories=${CATEGORIES.join(",")}`,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (err = (err + chunk.toString()).slice(-4096)));
    child.on("exit", (code) => {
      try {
        const report = JSON.parse(out) as Report;
        if (report.runtimeError) reject(new Error(`${report.runtimeError.code}: ${report.runtimeError.message}`));
        else resolve(report);
      } catch {
        reject(new Error(`lighthouse exited ${code}: ${err}`));
      }
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const upper = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  const lower = sorted[Math.ceil(sorted.length / 2) - 1] ?? upper;
  return Math.round((lower + upper) / 2);
}

/** « 97 [93–99] »: the median, then the lowest and highest runs. */
function withRange(values: number[]): string {
  return `${median(values)} [${Math.min(...values)}–${Math.max(...values)}]`;
}

console.log("Building the production bundle…");
if (spawnSync("npx", ["remix", "build"], { stdio: "inherit" }).status !== 0) process.exit(1);

const stack = await startStack({ startTimeoutMs: 120_000 });
try {
  const slug = await fetch(`${stack.baseUrl}/produits`)
    .then((response) => response.text())
    .then((html) => /href="\/produits\/([a-z0-9-]+)"/.exec(html)?.[1]);
  const pages = [
    { name: "home", path: "/" },
    { name: "catalogue", path: "/produits" },
    { name: "product", path: `/produits/${slug}` },
  ];
  console.log(
    `\nLighthouse ${createRequire(import.meta.url)("lighthouse/package.json").version}, mobile, ${CHROMIUM}:`,
  );
  console.log(`Median of ${RUNS} runs per page, [lowest–highest] beside performance and total blocking time.`);
  console.log("page        performance          accessibility  best practices  SEO   TBT ms                LCP ms");
  for (const page of pages) {
    const url = `${stack.baseUrl}${page.path}`;
    await fetch(url).then((response) => response.arrayBuffer());
    const reports: Report[] = [];
    // A run can fail with NO_NAVSTART on a cold Chromium: one more try per run.
    for (let attempt = 0; reports.length < RUNS && attempt < RUNS * 2; attempt++) {
      const report = await lighthouse(url).catch((error: Error) => {
        console.warn(`${page.name}: ${error.message}`);
        return undefined;
      });
      if (report) reports.push(report);
    }
    if (reports.length === 0) continue;
    const score = (id: string) =>
      reports.map((report) => Math.round((report.categories[id]?.score ?? Number.NaN) * 100));
    const ms = (id: string) => reports.map((report) => Math.round(report.audits[id]?.numericValue ?? Number.NaN));
    console.log(
      [
        page.name.padEnd(11),
        withRange(score("performance")).padStart(20),
        String(median(score("accessibility"))).padStart(14),
        String(median(score("best-practices"))).padStart(15),
        String(median(score("seo"))).padStart(5),
        withRange(ms("total-blocking-time")).padStart(21),
        String(median(ms("largest-contentful-paint"))).padStart(7),
      ].join(" "),
    );
  }
  console.log("\nTargets: ≥ 98 on home, catalogue and product; total blocking time ≤ 100 ms on home.");
} finally {
  await stack.stop();
}
