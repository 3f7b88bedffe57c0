// `npm run bench`: builds the app, starts it on a freshly seeded database and
// measures, in one run (issues 4 and 17):
//   - server response time (p50, p95) of every page and write in the table
//     (scripts/bench/pages.ts) under the same load as a trivial signed-in page
//     (same auth and shell, no data): /bench-baseline, at 1 and 8 connections;
//   - the dashboard right after a save, and each chart image's own request;
//   - SQL statements per render or write, counted by a relay in front of PostgreSQL;
//   - the JavaScript each page loads (gzip), beside an empty Next.js page built
//     with the same version (scripts/bench/empty-app.ts);
//   - a soak of 20,000 mixed requests: the server's memory after warm-up and
//     after the soak, and how full the dashboard cache is.
// Lighthouse has a script of its own: `npm run bench:lighthouse`.
// Runs under the e2e locks (scripts/support/build-lock.ts): the build shares .next with the e2e tests.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import pg from "pg";
import { dataDir } from "../db/paths";
import { acquireE2eLock, reexecUnderBuildLock } from "../support/build-lock";
import { buildApp, freePort, percentile, startApp as startNextApp, runThenExit, stopApps } from "../support/next-app";
import { buildEmptyApp, startEmptyApp } from "./empty-app";
import { baselinePage, benchPages, benchWrites, landingPage, type BenchPage } from "./pages";
import { seedBenchData, type BenchUsers } from "./seed";
import { benchAppEnv as appEnv, prepareDatabase, sessionCookie as cookie } from "./setup";
import { nextServerPid, readServerReport, type ServerReport } from "./server-report";
import { benchReminderTick } from "./reminder-tick";
import { startStatementCounter, type StatementCounter } from "./statement-counter";
import { FormPoster } from "./writes";

// Two loads: one connection (the latency a user feels on an idle server) and
// eight (a saturated server, where the ratio is the ratio of work per request).
const LOADS = [1, 8];
const WARMUP_SECONDS = 1;
// Each page's time under load, in short rounds that take the pages and writes
// in turn: a machine that slows down for a while (this one is shared) slows them alike.
const ROUNDS = 5;
const SECONDS_PER_ROUND = 1;
// The dashboard after a save: the time a person takes to click on to it after the week page answers.
const AFTER_WRITE_RENDERS = 60;
const AFTER_WRITE_PAUSE_MS = 250;
const SOAK = { requests: 20_000, chunks: 10, connections: 4, warmupRequests: 2_000, otherUsers: 150 };
const TARGETS = {
  pageP95Ratio: 1.3,
  writeP95Ratio: 2,
  afterWriteP95Ratio: 1.5,
  sessionAndShellStatements: 2,
  dashboardStatements: 5,
  extraJsKbOverEmptyNext: 8,
  dashboardExtraJsKb: 10,
  soakRssGrowth: 0.1,
  dashboardCacheMb: 50,
};
const RANGES = ["12w", "quarter", "12m", "all"];

reexecUnderBuildLock();

const skipBuild = process.argv.includes("--no-build");
const skipSoak = process.argv.includes("--no-soak");
// `--only=<text>`: time only the pages and writes whose name contains it (and the trivial page), to iterate
// on a few; the dashboard after saves, the chart images, the soak and the reminder tick are left out.
const only = process.argv.find((arg) => arg.startsWith("--only="))?.slice("--only=".length).toLowerCase() ?? null;
const chosen = (name: string) => only === null || name.toLowerCase().includes(only);
// `--soak-only`: the trivial page timed (and counted) alone, then the soak over every page and write: to iterate
// on the server's memory without the ten minutes of timing.
const soakOnly = process.argv.includes("--soak-only");

function step(message: string) {
  console.log(`• ${message}`);
}

