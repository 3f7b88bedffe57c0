// `npm run bench`: builds the app, starts it on a freshly seeded database and
// measures, in one run, what issue 4 promises about the dashboard:
//   - server response time (p50, p95) under the same load as a trivial
//     signed-in page (same auth and shell, no data): /bench-baseline;
//   - SQL statements per render, counted by a relay in front of PostgreSQL;
//   - the JavaScript the page loads (gzip), beside pages without charts;
//   - not a target: each chart image's own request, which a first visit makes
//     (the browser keeps them until the data changes).
// Runs under the e2e locks (scripts/support/build-lock.ts): the build shares .next with the e2e tests.
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import pg from "pg";
import { recreateDatabase } from "../db/databases";
import { startEmbeddedPostgres, type EmbeddedServer } from "../db/embedded";
import { applyMigrations } from "../db/migrations";
import { dataDir } from "../db/paths";
import { acquireE2eLock, reexecUnderBuildLock } from "../support/build-lock";
import { appEnv as productionEnv, buildApp, freePort, percentile, startApp as startNextApp, stopApps } from "../support/next-app";
import { SESSION_COOKIE } from "../../lib/config/session-cookies";
import { quarterName } from "../../lib/shared/quarters";
import { seedBenchData } from "./seed";
import { startStatementCounter, type StatementCounter } from "./statement-counter";

// Two loads: one connection (the latency a user feels on an idle server) and
// eight (a saturated server, where the ratio is the ratio of work per request).
const LOADS = [1, 8];
const WARMUP_SECONDS = 3;
// Each page's time under load, in rounds that take the pages in turn: a
// machine that slows down for a while (this one is shared) slows them alike.
const ROUNDS = 5;
const SECONDS_PER_ROUND = 3;
const TARGETS = { p95Ratio: 1.5, queries: 5, extraJsKb: 10 };

reexecUnderBuildLock();

const skipBuild = process.argv.includes("--no-build");

function step(message: string) {
  console.log(`• ${message}`);
}

async function prepareDatabase(): Promise<{ url: string; embedded: EmbeddedServer | null }> {
  const serverUrl = process.env.DATABASE_URL;
  // Its own cluster, so the bench never collides with a running test suite.
  const embedded = serverUrl ? null : await startEmbeddedPostgres({ dataDir: join(dataDir, "postgres-bench"), port: 0 });
  const url = await recreateDatabase(serverUrl ?? embedded!.connectionString("postgres"), "wheelhouse_bench");
  await applyMigrations(url);
  return { url, embedded };
}

function appEnv(databaseUrl: string, port: number): NodeJS.ProcessEnv {
  return productionEnv({
    databaseUrl,
    authUrl: `http://127.0.0.1:${port}`,
    authSecret: randomBytes(32).toString("base64"),
    // Required in production; nothing is sent during the bench.
    emailServer: "smtp://127.0.0.1:2525",
  });
}

async function startApp(databaseUrl: string, port: number): Promise<string> {
  return (await startNextApp(appEnv(databaseUrl, port), port)).base;
}

type Page = { name: string; path: string; session: string | null };

const cookie = (session: string | null) => (session ? { cookie: `${SESSION_COOKIE.plain}=${session}` } : undefined);

async function fetchPage(base: string, page: Page, mustContain?: string): Promise<string> {
  // Uncompressed, as autocannon asks: compression would add its CPU to one side of a ratio.
  const response = await fetch(`${base}${page.path}`, { headers: { ...cookie(page.session), "accept-encoding": "identity" }, redirect: "manual" });
  const html = await response.text();
  if (response.status !== 200 || (mustContain && !html.includes(mustContain))) {
    throw new Error(`${page.name} (${page.path}) answered ${response.status}${mustContain ? ` without "${mustContain}"` : ""}`);
  }
  return html;
}

type Latency = { p50: number; p95: number; requests: number };

function summarise(latencies: number[]): Latency {
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), requests: latencies.length };
}

