// How large a post may be. Its own module: next.config.ts reads it, and
// request-guard.ts (which proxy.ts runs) imports Next's internals.

/**
 * The largest post a page takes: a calendar file (/calendar) or an account
 * export (Settings) of up to 20 MB, and the form around it. next.config.ts
 * gives it to Next as the server actions' body limit.
 */
export const MAX_POST_BYTES = 21 * 1024 * 1024;

/**
 * What Next hands proxy.ts of a body (by default 10 MB: a larger body would
 * reach it cut short), and buffers for the page: a little more than
 * MAX_POST_BYTES, so a body streamed without a Content-Length that is too
 * large still shows proxy.ts more than MAX_POST_BYTES (Next cuts it silently
 * at this size: the cut would otherwise look like a whole, smaller post).
 */
export const PROXY_BODY_BYTES = MAX_POST_BYTES + 1024 * 1024;

/** The address a form post too large to read goes back to, where the page says so at its file field. */
export const TOO_LARGE_PARAM = "upload";