async function fetchPage(base: string, page: BenchPage, mustContain?: string): Promise<string> {
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

/** Something timed under load: a page (GET) or a write (a form post). */
type Timed = { name: string; kind: "page" | "write"; page?: BenchPage; poster?: FormPoster };

/** Response times (ms) of the answers while `connections` clients load `item` for `seconds`; a write counts only when saved. */
async function load(base: string, db: pg.Client, item: Timed, connections: number, seconds: number): Promise<number[]> {
  const latencies: number[] = [];
  let errors = 0;
  const { page, poster } = item;
  const savedBefore = poster ? await poster.write.countSaved(db) : 0;
  await poster?.open(connections);
  const refusedBefore = poster?.refused ?? 0;
  const options: autocannon.Options = poster
    ? { url: base, connections, duration: seconds, requests: [poster.request()] }
    : { url: `${base}${page!.path}`, connections, duration: seconds, headers: cookie(page!.session) };
  await new Promise<void>((resolve, reject) => {
    const instance = autocannon(options, (error) => (error ? reject(error) : resolve()));
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode === 200 || (poster && statusCode === 303)) latencies.push(responseTime);
      else errors += 1;
    });
  });
  if (errors > 0) throw new Error(`${item.name}: ${errors} responses were not 200`);
  if (poster) {
    const refused = poster.refused - refusedBefore;
    // Writes cut off when the time was up may still land: give them a moment.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const saved = (await poster.write.countSaved(db)) - savedBefore;
    if (refused > 0 || saved < latencies.length - refused) {
      throw new Error(`${item.name}: ${latencies.length} answers, ${refused} of them refusals, ${saved} writes saved`);
    }
    await poster.write.cleanUp?.(db);
  }
  return latencies;
}

async function statementsPerRender(counter: StatementCounter, render: () => Promise<unknown>, renders = 10): Promise<number> {
  for (let i = 0; i < 3; i++) await render();
  let count = 0;
  for (let i = 0; i < renders; i++) {
    counter.reset();
    await render();
    count += counter.count();
  }
  return count / renders;
}

/**
 * What a leader waits for on the dashboard after saving their week: each
 * render follows a real save (the form posted as the browser does) and the
 * short pause of a click. One connection, sequential.
 */
async function dashboardAfterSaves(base: string, page: BenchPage, save: FormPoster, renders: number): Promise<Latency> {
  await save.open(1);
  const latencies: number[] = [];
  for (let i = 0; i < renders; i++) {
    await save.post();
    await new Promise((resolve) => setTimeout(resolve, AFTER_WRITE_PAUSE_MS));
    const started = performance.now();
    await fetchPage(base, page);
    latencies.push(performance.now() - started);
  }
  return summarise(latencies);
}

const scriptCache = new Map<string, number>();

/** The `<script src>` files a page loads (noModule ones left out) and their gzip size, each file fetched once. */
async function scriptBytes(base: string, html: string): Promise<{ files: number; gzip: number }> {
  const sources = new Set<string>();
  for (const [, attributes = ""] of html.matchAll(/<script\b([^>]*)>/gi)) {
    const src = /\ssrc="([^"]+)"/i.exec(attributes)?.[1];
    if (src && !/\bnomodule\b/i.test(attributes)) sources.add(new URL(src.replaceAll("&amp;", "&"), base).toString());
  }
  let gzip = 0;
  for (const src of sources) {
    if (!scriptCache.has(src)) scriptCache.set(src, gzipSync(Buffer.from(await (await fetch(src)).arrayBuffer())).length);
    gzip += scriptCache.get(src)!;
  }
  return { files: sources.size, gzip };
}

/** The dashboard's chart images, as pages of their own (same session). */
function chartImages(html: string, page: BenchPage): BenchPage[] {
  return [...html.matchAll(/<img src='([^']+)'/g)].map(([, src = ""]) => {
    const path = src.replaceAll("&amp;", "&");
    return { name: `Chart image ${/\/charts\/([\w-]+)/.exec(path)?.[1]} (range=all), a first visit's`, path, session: page.session, mustContain: "</svg>" };
  });
}

