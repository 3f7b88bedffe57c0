// Stands in for Next's request context, so real server actions and route
// handlers run in-process: `next/headers` answers from the request the test
// runs them in (several may run at once, each in its own), and
// `next/cache` does nothing, and `after()` from `next/server` runs its task
// once the current one yields (`afterResponse()` waits for them all).
// Nothing else is faked. Use from a test file:
//   vi.mock("next/headers", () => import("../support/next-request").then((m) => m.nextHeaders));
//   vi.mock("next/cache", () => import("../support/next-request").then((m) => m.nextCache));
//   vi.mock("next/server", (original) => import("../support/next-request").then((m) => m.nextServer(original)));
// and call actions inside withRequest(headers, () => action(...)).
import { AsyncLocalStorage } from "node:async_hooks";

type CookieOptions = { maxAge?: number; expires?: Date };
type Cookie = { name: string; value: string };
type RequestState = { headers: Headers; jar: Map<string, string> };

const requests = new AsyncLocalStorage<RequestState>();

function parseCookies(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at > 0) cookies.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  return cookies;
}

function current(): RequestState {
  const state = requests.getStore();
  if (!state) throw new Error("next/headers was read outside withRequest()");
  return state;
}

/** A form post with these fields, as a server action receives it. */
export function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

/** Runs `run` as if handling a request with these headers (its cookies included). */
export function withRequest<T>(headers: Headers, run: () => Promise<T>): Promise<T> {
  return requests.run({ headers, jar: parseCookies(headers.get("cookie")) }, run);
}

/** The cookies as the response would leave them (set or cleared by the action). */
export function responseCookies(): ReadonlyMap<string, string> {
  return current().jar;
}

const cookieStore = {
  get: (name: string): Cookie | undefined => {
    const value = current().jar.get(name);
    return value === undefined ? undefined : { name, value };
  },
  getAll: (): Cookie[] => [...current().jar].map(([name, value]) => ({ name, value })),
  has: (name: string) => current().jar.has(name),
  set(nameOrCookie: string | (Cookie & CookieOptions), value?: string, options?: CookieOptions) {
    const [name, text, settings] = typeof nameOrCookie === "string" ? [nameOrCookie, value ?? "", options] : [nameOrCookie.name, nameOrCookie.value, nameOrCookie];
    const expired = settings?.maxAge === 0 || (settings?.expires !== undefined && settings.expires.getTime() <= Date.now());
    if (expired) current().jar.delete(name);
    else current().jar.set(name, text);
    return cookieStore;
  },
  delete(name: string) {
    current().jar.delete(name);
    return cookieStore;
  },
};

export const nextHeaders = {
  headers: async () => current().headers,
  cookies: async () => cookieStore,
};

export const nextCache = {
  revalidatePath: () => undefined,
  revalidateTag: () => undefined,
};

const afterTasks = new Set<Promise<unknown>>();

/** `next/server` with `after()` run here, without Next's request scope (which throws outside one). */
export async function nextServer(original: () => Promise<unknown>) {
  return {
    ...(await original() as object),
    after(task: Promise<unknown> | (() => unknown)) {
      const run = Promise.resolve().then(() => (typeof task === "function" ? task() : task));
      afterTasks.add(run);
      const settle = () => afterTasks.delete(run);
      run.then(settle, settle);
    },
  };
}

/** Waits for every task handed to `after()`, as a response's end would. */
export async function afterResponse(): Promise<void> {
  while (afterTasks.size > 0) await Promise.allSettled([...afterTasks]);
}
