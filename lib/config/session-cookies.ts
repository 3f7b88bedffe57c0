// The cookie that carries an Auth.js database session: the plain name on
// http, the __Secure- one on https. Shared by the proxy (an optimistic check)
// and lib/server/viewer.ts; neither decides access by it.
export const SESSION_COOKIE_NAMES = ["authjs.session-token", "__Secure-authjs.session-token"] as const;
