// Read-only links to a quarter's story (issue 16, point 4): the token opens
// exactly its owner's pack of its quarter while the link is live, and
// nothing at all otherwise; the route handlers serve that pack only.
import { randomBytes } from "node:crypto";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("../support/next-request").then((module) => module.nextHeaders));
vi.mock("next/cache", () => import("../support/next-request").then((module) => module.nextCache));
vi.mock("next/server", (original) => import("../support/next-request").then((module) => module.nextServer(original)));

import { deleteAccount } from "@/lib/account/deletion";
import { db } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/errors";
import { RATE_LIMITS } from "@/lib/server/rate-limit";
import { hashLinkToken } from "@/lib/server/secret-tokens";
import { RESTORE_WINDOW_MS } from "@/lib/shared/soft-delete";
import { currentQuarter, previousQuarter, quarterWeeks } from "@/lib/shared/quarters";
import { createShareLink, getSharedStoryCharts, getSharedStoryPack, listShareLinks, restoreShareLink, revokeShareLink } from "@/lib/story/share-links";
import { GET as downloadShared } from "@/app/shared/story/[token]/story.md/route";
import SharedStoryPage from "@/app/shared/story/[token]/page";
import { MarkdownBody } from "@/components/notes/markdown";
import { GET as downloadOwn } from "@/app/(app)/story/[quarter]/story.md/route";
import { SESSION_COOKIE } from "@/lib/config/session-cookies";
import { createUser, type TestUser } from "../support/factories/users";
import { afterResponse, withRequest } from "../support/next-request";
import { listed, recordStatements } from "../support/statements";

const DAY_MS = 24 * 60 * 60 * 1000;
const PAYLOAD = `<script>alert("narrative")</script><img src=x onerror="alert(1)">`;

/**
 * A request from `ip`, as proxy and Next hand it to the page (no session: the
 * reader has no account), and what the response leaves to do after it (an opening's record).
 */
async function from<T>(ip: string, run: () => Promise<T>): Promise<T> {
  const answer = await withRequest(new Headers({ "x-forwarded-for": ip, "user-agent": "Board member's browser" }), run);
  await afterResponse();
  return answer;
}

const quarters = () => {
  const now = currentQuarter({ timeZone: "Europe/Berlin", weekStartsOn: 1 });
  return { now, before: previousQuarter(now) };
};

const quarterWeeksFirst = (quarter: ReturnType<typeof currentQuarter>) => quarterWeeks(quarter, 1).first;

async function narrate(user: TestUser, quarter: string, body: string) {
  await db.storyNarrative.create({ data: { userId: user.id, quarter, body } });
}

async function open(token: string, ip = "203.0.113.10") {
  return from(ip, () => getSharedStoryPack(token, { as: "page" }));
}

let ada: TestUser;

beforeEach(async () => {
  ada = await createUser({ name: "Ada Leader" });
});

