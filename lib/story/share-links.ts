import "server-only";
import { after } from "next/server";
import { getQuarterDashboard } from "@/lib/dashboard/dashboard";
import type { DashboardModel } from "@/lib/dashboard/figures";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit, recordAuditWith } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { ExpectedError, NotFoundError } from "@/lib/server/errors";
import { consumeRateLimit, rateLimitReached } from "@/lib/server/rate-limit";
import { getRequestContext, type RequestContext } from "@/lib/server/request-context";
import { createLinkToken, hashLinkToken, isWellFormedLinkToken } from "@/lib/server/secret-tokens";
import type { Viewer } from "@/lib/server/viewer";
import { restorableSince } from "@/lib/shared/soft-delete";
import { quarterKeySchema, type QuarterKey } from "@/lib/shared/quarters";
import { getCurrentQuarter, readStoryPack, type StoryPack, type StoryVisibility } from "@/lib/story/pack";
import type { CreateShareLinkInput } from "@/lib/story/share-links.validation";
import { getProfile } from "@/lib/users";

// Read-only links to one quarter's story for someone without an account. The
// link's token is the only key: it is stored as a hash, checked for shape,
// expiry and revocation here, and opens exactly its owner's pack of its
// quarter. Pages and proxy.ts decide nothing (decision record 023).

const DAY_MS = 24 * 60 * 60 * 1000;

/** Where a link's token opens the shared pack (app/shared/story/[token]/), outside the signed-in app. */
export function sharedStoryPath(token: string): string {
  return `/shared/story/${token}`;
}

/** How many links of one quarter the leader's list shows, newest first. */
const LIST_LIMIT = 50;

export type ShareLinkState = "active" | "expired" | "revoked";

/** One link as its owner sees it on the story page. Never the token or its hash. */
export type ShareLinkView = {
  id: string;
  quarter: string;
  label: string | null;
  state: ShareLinkState;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  viewCount: number;
  lastViewedAt: Date | null;
};

const VIEW_SELECT = { id: true, quarter: true, label: true, createdAt: true, expiresAt: true, revokedAt: true, viewCount: true, lastViewedAt: true } as const;

function shareLinkState(row: { expiresAt: Date; revokedAt: Date | null }, now: Date): ShareLinkState {
  if (row.revokedAt) return "revoked";
  return row.expiresAt.getTime() > now.getTime() ? "active" : "expired";
}

/**
 * A new link to the viewer's pack of `quarter`. The token is returned once,
 * for the leader to copy; only its hash is kept, so it cannot be shown again.
 */
export async function createShareLink(viewer: Viewer, input: CreateShareLinkInput, now = new Date()): Promise<{ link: ShareLinkView; token: string }> {
  if (input.quarter > (await getCurrentQuarter(viewer, now))) throw new ExpectedError("That quarter has not begun yet, so there is no story to share.", "quarter");
  const token = createLinkToken();
  const row = await db.storyShareLink.create({
    data: {
      userId: viewer.userId,
      quarter: input.quarter,
      label: input.label,
      tokenHash: hashLinkToken(token),
      expiresAt: new Date(now.getTime() + input.expiresInDays * DAY_MS),
    },
    select: VIEW_SELECT,
  });
  await recordAudit({ userId: viewer.userId, action: "story_link_created", detail: { linkId: row.id, quarter: row.quarter, expiresInDays: input.expiresInDays } });
  return { link: { ...row, state: shareLinkState(row, now) }, token };
}

/** The viewer's links to `quarter`'s pack, newest first, with how often and when each was opened. */
export async function listShareLinks(viewer: Viewer, quarter: string, now = new Date()): Promise<ShareLinkView[]> {
  const rows = await db.storyShareLink.findMany({
    where: { userId: viewer.userId, quarter },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: LIST_LIMIT,
    select: VIEW_SELECT,
  });
  return rows.map((row) => ({ ...row, state: shareLinkState(row, now) }));
}

/** Stops a link at once: the next request with it is refused. Undone by restoreShareLink for a while. */
export async function revokeShareLink(viewer: Viewer, id: string, now = new Date()): Promise<void> {
  const { count } = await db.storyShareLink.updateMany({ where: { id, userId: viewer.userId, revokedAt: null }, data: { revokedAt: now } });
  if (count === 0) throw new NotFoundError("That link");
  await recordAudit({ userId: viewer.userId, action: "story_link_revoked", detail: { linkId: id } });
}

/** Undoes a revocation made in the last few minutes (the product's undo window); the expiry stays as it was. */
export async function restoreShareLink(viewer: Viewer, id: string, now = new Date()): Promise<void> {
  const { count } = await db.storyShareLink.updateMany({
    where: { id, userId: viewer.userId, revokedAt: { gte: restorableSince(now) } },
    data: { revokedAt: null },
  });
  if (count === 0) throw new NotFoundError("That link");
  await recordAudit({ userId: viewer.userId, action: "story_link_restored", detail: { linkId: id } });
}

