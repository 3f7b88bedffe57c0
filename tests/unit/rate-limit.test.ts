import { describe, expect, it, vi } from "vitest";
import { rateLimitKey, retryAfterInWords } from "@/lib/server/rate-limit";

// lib/config/env.ts validates at import; nothing here connects.
vi.hoisted(() => {
  process.env.DATABASE_URL ??= "postgresql://postgres@127.0.0.1:1/unused";
  process.env.AUTH_SECRET ??= "unit-tests-only-secret-0123456789abcdef";
});

describe("rate limit keys", () => {
  it("are the same however an address is typed, differ between addresses, and do not contain them", () => {
    expect(rateLimitKey(" Ada@Example.test ")).toBe(rateLimitKey("ada@example.test"));
    expect(rateLimitKey("ada@example.test")).not.toBe(rateLimitKey("grace@example.test"));
    expect(rateLimitKey("ada@example.test")).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe("retryAfterInWords", () => {
  it.each([
    [1, "a minute"],
    [60, "a minute"],
    [61, "2 minutes"],
    [14 * 60 + 5, "15 minutes"],
    [89 * 60, "89 minutes"],
    [90 * 60, "2 hours"],
    [23 * 3600 + 1, "24 hours"],
  ])("%i s → %s", (seconds, words) => {
    expect(retryAfterInWords(seconds)).toBe(words);
  });
});
