// Bad input, tried by the thousand: every server action and route handler,
// called in-process with the real modules on the real database, with inputs
// from our zod schemas and far outside them, by a signed-in attacker (also
// signed out, from other origins, with broken cookies). Proves, per call: no
// 5xx, nothing thrown but Next's redirect / not-found, no "something went
// wrong" answer, no error logged, no other user's data in a response; and,
// per batch of calls: no row of any other user changed.
//
// Only Next's request context is stood in for (next/headers, next/cache; see
// tests/support/next-request.ts), plus the development outbox, which would
// otherwise write every sign-in email into .data/outbox. Calls run a few at a
// time, as requests do; those that end the attacker's session run alone.
// Reproduce a failure with the seed it prints:
//   FUZZ_SEED=<seed> npx vitest run --project integration tests/integration/fuzz-actions.test.ts
import { AsyncLocalStorage } from "node:async_hooks";
import { readdir } from "node:fs/promises";
import { join, relative } from "node:path";
import fc from "fast-check";
import { afterAll, expect, it, vi } from "vitest";

const feedServer = await vi.hoisted(async () => {
  // As in production: AUTH_URL is set (lib/config/env.ts requires it there), so origins and links follow it.
  process.env.AUTH_URL = "https://wheelhouse.example.test";
  // The world's feeds are served on loopback, allowed as an operator would allow an internal calendar server.
  const { startFuzzFeedServer } = await import("../support/fuzz/feed-server");
  const server = await startFuzzFeedServer();
  process.env.CALENDAR_FEED_ALLOWED_HOSTS = server.host;
  return server;
});
vi.mock("next/headers", () => import("../support/next-request").then((module) => module.nextHeaders));
vi.mock("next/cache", () => import("../support/next-request").then((module) => module.nextCache));
vi.mock("next/server", (original) => import("../support/next-request").then((module) => module.nextServer(original)));
vi.mock("@/lib/server/outbox", () => ({ writeToOutbox: async () => undefined, listOutbox: async () => [] }));

import { stopJobs } from "@/lib/server/jobs";
import { logger } from "@/lib/server/logger";
import { resolve, type CallContext } from "../support/fuzz/arbitraries";
import { actionArgs, callerArb, routeArgs, type Caller } from "../support/fuzz/calls";
import { APP_URL, SESSION_COOKIE, changedRows, ensureAttacker, othersRows, refreshAttackerPools, seedWorld, type World } from "../support/fuzz/world";
import { withRequest } from "../support/next-request";
import { CALLBACK_URL_COOKIE } from "@/lib/config/session-cookies";

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_124);
const CALLS_PER_BATCH = 50;
const BATCHES = 205;
const MIN_CALLS = 10_000;
/** Calls in flight at once. */
const CONCURRENCY = 3;
/** Calls that end the attacker's session (or account): run alone, then the attacker is put back. */
const ENDS_SESSION = /#(signOutAction|signOutAllDevices|deleteAccountAction|switchAccountAction)$/;
const HTTP_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

afterAll(async () => {
  await stopJobs();
  await feedServer.stop();
  delete process.env.AUTH_URL;
  delete process.env.CALENDAR_FEED_ALLOWED_HOSTS;
});

type Target = (...args: unknown[]) => Promise<unknown>;
type Call = [key: string, args: unknown[], caller: Caller];
type Verdict = { outcome: string; problems: string[] };

/**
 * Every server action (each function an `actions.ts` exports) and every
 * route handler (each HTTP method a `route.ts` exports), found on disk, so a
 * new one cannot be left out of the fuzz.
 */
