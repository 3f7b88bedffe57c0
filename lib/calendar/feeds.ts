import "server-only";
import { CalendarFeedError, CalendarFileError } from "@/lib/calendar/errors";
import { fetchCalendarFeed, type FeedFetchOptions } from "@/lib/calendar/feed-fetch";
import { feedAddressDigest, openFeedAddress, sealFeedAddress } from "@/lib/calendar/feed-secret";
import { feedAddressHint, MAX_FEEDS } from "@/lib/calendar/feeds.validation";
import { applyFeedRefresh, readForImport, storePendingImport, type ImportReading } from "@/lib/calendar/imports";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { ExpectedError, NotFoundError } from "@/lib/server/errors";
import { consumeRateLimit, retryAfterInWords } from "@/lib/server/rate-limit";
import { viewerOfFeedOwner, type Viewer } from "@/lib/server/viewer";

// Calendar feeds (issue 15): a leader subscribes to a calendar's secret ICS
// address. The first import is reviewed and confirmed like an upload; from
// then on the feed is refreshed every hour (lib/server/worker.ts) and on
// demand, and each refresh writes only empty weeks and the weeks this feed
// wrote itself, and follows the meetings behind the touchpoints it made while
// nobody touched them (docs/decisions/028-feeds-refresh-only-their-own-weeks.md).
// The address never leaves this module but to the fetcher: nothing logs it,
// the audit names the feed by id, and pages get its hint.

const NOT_FOUND = "That calendar feed";
const UNREADABLE = "Wheelhouse can no longer read this feed's address (the server's secret changed). Remove the feed and subscribe to it again.";

export type CalendarFeedSummary = {
  id: string;
  /** The address's hint: its host and last 4 characters. */
  name: string;
  activeSince: Date | null;
  lastAttemptAt: Date | null;
  lastRefreshedAt: Date | null;
  lastError: string | null;
  /** Its first (or next, after an undo) import, waiting for review. */
  pendingImportId: string | null;
};

/** The viewer's feeds, oldest first. */
export async function listFeeds(viewer: Viewer): Promise<CalendarFeedSummary[]> {
  const rows = await db.calendarFeed.findMany({
    where: { userId: viewer.userId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      addressHint: true,
      activeSince: true,
      lastAttemptAt: true,
      lastRefreshedAt: true,
      lastError: true,
      imports: { where: { userId: viewer.userId, status: "PENDING" }, select: { id: true }, take: 1 },
    },
  });
  return rows.map(({ addressHint, imports, ...row }) => ({ ...row, name: addressHint, pendingImportId: imports[0]?.id ?? null }));
}

/** Subscribing and refreshing on demand each ask another server: a user gets a dozen every 15 minutes. */
async function takeFetch(viewer: Viewer, field?: string): Promise<void> {
  const { allowed, retryAfterSeconds } = await consumeRateLimit("calendarFeedFetchesPerUser", viewer.userId);
  if (!allowed) throw new ExpectedError(`You fetched calendars many times in a short while. Try again in ${retryAfterInWords(retryAfterSeconds)}.`, field);
}

/** Fetches and reads a feed; what goes wrong is a CalendarFeedError in words, at the address field. */
async function readFeed(viewer: Viewer, address: string, fetchOptions: FeedFetchOptions | undefined, now: Date): Promise<ImportReading> {
  const text = await fetchCalendarFeed(address, fetchOptions);
  try {
    return await readForImport(viewer, text, now);
  } catch (error) {
    if (error instanceof CalendarFileError) throw new CalendarFeedError(error.message);
    throw error;
  }
}

/**
 * Subscribes the viewer to a feed (an address checked by feedAddressSchema):
 * fetches it once, and keeps its events as the pending import to review. A
 * feed that cannot be fetched or read is not kept; the error says why at the
 * address field.
 */
export async function subscribeFeed(viewer: Viewer, address: string, fetchOptions?: FeedFetchOptions, now: Date = new Date()): Promise<{ feedId: string; importId: string }> {
  const userId = viewer.userId;
  const digest = feedAddressDigest(address);
  const [count, existing] = await Promise.all([
    db.calendarFeed.count({ where: { userId } }),
    db.calendarFeed.findFirst({ where: { userId, addressDigest: digest }, select: { id: true } }),
  ]);
  if (existing) throw new ExpectedError("You already subscribe to this calendar.", "address");
  if (count >= MAX_FEEDS) throw new ExpectedError(`You subscribe to ${MAX_FEEDS} calendars already, the most Wheelhouse keeps. Remove one first.`, "address");
  await takeFetch(viewer, "address");
  const reading = await readFeed(viewer, address, fetchOptions, now);
  const name = feedAddressHint(address);
  try {
    const created = await db.$transaction(async (tx) => {
      const feed = await tx.calendarFeed.create({
        data: { userId, addressSealed: sealFeedAddress(address), addressDigest: digest, addressHint: name, createdAt: now, lastAttemptAt: now, lastRefreshedAt: now },
        select: { id: true },
      });
      const pending = await storePendingImport(tx, viewer, { fileName: name, feedId: feed.id }, reading, now);
      return { feedId: feed.id, importId: pending.id };
    });
    await recordAudit({ userId, action: "calendar_feed_subscribed", detail: { feedId: created.feedId } });
    return created;
  } catch (error) {
    // The same address subscribed twice at once: one wins.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new ExpectedError("You already subscribe to this calendar.", "address");
    throw error;
  }
}

