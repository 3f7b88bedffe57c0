import { afterEach, describe, expect, it, vi } from "vitest";

const startWorker = vi.fn(() => Promise.resolve());
vi.mock("@/lib/server/worker", () => ({ startWorker }));

// instrumentation.ts reads the environment through lib/config/env.ts, which validates at import.
async function register(vars: Record<string, string | undefined>) {
  vi.resetModules();
  startWorker.mockClear();
  for (const [key, value] of Object.entries({ NEXT_RUNTIME: "nodejs", DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/wheelhouse", AUTH_SECRET: "a".repeat(32), ...vars })) vi.stubEnv(key, value);
  await (await import("@/instrumentation")).register();
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the app's start-up hook", () => {
  it("starts the job worker in the app's process by default", async () => {
    await register({ JOB_WORKER: undefined });
    expect(startWorker).toHaveBeenCalledOnce();
  });

  it("leaves the jobs to a worker process of their own with JOB_WORKER=separate", async () => {
    await register({ JOB_WORKER: "separate" });
    expect(startWorker).not.toHaveBeenCalled();
  });

  it("refuses a JOB_WORKER it does not know, naming it", async () => {
    await expect(register({ JOB_WORKER: "elsewhere" })).rejects.toThrow(/JOB_WORKER/);
  });
});
