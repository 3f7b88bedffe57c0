import { beforeEach, describe, expect, it, vi } from "vitest";
import { SESSION_COOKIE } from "@/lib/config/session-cookies";

// Auth.js swallows a failed session lookup and answers "no session"; these
// stand in for it, for the request's cookies and for the sessions table.
const auth = vi.fn();
const findSession = vi.fn();
let cookies: Record<string, string> = {};

vi.mock("@/lib/server/auth", () => ({ auth }));
vi.mock("@/lib/server/db", () => ({ db: { session: { findUnique: findSession } } }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: (name: string) => (name in cookies ? { name, value: cookies[name] } : undefined) }) }));

const { getViewer } = await import("@/lib/server/viewer");

const inAnHour = () => new Date(Date.now() + 3_600_000);

beforeEach(() => {
  auth.mockReset();
  findSession.mockReset();
  cookies = {};
});

describe("getViewer", () => {
  it("is the session's user", async () => {
    auth.mockResolvedValue({ user: { id: "user-1" } });
    await expect(getViewer()).resolves.toEqual({ userId: "user-1" });
    expect(findSession).not.toHaveBeenCalled();
  });

  it("is nobody without a session cookie, without asking the database", async () => {
    auth.mockResolvedValue(null);
    await expect(getViewer()).resolves.toBeNull();
    expect(findSession).not.toHaveBeenCalled();
  });

  it("is nobody, without asking the database, when the cookie is no session token at all", async () => {
    cookies = { [SESSION_COOKIE.plain]: "\u0000' OR 1=1" };
    auth.mockResolvedValue(null);
    await expect(getViewer()).resolves.toBeNull();
    expect(findSession).not.toHaveBeenCalled();
  });

  it("is nobody when the cookie names no session, or an expired one", async () => {
    cookies = { [SESSION_COOKIE.plain]: "gone-0123456789abcdef" };
    auth.mockResolvedValue(null);
    findSession.mockResolvedValueOnce(null).mockResolvedValueOnce({ userId: "user-1", expires: new Date(Date.now() - 1_000) });
    await expect(getViewer()).resolves.toBeNull();
    await expect(getViewer()).resolves.toBeNull();
    expect(findSession).toHaveBeenCalledWith(expect.objectContaining({ where: { sessionToken: "gone-0123456789abcdef" } }));
  });

  it("fails, rather than signing the person out, when the sessions table cannot be read", async () => {
    cookies = { [SESSION_COOKIE.secure]: "0b6c2b1e-5f9d-4a8e-9c1d-3e2f4a5b6c7d" };
    auth.mockResolvedValue(null);
    findSession.mockRejectedValue(new Error("connect ECONNREFUSED"));
    await expect(getViewer()).rejects.toThrow(/ECONNREFUSED/);
  });

  it("is the session's user when Auth.js's read failed but a second read finds the session live (a blip)", async () => {
    cookies = { [SESSION_COOKIE.plain]: "0b6c2b1e-5f9d-4a8e-9c1d-3e2f4a5b6c7d" };
    auth.mockResolvedValue(null);
    findSession.mockResolvedValue({ userId: "user-1", expires: inAnHour() });
    await expect(getViewer()).resolves.toEqual({ userId: "user-1" });
  });
});
