import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("GET /api/health with the database down", () => {
  it("answers 503 without a stack trace", async () => {
    // Nothing listens on port 1: the connection is refused at once.
    vi.stubEnv("DATABASE_URL", "postgresql://postgres@127.0.0.1:1/wheelhouse");
    vi.stubEnv("AUTH_SECRET", "b".repeat(32));
    vi.resetModules();
    const { GET } = await import("@/app/api/health/route");
    const response = await GET();

    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "degraded", db: "down" });
  });
});
