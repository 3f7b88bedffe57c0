// `npm run bench:lighthouse`: Lighthouse (mobile: its default emulated phone
// and simulated slow 4G and CPU) on the landing page and, signed in as the
// bench's five-year user, the dashboard, this week's page and the
// stakeholders list. Builds the app (skip with --no-build), seeds the bench's
// database, drives the system Chromium (scripts/support/chromium.ts) and exits
// non-zero when a page scores under performance 95 or accessibility 100,
// listing what each failing audit found.
import { chromium } from "@playwright/test";
import lighthouse from "lighthouse";
import { acquireE2eLock, reexecUnderBuildLock } from "../support/build-lock";
import { chromiumLaunchOptions } from "../support/chromium";
import { buildApp, freePort, startApp, runThenExit, stopApps } from "../support/next-app";
import { seedBenchData } from "./seed";
import { benchAppEnv, prepareDatabase, sessionCookie } from "./setup";

const TARGETS = { performance: 95, accessibility: 100 };

reexecUnderBuildLock();

const skipBuild = process.argv.includes("--no-build");

type Result = { name: string; path: string; performance: number; accessibility: number; findings: string[] };

type AuditDetails = { items?: { node?: { selector?: string; snippet?: string; explanation?: string } }[] };

async function main() {
  const started = Date.now();
  const e2eLock = await acquireE2eLock();
  console.log("• Preparing a fresh database and seeding it");
  const { url, embedded } = await prepareDatabase();
  const browserPort = await freePort();
  const browser = await chromium.launch({ ...chromiumLaunchOptions, args: [...(chromiumLaunchOptions.args ?? []), `--remote-debugging-port=${browserPort}`] });
  try {
    const users = await seedBenchData(url);
    if (!skipBuild) {
      console.log("• Building (next build)");
      buildApp(benchAppEnv(url, 3000));
    }
    const port = await freePort();
    const { base } = await startApp(benchAppEnv(url, port), port);
    const pages = [
      { name: "Landing page (signed out)", path: "/", session: null },
      { name: "Dashboard, 5-year user", path: "/dashboard", session: users.veteran.session },
      { name: "This week", path: `/weeks/${users.veteran.currentWeek}`, session: users.veteran.session },
      { name: "Stakeholders", path: "/stakeholders", session: users.veteran.session },
    ];
    const results: Result[] = [];
    for (const page of pages) {
      console.log(`• Lighthouse: ${page.name} (${page.path})`);
      // A first render builds what the server keeps (the dashboard); Lighthouse measures a later visit's.
      const warm = await fetch(`${base}${page.path}`, { headers: sessionCookie(page.session), redirect: "manual" });
      if (warm.status !== 200) throw new Error(`${page.path} answered ${warm.status}`);
      const run = await lighthouse(`${base}${page.path}`, {
        port: browserPort,
        logLevel: "error",
        output: "json",
        onlyCategories: ["performance", "accessibility"],
        extraHeaders: sessionCookie(page.session) ?? null,
      });
      if (!run) throw new Error(`Lighthouse returned nothing for ${page.path}`);
      const { lhr } = run;
      if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${page.path}: ${lhr.runtimeError.message}`);
      const score = (category: string) => Math.round((lhr.categories[category]?.score ?? 0) * 100);
      const findings: string[] = [];
      for (const category of ["accessibility", "performance"] as const) {
        for (const ref of lhr.categories[category]?.auditRefs ?? []) {
          const audit = lhr.audits[ref.id];
          if (!audit || ref.weight === 0 || audit.score === null || audit.score >= (category === "accessibility" ? 1 : 0.9)) continue;
          const nodes = ((audit.details as AuditDetails | undefined)?.items ?? []).flatMap((item) => (item.node ? [`${item.node.selector ?? ""} ${item.node.snippet ?? ""}`.trim()] : []));
          findings.push(`${category}: ${audit.id} (${audit.displayValue ?? `score ${audit.score}`}) ${audit.title}${nodes.length ? `\n      ${nodes.slice(0, 5).join("\n      ")}` : ""}`);
        }
      }
      results.push({ ...page, performance: score("performance"), accessibility: score("accessibility"), findings });
    }

    console.log("\nLighthouse, mobile (simulated throttling), system Chromium");
    console.table(
      results.map((r) => ({
        page: r.name,
        path: r.path,
        performance: r.performance,
        accessibility: r.accessibility,
        result: r.performance >= TARGETS.performance && r.accessibility >= TARGETS.accessibility ? "PASS" : "FAIL",
      })),
    );
    for (const r of results.filter((r) => r.findings.length > 0)) console.log(`${r.name}:\n  ${r.findings.join("\n  ")}`);
    const failed = results.filter((r) => r.performance < TARGETS.performance || r.accessibility < TARGETS.accessibility).length;
    console.log(
      `${failed === 0 ? "Every page met" : `${failed} of ${results.length} pages missed`} the targets (performance ≥ ${TARGETS.performance}, accessibility ${TARGETS.accessibility}). Done in ${Math.round((Date.now() - started) / 1000)} s.`,
    );
    process.exitCode = failed === 0 ? 0 : 1;
  } finally {
    await browser.close();
    stopApps();
    await embedded?.stop();
    await e2eLock.release();
  }
}

runThenExit(main);