export type FeedRefreshResult =
  | { outcome: "review"; importId: string }
  | { outcome: "applied"; weeks: number; touchpoints: number }
  | { outcome: "failed"; message: string };

type FeedRow = { id: string; addressSealed: string; addressHint: string; activeSince: Date | null };
const FEED_ROW = { id: true, addressSealed: true, addressHint: true, activeSince: true } as const;

/**
 * Fetches the feed again. Before its first import is confirmed (or after one
 * of its imports was undone) the events become the pending import to review;
 * afterwards they are applied at once, to empty weeks and the feed's own
 * weeks and touchpoints. A
 * failure is kept on the feed, in words, for the page.
 */
async function refreshOwnedFeed(viewer: Viewer, feed: FeedRow, fetchOptions: FeedFetchOptions | undefined, now: Date): Promise<FeedRefreshResult> {
  const where = { id: feed.id, userId: viewer.userId };
  const address = openFeedAddress(feed.addressSealed);
  let reading: ImportReading;
  try {
    if (address === null) throw new CalendarFeedError(UNREADABLE);
    reading = await readFeed(viewer, address, fetchOptions, now);
  } catch (error) {
    if (!(error instanceof CalendarFeedError)) throw error;
    await db.calendarFeed.updateMany({ where, data: { lastAttemptAt: now, lastError: error.message } });
    return { outcome: "failed", message: error.message };
  }
  const worked = { lastAttemptAt: now, lastRefreshedAt: now, lastError: null };
  if (feed.activeSince === null) {
    const pending = await db.$transaction(async (tx) => {
      await tx.calendarFeed.updateMany({ where, data: worked });
      return storePendingImport(tx, viewer, { fileName: feed.addressHint, feedId: feed.id }, reading, now);
    });
    return { outcome: "review", importId: pending.id };
  }
  const { weeks, touchpoints } = await applyFeedRefresh(viewer, { id: feed.id, name: feed.addressHint }, reading, now);
  await db.calendarFeed.updateMany({ where, data: worked });
  return { outcome: "applied", weeks, touchpoints };
}

/** Refreshes one of the viewer's feeds now ("Refresh now"). */
export async function refreshFeed(viewer: Viewer, feedId: string, fetchOptions?: FeedFetchOptions, now: Date = new Date()): Promise<FeedRefreshResult> {
  const feed = await db.calendarFeed.findFirst({ where: { id: feedId, userId: viewer.userId }, select: FEED_ROW });
  if (!feed) throw new NotFoundError(NOT_FOUND);
  await takeFetch(viewer);
  return refreshOwnedFeed(viewer, feed, fetchOptions, now);
}

/**
 * Removes one of the viewer's feeds. The weeks and touchpoints its confirmed
 * imports wrote stay, and those imports can still be undone from the list, as
 * an upload's can; an import of it still waiting for review goes with it.
 */
export async function unsubscribeFeed(viewer: Viewer, feedId: string): Promise<void> {
  const userId = viewer.userId;
  const removed = await db.$transaction(async (tx) => {
    await tx.calendarImport.deleteMany({ where: { userId, feedId, status: "PENDING" } });
    return tx.calendarFeed.deleteMany({ where: { id: feedId, userId } });
  });
  if (removed.count === 0) throw new NotFoundError(NOT_FOUND);
  await recordAudit({ userId, action: "calendar_feed_removed", detail: { feedId } });
}

// ── The hourly refresh (lib/server/worker.ts) ────────────────────────────────

/** A feed refreshed within this long (on demand, say) waits for the next hour. */
const REFRESHED_RECENTLY_MS = 45 * 60_000;
const FEEDS_PER_SWEEP = 5_000;

/** The feeds due for their hourly refresh: confirmed once, not refreshed in the last 45 minutes. */
export async function dueFeedIds(now: Date = new Date()): Promise<string[]> {
  const rows = await db.calendarFeed.findMany({
    where: { activeSince: { not: null }, OR: [{ lastAttemptAt: null }, { lastAttemptAt: { lt: new Date(now.getTime() - REFRESHED_RECENTLY_MS) } }] },
    orderBy: { lastAttemptAt: { sort: "asc", nulls: "first" } },
    take: FEEDS_PER_SWEEP,
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

/** One feed's hourly refresh, for its owner; a feed removed or waiting for review meanwhile is left alone. */
export async function refreshFeedInBackground(feedId: string, fetchOptions?: FeedFetchOptions, now: Date = new Date()): Promise<FeedRefreshResult | null> {
  const feed = await db.calendarFeed.findFirst({ where: { id: feedId, activeSince: { not: null } }, select: { ...FEED_ROW, userId: true } });
  if (!feed) return null;
  return refreshOwnedFeed(viewerOfFeedOwner(feed.userId), feed, fetchOptions, now);
}
