import "server-only";
import { after } from "next/server";
import { prepareDashboardCharts } from "@/components/dashboard/chart-images";
import { rebuildDashboards } from "@/lib/dashboard/dashboard";
import { logger } from "@/lib/server/logger";
import type { Viewer } from "@/lib/server/viewer";

/**
 * For server actions that write what the dashboard shows: once the response
 * is sent, rebuild the viewer's dashboard and its charts, so that the next
 * visit finds them kept instead of rebuilding while the leader waits
 * (docs/decisions/024-session-read-and-dashboard-rebuild.md). A failure here
 * costs that visit the rebuild, nothing more.
 */
export function rebuildDashboardAfterResponse(viewer: Viewer): void {
  after(() =>
    rebuildDashboards(viewer, prepareDashboardCharts).catch((error: unknown) => {
      logger.warn({ err: error }, "Rebuilding the dashboard after a write failed");
    }),
  );
}
