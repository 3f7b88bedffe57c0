// Requests that no page of ours can answer, refused with a 400 by proxy.ts
// before Next handles them. Next answers each of these with a 500 (and an
// error in the log) when they reach it: a path whose percent-encoding is
// broken fails to decode into route params, an RSC request whose router state
// header does not parse fails in rendering, and a server-action or form post
// whose body does not parse (truncated, another boundary, not JSON, empty)
// fails in Next's action handler. Cheap: the body is read only for posts to
// pages, which are small forms.
import { parseAndValidateFlightRouterState } from "next/dist/server/app-render/parse-and-validate-flight-router-state";
import { MAX_POST_BYTES } from "@/lib/config/post-limits";

/**
 * A post larger than MAX_POST_BYTES never reaches a page: Next would answer it
 * with its own body-limit error. A page's form post (no script: a browser
 * without JavaScript) is sent back to the page with `?upload=too-large`, which
 * its upload form shows at the file field; a server action called from script
 * gets a 413 in words. Its Content-Length tells, before any of it is read; a
 * body streamed without one (chunked) is counted as it comes, up to the limit
 * (Next hands proxy.ts up to PROXY_BODY_BYTES of it, a little more).
 */
export async function tooLargePost(request: Request): Promise<boolean> {
  if (request.method !== "POST") return false;
  const declared = request.headers.get("content-length");
  if (declared !== null) {
    const length = Number(declared);
    return Number.isFinite(length) && length > MAX_POST_BYTES;
  }
  if (!request.body) return false;
  const reader = request.clone().body!.getReader();
  let bytes = 0;
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      bytes += chunk.value.byteLength;
      if (bytes > MAX_POST_BYTES) return true;
    }
    return false;
  } finally {
    // Not awaited: a clone's cancel settles only once the request's own body is done with too.
    void reader.cancel();
  }
}

/** Why the request is malformed, or null when it is well-formed enough for Next. */
export async function malformedRequest(request: Request, pathname: string): Promise<string | null> {
  // An address holding a NUL character (%00) is never one of ours, and the id or
  // search it carries would fail in PostgreSQL, which cannot even compare one.
  if (request.url.includes("%00")) return "address holds a NUL character";
  try {
    for (const segment of pathname.split("/")) decodeURIComponent(segment);
  } catch {
    return "address is not valid percent-encoding";
  }
  const routerState = request.headers.get("next-router-state-tree");
  if (routerState !== null && request.headers.has("rsc")) {
    // Next's own parser, so what passes here is exactly what Next accepts.
    try {
      parseAndValidateFlightRouterState(routerState);
    } catch {
      return "router state does not parse";
    }
  }
  if (request.method !== "POST" || pathname.startsWith("/api/")) return null;
  const contentType = request.headers.get("content-type") ?? "";
  if (/^multipart\/form-data/i.test(contentType)) {
    // Undici's parser refuses a body without its boundary, a truncated one and an empty one alike.
    return (await request.clone().formData().then(() => true, () => false)) ? null : "form body does not parse";
  }
  if (request.headers.has("next-action") && !/^application\/x-www-form-urlencoded/i.test(contentType)) {
    // A server action called from script sends its arguments as JSON text.
    const text = await request.clone().text();
    try {
      JSON.parse(text);
      return null;
    } catch {
      return "server action arguments are not JSON";
    }
  }
  return null;
}
