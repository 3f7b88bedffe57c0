// Browser protections for every response. Pure, so proxy.ts stays small and
// the policy is unit-tested.

/** A fresh, unguessable nonce for one response's scripts. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string, { development }: { development: boolean }): string {
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic' lets Next's nonce'd bootstrap load its chunks; React's
    // development build needs eval for its debugging aids, production never.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // Inline styles (style attributes on SVG charts, toast positioning) cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${development ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}

/** Where a shared story link's page and download live (app/shared/story/): no account, the token in the address. */
export const SHARED_LINK_PREFIX = "/shared/";

export function securityHeaders({
  nonce,
  development,
  signedInPage,
  sharedLinkPage = false,
}: {
  nonce: string;
  development: boolean;
  signedInPage: boolean;
  sharedLinkPage?: boolean;
}): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(nonce, { development }),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  if (!development) headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains";
  // Signed-in pages hold private notes: never keep them in a shared or back/forward cache.
  if (signedInPage) headers["Cache-Control"] = "private, no-store";
  // A shared story's address is its secret: never in another site's logs (no Referer, from this page or
  // anything it loads or links), in a search index, or in a shared cache.
  if (sharedLinkPage) {
    headers["Referrer-Policy"] = "no-referrer";
    headers["X-Robots-Tag"] = "noindex, nofollow, noarchive";
    headers["Cache-Control"] = "private, no-store";
  }
  return headers;
}
