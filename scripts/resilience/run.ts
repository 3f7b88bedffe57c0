// `npm run test:resilience`: two app instances behind a round-robin balancer,
// one PostgreSQL of the run's own (embedded, restarted in the middle) and an
// SMTP server that refuses mail for a while, all on loopback. Simulated users
// read pages, save their weeks and invite mentors through phases:
//   steady → smtp-failing → db-down (PostgreSQL stopped) → recovery → drain
// then the run prints what was served and failed per phase, with latencies,
// and checks that the outage was answered fast and clearly, that the apps
// recovered by themselves, that every acknowledged save is stored, that no
// user saw another's data and that every queued email reached its recipient.
// Exits non-zero when a check fails. `--no-build` reuses .next.
// Runs under the e2e locks (scripts/support/build-lock.ts): it builds into and serves from .next.
import { randomBytes } from "node:crypto";
import type { Browser } from "@playwright/test";
import { join } from "node:path";
import pg from "pg";
import { z } from "zod";
import { previousWeekStart, currentWeekStart } from "../../lib/shared/week-dates";
import { startSmtpServer } from "../support/smtp";
import { recreateDatabase } from "../db/databases";
import { startEmbeddedPostgres } from "../db/embedded";
import { applyMigrations } from "../db/migrations";
import { dataDir } from "../db/paths";
import { acquireE2eLock, reexecUnderBuildLock } from "../support/build-lock";
import { appEnv, buildApp, freePort, percentile, startApp, stopApps, type StartedApp } from "../support/next-app";
import { startBalancer } from "./balancer";
import { launchBrowser, seeInBrowser, type BrowserCheck } from "./browser";
import { LoadRun, PHASES, sleep, type Phase, type Sample } from "./load";
import { seedUsers } from "./seed";
import { verifyInvitations, verifyQueue, verifySaves, type Check } from "./verify";

reexecUnderBuildLock();

const args = z.array(z.enum(["--no-build"])).safeParse(process.argv.slice(2));
if (!args.success) {
  console.error("Usage: npm run test:resilience [-- --no-build]");
  process.exit(2);
}
const skipBuild = args.data.includes("--no-build");

const USERS = 20;
const SECONDS = { steady: 30, smtpFailing: 25, outage: 12, recovery: 35, drainAtMost: 90 };
const LIMITS = {
  /** /api/health has a 2 s database check; allow 1 s for the busy machine. */
  healthMs: 3_000,
  /** lib/server/db.ts gives up connecting after 3 s; a failing page must answer within that and a render. */
  outageMs: 5_000,
  /** From the restart to the first good answer of each instance. */
  recoveryMs: 10_000,
  /** A real browser loads the page and its scripts, then renders app/error.tsx. */
  browserMs: 10_000,
};
// Above the balancer's idle time for kept-alive connections (Node's default 5 s would race it: a 502 now and then).
const KEEP_ALIVE_TIMEOUT_MS = 65_000;
const REQUEST_TIMEOUT_MS = 15_000;
// Nothing may keep the run going past this, whatever hangs.
const WATCHDOG_MS = 12 * 60_000;

const CLUSTER_DIR = join(dataDir, "postgres-resilience");
const appLog = (n: number) => join(dataDir, `resilience-app-${n}.log`);

function step(message: string) {
  console.log(`• ${message}`);
}

