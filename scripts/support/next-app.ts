// Building the app and serving it with `next start` from scripts (the bench,
// the resilience run): production environment, free loopback ports, and each
// server in a process group of its own that this process ends on exit.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { projectRoot } from "../db/paths";

const nextBin = join(projectRoot, "node_modules", ".bin", "next");

export type AppEnvOptions = {
  databaseUrl: string;
  /** The public URL: magic links, cookies and the same-origin check of server actions follow it. */
  authUrl: string;
  authSecret: string;
  emailServer: string;
  /** More variables, e.g. EMAIL_RETRY_DELAY_SECONDS. */
  extra?: Record<string, string>;
};

/** The variables lib/config/env.ts requires in production, on top of this process's environment. */
export function appEnv({ databaseUrl, authUrl, authSecret, emailServer, extra }: AppEnvOptions): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: authSecret,
    AUTH_URL: authUrl,
    EMAIL_SERVER: emailServer,
    NEXT_TELEMETRY_DISABLED: "1",
    ...extra,
  };
}

/** `next build` into .next; hold the build locks (build-lock.ts) around it and every server started from it. */
export function buildApp(env: NodeJS.ProcessEnv): void {
  const result = spawnSync(nextBin, ["build"], { cwd: projectRoot, stdio: ["ignore", "pipe", "pipe"], env, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`next build failed:\n${result.stdout}\n${result.stderr}`);
}

const children: ChildProcess[] = [];
const stopping = new WeakSet<ChildProcess>();

/** Ends the servers this process started (each in its own process group), and only those. */
export function stopApps(): void {
  for (const child of children.splice(0)) {
    stopping.add(child);
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) continue;
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // Already gone.
    }
  }
}
process.on("exit", stopApps);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopApps();
    process.exit(130);
  });
}

export type StartedApp = {
  base: string;
  port: number;
  process: ChildProcess;
  /** How and when the server exited ("code 143 at …, not stopped by this script"), or null while it runs. */
  exited(): string | null;
};

export type StartOptions = {
  /** Where the server's output goes; nowhere when unset. */
  logFile?: string;
  /** More `next start` flags, e.g. --keepAliveTimeout. */
  args?: string[];
  /** The app's folder: the project by default. */
  cwd?: string;
  /** What answers 200 once the server is up. */
  healthPath?: string;
};

/** `next start` on 127.0.0.1:`port`, resolved once /api/health (or `healthPath`) answers 200. */
export async function startApp(
  env: NodeJS.ProcessEnv,
  port: number,
  { logFile, args = [], cwd = projectRoot, healthPath = "/api/health" }: StartOptions = {},
): Promise<StartedApp> {
  const child = spawn(nextBin, ["start", "-p", String(port), "-H", "127.0.0.1", ...args], {
    cwd,
    env,
    stdio: ["ignore", logFile ? "pipe" : "ignore", logFile ? "pipe" : "ignore"],
    detached: true,
  });
  children.push(child);
  let exit: string | null = null;
  child.once("exit", (code, signal) => {
    // A server this script did not stop was ended by something else on the machine (a crash, a kill by name).
    exit = `${signal ? `signal ${signal}` : `code ${code}`} at ${new Date().toISOString()}${stopping.has(child) ? "" : ", not stopped by this script"}`;
  });
  if (logFile) {
    const log = createWriteStream(logFile);
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
  }
  const base = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 120 && child.exitCode === null; attempt++) {
    try {
      if ((await fetch(`${base}${healthPath}`)).ok) return { base, port, process: child, exited: () => exit };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`next start on port ${port} did not become healthy${logFile ? ` (log: ${logFile})` : ""}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("No free port"))));
    });
  });
}

/** The p-th percentile (nearest rank) of ascending `sorted`; NaN when empty. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/**
 * Runs a script's main and exits with the status it set: explicitly, as the
 * embedded PostgreSQL's exit hooks would otherwise decide it.
 */
export function runThenExit(main: () => Promise<void>): void {
  main().then(
    () => process.exit(process.exitCode ?? 0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
