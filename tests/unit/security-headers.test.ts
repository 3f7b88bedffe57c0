import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, securityHeaders } from "@/lib/config/security-headers";

describe("security headers", () => {
  it("makes a fresh nonce each time", () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it("allows only nonce'd scripts in production, and locks down objects, base and framing", () => {
    const policy = contentSecurityPolicy("abc", { development: false });
    expect(policy).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
  });

  it("sends HSTS in production and no-store on signed-in pages", () => {
    const production = securityHeaders({ nonce: "n", development: false, signedInPage: true });
    expect(production["Strict-Transport-Security"]).toMatch(/max-age=\d+/);
    expect(production["Cache-Control"]).toBe("private, no-store");
    expect(production["X-Content-Type-Options"]).toBe("nosniff");
    expect(production["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");

    const landing = securityHeaders({ nonce: "n", development: true, signedInPage: false });
    expect(landing["Strict-Transport-Security"]).toBeUndefined();
    expect(landing["Cache-Control"]).toBeUndefined();
  });

  it("keeps a shared story link's address out of referrers, search indexes and shared caches", () => {
    const shared = securityHeaders({ nonce: "n", development: false, signedInPage: false, sharedLinkPage: true });
    expect(shared["Referrer-Policy"]).toBe("no-referrer");
    expect(shared["X-Robots-Tag"]).toMatch(/^noindex/);
    expect(shared["Cache-Control"]).toBe("private, no-store");
    expect(shared["X-Content-Type-Options"]).toBe("nosniff");
    expect(shared["X-Frame-Options"]).toBe("DENY");

    const other = securityHeaders({ nonce: "n", development: false, signedInPage: false });
    expect(other["X-Robots-Tag"]).toBeUndefined();
  });
});