/**
 * Another user's dashboard in one of its ranges, a different one at each
 * request (whichever connection sends it), rotating through more users ×
 * ranges than the dashboard cache keeps, so it has to evict.
 */
function otherDashboards(users: BenchUsers): { request: autocannon.Request; count: number } {
  const slots = users.others.slice(0, SOAK.otherUsers).flatMap((user) => RANGES.map((range) => ({ path: `/dashboard?range=${range}`, session: user.session })));
  let next = 0;
  return {
    count: slots.length,
    request: {
      method: "GET",
      setupRequest: (request) => {
        const slot = slots[next++ % slots.length]!;
        return { ...request, method: "GET", path: slot.path, headers: cookie(slot.session) };
      },
    },
  };
}

/** The soak's request list: every page and write of the table and, one in ten, another user's dashboard. */
function soakRequests(pages: BenchPage[], posters: FormPoster[], otherDashboard: autocannon.Request): autocannon.Request[] {
  const table: autocannon.Request[] = [
    ...pages.map((page): autocannon.Request => ({ method: "GET", path: page.path, headers: cookie(page.session) })),
    ...posters.map((poster) => poster.request()),
  ];
  return table.flatMap((request, i) => (i % 9 === 8 ? [request, otherDashboard] : [request]));
}

/** `amount` requests from `requests` on `connections`, each answered 200 (a write: 200 or 303). */
async function soakChunk(base: string, requests: autocannon.Request[], amount: number): Promise<{ answered: number; errors: number }> {
  let answered = 0;
  let errors = 0;
  await new Promise<void>((resolve, reject) => {
    const instance = autocannon({ url: base, connections: SOAK.connections, amount, requests }, (error) => (error ? reject(error) : resolve()));
    instance.on("response", (_client, statusCode) => {
      if (statusCode === 200 || statusCode === 303) answered += 1;
      else errors += 1;
    });
  });
  return { answered, errors };
}

