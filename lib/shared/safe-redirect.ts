// Open-redirect guard for sign-in callback URLs: only paths on our own origin.
const DEFAULT_PATH = "/dashboard";
const PROBE_ORIGIN = "http://wheelhouse.invalid";

/**
 * Returns `input` as a path on our origin (path, query and hash), or the
 * default path when `input` is absolute, protocol-relative or otherwise
 * points elsewhere. `origin`, when given, lets an absolute URL on our own
 * origin through (Auth.js hands those to its redirect callback).
 */
export function safeCallbackPath(input: unknown, origin?: string): string {
  if (typeof input !== "string" || input.length === 0 || input.length > 2_000) return DEFAULT_PATH;
  let candidate = input;
  if (origin && !input.startsWith("/")) {
    try {
      const absolute = new URL(input);
      if (absolute.origin !== new URL(origin).origin) return DEFAULT_PATH;
      candidate = `${absolute.pathname}${absolute.search}${absolute.hash}`;
    } catch {
      return DEFAULT_PATH;
    }
  }
  // "//evil.example" and "/\evil.example" are protocol-relative in browsers.
  if (!candidate.startsWith("/") || candidate.startsWith("//") || candidate.startsWith("/\\")) {
    return DEFAULT_PATH;
  }
  if (/[\u0000-\u001f]/.test(candidate)) return DEFAULT_PATH;
  const resolved = new URL(candidate, PROBE_ORIGIN);
  if (resolved.origin !== PROBE_ORIGIN) return DEFAULT_PATH;
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}

/**
 * Whether Auth.js can use `input` as a callback URL: an http(s) URL, or a
 * path on `origin`. (It answers anything else with a 500; lib/server/auth.ts drops it first.)
 */
export function isHttpUrl(input: string, origin: string): boolean {
  try {
    return /^https?:$/.test(new URL(input, input.startsWith("/") ? origin : undefined).protocol);
  } catch {
    return false;
  }
}
