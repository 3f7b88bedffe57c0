// Auth.js's cookie names, written here only: "authjs.<name>" on http and
// "__Secure-authjs.<name>" on https. The session cookie carries a database
// session; the proxy (an optimistic check), lib/server/viewer.ts and account
// deletion read it, and none decides access by it alone.
function authCookie<Name extends string>(name: Name) {
  return { plain: `authjs.${name}`, secure: `__Secure-authjs.${name}` } as const;
}

export const SESSION_COOKIE = authCookie("session-token");
/** Where to go after signing in. */
export const CALLBACK_URL_COOKIE = authCookie("callback-url");

export const SESSION_COOKIE_NAMES = [SESSION_COOKIE.plain, SESSION_COOKIE.secure] as const;
