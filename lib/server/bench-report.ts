import "server-only";
import { appendFileSync } from "node:fs";
import { env } from "@/lib/config/env";

// What `npm run bench` reads from the server it loads, without a route anyone
// could call: with BENCH_REPORT_FILE set (only the bench sets it), SIGUSR2 makes
// the server collect garbage when it can (the bench starts it with
// --expose-gc) and append one JSON line per figure to that file. Without it,
// nothing is registered and SIGUSR2 keeps Node's default. An "end" line closes
// each report.

type Figures = Record<string, number>;

const MEMORY_REGISTERED = Symbol.for("wheelhouse.benchReport.memory");

function append(source: string, figures: Figures): void {
  appendFileSync(env.BENCH_REPORT_FILE!, `${JSON.stringify({ source, at: Date.now(), ...figures })}\n`);
}

/** Reports `read()`'s figures as `source` on each SIGUSR2, when the bench asked for reports. */
export function reportToBench(source: string, read: () => Figures): void {
  if (!env.BENCH_REPORT_FILE) return;
  const registry = globalThis as { [MEMORY_REGISTERED]?: true };
  // The heap once per signal, however many modules report, and collected first so it counts what is kept.
  if (!registry[MEMORY_REGISTERED]) {
    registry[MEMORY_REGISTERED] = true;
    process.on("SIGUSR2", () => {
      (globalThis as { gc?: () => void }).gc?.();
      const { heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
      append("memory", { heapUsed, heapTotal, external, arrayBuffers });
      // After every listener of this signal: the reader knows the report is whole.
      setImmediate(() => append("end", {}));
    });
  }
  process.on("SIGUSR2", () => append(source, read()));
}
