// Next's start-up hook: the email and notification worker runs inside the
// app's own Node process (see lib/server/worker.ts), so a single `next start` sends
// emails. `npm run worker` runs the same worker as a process of its own.
export async function register(): Promise<void> {
  // Not in the Edge runtime, and not while `next build` collects pages.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const [{ env }, { startWorker }, { logger }] = await Promise.all([import("./lib/config/env"), import("./lib/server/worker"), import("./lib/server/logger")]);
  if (env.JOB_WORKER === "separate") return;
  // A database that is not up yet must not stop the app from starting; the
  // request that queues the first email starts the queue client again.
  startWorker().catch((error: unknown) => logger.error({ err: error }, "The job worker did not start"));
}