const cacheBytes = (report: ServerReport) => report.dashboardCaches.reduce((sum, cache) => sum + cache.bytes, 0);
const ms = (value: number) => `${value.toFixed(1)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");
const connectionsLabel = (connections: number) => `${connections} connection${connections === 1 ? "" : "s"}`;

async function main() {
  const started = Date.now();
  // Also the end-to-end suite's own lock, held by `npx playwright test` runs started without the wrapper.
  const e2eLock = await acquireE2eLock();
  step("Preparing a fresh database");
  const { url, embedded } = await prepareDatabase();
  let counter: StatementCounter | null = null;
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    step("Seeding 201 users (one with 5 years of weeks and a mentor, one with a single week)");
    const users = await seedBenchData(url);
    if (skipBuild) step("Skipping next build (--no-build)");
    else {
      step("Building (next build)");
      buildApp(appEnv(url, 3000));
    }
    const empty = buildEmptyApp();
    step(`${empty.built ? "Built" : "Reusing"} an empty Next.js ${empty.version} app (${empty.dir})`);

    counter = await startStatementCounter(url);
    step("Starting next start twice (one for timing, one behind the statement counter) and the empty app");
    const reportFile = join(dataDir, "bench-report.jsonl");
    rmSync(reportFile, { force: true });
    const [timedPort, countedPort, emptyPort] = await Promise.all([freePort(), freePort(), freePort()]);
    const [timedApp, countedApp, emptyApp] = await Promise.all([
      // --expose-gc: the server collects garbage before it reports its memory (lib/server/bench-report.ts).
      startNextApp(appEnv(url, timedPort, { BENCH_REPORT_FILE: reportFile, NODE_OPTIONS: "--expose-gc" }), timedPort),
      // No job worker here: a job's statements (the reminder tick each minute) would count against the render they fell in.
      startNextApp(appEnv(counter.url, countedPort, { JOB_WORKER: "separate" }), countedPort),
      startEmptyApp(empty.dir, emptyPort),
    ]);
    const [timed, counted] = [timedApp.base, countedApp.base];

    const baseline = baselinePage(users);
    const landing = landingPage();
    const weeksList = (await fetch(`${timed}/weeks`, { headers: cookie(users.veteran.session), redirect: "manual" })).status === 200;
    step(weeksList ? "The weeks list (/weeks) is in this build: timed" : "The weeks list (/weeks) is not in this build (it answers 404): not timed");
    const pages = [baseline, ...benchPages(users, { weeksList }).filter((page) => chosen(page.name))];
    const writes = benchWrites(users).filter((write) => chosen(write.name));
    if (only !== null) step(`Only the pages and writes whose name contains "${only}" (--only): ${[...pages.slice(1), ...writes].map((item) => item.name).join("; ") || "none"}`);
    const posters = writes.map((write) => new FormPoster(write, timed));
    const htmlOf = new Map<BenchPage, string>();
    for (const page of [...pages, landing]) htmlOf.set(page, await fetchPage(timed, page, page.mustContain));
    const emptyPage: BenchPage = { name: "Empty Next.js page", path: "/", session: null, mustContain: "Empty" };
    const emptyHtml = await fetchPage(emptyApp.base, emptyPage, emptyPage.mustContain);
    const tableItems: Timed[] = [
      ...pages.map((page): Timed => ({ name: page.name, kind: "page", page })),
      ...posters.map((poster): Timed => ({ name: poster.write.name, kind: "write", poster })),
    ];
    const timedItems = soakOnly ? tableItems.filter((item) => item.page === baseline) : tableItems;
    // Every write once, checked as saved, before anything is timed.
    for (const item of tableItems.filter((item) => item.poster)) await load(timed, db, item, 1, 0.3);

    step("Counting SQL statements per render and per write");
    const statements = new Map<string, number>();
    for (const page of soakOnly ? [baseline] : pages) statements.set(page.name, await statementsPerRender(counter, () => fetchPage(counted, page)));
    for (const write of soakOnly ? [] : writes) {
      const poster = new FormPoster(write, counted);
      await poster.open(1);
      statements.set(write.name, await statementsPerRender(counter, () => poster.post(), 5));
      await write.cleanUp?.(db);
    }
    const dashboardAll = pages.find((page) => page.path === "/dashboard?range=all");
    const afterWriteName = "Dashboard, 5-year user, range=all, after saving a week";
    // Everything but --only and --soak-only runs measures the dashboard after saves.
    const afterWrites = only === null && !soakOnly && dashboardAll !== undefined;
    if (afterWrites) {
      const save = new FormPoster(writes[0]!, counted);
      await save.open(1);
      statements.set(afterWriteName, await statementsPerRender(counter, async () => {
        await save.post();
        // The pause of a click, as the timing below: what the save rebuilds once its answer is sent
        // (after(), decision record 024) is the save's work, not this render's.
        await new Promise((resolve) => setTimeout(resolve, AFTER_WRITE_PAUSE_MS));
        counter!.reset();
        await fetchPage(counted, dashboardAll!);
      }, 5));
    }

    step(
      `Load: ${LOADS.join(" and ")} connections; ${WARMUP_SECONDS} s warm-up, then ${ROUNDS} rounds of ${SECONDS_PER_ROUND} s per page and write in turn, loopback`,
    );
    const latency = new Map<string, Latency>();
    const key = (name: string, connections: number) => `${name} ${connections}`;
    for (const connections of LOADS) {
      for (const item of timedItems) await load(timed, db, item, connections, WARMUP_SECONDS);
      const pooled = new Map<Timed, number[]>(timedItems.map((item) => [item, []]));
      for (let round = 0; round < ROUNDS; round++) {
        for (const item of timedItems) pooled.get(item)!.push(...(await load(timed, db, item, connections, SECONDS_PER_ROUND)));
      }
      for (const item of timedItems) latency.set(key(item.name, connections), summarise(pooled.get(item)!));
    }
    let images: BenchPage[] = [];
    if (afterWrites) {
      step(`The dashboard after each of ${AFTER_WRITE_RENDERS} saves of a week, ${AFTER_WRITE_PAUSE_MS} ms after the save's answer`);
      const saveWeek = new FormPoster(writes[0]!, timed);
      latency.set(key(afterWriteName, 1), await dashboardAfterSaves(timed, dashboardAll!, saveWeek, AFTER_WRITE_RENDERS));
      images = chartImages(await fetchPage(timed, dashboardAll!), dashboardAll!);
    }
    const imageBytes = new Map<string, number>();
    for (const image of images) {
      imageBytes.set(image.name, Buffer.byteLength(await fetchPage(timed, image, image.mustContain)));
      latency.set(key(image.name, 1), summarise(await load(timed, db, { name: image.name, kind: "page", page: image }, 1, 2)));
    }

    step("Measuring JavaScript");
    const scripts = new Map<BenchPage, Awaited<ReturnType<typeof scriptBytes>>>();
    for (const page of [...pages, landing]) scripts.set(page, await scriptBytes(timed, htmlOf.get(page)!));
    const emptyScripts = await scriptBytes(emptyApp.base, emptyHtml);

    const timedNames = [...timedItems.map((item) => item.name), afterWriteName, ...images.map((image) => image.name)];
    for (const connections of LOADS) {
      const base = latency.get(key(baseline.name, connections))!;
      console.log(`\nResponse time with ${connectionsLabel(connections)} (ratio to the trivial signed-in page)`);
      console.table(
        timedNames.flatMap((name) => {
          const l = latency.get(key(name, connections));
          if (!l) return [];
          return { "page or write": name, requests: l.requests, p50: ms(l.p50), p95: ms(l.p95), "p50 ×": (l.p50 / base.p50).toFixed(2), "p95 ×": (l.p95 / base.p95).toFixed(2) };
        }),
      );
    }
    const baseStatements = statements.get(baseline.name)!;
    console.log("SQL statements per render or write, page size and JavaScript (script files, gzip)");
    console.table([
      ...[...pages, landing].map((page) => ({
        "page or write": page.name,
        HTML: kb(Buffer.byteLength(htmlOf.get(page)!)),
        "SQL / request": statements.get(page.name)?.toFixed(1) ?? "–",
        "beyond session and shell": page === baseline || !statements.has(page.name) ? "–" : (statements.get(page.name)! - baseStatements).toFixed(1),
        "JS files": scripts.get(page)!.files,
        "JS gzip": kb(scripts.get(page)!.gzip),
      })),
      { "page or write": `${emptyPage.name} (Next.js ${empty.version})`, HTML: kb(Buffer.byteLength(emptyHtml)), "SQL / request": "–", "beyond session and shell": "–", "JS files": emptyScripts.files, "JS gzip": kb(emptyScripts.gzip) },
      ...[...writes.map((write) => write.name), ...(afterWrites ? [afterWriteName] : [])].filter((name) => statements.has(name)).map((name) => ({
        "page or write": name,
        HTML: "–",
        "SQL / request": statements.get(name)!.toFixed(1),
        "beyond session and shell": (statements.get(name)! - baseStatements).toFixed(1),
        "JS files": "–",
        "JS gzip": "–",
      })),
    ]);
    console.log("Chart images of the 5-year user's dashboard, range=all (fetched on a first visit, then kept by the browser)");
    console.table(images.map((image) => ({ image: image.name, SVG: kb(imageBytes.get(image.name)!) })));
    let soak: { warm: ServerReport; after: ServerReport; answered: number; errors: number; seconds: number } | null = null;
    if (skipSoak || only !== null) step("Skipping the soak (--no-soak or --only)");
    else {
      const pid = nextServerPid(timedApp.process.pid!);
      const soakPosters = writes.map((write) => new FormPoster(write, timed));
      const others = otherDashboards(users);
      const requests = soakRequests(pages, soakPosters, others.request);
      const chunk = async (amount: number) => {
        for (const poster of soakPosters) await poster.open(SOAK.connections);
        const result = await soakChunk(timed, requests, amount);
        for (const write of writes) await write.cleanUp?.(db);
        return result;
      };
      step(`Soak: warm-up (${SOAK.otherUsers} other users' dashboards in every range, then ${SOAK.warmupRequests.toLocaleString("en")} mixed requests)`);
      const warmupDashboards = await soakChunk(timed, [others.request], others.count);
      const warmupMixed = await chunk(SOAK.warmupRequests);
      if (warmupDashboards.errors + warmupMixed.errors > 0) throw new Error("The soak's warm-up had answers that were not 200");
      const warm = await readServerReport(pid, reportFile);
      step(`Soak: ${SOAK.requests.toLocaleString("en")} mixed requests on ${SOAK.connections} connections, in ${SOAK.chunks} parts`);
      const soakStarted = Date.now();
      let answered = 0;
      let errors = 0;
      for (let part = 0; part < SOAK.chunks; part++) {
        const result = await chunk(SOAK.requests / SOAK.chunks);
        answered += result.answered;
        errors += result.errors;
        console.log(`  part ${part + 1} of ${SOAK.chunks}: ${(answered + errors).toLocaleString("en")} requests, ${Math.round((Date.now() - soakStarted) / 1000)} s`);
      }
      const seconds = (Date.now() - soakStarted) / 1000;
      soak = { warm, after: await readServerReport(pid, reportFile), answered, errors, seconds };
    }

    if (soak) {
      console.log(`Soak: ${soak.answered.toLocaleString("en")} answers, ${soak.errors} errors, ${Math.round(soak.seconds)} s`);
      console.table(
        [
          ["After warm-up", soak.warm],
          ["After the soak", soak.after],
        ].map(([when, report]) => {
          const r = report as ServerReport;
          return {
            when: when as string,
            RSS: mb(r.rss),
            heap: mb(r.heapUsed),
            "heap held": mb(r.heapTotal),
            external: mb(r.external),
            "dashboard caches": r.dashboardCaches.length,
            "kept dashboards": r.dashboardCaches.map((cache) => `${cache.entries} / ${cache.max}`).join(", "),
            "weighed (models and charts)": r.dashboardCaches.map((cache) => `${mb(cache.bytes)} / ${mb(cache.maxBytes)}`).join(", "),
          };
        }),
      );
    }

    const ratio = (name: string, connections: number) => latency.get(key(name, connections))!.p95 / latency.get(key(baseline.name, connections))!.p95;
    const emptyJs = emptyScripts.gzip;
    const dashboardStatements = Math.max(
      ...[...pages.filter((page) => page.path.startsWith("/dashboard")).map((page) => page.name), afterWriteName]
        .filter((name) => statements.has(name))
        .map((name) => statements.get(name)! - baseStatements),
    );
    const dashboardExtraJs = dashboardAll ? scripts.get(dashboardAll)!.gzip - Math.min(scripts.get(baseline)!.gzip, scripts.get(landing)!.gzip) : null;
    const checks = [
      ...LOADS.flatMap((connections) =>
        timedItems.filter((item) => item.page !== baseline).map((item) => {
          const limit = item.kind === "page" ? (item.page?.p95Ratio ?? TARGETS.pageP95Ratio) : TARGETS.writeP95Ratio;
          return {
            target: `${item.name}: p95 ≤ ${limit}× trivial page, ${connectionsLabel(connections)}`,
            measured: `${ratio(item.name, connections).toFixed(2)}×`,
            ok: ratio(item.name, connections) <= limit,
          };
        }),
      ),
      ...(afterWrites
        ? [
            {
              target: `Dashboard (range=all) after saving a week: p95 ≤ ${TARGETS.afterWriteP95Ratio}× trivial page, 1 connection`,
              measured: `${ratio(afterWriteName, 1).toFixed(2)}×`,
              ok: ratio(afterWriteName, 1) <= TARGETS.afterWriteP95Ratio,
            },
          ]
        : []),
      {
        target: `≤ ${TARGETS.sessionAndShellStatements} SQL statements per signed-in page for session, user and shell (the trivial page's)`,
        measured: baseStatements.toFixed(1),
        ok: baseStatements <= TARGETS.sessionAndShellStatements,
      },
      ...(dashboardAll && statements.has(dashboardAll.name)
        ? [
            {
              target: `≤ ${TARGETS.dashboardStatements} SQL statements of its own per dashboard render`,
              measured: `${dashboardStatements.toFixed(1)}${afterWrites ? " (worst: right after a save)" : ""}`,
              ok: dashboardStatements <= TARGETS.dashboardStatements,
            },
          ]
        : []),
      ...[landing, baseline].map((page) => {
        const extra = scripts.get(page)!.gzip - emptyJs;
        return {
          target: `${page.name} JS ≤ ${TARGETS.extraJsKbOverEmptyNext} kB gzip more than an empty Next.js ${empty.version} page`,
          measured: `${extra >= 0 ? "+" : ""}${kb(extra)} (${kb(scripts.get(page)!.gzip)} vs ${kb(emptyJs)})`,
          ok: extra <= TARGETS.extraJsKbOverEmptyNext * 1024,
        };
      }),
      ...(dashboardExtraJs === null
        ? []
        : [
            {
              target: `Dashboard JS ≤ ${TARGETS.dashboardExtraJsKb} kB gzip more than the app's pages without charts`,
              measured: `+${kb(dashboardExtraJs)}`,
              ok: dashboardExtraJs <= TARGETS.dashboardExtraJsKb * 1024,
            },
          ]),
      ...(soak
        ? [
            { target: "Soak: every answer 200 (a write: saved)", measured: `${soak.errors} errors in ${soak.answered + soak.errors}`, ok: soak.errors === 0 },
            {
              target: `Soak: server RSS after ≤ ${1 + TARGETS.soakRssGrowth}× after warm-up`,
              measured: `${mb(soak.warm.rss)} → ${mb(soak.after.rss)} (${(soak.after.rss / soak.warm.rss).toFixed(3)}×; heap ${mb(soak.warm.heapUsed)} → ${mb(soak.after.heapUsed)})`,
              ok: soak.after.rss <= soak.warm.rss * (1 + TARGETS.soakRssGrowth),
            },
            {
              // Each module instance of lib/dashboard/dashboard.ts keeps its own cache (see the soak's table).
              target: `Soak: dashboard cache within its bound (≤ 500 entries each, ≤ ${TARGETS.dashboardCacheMb} MB of models and their charts in all)`,
              measured: `${soak.after.dashboardCaches.map((cache) => `${cache.entries} / ${cache.max}`).join(", ")} entries, ${mb(cacheBytes(soak.after))}`,
              ok:
                soak.after.dashboardCaches.every((cache) => cache.entries <= cache.max && cache.max <= 500 && cache.bytes <= cache.maxBytes) &&
                cacheBytes(soak.after) <= TARGETS.dashboardCacheMb * 1024 * 1024,
            },
          ]
        : []),
    ];
    if (only === null && !soakOnly) checks.push(await benchReminderTick(url, step));
    console.log("Targets");
    console.table(checks.map((c) => ({ target: c.target, measured: c.measured, result: verdict(c.ok) })));
    const failed = checks.filter((c) => !c.ok).length;
    console.log(`${failed === 0 ? "Every target passed" : `${failed} of ${checks.length} targets failed`}. Done in ${Math.round((Date.now() - started) / 1000)} s.`);
    process.exitCode = failed === 0 ? 0 : 1;
  } finally {
    stopApps();
    await db.end();
    await counter?.close();
    await embedded?.stop();
    await e2eLock.release();
  }
}

runThenExit(main);