async function discoverTargets(): Promise<Map<string, Target>> {
  const root = process.cwd();
  const files = (await readdir(join(root, "app"), { recursive: true }))
    .filter((file) => /(^|\/)(actions|route)\.ts$/.test(file))
    .map((file) => relative(root, join(root, "app", file)))
    .sort();
  const targets = new Map<string, Target>();
  for (const file of files) {
    const exports = (await import(/* @vite-ignore */ join(root, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      if (typeof value !== "function") continue;
      if (file.endsWith("route.ts") && !HTTP_METHODS.has(name)) continue;
      targets.set(`${file}#${name}`, value as Target);
    }
  }
  return targets;
}

const ORIGINS: Record<Caller["origin"], string | null> = {
  app: APP_URL,
  none: null,
  null: "null",
  foreign: "https://evil.example",
  malformed: "https://wheelhouse.example.test:99999",
};

function headersFor(caller: Caller, world: World): Headers {
  const headers = new Headers({ host: new URL(APP_URL).host, "x-forwarded-proto": "https" });
  const origin = ORIGINS[caller.origin];
  if (origin) headers.set("origin", origin);
  const session = `${SESSION_COOKIE}=${world.attacker.sessionToken}`;
  const cookies: Record<Caller["session"], string | null> = {
    attacker: session,
    none: null,
    // %00 decodes to NUL, which PostgreSQL cannot even compare.
    garbage: `${SESSION_COOKIE}=${"%00'\" OR 1=1".repeat(3)}; other=1`,
    "bad callback cookie": `${session}; ${CALLBACK_URL_COOKIE.secure}=javascript:alert(1)`,
  };
  const cookie = cookies[caller.session];
  if (cookie) headers.set("cookie", cookie);
  if (caller.forwardedFor) headers.set("x-forwarded-for", caller.forwardedFor);
  if (caller.userAgent) headers.set("user-agent", caller.userAgent);
  return headers;
}

/** Next's own control flow: redirect() and notFound() throw errors with these digests, answered as 303/307 and 404. */
function nextControlFlow(error: unknown): string | null {
  const digest = (error as { digest?: unknown } | null)?.digest;
  if (typeof digest !== "string") return null;
  // "NEXT_REDIRECT;replace;/signin;307;": off to sign in means refused for want of a session.
  if (digest.startsWith("NEXT_REDIRECT")) return digest.split(";")[2]?.startsWith("/signin") ? "redirect to sign in" : "redirect";
  if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return "not found";
  return null;
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message.slice(0, 300)}\n${error.stack?.split("\n").slice(1, 6).join("\n") ?? ""}`;
  return fc.stringify(error).slice(0, 300);
}

/** What a call's answer says: a category for the tally, and any problem (a response naming `secrets` is one). */
async function judge(result: unknown, secrets: string[]): Promise<Verdict> {
  if (result instanceof Response) {
    const body = await result.text();
    const problems = result.status >= 500 ? [`answered ${result.status}`] : [];
    for (const secret of secrets) if (body.includes(secret)) problems.push(`answered with another user's data (${secret})`);
    return { outcome: `http ${result.status}`, problems };
  }
  if (result === undefined) return { outcome: "done", problems: [] };
  const answer = result as { status?: unknown; ok?: unknown; message?: unknown };
  if (typeof answer.message === "string" && /something went wrong/i.test(answer.message)) return { outcome: "generic error", problems: [`answered "${answer.message}"`] };
  if (answer.status === "success" || answer.ok === true) return { outcome: "done", problems: [] };
  if (answer.status === "error" || answer.ok === false) return { outcome: "refused", problems: [] };
  return { outcome: "other", problems: [`answered something unexpected: ${fc.stringify(result).slice(0, 200)}`] };
}

/** Errors logged while a call runs land in that call's list; any logged outside every call, in `stray`. */
const callLogs = new AsyncLocalStorage<string[]>();
const stray: string[] = [];

function recordLogged(where: string) {
  return (...args: unknown[]) => {
    const [first, second] = args;
    const err = (first as { err?: unknown } | null)?.err;
    (callLogs.getStore() ?? stray).push(`${where}: ${typeof first === "string" ? first : String(second ?? "")}${err ? ` (${describeError(err)})` : ""}`);
  };
}

