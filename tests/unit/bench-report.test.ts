import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

// lib/config/env.ts validates at import, so each case imports fresh copies.
async function loadReport(reportFile: string | undefined) {
  vi.resetModules();
  vi.stubEnv("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/wheelhouse");
  vi.stubEnv("AUTH_SECRET", "a".repeat(32));
  vi.stubEnv("BENCH_REPORT_FILE", reportFile);
  return import("@/lib/server/bench-report");
}

const listenersBefore = process.listeners("SIGUSR2");
const folder = mkdtempSync(join(tmpdir(), "bench-report-"));

afterEach(() => {
  vi.unstubAllEnvs();
  for (const listener of process.listeners("SIGUSR2")) if (!listenersBefore.includes(listener)) process.off("SIGUSR2", listener);
  delete (globalThis as Record<symbol, unknown>)[Symbol.for("wheelhouse.benchReport.memory")];
});

describe("lib/server/bench-report", () => {
  it("registers nothing unless the bench set BENCH_REPORT_FILE", async () => {
    const { reportToBench } = await loadReport(undefined);
    reportToBench("dashboardCache", () => ({ entries: 1 }));
    expect(process.listeners("SIGUSR2")).toEqual(listenersBefore);
  });

  it("appends the heap once, each source's figures and an end line on SIGUSR2", async () => {
    const file = join(folder, "report.jsonl");
    const { reportToBench } = await loadReport(file);
    reportToBench("dashboardCache", () => ({ entries: 3, max: 500 }));
    reportToBench("other", () => ({ size: 7 }));
    process.emit("SIGUSR2", "SIGUSR2");
    await new Promise((resolve) => setImmediate(resolve));
    const lines = readFileSync(file, "utf8").trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => line.source)).toEqual(["memory", "dashboardCache", "other", "end"]);
    expect(lines[0]!.heapUsed).toBeGreaterThan(0);
    expect(lines[1]).toMatchObject({ entries: 3, max: 500 });
    rmSync(folder, { recursive: true, force: true });
  });
});