async function main(): Promise<boolean> {
  const started = Date.now();
  const lock = await acquireE2eLock();
  // Its own cluster: stopping it disturbs no test suite or dev server.
  const postgres = await startEmbeddedPostgres({ dataDir: CLUSTER_DIR, port: 0 });
  const smtp = await startSmtpServer();
  let balancer: Awaited<ReturnType<typeof startBalancer>> | undefined;
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    step("Preparing a fresh database and seeding users");
    const databaseUrl = await recreateDatabase(postgres.connectionString("postgres"), "wheelhouse_resilience");
    await applyMigrations(databaseUrl);
    const users = await seedUsers(databaseUrl, USERS);

    const ports = [await freePort(), await freePort()];
    balancer = await startBalancer(ports);
    // Both instances: one public URL (the balancer's) and one secret, as behind a real load balancer.
    const env = appEnv({
      databaseUrl,
      authUrl: balancer.url,
      authSecret: randomBytes(32).toString("base64"),
      emailServer: smtp.url,
      extra: { EMAIL_RETRY_DELAY_SECONDS: "1", LOG_LEVEL: "warn" },
    });
    if (skipBuild) step("Skipping next build (--no-build)");
    else {
      step("Building (next build)");
      buildApp(env);
    }
    step(`Starting two instances (ports ${ports.join(", ")}) behind the balancer at ${balancer.url}; logs in .data/resilience-app-{1,2}.log`);
    const apps = await Promise.all(
      ports.map((port, i) => startApp(env, port, { logFile: appLog(i + 1), args: ["--keepAliveTimeout", String(KEEP_ALIVE_TIMEOUT_MS)] })),
    );
    const pids = apps.map((app) => app.process.pid);

    const current = currentWeekStart({ timeZone: "UTC", weekStartsOn: 1 });
    const load = new LoadRun({
      baseUrl: balancer.url,
      users,
      weeks: [current, previousWeekStart(current)],
      thinkMs: [400, 1_200],
      requestTimeoutMs: REQUEST_TIMEOUT_MS,
      maxInvitesPerUser: 12,
    });
    const phases = new Map<Phase, { from: number; to: number }>();
    const enter = (phase: Phase) => {
      const now = Date.now();
      const previous = phases.get(load.phase);
      if (previous) previous.to = now;
      load.phase = phase;
      phases.set(phase, { from: now, to: now });
      step(`Phase ${phase}`);
    };

    let probing = true;
    enter("steady");
    const probes = apps.map((app) => load.probeHealth(app.port, 500, () => !probing));
    const userLoops = load.runUsers();

    const view = (path: string, expected: string) => seeInBrowser(browser!, balancer!.url, users[0]!, path, expected, LIMITS.browserMs);
    const browserChecks: BrowserCheck[] = [];
    await sleep(SECONDS.steady * 1000);
    browserChecks.push(await view("/dashboard", "Dashboard"));
    enter("smtp-failing");
    smtp.setFailing(true);
    await sleep(SECONDS.smtpFailing * 1000);

    enter("db-down");
    smtp.setFailing(false);
    await postgres.stop();
    // What a person sees a few seconds into the outage.
    const outageView = sleep(3_000).then(() => view("/dashboard", "Something went wrong"));
    await sleep(SECONDS.outage * 1000);
    browserChecks.push(await outageView);
    await postgres.start();
    const restartedAt = Date.now();

    enter("recovery");
    await sleep(SECONDS.recovery * 1000);
    browserChecks.push(await view("/dashboard", "Dashboard"));
    load.stop();
    await userLoops;

    enter("drain");
    const ackedInvites = () => load.invites.filter((invite) => invite.result === "acked");
    const allDelivered = () => ackedInvites().every((invite) => smtp.received.some((email) => email.to.includes(invite.address)));
    const drainEnds = Date.now() + SECONDS.drainAtMost * 1000;
    while (!allDelivered() && Date.now() < drainEnds) await sleep(500);
    // A few more seconds so the workers mark the last jobs completed.
    await sleep(3_000);
    probing = false;
    await Promise.all(probes);
    phases.get("drain")!.to = Date.now();

    step("Checking the database and the mailbox");
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    let dataChecks: Check[];
    try {
      dataChecks = [
        ...(await verifySaves(client, load.saves)),
        ...(await verifyInvitations(client, load.invites, smtp.received)),
        await verifyQueue(client, smtp.received),
      ];
    } finally {
      await client.end();
    }

    printPhases(load.samples, phases);
    const checks = [
      ...runChecks({ load, apps, pids, phases, restartedAt, balancerCounts: balancer.counts(), refusedBySmtp: smtp.refused.length, received: smtp.received }),
      {
        check: `A browser showed the dashboard before and after the outage, and the friendly error page (app/error.tsx) during it, each within ${LIMITS.browserMs / 1000} s`,
        measured: browserChecks.map((c) => `"${c.expected}" ${c.seen ? `in ${ms(c.ms)}` : "not seen"}`).join("; "),
        ok: browserChecks.length === 3 && browserChecks.every((c) => c.seen),
      },
      ...dataChecks,
    ];
    console.log("Checks");
    console.table(checks.map((c) => ({ check: c.check, measured: c.measured, result: c.ok ? "PASS" : "FAIL" })));
    console.log(`Done in ${Math.round((Date.now() - started) / 1000)} s.`);
    return checks.every((c) => c.ok);
  } finally {
    stopApps();
    await browser?.close();
    await balancer?.close();
    await smtp.stop();
    await postgres.stop();
    await lock.release();
  }
}

