// Global setup of the end-to-end run (see playwright.config.ts): takes the
// run lock, prepares a fresh database, starts the SMTP server, builds the app
// and serves it with `next start`. The function it returns is the teardown.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import type { FullConfig } from "@playwright/test";
import { dropDatabase } from "../../../scripts/db/databases";
import { startEmbeddedPostgres } from "../../../scripts/db/embedded";
import { dataDir, projectRoot } from "../../../scripts/db/paths";
import { freePort } from "../../../scripts/support/next-app";
import { prepareTestDatabase } from "../../support/database";
import { startFeedServer } from "./feed-server";
import { startMailServer } from "./mail-server";
import { acquireRunLock } from "../../../scripts/support/run-lock";
import { publishRunState } from "./run-state";

const NEXT_BIN = join(projectRoot, "node_modules", ".bin", "next");
const LOCK_FILE = join(dataDir, "e2e.lock");
const SERVER_LOG = join(dataDir, "e2e-server.log");
// Its own cluster, apart from the integration tests' one, so both can run at once.
const EMBEDDED_DATA_DIR = join(dataDir, "postgres-e2e");
const EMBEDDED_PORT = 54331;

type Cleanup = () => Promise<void>;

export default async function globalSetup(config: FullConfig): Promise<Cleanup> {
  const cleanups: Cleanup[] = [];
  const teardown = async () => {
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((error: unknown) => console.error("e2e teardown:", error));
    }
  };
  try {
    const lock = await acquireRunLock(LOCK_FILE, 45 * 60_000);
    cleanups.push(lock.release);
    await removeFinishedRunsOutput(config);

    const databaseUrl = await prepareDatabase(cleanups);

    const runDir = await mkdtemp(join(tmpdir(), "wheelhouse-e2e-"));
    cleanups.push(() => rm(runDir, { recursive: true, force: true }));
    const mailDir = join(runDir, "mail");
    await mkdir(mailDir);
    const mail = await startMailServer(mailDir);
    cleanups.push(mail.stop);
    const feedDir = join(runDir, "feeds");
    await mkdir(feedDir);
    const feeds = await startFeedServer(feedDir);
    cleanups.push(feeds.stop);

    const port = await freePort();
    // The browser, AUTH_URL and cookies all say "localhost": Next's request
    // URLs turn 127.0.0.1 into localhost, so Auth.js (magic links, redirects)
    // can only ever agree with "localhost". The server listens on 127.0.0.1.
    const baseUrl = `http://localhost:${port}`;
    const feedHost = `127.0.0.1:${feeds.port}`;
    const appEnv = appEnvironment({ databaseUrl, baseUrl, smtpPort: mail.port, feedHost });
    if (process.env.WHEELHOUSE_E2E_REUSE_BUILD === "1" && existsSync(join(projectRoot, ".next", "BUILD_ID"))) {
      console.log("e2e: reusing the existing build (WHEELHOUSE_E2E_REUSE_BUILD=1)");
    } else {
      await build(appEnv);
    }
    const app = await startApp(port, appEnv);
    cleanups.push(app.stop);
    await waitForHealth(`http://127.0.0.1:${port}`, app.process);
    console.log(`e2e: app at ${baseUrl} (server log: ${SERVER_LOG})`);

    publishRunState({ baseUrl, databaseUrl, mailDir, feedDir, feedBaseUrl: `http://${feedHost}` });
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}

/** Runs before ours have ended (we hold the lock): their artifacts go, ours stay. */
async function removeFinishedRunsOutput(config: FullConfig): Promise<void> {
  const outputDir = config.projects[0]?.outputDir;
  if (!outputDir) return;
  const parent = dirname(outputDir);
  const entries = await readdir(parent).catch(() => []);
  for (const entry of entries) {
    if (entry.startsWith("run-") && entry !== basename(outputDir)) await rm(join(parent, entry), { recursive: true, force: true });
  }
}

/** A migrated database named for this run, dropped at teardown. */
async function prepareDatabase(cleanups: Cleanup[]): Promise<string> {
  if (!process.env.DATABASE_URL) {
    const embedded = await startEmbeddedPostgres({ dataDir: EMBEDDED_DATA_DIR, port: EMBEDDED_PORT });
    cleanups.push(embedded.stop);
    // prepareTestDatabase creates the run's database on the server in DATABASE_URL.
    process.env.DATABASE_URL = embedded.connectionString("postgres");
  }
  const name = `wheelhouse_test_e2e_${process.pid}`;
  const database = await prepareTestDatabase(name);
  cleanups.push(async () => {
    await dropDatabase(database.url, name);
    await database.stop();
  });
  console.log(`e2e: database ${name} on ${new URL(database.url).host}`);
  return database.url;
}

function appEnvironment({ databaseUrl, baseUrl, smtpPort, feedHost }: { databaseUrl: string; baseUrl: string; smtpPort: number; feedHost: string }): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    // Magic links and cookies follow AUTH_URL.
    AUTH_URL: baseUrl,
    EMAIL_SERVER: `smtp://127.0.0.1:${smtpPort}`,
    EMAIL_FROM: "Wheelhouse <no-reply@wheelhouse.test>",
    // The weekly emails' scheduler looks every 2 s, so a reminder set for the next minute arrives in the test.
    REMINDER_TICK_SECONDS: "2",
    // The run's calendar feed server, on loopback: allowed as an operator allows an internal calendar server.
    CALENDAR_FEED_ALLOWED_HOSTS: feedHost,
  };
  // The specs test the email sign-in only; OAuth buttons would depend on the caller's shell.
  for (const name of ["AUTH_GITHUB_ID", "AUTH_GITHUB_SECRET", "AUTH_GOOGLE_ID", "AUTH_GOOGLE_SECRET"]) delete env[name];
  return env;
}

async function build(env: NodeJS.ProcessEnv): Promise<void> {
  const started = Date.now();
  console.log("e2e: next build…");
  const output: string[] = [];
  const child = spawn(NEXT_BIN, ["build"], { cwd: projectRoot, env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", resolve);
  });
  if (code !== 0) throw new Error(`next build failed (exit code ${code}):\n${output.join("")}`);
  console.log(`e2e: built in ${Math.round((Date.now() - started) / 1000)} s`);
}

async function startApp(port: number, env: NodeJS.ProcessEnv): Promise<{ process: ChildProcess; stop: Cleanup }> {
  const log = createWriteStream(SERVER_LOG);
  // Its own process group, so stopping it reaches anything it started.
  const child = spawn(NEXT_BIN, ["start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: projectRoot,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      process.kill(-child.pid, "SIGTERM");
      const timer = setTimeout(() => child.pid && process.kill(-child.pid, "SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
    log.end();
  };
  return { process: child, stop };
}

async function waitForHealth(baseUrl: string, app: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.exitCode !== null || app.signalCode !== null) break;
    const healthy = await fetch(`${baseUrl}/api/health`).then((response) => response.ok, () => false);
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const log = await readFile(SERVER_LOG, "utf8").catch(() => "");
  throw new Error(`The app did not answer ${baseUrl}/api/health with 200 (server log ${SERVER_LOG}):\n${log.slice(-4_000)}`);
}

