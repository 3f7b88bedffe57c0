import "server-only";
import { after } from "next/server";
import { prepareDashboardCharts } from "@/components/dashboard/chart-images";
import { rebuildDashboards } from "@/lib/dashboard/dashboard";
import { perProcess } from "@/lib/server/kept-until-changed";
import { logger } from "@/lib/server/logger";
import type { Viewer } from "@/lib/server/viewer";

/**
 * How long a leader's writes must pause before their dashboard is rebuilt: a
 * burst of writes (touchpoints logged one after another, a week saved twice)
 * costs one rebuild, not one each competing with the next write. Well under
 * the time a person takes to click on to the dashboard.
 */
export const REBUILD_QUIET_MS = 50;

type Pending = { timer?: ReturnType<typeof setTimeout>; done: Promise<void>; finish: () => void };

// Per user, the rebuild waiting for their writes to pause; one map per process (the actions' bundle layers share it).
const pendingRebuilds = () => perProcess("dashboard-rebuilds", () => new Map<string, Pending>());

/**
 * For server actions that write what the dashboard shows: once the response
 * is sent, rebuild the viewer's dashboard and its charts, so that the next
 * visit finds them kept instead of rebuilding while the leader waits
 * (docs/decisions/024-session-read-and-dashboard-rebuild.md), once their
 * writes pause for REBUILD_QUIET_MS. A failure here costs that visit the
 * rebuild, nothing more.
 */
export function rebuildDashboardAfterResponse(viewer: Viewer): void {
  after(() => rebuildWhenQuiet(viewer));
}

/** Resolves once the rebuild this write waits for is done. */
function rebuildWhenQuiet(viewer: Viewer): Promise<void> {
  const pending = pendingRebuilds();
  let rebuild = pending.get(viewer.userId);
  if (!rebuild) {
    let finish = () => {};
    const done = new Promise<void>((resolve) => (finish = resolve));
    rebuild = { done, finish };
    pending.set(viewer.userId, rebuild);
  }
  const waiting = rebuild;
  clearTimeout(waiting.timer);
  waiting.timer = setTimeout(() => {
    // A write from now on waits for a rebuild of its own: this one may read the data before it.
    pending.delete(viewer.userId);
    rebuildDashboards(viewer, prepareDashboardCharts)
      .catch((error: unknown) => logger.warn({ err: error }, "Rebuilding the dashboard after a write failed"))
      .finally(waiting.finish);
  }, REBUILD_QUIET_MS);
  return waiting.done;
}
