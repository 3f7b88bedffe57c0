// What every signed-in page costs before its own content: the session, its
// user and the shell, in at most two statements (lib/server/auth.ts
// readSessionAndUser, then the unread count), and the session's expiry
// written at most once per update window (Auth.js `session.updateAge`).
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/server/db";
import { getProfile } from "@/lib/users";
import { withRequest } from "../support/next-request";
import { inRender } from "../support/render-cache";
import { listed, recordStatements, type SentStatement } from "../support/statements";
import { createUser } from "../support/factories/users";
import { SESSION_MAX_AGE_MS, SESSION_UPDATE_AGE_MS, browserHeaders, signInSession } from "../support/signed-in";

vi.mock("next/headers", () => import("../support/next-request").then((module) => module.nextHeaders));
vi.mock("next/cache", () => import("../support/next-request").then((module) => module.nextCache));
vi.mock("react", () => import("../support/render-cache").then((module) => module.reactWithRenderCache()));

const { default: SignedInLayout } = await import("@/app/(app)/layout");
const { default: BenchBaselinePage } = await import("@/app/(app)/bench-baseline/page");

/** One render of the trivial signed-in page: its layout (the shell's reads) and the page. */
const renderTrivialPage = (sessionToken: string) =>
  withRequest(browserHeaders(sessionToken), () => inRender(async () => Promise.all([SignedInLayout({ children: null }), BenchBaselinePage()])));

const sessionWrites = (sent: SentStatement[]) => sent.filter(({ text }) => /^UPDATE "public"\."Session"/.test(text));

describe("the session and the signed-in shell", () => {
  it("read the session, the user, the profile and the unread count in two statements", async () => {
    const ada = await createUser();
    const sessionToken = await signInSession(ada.id);
    await renderTrivialPage(sessionToken);
    const sent = await recordStatements(() => renderTrivialPage(sessionToken));
    expect(sent, listed(sent)).toHaveLength(2);
  });

  it("hand the dashboard the same profile as a read of its own, field for field", async () => {
    const ada = await createUser({ timeZone: "America/New_York", weekStartsOn: 0 });
    await db.user.update({ where: { id: ada.id }, data: { goalDepartments: ["SALES", "PRODUCT"], goalStrategySharePercent: 40 } });
    const sessionToken = await signInSession(ada.id);
    const withSession = await withRequest(browserHeaders(sessionToken), () =>
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
    const fresh = await signInSession(ada.id);
    for (let i = 0; i < 3; i++) expect(sessionWrites(await recordStatements(() => renderTrivialPage(fresh)))).toEqual([]);

    // Last extended a day and a minute ago: due once.
    const due = await signInSession(ada.id, new Date(Date.now() + SESSION_MAX_AGE_MS - SESSION_UPDATE_AGE_MS - 60_000));
    expect(sessionWrites(await recordStatements(() => renderTrivialPage(due)))).toHaveLength(1);
    const extended = await db.session.findUniqueOrThrow({ where: { sessionToken: due } });
    expect(extended.expires.getTime()).toBeGreaterThan(Date.now() + SESSION_MAX_AGE_MS - 60_000);
    for (let i = 0; i < 3; i++) expect(sessionWrites(await recordStatements(() => renderTrivialPage(due)))).toEqual([]);
  });

  it("refuse an expired session and a deleted user's", async () => {
    const ada = await createUser();
    const expired = await signInSession(ada.id, new Date(Date.now() - 1000));
    await expect(renderTrivialPage(expired)).rejects.toThrow("NEXT_REDIRECT");
    expect(await db.session.count({ where: { sessionToken: expired } })).toBe(0);

    const grace = await createUser();
    const live = await signInSession(grace.id);
    await renderTrivialPage(live);
    await db.user.delete({ where: { id: grace.id } });
    await expect(renderTrivialPage(live)).rejects.toThrow("NEXT_REDIRECT");
  });
});