const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value)} ms` : "–");

function latencies(samples: Sample[]) {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  return { p50: ms(percentile(sorted, 50)), p95: ms(percentile(sorted, 95)), p99: ms(percentile(sorted, 99)), max: ms(sorted.at(-1) ?? Number.NaN) };
}

function printPhases(samples: Sample[], phases: Map<Phase, { from: number; to: number }>) {
  const inPhase = (phase: Phase) => samples.filter((s) => s.phase === phase);
  console.log("\nUser requests through the balancer (pages, saves, invitations), per phase");
  console.table(
    PHASES.filter((phase) => phases.has(phase)).map((phase) => {
      const user = inPhase(phase).filter((s) => s.kind !== "health");
      const window = phases.get(phase)!;
      return {
        phase,
        seconds: Math.round((window.to - window.from) / 1000),
        requests: user.length,
        served: user.filter((s) => s.outcome === "served").length,
        "failed, clear": user.filter((s) => s.outcome === "clear-error").length,
        "failed, unclear": user.filter((s) => s.outcome === "unclear").length,
        ...latencies(user),
      };
    }),
  );
  console.log("GET /api/health on each instance directly, every 500 ms");
  console.table(
    PHASES.filter((phase) => phases.has(phase)).map((phase) => {
      const health = inPhase(phase).filter((s) => s.kind === "health");
      return {
        phase,
        probes: health.length,
        "200": health.filter((s) => s.outcome === "served").length,
        "503": health.filter((s) => s.outcome === "clear-error").length,
        other: health.filter((s) => s.outcome === "unclear").length,
        ...latencies(health),
      };
    }),
  );
  const unclear = samples.filter((s) => s.outcome === "unclear");
  if (unclear.length > 0) {
    const byDetail = new Map<string, Sample[]>();
    for (const s of unclear) {
      const key = `${s.phase} ${s.kind} (:${s.instance ?? "?"}): ${s.detail}`;
      byDetail.set(key, [...(byDetail.get(key) ?? []), s]);
    }
    const clock = (at: number) => new Date(at).toISOString().slice(11, 23);
    console.log("Unclear answers (times UTC)");
    console.table([...byDetail].map(([answer, list]) => ({ answer, count: list.length, first: clock(list[0]!.at), last: clock(list.at(-1)!.at) })));
  }
  console.log("Phases (UTC): " + [...phases].map(([phase, w]) => `${phase} ${new Date(w.from).toISOString().slice(11, 19)}`).join(", "));
}

type CheckInput = {
  load: LoadRun;
  apps: StartedApp[];
  pids: (number | undefined)[];
  phases: Map<Phase, { from: number; to: number }>;
  restartedAt: number;
  balancerCounts: number[];
  refusedBySmtp: number;
  received: { receivedAt: string; to: string[] }[];
};

function runChecks({ load, apps, pids, phases, restartedAt, balancerCounts, refusedBySmtp, received }: CheckInput): Check[] {
  const user = load.samples.filter((s) => s.kind !== "health");
  const health = load.samples.filter((s) => s.kind === "health");
  const of = (samples: Sample[], ...which: Phase[]) => samples.filter((s) => which.includes(s.phase));
  const failed = (samples: Sample[]) => samples.filter((s) => s.outcome !== "served");
  const maxMs = (samples: Sample[]) => Math.max(0, ...samples.map((s) => s.ms));

  // Answered before PostgreSQL stopped: a request still in flight then belongs to the outage.
  const outageFrom = phases.get("db-down")!.from;
  const before = of(user, "steady", "smtp-failing").filter((s) => s.at + s.ms < outageFrom);
  const smtpInvites = load.invites.filter((i) => i.at >= phases.get("smtp-failing")!.from && i.answeredAt < outageFrom);
  const outageUser = user.filter((s) => s.phase === "db-down" || (s.at < outageFrom && s.at + s.ms >= outageFrom));
  const outageHealth = of(health, "db-down");
  const firstGood = (samples: Sample[], instance: string) => samples.find((s) => s.instance === instance && s.at >= restartedAt && s.outcome === "served");
  const recoveryDelays = apps.map((app) => {
    const instance = String(app.port);
    const healthy = firstGood(health, instance);
    const served = firstGood(user, instance);
    return { instance, health: healthy ? healthy.at + healthy.ms - restartedAt : Infinity, user: served ? served.at + served.ms - restartedAt : Infinity };
  });
  const settled = user.filter((s) => s.phase === "recovery" && s.at >= restartedAt + LIMITS.recoveryMs);
  const sentAfterRestart = received.filter((email) => Date.parse(email.receivedAt) >= restartedAt).length;
  const invitedAfterRestart = load.invites.filter((i) => i.result === "acked" && i.at >= restartedAt);
  const invitedAfterRestartDelivered = invitedAfterRestart.filter((i) => received.some((email) => email.to.includes(i.address)));

  const acked = load.saves.filter((save) => save.result === "acked");
  const crossed = acked.filter((save) => save.formFrom !== null && save.postedTo !== null && save.formFrom !== save.postedTo);
  return [
    { check: "The balancer spread requests over both instances", measured: balancerCounts.join(" / "), ok: balancerCounts.every((count) => count > 0) },
    {
      check: "Saves worked across instances: a form rendered by one instance was posted to the other",
      measured: `${crossed.length} of ${acked.length} acknowledged saves`,
      ok: crossed.length > 0,
    },
    { check: "Steady and SMTP-failing phases: no failed request", measured: `${failed(before).length} of ${before.length}`, ok: before.length > 0 && failed(before).length === 0 },
    {
      check: "While SMTP refused mail, invitations were still acknowledged (the request only queues the email)",
      measured: `${smtpInvites.filter((i) => i.result === "acked").length} of ${smtpInvites.length} acknowledged; SMTP refused ${refusedBySmtp} delivery attempts`,
      ok: smtpInvites.length > 0 && smtpInvites.every((i) => i.result === "acked") && refusedBySmtp > 0,
    },
    {
      check: `PostgreSQL down: /api/health answered 503 on both instances, each within ${LIMITS.healthMs} ms`,
      measured: `${outageHealth.filter((s) => s.outcome === "clear-error").length} × 503 of ${outageHealth.length}; slowest ${ms(maxMs(outageHealth))}`,
      ok: apps.every((app) => outageHealth.some((s) => s.instance === String(app.port) && s.outcome === "clear-error")) &&
        outageHealth.every((s) => s.outcome !== "unclear" && s.ms <= LIMITS.healthMs),
    },
    {
      check: `PostgreSQL down: user requests failed fast (≤ ${LIMITS.outageMs} ms) with the friendly error page or "nothing was saved", none hung`,
      measured: `${failed(outageUser).length} failed of ${outageUser.length} (${outageUser.filter((s) => s.outcome === "unclear").length} unclear); slowest ${ms(maxMs(outageUser))}`,
      ok: outageUser.length > 0 && outageUser.every((s) => s.outcome !== "unclear" && s.ms <= LIMITS.outageMs),
    },
    {
      check: `Recovered by itself: each instance healthy and serving users within ${LIMITS.recoveryMs / 1000} s of the restart`,
      measured: recoveryDelays.map((d) => `:${d.instance} health ${ms(d.health)}, users ${ms(d.user)}`).join("; "),
      ok: recoveryDelays.every((d) => d.health <= LIMITS.recoveryMs && d.user <= LIMITS.recoveryMs),
    },
    {
      check: `Recovery: no failed request from ${LIMITS.recoveryMs / 1000} s after the restart`,
      measured: `${failed(settled).length} of ${settled.length}`,
      ok: settled.length > 0 && failed(settled).length === 0,
    },
    {
      check: "Neither instance was restarted (same processes from start to end)",
      measured: apps.map((app, i) => `pid ${pids[i]} ${app.exited() ? `exited (${app.exited()})` : "alive"}`).join(", "),
      ok: apps.every((app, i) => app.process.pid === pids[i] && app.exited() === null),
    },
    {
      check: "The email workers kept working after the database restart",
      measured: `${sentAfterRestart} emails delivered after the restart; ${invitedAfterRestartDelivered.length} of ${invitedAfterRestart.length} invitations made after it delivered`,
      ok: sentAfterRestart > 0 && invitedAfterRestart.length > 0 && invitedAfterRestartDelivered.length === invitedAfterRestart.length,
    },
    {
      check: "No page showed another user's data",
      measured: load.leaks.length === 0 ? "0 leaks" : load.leaks.slice(0, 3).map((l) => `user ${l.user} saw ${l.marks.join(",")} on ${l.path}`).join("; "),
      ok: load.leaks.length === 0,
    },
  ];
}

const watchdog = setTimeout(() => {
  console.error(`The resilience run took longer than ${WATCHDOG_MS / 60_000} minutes; stopping.`);
  stopApps();
  process.exit(1);
}, WATCHDOG_MS);
watchdog.unref();

// Exit explicitly: the embedded server's exit hooks would otherwise decide the status.
main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