type LiveLink = { id: string; userId: string; quarter: QuarterKey; expiresAt: Date };

type Lookup = { kind: "ok"; link: LiveLink } | { kind: "invalid" } | { kind: "limited"; retryAfterSeconds: number };

/**
 * The link a token opens, when it is live: well formed, its hash known, not
 * revoked, not expired, its owner still there (deleting the account deletes
 * the links). Tokens that open nothing are counted per address, and an
 * address that has tried too many is refused whatever it sends, so tokens
 * cannot be guessed.
 */
async function findLiveLink(token: string, now: Date): Promise<Lookup> {
  const client = (await getRequestContext()).ip ?? "unknown";
  const wellFormed = isWellFormedLinkToken(token);
  const [limit, link] = await Promise.all([
    rateLimitReached("sharedLinkMissesPerIp", client),
    wellFormed
      ? db.storyShareLink.findFirst({
          where: { tokenHash: hashLinkToken(token), revokedAt: null, expiresAt: { gt: now } },
          select: { id: true, userId: true, quarter: true, expiresAt: true },
        })
      : null,
  ]);
  if (!limit.allowed) return { kind: "limited", retryAfterSeconds: limit.retryAfterSeconds };
  const quarter = quarterKeySchema.safeParse(link?.quarter);
  if (!link || !quarter.success) {
    await consumeRateLimit("sharedLinkMissesPerIp", client);
    return { kind: "invalid" };
  }
  return { kind: "ok", link: { ...link, quarter: quarter.data } };
}

/**
 * Counts an opening of the link, for its owner's list, and adds it to their
 * security history with the reader's address and browser: one statement, as
 * every opening writes both (so the count and the history always agree).
 */
async function recordView(link: LiveLink, as: "page" | "markdown", now: Date, reader: RequestContext): Promise<void> {
  await recordAuditWith(
    Prisma.sql`UPDATE "StoryShareLink" SET "viewCount" = "viewCount" + 1, "lastViewedAt" = ${now} WHERE id = ${link.id}`,
    { userId: link.userId, action: "story_link_viewed", detail: { linkId: link.id, quarter: link.quarter, as } },
    reader,
  );
}

/**
 * What a shared pack shows: the story as the leader tells it (headline,
 * charts, relationships, vision, their saved narrative and self-ratings).
 * Never their weekly reflections or a draft made from them, never a mentor's
 * ratings, and no other quarter.
 */
const SHARED_VISIBILITY: StoryVisibility = { reflections: false, stakeholders: true, notes: true, draft: false, mentorRatings: "all", reader: "other" };

export type SharedStory =
  | { kind: "ok"; pack: StoryPack; ownerName: string | null; expiresAt: Date }
  | { kind: "invalid" }
  | { kind: "limited"; retryAfterSeconds: number };

/**
 * The pack a shared link opens, for anyone who has the link: exactly its
 * owner's pack of its quarter. Each call is an opening (`as`: the page or
 * the Markdown download), counted and recorded in the owner's audit trail
 * once the response is sent (`after()`): the reader does not wait for two writes.
 */
export async function getSharedStoryPack(token: string, { as }: { as: "page" | "markdown" }, now = new Date()): Promise<SharedStory> {
  const found = await findLiveLink(token, now);
  if (found.kind !== "ok") return found;
  const { link } = found;
  // Read now: a page's task after the response cannot read the request.
  const reader = await getRequestContext();
  after(() => recordView(link, as, now, reader));
  const pack = await readStoryPack(asLinkOwner(link.userId), link.quarter, SHARED_VISIBILITY, now);
  if (!pack) return { kind: "invalid" };
  const { name } = await getProfile(link.userId);
  return {
    kind: "ok",
    pack: { ...pack, earlier: [], gathered: null, assessment: { ...pack.assessment, mentors: [] } },
    ownerName: name,
    expiresAt: link.expiresAt,
  };
}

/** The dashboard model a shared pack's charts draw (as the owner's own chart images do), while the link works; not an opening. */
export async function getSharedStoryCharts(token: string, now = new Date()): Promise<DashboardModel | null> {
  const found = await findLiveLink(token, now);
  return found.kind === "ok" ? getQuarterDashboard(asLinkOwner(found.link.userId), found.link.quarter, now) : null;
}

/**
 * Reads through a link reuse the owner's own read functions with the owner as
 * viewer. Only this module mints such a viewer, and only for a link
 * findLiveLink has just found live.
 */
function asLinkOwner(userId: string): Viewer {
  // The share-link switch (eslint.config.mjs allows it here, as the mentee switch in mentor-access.ts).
  return Object.freeze({ userId }) as Viewer;
}