/** Response times (ms) of the 200s while `connections` clients load `page` for `seconds`. */
async function load(base: string, page: Page, connections: number, seconds: number): Promise<number[]> {
  const latencies: number[] = [];
  let errors = 0;
  await new Promise<void>((resolve, reject) => {
    const instance = autocannon({ url: `${base}${page.path}`, connections, duration: seconds, headers: cookie(page.session) }, (error) =>
      error ? reject(error) : resolve(),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode === 200) latencies.push(responseTime);
      else errors += 1;
    });
  });
  if (errors > 0) throw new Error(`${page.name}: ${errors} responses were not 200`);
  return latencies;
}

async function statementsPerRender(base: string, counter: StatementCounter, page: Page, renders = 10, before?: () => Promise<void>): Promise<number> {
  for (let i = 0; i < 3; i++) await fetchPage(base, page);
  let count = 0;
  for (let i = 0; i < renders; i++) {
    await before?.();
    counter.reset();
    await fetchPage(base, page);
    count += counter.count();
  }
  return count / renders;
}

/**
 * What a leader waits for right after saving: each render follows a write
 * (a no-op update of their latest week, which stamps their data version like
 * any save), so the dashboard is rebuilt from the database every time
 * (docs/decisions/012-dashboard-cache.md). One connection, sequential.
 */
async function writeStamper(databaseUrl: string, userId: string): Promise<{ stamp: () => Promise<void>; close: () => Promise<void> }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  return {
    stamp: async () => {
      await client.query(
        `UPDATE "Week" SET "updatedAt" = "updatedAt" WHERE "userId" = $1 AND "startsOn" = (SELECT max("startsOn") FROM "Week" WHERE "userId" = $1)`,
        [userId],
      );
    },
    close: () => client.end(),
  };
}

async function loadAfterWrites(base: string, page: Page, stamp: () => Promise<void>, renders: number): Promise<Latency> {
  const latencies: number[] = [];
  for (let i = 0; i < renders; i++) {
    await stamp();
    const started = performance.now();
    await fetchPage(base, page);
    latencies.push(performance.now() - started);
  }
  return summarise(latencies);
}

async function scriptBytes(base: string, page: Page): Promise<{ files: number; gzip: number }> {
  const html = await fetchPage(base, page);
  const sources = new Set<string>();
  for (const [, attributes = ""] of html.matchAll(/<script\b([^>]*)>/gi)) {
    const src = /\ssrc="([^"]+)"/i.exec(attributes)?.[1];
    if (src && !/\bnomodule\b/i.test(attributes)) sources.add(src.replaceAll("&amp;", "&"));
  }
  let gzip = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    gzip += gzipSync(body).length;
  }
  return { files: sources.size, gzip };
}

/** The dashboard's chart images, as pages of their own (same session). */
function chartImages(html: string, page: Page): Page[] {
  return [...html.matchAll(/<img src='([^']+)'/g)].map(([, src = ""]) => {
    const path = src.replaceAll("&amp;", "&");
    return { name: `Chart image ${/\/charts\/([\w-]+)/.exec(path)?.[1]} (range=all), a first visit's`, path, session: page.session };
  });
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");

