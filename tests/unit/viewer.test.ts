import { beforeEach, describe, expect, it, vi } from "vitest";

// Auth.js swallows a failed session lookup and answers "no session"; these
// stand in for it, for the request's cookies and for the database check.
const auth = vi.fn();
const checkHealth = vi.fn();
let cookieNames: string[] = [];

vi.mock("@/lib/auth", () => ({ auth }));
vi.mock("@/lib/health", () => ({ checkHealth }));
vi.mock("next/headers", () => ({ cookies: async () => ({ has: (name: string) => cookieNames.includes(name) }) }));

const { getViewer } = await import("@/lib/viewer");

beforeEach(() => {
  auth.mockReset();
  checkHealth.mockReset();
  cookieNames = [];
});

describe("getViewer", () => {
  it("is the session's user", async () => {
    auth.mockResolvedValue({ user: { id: "user-1" } });
    await expect(getViewer()).resolves.toEqual({ userId: "user-1" });
    expect(checkHealth).not.toHaveBeenCalled();
  });

  it("is nobody without a session cookie, without asking the database", async () => {
    auth.mockResolvedValue(null);
    await expect(getViewer()).resolves.toBeNull();
    expect(checkHealth).not.toHaveBeenCalled();
  });

  it("is nobody when the cookie names no live session and the database is up", async () => {
    cookieNames = ["authjs.session-token"];
    auth.mockResolvedValue(null);
    checkHealth.mockResolvedValue({ status: "ok", db: "ok" });
    await expect(getViewer()).resolves.toBeNull();
  });

  it("fails, rather than signing the person out, when the session could not be read because the database is down", async () => {
    cookieNames = ["__Secure-authjs.session-token"];
    auth.mockResolvedValue(null);
    checkHealth.mockResolvedValue({ status: "degraded", db: "down" });
    await expect(getViewer()).rejects.toThrow(/database is unreachable/);
  });
});
