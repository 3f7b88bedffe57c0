import type { Metadata } from "next";
import { requireViewer } from "@/lib/server/viewer";

export const metadata: Metadata = { title: "Baseline", robots: { index: false } };

/**
 * The benchmark's "physical limit": the same session check and signed-in
 * shell as the dashboard, and no data of its own (see scripts/bench/run.ts).
 */
export default async function BenchBaselinePage() {
  await requireViewer();
  return <p className="text-muted">Baseline</p>;
}
