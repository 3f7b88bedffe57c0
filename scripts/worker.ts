// npm run worker: the email and notification worker as a process of its own,
// for deployments that run it apart from the web app. The app starts the same
// worker itself (instrumentation.ts); several on one database are safe.
import { register } from "node:module";

// Before any lib/ module loads (hence the dynamic imports below).
register("./worker-hooks.mjs", import.meta.url);

const { startWorker, stopWorker } = await import("@/lib/server/worker");
const { logger } = await import("@/lib/server/logger");

function stop(signal: string): void {
  logger.info({ signal }, "Stopping the job worker");
  stopWorker()
    .then(() => process.exit(0))
    .catch((error: unknown) => {
      logger.error({ err: error }, "The job worker did not stop cleanly");
      process.exit(1);
    });
}

try {
  await startWorker();
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
} catch (error) {
  logger.error({ err: error }, "The job worker could not start");
  process.exit(1);
}
