// Scripts that build into and serve from .next (the bench, the resilience run)
// share that folder with the end-to-end suite, so they run under both of its
// locks: flock on /tmp/wheelhouse-e2e.lock (held by `npm test` and the other
// scripts for their whole run) and .data/e2e.lock (taken by the e2e global
// setup, also when `npx playwright test` is started without the wrapper).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { acquireRunLock, type RunLock } from "./run-lock";
import { dataDir } from "../db/paths";

const LOCK_FILE = "/tmp/wheelhouse-e2e.lock";
const LOCKED_FLAG = "WHEELHOUSE_BUILD_LOCKED";

/**
 * Re-runs this script under flock (which waits for the e2e tests or another
 * script to finish) and exits with its status; returns only inside the locked run.
 */
export function reexecUnderBuildLock(): void {
  // Tooling, not the app: lib/config/env.ts is the app's only reader of process.env.
  if (process.env[LOCKED_FLAG]) return;
  console.log(`Waiting for ${LOCK_FILE}…`);
  const result = spawnSync("flock", [LOCK_FILE, process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: "inherit",
    env: { ...process.env, [LOCKED_FLAG]: "1" },
  });
  process.exit(result.status ?? 1);
}

/** The end-to-end suite's own lock; release it when done with .next. */
export function acquireE2eLock(): Promise<RunLock> {
  return acquireRunLock(join(dataDir, "e2e.lock"), 15 * 60_000);
}
