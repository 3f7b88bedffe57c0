// What every signed-in page costs before its own content: the session, its
// user and the shell, in at most two statements (lib/server/auth.ts
// readSessionAndUser, then the unread count), and the session's expiry
// written at most once per update window (Auth.js `session.updateAge`).
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SESSION_COOKIE } from "@/lib/config/session-cookies";
import { db } from "@/lib/server/db";
import { getProfile } from "@/lib/users";
import { withRequest } from "../support/next-request";
import { inRender } from "../support/render-cache";
import { createUser } from "../support/factories/users";

vi.mock("next/headers", () => import("../support/next-request").then((module) => module.nextHeaders));
vi.mock("next/cache", () => import("../support/next-request").then((module) => module.nextCache));
vi.mock("react", () => import("../support/render-cache").then((module) => module.reactWithRenderCache()));

const { default: SignedInLayout } = await import("@/app/(app)/layout");
const { default: BenchBaselinePage } = await import("@/app/(app)/bench-baseline/page");

const DAY = 24 * 60 * 60 * 1000;
const MAX_AGE = 30 * DAY;

const originalQuery = pg.Client.prototype.query;
let statements: string[] = [];

async function recordStatements(run: () => Promise<unknown>): Promise<string[]> {
  statements = [];
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const config = args[0];
    statements.push(typeof config === "string" ? config : String((config as { text?: string }).text));
    return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof originalQuery;
  try {
    await run();
  } finally {
    pg.Client.prototype.query = originalQuery;
  }
  return statements;
}

afterEach(() => {
  pg.Client.prototype.query = originalQuery;
});

async function signedInSession(userId: string, expires: Date): Promise<string> {
  const sessionToken = randomUUID();
  await db.session.create({ data: { userId, sessionToken, expires } });
  return sessionToken;
}

// Without AUTH_URL, Auth.js takes the origin from the request: https, so the secure cookie.
const headersFor = (sessionToken: string) =>
  new Headers({ host: "wheelhouse.example.test", "x-forwarded-proto": "https", cookie: `${SESSION_COOKIE.secure}=${sessionToken}` });

/** One render of the trivial signed-in page: its layout (the shell's reads) and the page. */
const renderTrivialPage = (sessionToken: string) =>
  withRequest(headersFor(sessionToken), () => inRender(async () => Promise.all([SignedInLayout({ children: null }), BenchBaselinePage()])));

const sessionWrites = (sent: string[]) => sent.filter((text) => /^UPDATE "public"\."Session"/.test(text));

describe("the session and the signed-in shell", () => {
  it("read the session, the user, the profile and the unread count in two statements", async () => {
    const ada = await createUser();
    const sessionToken = await signedInSession(ada.id, new Date(Date.now() + MAX_AGE));
    await renderTrivialPage(sessionToken);
    const sent = await recordStatements(() => renderTrivialPage(sessionToken));
    expect(sent, sent.join("\n---\n")).toHaveLength(2);
  });

  it("hand the dashboard the same profile as a read of its own, field for field", async () => {
    const ada = await createUser({ timeZone: "America/New_York", weekStartsOn: 0 });
    await db.user.update({ where: { id: ada.id }, data: { goalDepartments: ["SALES", "PRODUCT"], goalStrategySharePercent: 40 } });
    const sessionToken = await signedInSession(ada.id, new Date(Date.now() + MAX_AGE));
    const withSession = await withRequest(headersFor(sessionToken), () =>
      inRender(async () => {
        await SignedInLayout({ children: null });
        return getProfile(ada.id);
      }),
    );
    const alone = await getProfile(ada.id);
    expect(JSON.stringify(withSession)).toBe(JSON.stringify(alone));
    expect(withSession).toMatchObject({ timeZone: "America/New_York", weekStartsOn: 0, goalDepartments: ["SALES", "PRODUCT"] });
  });

  it("extend the session's expiry once per update window, not on every request", async () => {
    const ada = await createUser();
    const fresh = await signedInSession(ada.id, new Date(Date.now() + MAX_AGE));
    for (let i = 0; i < 3; i++) expect(sessionWrites(await recordStatements(() => renderTrivialPage(fresh)))).toEqual([]);

    // Last extended a day and a minute ago: due once.
    const due = await signedInSession(ada.id, new Date(Date.now() + MAX_AGE - DAY - 60_000));
    expect(sessionWrites(await recordStatements(() => renderTrivialPage(due)))).toHaveLength(1);
    const extended = await db.session.findUniqueOrThrow({ where: { sessionToken: due } });
    expect(extended.expires.getTime()).toBeGreaterThan(Date.now() + MAX_AGE - 60_000);
    for (let i = 0; i < 3; i++) expect(sessionWrites(await recordStatements(() => renderTrivialPage(due)))).toEqual([]);
  });

  it("refuse an expired session and a deleted user's", async () => {
    const ada = await createUser();
    const expired = await signedInSession(ada.id, new Date(Date.now() - 1000));
    await expect(renderTrivialPage(expired)).rejects.toThrow("NEXT_REDIRECT");
    expect(await db.session.count({ where: { sessionToken: expired } })).toBe(0);

    const grace = await createUser();
    const live = await signedInSession(grace.id, new Date(Date.now() + MAX_AGE));
    await renderTrivialPage(live);
    await db.user.delete({ where: { id: grace.id } });
    await expect(renderTrivialPage(live)).rejects.toThrow("NEXT_REDIRECT");
  });
});