async function main() {
  const started = Date.now();
  // Also the end-to-end suite's own lock, held by `npx playwright test` runs started without the wrapper.
  const e2eLock = await acquireE2eLock();
  step("Preparing a fresh database");
  const { url, embedded } = await prepareDatabase();
  let counter: StatementCounter | null = null;
  let stamper: Awaited<ReturnType<typeof writeStamper>> | null = null;
  try {
    step("Seeding 200 users (one with 5 years of weeks, one with a single week)");
    const users = await seedBenchData(url);
    if (skipBuild) step("Skipping next build (--no-build)");
    else {
      step("Building (next build)");
      buildApp(appEnv(url, 3000));
    }
    counter = await startStatementCounter(url);
    step("Starting next start twice: one for timing, one behind the statement counter");
    const [timed, counted] = await Promise.all([startApp(url, await freePort()), startApp(counter.url, await freePort())]);

    const baseline: Page = { name: "Trivial signed-in page", path: "/bench-baseline", session: users.veteran.session };
    const veteranAll: Page = { name: "Dashboard, 5-year user, range=all", path: "/dashboard?range=all", session: users.veteran.session };
    const veteran12w: Page = { name: "Dashboard, 5-year user, 12 weeks", path: "/dashboard", session: users.veteran.session };
    const newcomer: Page = { name: "Dashboard, one-week user", path: "/dashboard", session: users.newcomer.session };
    const landing: Page = { name: "Landing page (signed out)", path: "/", session: null };
    // Issue 16: this quarter's story of the 5-year user, signed in and through a shared link (no session).
    const story: Page = { name: "Quarterly story, 5-year user", path: `/story/${users.veteran.quarter}`, session: users.veteran.session };
    const sharedStory: Page = { name: "Shared story link, 5-year user", path: `/shared/story/${users.veteran.storyLinkToken}`, session: null };
    const measured = [baseline, veteranAll, veteran12w, newcomer, story, sharedStory];
    // Not a target: the same page right after each write, rebuilt from the database.
    const veteranAllAfterWrite: Page = { ...veteranAll, name: "Dashboard, 5-year user, range=all, right after a write" };
    stamper = await writeStamper(url, users.veteran.id);

    await fetchPage(timed, baseline, "Baseline");
    for (const page of [veteranAll, veteran12w, newcomer]) await fetchPage(timed, page, "Where the hours went");
    for (const page of [story, sharedStory]) await fetchPage(timed, page, quarterName(users.veteran.quarter));

    step("Counting SQL statements per render");
    const statements = new Map<Page, number>();
    const htmlBytes = new Map<Page, number>();
    for (const page of measured) {
      statements.set(page, await statementsPerRender(counted, counter, page));
      htmlBytes.set(page, Buffer.byteLength(await fetchPage(timed, page)));
    }
    statements.set(veteranAllAfterWrite, await statementsPerRender(counted, counter, veteranAll, 10, stamper.stamp));
    htmlBytes.set(veteranAllAfterWrite, htmlBytes.get(veteranAll)!);

    step(
      `Load: ${LOADS.join(" and ")} connections, ${WARMUP_SECONDS} s warm-up, then ${ROUNDS} rounds of ${SECONDS_PER_ROUND} s per page in turn, loopback`,
    );
    const latency = new Map<string, Latency>();
    const key = (page: Page, connections: number) => `${page.name} ${connections}`;
    for (const connections of LOADS) {
      for (const page of measured) await load(timed, page, connections, WARMUP_SECONDS);
      const pooled = new Map<Page, number[]>(measured.map((page) => [page, []]));
      for (let round = 0; round < ROUNDS; round++) {
        for (const page of measured) pooled.get(page)!.push(...(await load(timed, page, connections, SECONDS_PER_ROUND)));
      }
      for (const page of measured) latency.set(key(page, connections), summarise(pooled.get(page)!));
    }
    await loadAfterWrites(timed, veteranAll, stamper.stamp, 20);
    latency.set(key(veteranAllAfterWrite, 1), await loadAfterWrites(timed, veteranAll, stamper.stamp, 200));
    const images = chartImages(await fetchPage(timed, veteranAll), veteranAll);
    const imageBytes = new Map<Page, number>();
    for (const image of images) {
      imageBytes.set(image, Buffer.byteLength(await fetchPage(timed, image, "</svg>")));
      latency.set(key(image, 1), summarise(await load(timed, image, 1, SECONDS_PER_ROUND)));
    }

    step("Measuring JavaScript");
    const scripts = new Map<Page, Awaited<ReturnType<typeof scriptBytes>>>();
    for (const page of [veteranAll, baseline, landing]) scripts.set(page, await scriptBytes(timed, page));

    const baseStatements = statements.get(baseline)!;
    for (const connections of LOADS) {
      const base = latency.get(key(baseline, connections))!;
      console.log(`\nResponse time with ${connections} connection${connections === 1 ? "" : "s"} (ratio to the trivial signed-in page)`);
      console.table(
        [...measured, veteranAllAfterWrite, ...images].flatMap((page) => {
          const l = latency.get(key(page, connections));
          if (!l) return [];
          return {
            page: page.name,
            requests: l.requests,
            p50: ms(l.p50),
            p95: ms(l.p95),
            "p50 ×": (l.p50 / base.p50).toFixed(2),
            "p95 ×": (l.p95 / base.p95).toFixed(2),
          };
        }),
      );
    }
    console.log("SQL statements per render and page size");
    console.table(
      [...measured, veteranAllAfterWrite].map((page) => ({
        page: page.name,
        HTML: kb(htmlBytes.get(page)!),
        "SQL / render": statements.get(page)!.toFixed(1),
        "dashboard's own": page === baseline ? "–" : (statements.get(page)! - baseStatements).toFixed(1),
      })),
    );
    console.log("Chart images of the 5-year user's dashboard, range=all (fetched on a first visit, then kept by the browser)");
    console.table(images.map((image) => ({ image: image.name, SVG: kb(imageBytes.get(image)!) })));
    console.log("JavaScript loaded (script files, gzip)");
    console.table([veteranAll, baseline, landing].map((page) => ({ page: page.name, files: scripts.get(page)!.files, gzip: kb(scripts.get(page)!.gzip) })));

    const p95Ratio = (connections: number, page = veteranAll) => latency.get(key(page, connections))!.p95 / latency.get(key(baseline, connections))!.p95;
    // The worst case: a render right after a write, which rebuilds.
    const dashboardStatements = Math.max(...[veteranAll, veteran12w, newcomer, veteranAllAfterWrite].map((page) => statements.get(page)! - baseStatements));
    const extraJs = scripts.get(veteranAll)!.gzip - Math.min(scripts.get(baseline)!.gzip, scripts.get(landing)!.gzip);
    const checks = [
      ...LOADS.map((connections) => ({
        target: `Dashboard p95 (5-year user, range=all) ≤ ${TARGETS.p95Ratio}× trivial page, ${connections} connection${connections === 1 ? "" : "s"}`,
        measured: `${p95Ratio(connections).toFixed(2)}×`,
        ok: p95Ratio(connections) <= TARGETS.p95Ratio,
      })),
      ...[story, sharedStory].flatMap((page) =>
        LOADS.map((connections) => ({
          target: `${page.name} p95 ≤ ${TARGETS.p95Ratio}× trivial page, ${connections} connection${connections === 1 ? "" : "s"}`,
          measured: `${p95Ratio(connections, page).toFixed(2)}×`,
          ok: p95Ratio(connections, page) <= TARGETS.p95Ratio,
        })),
      ),
      {
        target: `≤ ${TARGETS.queries} SQL statements per dashboard render`,
        measured: `${dashboardStatements.toFixed(1)} (+${baseStatements.toFixed(1)} for session and shell, as on every signed-in page)`,
        ok: dashboardStatements <= TARGETS.queries,
      },
      { target: `Dashboard JS ≤ ${TARGETS.extraJsKb} kB gzip more than an empty page`, measured: `+${kb(extraJs)}`, ok: extraJs <= TARGETS.extraJsKb * 1024 },
    ];
    console.log("Targets");
    console.table(checks.map((c) => ({ target: c.target, measured: c.measured, result: verdict(c.ok) })));
    console.log(`Done in ${Math.round((Date.now() - started) / 1000)} s.`);
    process.exitCode = checks.every((c) => c.ok) ? 0 : 1;
  } finally {
    stopApps();
    await stamper?.close();
    await counter?.close();
    await embedded?.stop();
    await e2eLock.release();
  }
}

// Exit explicitly: the embedded server's exit hooks would otherwise decide the status.
main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
