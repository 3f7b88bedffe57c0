import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/shared/safe-redirect";

describe("safeCallbackPath", () => {
  it.each([
    ["/settings", "/settings"],
    ["/weeks/2025-03-03?tab=notes#x", "/weeks/2025-03-03?tab=notes#x"],
    ["/a/../settings", "/settings"],
  ])("keeps the relative path %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });

  it.each([
    "https://evil.example/x",
    "//evil.example/x",
    "/\\evil.example/x",
    "\\\\evil.example",
    "javascript:alert(1)",
    "http:evil.example",
    "/\tevil",
    "",
    "settings",
    undefined,
    42,
    "/" + "a".repeat(2_001),
  ])("falls back to the dashboard for %j", (input) => {
    expect(safeCallbackPath(input)).toBe("/dashboard");
  });

  it("lets an absolute URL on our own origin through as a path", () => {
    expect(safeCallbackPath("http://127.0.0.1:3000/notes?q=1", "http://127.0.0.1:3000")).toBe("/notes?q=1");
  });

  it("refuses an absolute URL on another origin even when an origin is given", () => {
    expect(safeCallbackPath("https://evil.example/notes", "http://127.0.0.1:3000")).toBe("/dashboard");
    expect(safeCallbackPath("http://127.0.0.1:3001/notes", "http://127.0.0.1:3000")).toBe("/dashboard");
  });
});
