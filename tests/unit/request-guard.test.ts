import { describe, expect, it } from "vitest";
import { MAX_POST_BYTES, PROXY_BODY_BYTES } from "@/lib/config/post-limits";
import { malformedRequest, tooLargePost } from "@/lib/config/request-guard";

const origin = "https://wheelhouse.example";

function formPost(body: string, contentType = "multipart/form-data; boundary=B", headers: Record<string, string> = {}): Request {
  return new Request(`${origin}/settings`, { method: "POST", headers: { "content-type": contentType, ...headers }, body });
}

const wellFormed = '--B\r\nContent-Disposition: form-data; name="name"\r\n\r\nAda\r\n--B--\r\n';

describe("malformedRequest", () => {
  it("lets well-formed requests through", async () => {
    expect(await malformedRequest(new Request(`${origin}/stakeholders/abc%20def`), "/stakeholders/abc%20def")).toBeNull();
    expect(await malformedRequest(formPost(wellFormed), "/settings")).toBeNull();
    expect(await malformedRequest(formPost(wellFormed, undefined, { "next-action": "7f" }), "/settings")).toBeNull();
    expect(await malformedRequest(formPost('["$K1"]', "text/plain;charset=UTF-8", { "next-action": "7f" }), "/settings")).toBeNull();
    expect(await malformedRequest(formPost("a=1", "application/x-www-form-urlencoded", { "next-action": "7f" }), "/settings")).toBeNull();
  });

  it("refuses addresses no page could answer", async () => {
    expect(await malformedRequest(new Request(`${origin}/notes?q=%00`), "/notes")).toMatch(/NUL/);
    expect(await malformedRequest(new Request(`${origin}/stakeholders/%E0%A4%A`), "/stakeholders/%E0%A4%A")).toMatch(/percent-encoding/);
    expect(await malformedRequest(new Request(`${origin}/weeks/%C0%AF`), "/weeks/%C0%AF")).toMatch(/percent-encoding/);
  });

  it("refuses RSC requests whose router state does not parse, and lets a real one through", async () => {
    const rsc = (state: string) => new Request(`${origin}/dashboard`, { headers: { rsc: "1", "next-router-state-tree": state } });
    const real = encodeURIComponent(JSON.stringify(["", { children: ["(app)", { children: ["dashboard", { children: ["__PAGE__", {}] }] }] }, null, null, 1]));
    expect(await malformedRequest(rsc(real), "/dashboard")).toBeNull();
    expect(await malformedRequest(rsc("%7Bnot-json"), "/dashboard")).toMatch(/router state/);
    expect(await malformedRequest(rsc(encodeURIComponent('{"a":[1,2]}')), "/dashboard")).toMatch(/router state/);
    expect(await malformedRequest(rsc("%E0%A4%A"), "/dashboard")).toMatch(/router state/);
  });

  it("refuses form posts whose body does not parse, with or without a Next-Action header", async () => {
    for (const headers of [{}, { "next-action": "7f" }] as Record<string, string>[]) {
      expect(await malformedRequest(formPost(wellFormed.slice(0, 30), undefined, headers), "/settings")).toMatch(/does not parse/);
      expect(await malformedRequest(formPost(wellFormed, "multipart/form-data", headers), "/settings")).toMatch(/does not parse/);
      expect(await malformedRequest(formPost(wellFormed, "multipart/form-data; boundary=other", headers), "/settings")).toMatch(/does not parse/);
      expect(await malformedRequest(formPost("", undefined, headers), "/settings")).toMatch(/does not parse/);
    }
  });

  it("refuses server actions whose arguments are not JSON", async () => {
    expect(await malformedRequest(formPost("{not json", "text/plain;charset=UTF-8", { "next-action": "7f" }), "/settings")).toMatch(/not JSON/);
    expect(await malformedRequest(formPost("", "text/plain;charset=UTF-8", { "next-action": "7f" }), "/settings")).toMatch(/not JSON/);
  });

  it("leaves the API routes' bodies to their own parsers", async () => {
    const post = new Request(`${origin}/api/auth/signin/nodemailer`, { method: "POST", headers: { "content-type": "multipart/form-data" }, body: "x" });
    expect(await malformedRequest(post, "/api/auth/signin/nodemailer")).toBeNull();
  });
});

describe("tooLargePost", () => {
  // Declared, not sent: the guard decides by Content-Length, before any of the body is read.
  const post = (length: number | null, method = "POST") =>
    ({ method, headers: new Headers(length === null ? {} : { "content-length": String(length) }), body: null }) as Request;

  /** A post streamed without a Content-Length (chunked), `bytes` long, in pieces of 64 kB as a socket gives them. */
  function streamed(bytes: number): Request {
    const piece = new Uint8Array(64 * 1024);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const size = Math.min(piece.length, bytes - sent);
        if (size === 0) return controller.close();
        sent += size;
        controller.enqueue(piece.subarray(0, size));
      },
    });
    return new Request(`${origin}/calendar`, { method: "POST", headers: { "content-type": "multipart/form-data; boundary=x" }, body, duplex: "half" } as RequestInit);
  }

  it("answers a post larger than a page takes by its Content-Length, and nothing else", async () => {
    expect(await tooLargePost(post(MAX_POST_BYTES + 1))).toBe(true);
    expect(await tooLargePost(post(50 * 1024 * 1024))).toBe(true);
    expect(await tooLargePost(post(MAX_POST_BYTES))).toBe(false);
    expect(await tooLargePost(post(null))).toBe(false);
    expect(await tooLargePost(post(MAX_POST_BYTES + 1, "GET"))).toBe(false);
  });

  it("counts a body streamed without a Content-Length, and leaves it whole for the page", async () => {
    // What Next hands proxy.ts of a larger body: cut at PROXY_BODY_BYTES, still more than a page takes.
    expect(await tooLargePost(streamed(PROXY_BODY_BYTES))).toBe(true);
    expect(await tooLargePost(streamed(MAX_POST_BYTES + 1))).toBe(true);

    const fits = streamed(MAX_POST_BYTES);
    expect(await tooLargePost(fits)).toBe(false);
    expect((await fits.arrayBuffer()).byteLength).toBe(MAX_POST_BYTES);
  });

  it("leaves room for a 20 MB file and its form, within what Next and proxy.ts are told to read; proxy.ts sees more of a larger body", () => {
    expect(MAX_POST_BYTES).toBeGreaterThan(20 * 1024 * 1024);
    // Next cuts what it hands proxy.ts at PROXY_BODY_BYTES, dropping the piece that crosses it (64 kB at most).
    expect(PROXY_BODY_BYTES - 64 * 1024).toBeGreaterThan(MAX_POST_BYTES);
  });
});
