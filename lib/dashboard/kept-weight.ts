import "server-only";
import type { DashboardModel } from "@/lib/dashboard/figures";
import { jsonBytes } from "@/lib/server/kept-until-changed";

/**
 * What the page keeps with a kept model (components/charts/chart-figure.tsx,
 * per model): its charts' figures, their specs and tables, and each image's
 * shape and version, 30–50 kB whatever the range. Not the images themselves:
 * they are drawn when fetched. tests/unit/dashboard-memory.test.ts holds a
 * model and its charts to the weight below.
 */
export const CHARTS_KEPT_PER_MODEL = 64 * 1024;

/** What a kept model weighs in a cache's bound: itself (its JSON's bytes) and what its charts keep. */
export function keptDashboardBytes(model: DashboardModel): number {
  return jsonBytes(model) + CHARTS_KEPT_PER_MODEL;
}
