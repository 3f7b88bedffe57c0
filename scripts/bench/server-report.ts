// The benched server's memory and dashboard cache, read without a route:
// RSS from /proc/<pid>/status, the rest from the lines the server appends to
// BENCH_REPORT_FILE when sent SIGUSR2 (lib/server/bench-report.ts).
import { existsSync, readdirSync, readFileSync } from "node:fs";

/** The `next-server` process among `rootPid` and its descendants (`next start` serves in its own process today). */
export function nextServerPid(rootPid: number): number {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command may hold spaces and parentheses: the fields after its last ")" are fixed.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // Gone meanwhile.
    }
  }
  const family = [rootPid];
  for (let i = 0; i < family.length; i++) for (const [pid, parent] of parents) if (parent === family[i]) family.push(pid);
  return family.find((pid) => readFileSync(`/proc/${pid}/cmdline`, "utf8").startsWith("next-server")) ?? rootPid;
}

function rssBytes(pid: number): number {
  const kb = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  if (!kb) throw new Error(`No VmRSS for process ${pid}`);
  return Number(kb) * 1024;
}

export type ServerReport = {
  rss: number;
  heapUsed: number;
  /** The heap V8 holds, used or not, and memory outside it (buffers): where RSS grows when the heap does not. */
  heapTotal: number;
  external: number;
  /** One entry per module instance that keeps dashboards (one, unless the bundler duplicated it). */
  /** Its entries and what they weigh (a model and what its charts keep: lib/dashboard/dashboard.ts), with both bounds. */
  dashboardCaches: { entries: number; max: number; bytes: number; maxBytes: number }[];
};

type Line = { source: string; at: number } & Record<string, number>;

/** Asks the server for its figures (it collects garbage first) and reads them with its RSS. */
export async function readServerReport(pid: number, reportFile: string): Promise<ServerReport> {
  const linesBefore = existsSync(reportFile) ? readFileSync(reportFile, "utf8").split("\n").filter(Boolean).length : 0;
  process.kill(pid, "SIGUSR2");
  for (let attempt = 0; attempt < 100; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const lines = (existsSync(reportFile) ? readFileSync(reportFile, "utf8").split("\n").filter(Boolean) : []).slice(linesBefore);
    const parsed = lines.map((line) => JSON.parse(line) as Line);
    const memory = parsed.find((line) => line.source === "memory");
    const caches = parsed.filter((line) => line.source === "dashboardCache");
    if (memory && parsed.some((line) => line.source === "end")) {
      if (caches.length === 0) break;
      return {
        rss: rssBytes(pid),
        heapUsed: memory.heapUsed!,
        heapTotal: memory.heapTotal!,
        external: memory.external!,
        dashboardCaches: caches.map(({ entries, max, bytes, maxBytes }) => ({ entries: entries!, max: max!, bytes: bytes!, maxBytes: maxBytes! })),
      };
    }
  }
  throw new Error(`The server (process ${pid}) wrote no whole report with a dashboard cache to ${reportFile}: was a dashboard rendered first?`);
}
