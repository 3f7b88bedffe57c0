import { afterEach, describe, expect, it, vi } from "vitest";

// lib/config/env.ts validates at import, so each case imports a fresh copy.
async function loadEnv(vars: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [key, value] of Object.entries(vars)) vi.stubEnv(key, value);
  return import("@/lib/config/env");
}

const valid = {
  DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/wheelhouse",
  AUTH_SECRET: "a".repeat(32),
};

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("lib/config/env", () => {
  it("accepts a development setup with no email server", async () => {
    const { env } = await loadEnv({ ...valid, NODE_ENV: "development", EMAIL_SERVER: undefined });
    expect(env.EMAIL_SERVER).toBeUndefined();
    expect(env.EMAIL_FROM).toContain("Wheelhouse");
    expect(env.EMAIL_RETRY_DELAY_SECONDS).toBeUndefined();
  });

  it("reads the email retry delay as whole seconds", async () => {
    const { env } = await loadEnv({ ...valid, NODE_ENV: "development", EMAIL_RETRY_DELAY_SECONDS: "2" });
    expect(env.EMAIL_RETRY_DELAY_SECONDS).toBe(2);
  });

  it("reads the weekly emails' tick as whole seconds, a minute when unset", async () => {
    expect((await loadEnv({ ...valid, NODE_ENV: "development", REMINDER_TICK_SECONDS: "2" })).env.REMINDER_TICK_SECONDS).toBe(2);
    expect((await loadEnv({ ...valid, NODE_ENV: "development", REMINDER_TICK_SECONDS: undefined })).env.REMINDER_TICK_SECONDS).toBeUndefined();
    for (const bad of ["0", "1.5", "3601", "soon"]) {
      await expect(loadEnv({ ...valid, NODE_ENV: "development", REMINDER_TICK_SECONDS: bad })).rejects.toThrow(/REMINDER_TICK_SECONDS/);
    }
  });

  it("reads the calendar feed hosts an operator allows as host:port pairs, and refuses anything else", async () => {
    const { env } = await loadEnv({ ...valid, NODE_ENV: "development", CALENDAR_FEED_ALLOWED_HOSTS: " Calendar.Internal:443, 127.0.0.1:8080,[fd00::5]:8443 " });
    expect(env.CALENDAR_FEED_ALLOWED_HOSTS).toEqual(["calendar.internal:443", "127.0.0.1:8080", "[fd00::5]:8443"]);
    for (const bad of ["calendar.internal", "https://calendar.internal:443", "calendar.internal:0", "calendar.internal:70000", "a b:80"]) {
      await expect(loadEnv({ ...valid, NODE_ENV: "development", CALENDAR_FEED_ALLOWED_HOSTS: bad }), bad).rejects.toThrow(/CALENDAR_FEED_ALLOWED_HOSTS/);
    }
  });

  it("names the variable that is missing or bad", async () => {
    await expect(loadEnv({ ...valid, NODE_ENV: "development", DATABASE_URL: undefined })).rejects.toThrow(/DATABASE_URL/);
    await expect(loadEnv({ ...valid, NODE_ENV: "development", AUTH_SECRET: "short" })).rejects.toThrow(/AUTH_SECRET/);
    await expect(loadEnv({ ...valid, NODE_ENV: "development", EMAIL_SERVER: "http://mail" })).rejects.toThrow(/EMAIL_SERVER/);
    await expect(loadEnv({ ...valid, NODE_ENV: "development", EMAIL_RETRY_DELAY_SECONDS: "0" })).rejects.toThrow(/EMAIL_RETRY_DELAY_SECONDS/);
  });

  it("requires an email server and the public URL in production", async () => {
    const attempt = loadEnv({ ...valid, NODE_ENV: "production", EMAIL_SERVER: undefined, AUTH_URL: undefined });
    await expect(attempt).rejects.toThrow(/EMAIL_SERVER/);
    await expect(loadEnv({ ...valid, NODE_ENV: "production", EMAIL_SERVER: undefined, AUTH_URL: undefined })).rejects.toThrow(/AUTH_URL/);
  });
});