it(
  `calls every server action and route handler ${MIN_CALLS.toLocaleString("en-GB")}+ times with hostile input: no 5xx, no unhandled or logged error, no other user's row changed`,
  async () => {
    const world = await seedWorld({ feedHost: feedServer.host });
    const targets = await discoverTargets();
    const argsByTarget: Record<string, fc.Arbitrary<unknown[]>> = { ...actionArgs(world), ...routeArgs() };
    // A new action or handler needs its inputs described in tests/support/fuzz/calls.ts.
    expect(Object.keys(argsByTarget).sort()).toEqual([...targets.keys()].sort());

    vi.spyOn(logger, "error").mockImplementation(recordLogged("logger.error"));
    vi.spyOn(logger, "fatal").mockImplementation(recordLogged("logger.fatal"));
    vi.spyOn(console, "error").mockImplementation(recordLogged("console.error"));

    // What no download or Auth.js answer may ever show the attacker: the strangers' reflections. (Not their
    // addresses: the attacker may type those into an invitation of their own, and find them in their export.)
    const secrets = world.victims.map((victim) => `Reflection of ${victim.email}`);
    const tally = new Map<string, Map<string, number>>([...targets.keys()].map((key) => [key, new Map()]));
    let calls = 0;

    async function run([key, args, caller]: Call): Promise<void> {
      const context: CallContext = { world, headers: headersFor(caller, world), appUrl: APP_URL };
      const logged: string[] = [];
      let verdict: Verdict;
      try {
        verdict = await callLogs.run(logged, () => withRequest(context.headers, async () => judge(await targets.get(key)!(...(resolve(args, context) as unknown[])), secrets)));
      } catch (error) {
        const flow = nextControlFlow(error);
        verdict = flow ? { outcome: flow, problems: [] } : { outcome: "threw", problems: [`threw ${describeError(error)}`] };
      }
      calls += 1;
      const counts = tally.get(key)!;
      counts.set(verdict.outcome, (counts.get(verdict.outcome) ?? 0) + 1);
      const problems = [...verdict.problems, ...logged];
      if (problems.length > 0) throw new Error(`${key} as ${fc.stringify(caller).slice(0, 300)} with ${fc.stringify(args).slice(0, 2_000)}:\n${problems.join("\n")}`);
    }

    const baseline = await othersRows(world);
    const call = fc.oneof(...[...targets.keys()].map((key) => fc.tuple(fc.constant(key), argsByTarget[key]!, callerArb)));
    const started = performance.now();

    const details = await fc.check(
      fc.asyncProperty(fc.array(call, { minLength: CALLS_PER_BATCH, maxLength: CALLS_PER_BATCH }), async (batch) => {
        await ensureAttacker(world);
        await refreshAttackerPools(world);
        for (let next = 0; next < batch.length; ) {
          if (ENDS_SESSION.test(batch[next]![0])) {
            await run(batch[next++]!);
            await ensureAttacker(world);
            continue;
          }
          const group: Call[] = [];
          while (next < batch.length && group.length < CONCURRENCY && !ENDS_SESSION.test(batch[next]![0])) group.push(batch[next++]!);
          await Promise.all(group.map(run));
        }
        if (stray.length > 0) throw new Error(`Errors logged outside any call:\n${stray.splice(0).join("\n")}`);
        const changes = changedRows(baseline, await othersRows(world));
        if (changes.length > 0) {
          const list = batch.map(([key, args]) => `${key} ${fc.stringify(args).slice(0, 300)}`).join("\n");
          throw new Error(`Rows of other users changed during this batch:\n${changes.join("\n")}\nThe batch's calls:\n${list}`);
        }
      }),
      { seed: SEED, numRuns: BATCHES, endOnFailure: true },
    );
    // The failing call says it all; fast-check's own report would print the whole batch.
    if (details.failed) {
      const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      throw new Error(`Fuzz failed (FUZZ_SEED=${details.seed}, batch ${details.numRuns}): ${cause}`);
    }

    const seconds = (performance.now() - started) / 1000;
    const lines = [...tally].map(([key, counts]) => `  ${key}: ${[...counts].map(([outcome, count]) => `${outcome} ${count}`).join(", ")}`);
    console.info(`Fuzz (seed ${SEED}): ${calls} calls in ${seconds.toFixed(1)} s\n${lines.join("\n")}`);
    expect(calls).toBeGreaterThanOrEqual(MIN_CALLS);
    expect([...tally].filter(([, counts]) => counts.size === 0).map(([key]) => key)).toEqual([]);
    // The world's feeds are fetched for real (tests/support/fuzz/feed-server.ts): refreshing and removing one succeed too.
    for (const action of ["refreshFeedAction", "unsubscribeFeedAction"]) expect(tally.get(`app/(app)/calendar/actions.ts#${action}`)?.get("done"), action).toBeGreaterThan(0);
  },
  600_000,
);
