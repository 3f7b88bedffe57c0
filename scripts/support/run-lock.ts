// One end-to-end run at a time per working tree: every run builds into and
// serves from the same .next folder. The lock is a kernel file lock held by a
// `flock` child process; it is released when we close the child's stdin, or by
// the kernel when this process dies, so a crashed run never leaves it behind.
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";

export type RunLock = { release(): Promise<void> };

export async function acquireRunLock(lockFile: string, timeoutMs: number): Promise<RunLock> {
  mkdirSync(dirname(lockFile), { recursive: true });
  const holder = spawn("flock", ["--exclusive", "--timeout", String(Math.ceil(timeoutMs / 1000)), lockFile, "sh", "-c", "echo locked; exec cat >/dev/null"], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const waiting = setTimeout(() => console.log(`Waiting for another end-to-end run in this folder to finish (lock: ${lockFile})…`), 1_000);
  try {
    await new Promise<void>((resolve, reject) => {
      holder.once("error", (error) => reject(new Error(`Could not run flock (util-linux) for the e2e lock: ${error.message}`)));
      holder.once("exit", (code) => reject(new Error(`Gave up waiting for the e2e lock ${lockFile} (flock exited with ${code})`)));
      holder.stdout.once("data", () => resolve());
    });
  } finally {
    clearTimeout(waiting);
  }
  holder.removeAllListeners("exit");
  return {
    release: () =>
      new Promise<void>((resolve) => {
        if (holder.exitCode !== null) return resolve();
        holder.once("exit", () => resolve());
        holder.stdin.end();
      }),
  };
}