describe("creating and listing links", () => {
  it("keeps only the token's hash, works for 30 days unless told, and lists openings", async () => {
    const { now: quarter } = quarters();
    const now = new Date();
    const { token, link } = await from("198.51.100.1", () => createShareLink(ada.viewer, { quarter, expiresInDays: 30, label: "Dana, CEO" }, now));

    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await db.storyShareLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(row.tokenHash).toBe(hashLinkToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.expiresAt.getTime() - now.getTime()).toBe(30 * DAY_MS);
    expect(await listShareLinks(ada.viewer, quarter, now)).toEqual([expect.objectContaining({ id: link.id, label: "Dana, CEO", state: "active", viewCount: 0, lastViewedAt: null })]);

    expect((await open(token)).kind).toBe("ok");
    expect((await open(token)).kind).toBe("ok");
    const [listed] = await listShareLinks(ada.viewer, quarter);
    expect(listed).toMatchObject({ viewCount: 2 });
    expect(listed!.lastViewedAt).not.toBeNull();
    const audit = await db.auditEvent.findMany({ where: { userId: ada.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((event) => event.action)).toEqual(["story_link_created", "story_link_viewed", "story_link_viewed"]);
    expect(audit[1]).toMatchObject({ ip: "203.0.113.10", userAgent: "Board member's browser", detail: { linkId: link.id, quarter, as: "page" } });
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it("records an opening in one statement: the link's counter and when, with the audit line", async () => {
    const { now: quarter } = quarters();
    const { token, link } = await createShareLink(ada.viewer, { quarter, expiresInDays: 30, label: null });
    const openedAt = new Date(Date.now() - 60_000);
    const sent = await recordStatements(() => from("203.0.113.11", () => getSharedStoryPack(token, { as: "markdown" }, openedAt)));

    const writes = sent.filter((statement) => /\b(UPDATE|INSERT INTO)\b/.test(statement.text) && /"(AuditEvent|StoryShareLink)"/.test(statement.text));
    expect(writes, listed(sent)).toHaveLength(1);
    expect(writes[0]!.text).toMatch(/UPDATE "StoryShareLink"[\s\S]*INSERT INTO "AuditEvent"/);
    expect(await db.storyShareLink.findUniqueOrThrow({ where: { id: link.id } })).toMatchObject({ viewCount: 1, lastViewedAt: openedAt });
    const lines = await db.auditEvent.findMany({ where: { userId: ada.id, action: "story_link_viewed" } });
    expect(lines).toEqual([expect.objectContaining({ ip: "203.0.113.11", userAgent: "Board member's browser", detail: { linkId: link.id, quarter, as: "markdown" } })]);
  });

  it("lists only the viewer's own links of that quarter", async () => {
    const grace = await createUser();
    const { now: quarter, before } = quarters();
    await createShareLink(ada.viewer, { quarter, expiresInDays: 7, label: "Ada's now" });
    await createShareLink(ada.viewer, { quarter: before, expiresInDays: 7, label: "Ada's before" });
    await createShareLink(grace.viewer, { quarter, expiresInDays: 7, label: "Grace's" });

    expect((await listShareLinks(ada.viewer, quarter)).map((link) => link.label)).toEqual(["Ada's now"]);
  });
});

describe("what a token opens", () => {
  it("opens exactly its owner's pack of its quarter: no other quarter, no reflections, no mentor's ratings", async () => {
    const grace = await createUser({ name: "Grace" });
    const { now, before } = quarters();
    await narrate(ada, now, "Ada this quarter");
    await narrate(ada, before, "Ada last quarter");
    await narrate(grace, now, "Grace this quarter");
    const { token: nowToken } = await createShareLink(ada.viewer, { quarter: now, expiresInDays: 7, label: null });
    const { token: beforeToken } = await createShareLink(ada.viewer, { quarter: before, expiresInDays: 7, label: null });

    const current = await open(nowToken);
    const earlier = await open(beforeToken);

    if (current.kind !== "ok" || earlier.kind !== "ok") throw new Error("a live link opened nothing");
    expect(current.pack.quarter).toBe(now);
    expect(current.pack.narrative?.body).toBe("Ada this quarter");
    expect(current.ownerName).toBe("Ada Leader");
    expect(earlier.pack.quarter).toBe(before);
    expect(earlier.pack.narrative?.body).toBe("Ada last quarter");
    for (const shared of [current, earlier]) {
      expect(shared.pack.earlier).toEqual([]);
      expect(shared.pack.gathered).toBeNull();
      expect(shared.pack.assessment.mentors).toEqual([]);
      expect(JSON.stringify(shared.pack)).not.toContain("Grace this quarter");
    }
  });

  it("offers no draft from the weeks' reflections when the narrative was never saved", async () => {
    const { now } = quarters();
    const { token } = await createShareLink(ada.viewer, { quarter: now, expiresInDays: 7, label: null });
    const shared = await open(token);
    expect(shared.kind === "ok" && shared.pack.narrative).toBeNull();
  });

  it("opens nothing with a wrong, near-miss or malformed token", async () => {
    const { now } = quarters();
    const { token } = await createShareLink(ada.viewer, { quarter: now, expiresInDays: 7, label: null });
    const nearMiss = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    const forged = ["", "abc", hashLinkToken(token), `${token}x`, token.toUpperCase(), "A".repeat(43), `${token.slice(0, 42)}\u0000`, "../../etc/passwd", "x".repeat(100_000)];
    for (const guess of [nearMiss, ...forged]) expect((await open(guess, "203.0.113.20")).kind, guess.slice(0, 50)).toBe("invalid");
    expect(await db.storyShareLink.findFirstOrThrow({ where: { userId: ada.id } })).toMatchObject({ viewCount: 0 });
  });

  it("stops at its expiry", async () => {
    const { now } = quarters();
    const made = new Date(Date.now() - 8 * DAY_MS);
    const { token } = await createShareLink(ada.viewer, { quarter: now, expiresInDays: 7, label: null }, made);

    expect((await open(token)).kind).toBe("invalid");
    expect((await listShareLinks(ada.viewer, now)).map((link) => link.state)).toEqual(["expired"]);
    // A day before it, it worked.
    expect((await from("203.0.113.10", () => getSharedStoryPack(token, { as: "page" }, new Date(made.getTime() + 6 * DAY_MS)))).kind).toBe("ok");
  });

  it("stops at once when revoked; undo brings it back for a while, and only its owner can do either", async () => {
    const grace = await createUser();
    const { now: quarter } = quarters();
    const { token, link } = await createShareLink(ada.viewer, { quarter, expiresInDays: 30, label: null });

    await expect(revokeShareLink(grace.viewer, link.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await open(token)).kind).toBe("ok");

    await revokeShareLink(ada.viewer, link.id);
    expect((await open(token)).kind).toBe("invalid");
    expect((await listShareLinks(ada.viewer, quarter)).map((row) => row.state)).toEqual(["revoked"]);
    await expect(revokeShareLink(ada.viewer, link.id)).rejects.toBeInstanceOf(NotFoundError);

    await expect(restoreShareLink(grace.viewer, link.id)).rejects.toBeInstanceOf(NotFoundError);
    await restoreShareLink(ada.viewer, link.id);
    expect((await open(token)).kind).toBe("ok");

    await revokeShareLink(ada.viewer, link.id);
    await expect(restoreShareLink(ada.viewer, link.id, new Date(Date.now() + RESTORE_WINDOW_MS + 1_000))).rejects.toBeInstanceOf(NotFoundError);
    expect((await open(token)).kind).toBe("invalid");
  });

  it("stops when the account is deleted, and the links go with it", async () => {
    const { now } = quarters();
    const { token } = await createShareLink(ada.viewer, { quarter: now, expiresInDays: 30, label: null });
    expect((await open(token)).kind).toBe("ok");

    await deleteAccount(ada.viewer, ada.email);

    expect((await open(token)).kind).toBe("invalid");
    expect(await db.storyShareLink.count({ where: { userId: ada.id } })).toBe(0);
  });

  it("refuses an address that tried too many tokens that open nothing, even with a live one; other addresses are unaffected", async () => {
    const { now } = quarters();
    const { token } = await createShareLink(ada.viewer, { quarter: now, expiresInDays: 30, label: null });
    const guesser = "192.0.2.66";
    for (let i = 0; i < RATE_LIMITS.sharedLinkMissesPerIp.points; i++) expect((await open(`${"A".repeat(42)}${i % 10}`, guesser)).kind).toBe("invalid");

    const limited = await open(token, guesser);
    expect(limited).toMatchObject({ kind: "limited" });
    expect((await open(token, "192.0.2.67")).kind).toBe("ok");
    // Live links do not count against an address.
    for (let i = 0; i < RATE_LIMITS.sharedLinkMissesPerIp.points + 2; i++) expect((await open(token, "192.0.2.68")).kind).toBe("ok");
  });

  it("draws the pack's charts without counting them as openings, and none for a dead link", async () => {
    const { now } = quarters();
    const { token } = await createShareLink(ada.viewer, { quarter: now, expiresInDays: 30, label: null });
    const charts = await from("203.0.113.10", () => getSharedStoryCharts(token));
    expect(charts?.time.points.length).toBeGreaterThan(0);
    expect(await db.storyShareLink.findFirstOrThrow({ where: { userId: ada.id } })).toMatchObject({ viewCount: 0, lastViewedAt: null });
    expect(await db.auditEvent.count({ where: { userId: ada.id, action: "story_link_viewed" } })).toBe(0);
    expect(await from("203.0.113.10", () => getSharedStoryCharts("A".repeat(43)))).toBeNull();
  });
});

describe("the shared page", () => {
  /** The page as the reader's browser gets it (a server component, rendered to HTML). */
  const render = async (token: string) => renderToStaticMarkup(await from("203.0.113.40", () => SharedStoryPage({ params: Promise.resolve({ token }) })));

  it("shows the pack with no way into the app: sources and in-app links as words, a script as text", async () => {
    const { now } = quarters();
    await db.week.create({ data: { userId: ada.id, startsOn: new Date(`${quarterWeeksFirst(now)}T00:00:00Z`), strategyMinutes: 600, firefightingMinutes: 300 } });
    const body = `## Wins\n\n${PAYLOAD}\n\nSee [my week](/weeks/2026-10-05) and [the plan](https://example.com/plan).`;
    await narrate(ada, now, body);
    const { token } = await createShareLink(ada.viewer, { quarter: now, expiresInDays: 7, label: null });
    // The same words rendered in the app first, where the link leads into it (renderings are kept by their text):
    // the shared page still shows it as words.
    expect(renderToStaticMarkup(MarkdownBody({ children: body }))).toContain('href="/weeks/2026-10-05"');

    const html = await render(token);

    expect(html).toContain("Ada Leader&#x27;s quarterly story");
    // The reader is not the leader: the headline speaks of the leader's hours, never of "your" hours or goal.
    expect(html).toContain("Strategy took 67% of the leader&#x27;s logged hours");
    expect(html).not.toMatch(/\byour\b/i);
    expect(html).not.toMatch(/<script|<img src="?x/i);
    expect(html).toContain("&lt;script&gt;");
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map(([, href]) => href!.replaceAll("&amp;", "&"));
    // The download, and the narrative's link out of the app (no referrer, no opener); nothing into the app.
    expect(hrefs.sort()).toEqual([`/shared/story/${token}/story.md`, "https://example.com/plan"]);
    expect(html).toMatch(/href="https:\/\/example.com\/plan" rel="noopener noreferrer nofollow"/);
    expect(html).not.toContain("<nav");
    for (const src of [...html.matchAll(/<img[^>]* src="([^"]*)"/g)].map(([, src]) => src!)) expect(src.startsWith(`/shared/story/${token}/charts/`), src).toBe(true);
  });

  it("says the same for every link that opens nothing", async () => {
    const { now } = quarters();
    const { token, link } = await createShareLink(ada.viewer, { quarter: now, expiresInDays: 7, label: null });
    await revokeShareLink(ada.viewer, link.id);
    for (const guess of [token, "A".repeat(43), "nope"]) {
      const html = await render(guess);
      expect(html).toContain("This link does not work");
      expect(html).not.toContain("href=");
    }
  });
});

describe("the shared Markdown download", () => {
  const download = (token: string) => from("203.0.113.30", () => downloadShared(new Request(`https://wheelhouse.example.test/shared/story/${token}/story.md`), { params: Promise.resolve({ token }) }));

  it("is the link's pack only, as an attachment that is never rendered: a script in the narrative stays text", async () => {
    const { now, before } = quarters();
    await narrate(ada, now, `## Wins\n\n${PAYLOAD}`);
    await narrate(ada, before, "Last quarter's words");
    await db.week.create({ data: { userId: ada.id, startsOn: new Date(`${quarterWeeksFirst(now)}T00:00:00Z`), strategyMinutes: 300, firefightingMinutes: 300 } });
    const { token } = await createShareLink(ada.viewer, { quarter: now, expiresInDays: 7, label: null });

    const response = await download(token);

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="wheelhouse-story-${now}.md"`);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const text = await response.text();
    expect(text).toContain(PAYLOAD);
    expect(text).not.toContain("Last quarter's words");
    expect(text).toContain("Strategy took 50% of the leader's logged hours");
    expect(text).not.toMatch(/\byour\b/i);
    expect(await db.storyShareLink.findFirstOrThrow({ where: { userId: ada.id } })).toMatchObject({ viewCount: 1 });
  });

  it("answers a link that opens nothing with a plain 404", async () => {
    const { now } = quarters();
    const { token, link } = await createShareLink(ada.viewer, { quarter: now, expiresInDays: 7, label: null });
    await revokeShareLink(ada.viewer, link.id);

    for (const guess of [token, "nope", "A".repeat(43)]) {
      const response = await download(guess);
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
      expect(response.headers.get("content-disposition")).toBeNull();
    }
  });
});

describe("the leader's own Markdown download", () => {
  async function signIn(user: TestUser): Promise<string> {
    const sessionToken = randomBytes(32).toString("hex");
    await db.session.create({ data: { sessionToken, userId: user.id, expires: new Date(Date.now() + 86_400_000) } });
    return `${SESSION_COOKIE.secure}=${sessionToken}; ${SESSION_COOKIE.plain}=${sessionToken}`;
  }
  const download = (quarter: string, cookie: string | null) => {
    const request = new Request(`https://wheelhouse.example.test/story/${quarter}/story.md`, { headers: cookie ? { cookie } : {} });
    return withRequest(request.headers, () => downloadOwn(request, { params: Promise.resolve({ quarter }) }));
  };

  it("is the viewer's own pack of that quarter, as text that is never rendered, and is in their security history", async () => {
    const grace = await createUser({ name: "Grace" });
    const { now } = quarters();
    await narrate(ada, now, `## Wins\n\n${PAYLOAD}\n\n| a | b |`);
    await narrate(grace, now, "Grace's own words");
    await db.week.create({ data: { userId: ada.id, startsOn: new Date(`${quarterWeeksFirst(now)}T00:00:00Z`), strategyMinutes: 300, firefightingMinutes: 300 } });

    const response = await download(now, await signIn(ada));

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="wheelhouse-story-${now}.md"`);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const text = await response.text();
    expect(text).toContain(PAYLOAD);
    for (const section of ["## Time split per week", "## Relationships", "## Vision", "## Self-assessment"]) expect(text).toContain(section);
    // A file to paste into an email to someone else: it speaks of the leader, not to them.
    expect(text).toContain("Strategy took 50% of the leader's logged hours");
    expect(text).not.toMatch(/\byour\b/i);
    expect(text).not.toContain("Grace's own words");
    expect(await db.auditEvent.findFirst({ where: { userId: ada.id, action: "export" } })).toMatchObject({ detail: { file: `wheelhouse-story-${now}.md` } });

    // Another leader at the same address gets their own, never Ada's.
    const theirs = await (await download(now, await signIn(grace))).text();
    expect(theirs).toContain("Grace's own words");
    expect(theirs).not.toContain(PAYLOAD);
  });

  it("answers 404 for a quarter that is not one or has not begun, and sends a visitor without a session to sign in", async () => {
    const cookie = await signIn(ada);
    for (const quarter of ["2026-Q5", "2099-Q1", "nope", "2026-Q4%00"]) expect((await download(quarter, cookie)).status, quarter).toBe(404);
    await expect(download(quarters().now, null)).rejects.toThrow(/NEXT_REDIRECT/);
  });
});
