import { describe, expect, it } from "vitest";
import { appOrigin, clientIpFrom, isSameOrigin, requestContextFrom } from "@/lib/server/request-context";

const APP = "https://wheelhouse.example.com";

describe("the client's address for audit lines and per-IP limits", () => {
  it("takes the right-most X-Forwarded-For entry: the one our load balancer added", () => {
    expect(clientIpFrom(new Headers({ "x-forwarded-for": "1.1.1.1, 203.0.113.7" }))).toBe("203.0.113.7");
    expect(clientIpFrom(new Headers({ "x-forwarded-for": "203.0.113.7" }))).toBe("203.0.113.7");
  });

  it("unwraps IPv4-mapped IPv6 and falls back to X-Real-IP, else nothing", () => {
    expect(clientIpFrom(new Headers({ "x-forwarded-for": "::ffff:127.0.0.1" }))).toBe("127.0.0.1");
    expect(clientIpFrom(new Headers({ "x-forwarded-for": "2001:db8::1" }))).toBe("2001:db8::1");
    expect(clientIpFrom(new Headers({ "x-real-ip": "198.51.100.2" }))).toBe("198.51.100.2");
    expect(clientIpFrom(new Headers())).toBeNull();
  });

  it("keeps the user agent short", () => {
    const context = requestContextFrom(new Headers({ "user-agent": "x".repeat(2_000), "x-forwarded-for": "203.0.113.7" }));
    expect(context).toEqual({ ip: "203.0.113.7", userAgent: "x".repeat(512) });
  });
});

describe("the same-origin check for server actions", () => {
  it("accepts a post from the app's own origin", () => {
    expect(isSameOrigin(new Headers({ origin: APP, host: "wheelhouse.example.com" }), APP)).toBe(true);
    expect(isSameOrigin(new Headers({ origin: APP }), `${APP}/some/path`)).toBe(true);
  });

  it("refuses another site, a look-alike, another scheme or port, and a missing or null Origin", () => {
    const refused = ["https://evil.example", "https://wheelhouse.example.com.evil.example", "http://wheelhouse.example.com", "https://wheelhouse.example.com:8443", "null", "not a url"];
    for (const origin of refused) expect(isSameOrigin(new Headers({ origin, host: "wheelhouse.example.com" }), APP), origin).toBe(false);
    expect(isSameOrigin(new Headers({ host: "wheelhouse.example.com" }), APP)).toBe(false);
  });

  it("without a configured URL (development) compares with the Host the request came to", () => {
    expect(isSameOrigin(new Headers({ origin: "http://localhost:3000", host: "localhost:3000" }), undefined)).toBe(true);
    expect(isSameOrigin(new Headers({ origin: "http://localhost:3001", host: "localhost:3000" }), undefined)).toBe(false);
    expect(isSameOrigin(new Headers({ origin: "https://app.test", host: "app.test", "x-forwarded-proto": "https" }), undefined)).toBe(true);
    expect(isSameOrigin(new Headers({ origin: "http://localhost:3000" }), undefined)).toBe(false);
  });
});

describe("the app's public origin (links in emails, the same-origin check)", () => {
  it("is AUTH_URL's when set, in a request or not", () => {
    expect(appOrigin(new Headers({ host: "elsewhere.test" }), `${APP}/path`)).toBe(APP);
    expect(appOrigin(null, APP)).toBe(APP);
  });

  it("without AUTH_URL is the Host the request came to, or the local address outside a request", () => {
    expect(appOrigin(new Headers({ host: "app.test", "x-forwarded-proto": "https" }), undefined)).toBe("https://app.test");
    expect(appOrigin(new Headers({ host: "localhost:3000" }), undefined)).toBe("http://localhost:3000");
    expect(appOrigin(new Headers(), undefined)).toBeNull();
    expect(appOrigin(null, undefined)).toBe("http://localhost:3000");
  });
});
