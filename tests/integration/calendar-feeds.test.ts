import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { exportAccount } from "@/lib/account/export";
import { CalendarFeedError } from "@/lib/calendar/errors";
import type { FeedFetchOptions } from "@/lib/calendar/feed-fetch";
import { feedAddressDigest, sealFeedAddress } from "@/lib/calendar/feed-secret";
import { dueFeedIds, listFeeds, refreshFeed, refreshFeedInBackground, subscribeFeed, unsubscribeFeed } from "@/lib/calendar/feeds";
import { applyFeedRefresh, confirmImport, createPendingImport, getPendingImport, readForImport, undoImport } from "@/lib/calendar/imports";
import { db } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/errors";
import { CALENDAR_FEED_CRON, configureQueue, getBoss, QUEUES } from "@/lib/server/jobs";
import { logger } from "@/lib/server/logger";
import type { Viewer } from "@/lib/server/viewer";
import { startWorker, stopWorker } from "@/lib/server/worker";
import { fromDateOnly, toDateOnly } from "@/lib/shared/dates";
import { getStakeholder } from "@/lib/stakeholders";
import { deleteTouchpoint, restoreTouchpoint, updateTouchpoint } from "@/lib/touchpoints";
import { saveWeek } from "@/lib/weeks";
import { icsBytes, icsOf, type IcsEvent } from "../support/calendar-ics";
import { createStakeholder } from "../support/factories/stakeholders";
import { createUser } from "../support/factories/users";
import { createWeek, weekInput } from "../support/factories/weeks";

// Feeds served by a real HTTP server on loopback (no mocked HTTP), reached as
// an operator's CALENDAR_FEED_ALLOWED_HOSTS would allow; the refusals of the
// SSRF guard are checked through the same subscribe and refresh the app uses.

afterAll(stopWorker);

// Thursday 26 Nov 2026, 13:00 in Berlin: this week starts Monday 23 Nov.
const now = new Date("2026-11-26T12:00:00Z");
const later = (hours: number) => new Date(now.getTime() + hours * 3_600_000);
const at = (iso: string) => new Date(iso);
const SECRET = "s3cr3t-feed-token-8d1f02";
const SAM = "sam@sales.example";

// Each feed path answers what `feeds` holds for it: a calendar, or an HTTP status.
const feeds = new Map<string, string | number>();
const logged: string[] = [];
let server: http.Server;
let port: number;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const answer = feeds.get(request.url ?? "");
    if (typeof answer === "string") {
      response.writeHead(200, { "content-type": "text/calendar" });
      response.end(answer);
    } else if (request.url === "/to-metadata") {
      response.writeHead(302, { location: "https://169.254.169.254/latest/meta-data/" });
      response.end();
    } else {
      response.writeHead(answer ?? 404, { "content-type": "text/plain" });
      response.end("No calendar here");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  // Whatever is logged while these run is kept, to check the secret is never in it.
  for (const level of ["trace", "debug", "info", "warn", "error", "fatal"] as const) {
    vi.spyOn(logger, level).mockImplementation((...args: unknown[]) => void logged.push(JSON.stringify(args, (_key, value: unknown) => (value instanceof Error ? `${value.message} ${value.stack}` : value))));
  }
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const allowed = (): FeedFetchOptions => ({ allowedHosts: [`127.0.0.1:${port}`] });
let feedCount = 0;
/** A new feed path holding `events`; its address carries the secret. */
function serve(events: IcsEvent[]): { path: string; address: string } {
  const path = `/${SECRET}-${++feedCount}/basic.ics`;
  feeds.set(path, icsOf(events));
  return { path, address: `http://127.0.0.1:${port}${path}` };
}

async function leader() {
  const user = await createUser({ timeZone: "Europe/Berlin", weekStartsOn: 1 });
  const sam = await createStakeholder(user.id, { name: "Sam Seller", department: "SALES" });
  await db.stakeholder.update({ where: { id: sam.id }, data: { email: SAM } });
  return { ...user, sam };
}

const hours = (firefighting: number, strategy: number, other: number) => ({ firefightingMinutes: firefighting * 60, strategyMinutes: strategy * 60, otherMinutes: other * 60 });

async function weeksOf(userId: string) {
  const rows = await db.week.findMany({ where: { userId }, orderBy: { startsOn: "asc" }, select: { startsOn: true, firefightingMinutes: true, strategyMinutes: true, otherMinutes: true } });
  return Object.fromEntries(rows.map(({ startsOn, ...minutes }) => [toDateOnly(startsOn), minutes]));
}

async function everything(userId: string) {
  const [weeks, touchpoints, imports] = await Promise.all([
    weeksOf(userId),
    db.touchpoint.findMany({ where: { userId }, orderBy: [{ occurredOn: "asc" }], select: { occurredOn: true, channel: true, topic: true, deletedAt: true } }),
    db.calendarImport.count({ where: { userId } }),
  ]);
  return { weeks, touchpoints, imports };
}

const setWeek = (userId: string, startsOn: string, minutes: ReturnType<typeof hours>) =>
  db.week.update({ where: { userId_startsOn: { userId, startsOn: fromDateOnly(startsOn) } }, data: { ...minutes, version: { increment: 1 } } });

/** Two past weeks of events and one in a week logged by hand. */
const FIRST: IcsEvent[] = [
  { uid: "roadmap", start: at("2026-11-02T08:00:00Z"), end: at("2026-11-02T10:00:00Z"), title: "Roadmap planning" },
  { uid: "incident", start: at("2026-11-16T08:00:00Z"), end: at("2026-11-16T09:00:00Z"), title: "Incident review" },
  { uid: "sync", start: at("2026-11-10T08:00:00Z"), end: at("2026-11-10T11:00:00Z"), title: "Team sync" },
];

/** Subscribes, confirms the first import with the default (fill), and answers the feed's id. */
async function subscribeAndConfirm(viewer: Viewer, events: IcsEvent[]) {
  const feed = serve(events);
  const { feedId, importId } = await subscribeFeed(viewer, feed.address, allowed(), now);
  await confirmImport(viewer, { id: importId, choices: {} }, now);
  return { ...feed, feedId };
}

describe("calendar feeds", () => {
  it("subscribing previews the first import and changes nothing until it is confirmed; the address is kept sealed", async () => {
    const ada = await leader();
    await createWeek(ada.viewer, { startsOn: "2026-11-09", ...hours(1, 1, 1) });
    const before = await weeksOf(ada.id);
    const feed = serve(FIRST);

    const { feedId, importId } = await subscribeFeed(ada.viewer, feed.address, allowed(), now);

    expect(await weeksOf(ada.id)).toEqual(before);
    const [listed] = await listFeeds(ada.viewer);
    expect(listed).toMatchObject({ id: feedId, name: `127.0.0.1:${port} …02-1`, activeSince: null, pendingImportId: importId, lastError: null });
    expect(JSON.stringify(listed)).not.toContain(SECRET);
    const row = await db.calendarFeed.findUniqueOrThrow({ where: { id: feedId } });
    expect(JSON.stringify(row)).not.toContain(SECRET);
    expect((await db.calendarImport.findUniqueOrThrow({ where: { id: importId } })).fileName).not.toContain(SECRET);

    await confirmImport(ada.viewer, { id: importId, choices: {} }, now);
    expect(await weeksOf(ada.id)).toEqual({ "2026-11-02": hours(0, 2, 0), "2026-11-09": hours(1, 1, 1), "2026-11-16": hours(1, 0, 0) });
    expect((await listFeeds(ada.viewer))[0]).toMatchObject({ activeSince: now, pendingImportId: null });
  });

  it("refreshing the same feed again changes nothing and records nothing", async () => {
    const ada = await leader();
    const { feedId } = await subscribeAndConfirm(ada.viewer, FIRST);
    const before = await everything(ada.id);

    expect(await refreshFeed(ada.viewer, feedId, allowed(), later(1))).toEqual({ outcome: "applied", weeks: 0, touchpoints: 0 });
    expect(await refreshFeedInBackground(feedId, allowed(), later(2))).toEqual({ outcome: "applied", weeks: 0, touchpoints: 0 });

    expect(await everything(ada.id)).toEqual(before);
    expect((await listFeeds(ada.viewer))[0]).toMatchObject({ lastRefreshedAt: later(2), lastError: null });
  });

  it("a refresh fills empty weeks and updates the feed's own, never a week logged or changed by hand nor one another import wrote", async () => {
    const ada = await leader();
    await createWeek(ada.viewer, { startsOn: "2026-11-09", ...hours(1, 1, 1) });
    // A week an uploaded file wrote.
    const upload = await createPendingImport(ada.viewer, { name: "work.ics", bytes: icsBytes([{ uid: "offsite", start: at("2026-10-20T08:00:00Z"), end: at("2026-10-20T12:00:00Z"), title: "Offsite" }]) }, now);
    await confirmImport(ada.viewer, { id: upload.id, choices: {} }, now);
    const feed = await subscribeAndConfirm(ada.viewer, FIRST);
    // The user changes a week the feed wrote.
    await setWeek(ada.id, "2026-11-02", hours(0, 5, 0));

    feeds.set(feed.path, icsOf([
      ...FIRST.map((event) => (event.uid === "roadmap" ? { ...event, end: at("2026-11-02T11:00:00Z") } : event)),
      { uid: "follow-up", start: at("2026-11-17T08:00:00Z"), end: at("2026-11-17T10:00:00Z"), title: "Incident follow-up" },
      { uid: "empty-week", start: at("2026-10-26T08:00:00Z"), end: at("2026-10-26T09:00:00Z"), title: "Team sync" },
      { uid: "more-by-hand", start: at("2026-11-11T08:00:00Z"), end: at("2026-11-11T12:00:00Z"), title: "Strategy offsite" },
      { uid: "uploaded-week", start: at("2026-10-21T08:00:00Z"), end: at("2026-10-21T09:00:00Z"), title: "Incident" },
      { uid: "sam", start: at("2026-11-18T13:00:00Z"), end: at("2026-11-18T13:30:00Z"), title: "Sam / me", organizer: ada.email, attendees: [ada.email, SAM] },
    ]));

    expect(await refreshFeed(ada.viewer, feed.feedId, allowed(), later(1))).toEqual({ outcome: "applied", weeks: 2, touchpoints: 1 });
    const after = await everything(ada.id);
    expect(after.weeks).toEqual({
      "2026-10-19": hours(0, 4, 0), // the upload's, kept
      "2026-10-26": hours(0, 0, 1), // empty, filled
      "2026-11-02": hours(0, 5, 0), // changed by hand, kept
      "2026-11-09": hours(1, 1, 1), // logged by hand, kept
      "2026-11-16": { ...hours(3, 0, 0), otherMinutes: 30 }, // the feed's own, updated (with the 1:1)
    });
    expect(after.touchpoints).toEqual([{ occurredOn: fromDateOnly("2026-11-18"), channel: "ONE_ON_ONE", topic: "Sam / me", deletedAt: null }]);

    // Again: nothing new.
    expect(await refreshFeedInBackground(feed.feedId, allowed(), later(2))).toEqual({ outcome: "applied", weeks: 0, touchpoints: 0 });
    expect(await everything(ada.id)).toEqual(after);
  });

  it("a refresh that changed something is an import to undo; undoing it pauses the feed until its next import is reviewed", async () => {
    const ada = await leader();
    const feed = await subscribeAndConfirm(ada.viewer, FIRST);
    const before = await weeksOf(ada.id);
    feeds.set(feed.path, icsOf([...FIRST, { uid: "new", start: at("2026-10-26T08:00:00Z"), end: at("2026-10-26T09:00:00Z"), title: "Team sync" }]));
    await refreshFeed(ada.viewer, feed.feedId, allowed(), later(1));
    const refresh = await db.calendarImport.findFirstOrThrow({ where: { userId: ada.id, feedId: feed.feedId }, orderBy: { createdAt: "desc" } });
    expect(refresh).toMatchObject({ status: "CONFIRMED", occurrences: null });

    await undoImport(ada.viewer, refresh.id);

    expect(await weeksOf(ada.id)).toEqual(before);
    expect(await dueFeedIds(later(3))).not.toContain(feed.feedId);
    expect(await refreshFeedInBackground(feed.feedId, allowed(), later(3))).toBeNull();
    const next = await refreshFeed(ada.viewer, feed.feedId, allowed(), later(3));
    expect(next.outcome).toBe("review");
    expect(await weeksOf(ada.id)).toEqual(before);
  });

  it("a refresh fetched before its feed was paused, or for someone else's feed, writes nothing", async () => {
    const ada = await leader();
    const grace = await leader();
    const feed = await subscribeAndConfirm(ada.viewer, FIRST);
    const before = await everything(ada.id);
    const reading = await readForImport(ada.viewer, icsOf([...FIRST, { uid: "new", start: at("2026-10-26T08:00:00Z"), end: at("2026-10-26T09:00:00Z"), title: "Team sync" }]), later(1));
    expect(await applyFeedRefresh(grace.viewer, { id: feed.feedId, name: "x" }, reading, later(1))).toEqual({ weeks: 0, touchpoints: 0, importId: null });
    await db.calendarFeed.update({ where: { id: feed.feedId }, data: { activeSince: null } });
    expect(await applyFeedRefresh(ada.viewer, { id: feed.feedId, name: "x" }, reading, later(1))).toEqual({ weeks: 0, touchpoints: 0, importId: null });
    expect(await everything(ada.id)).toEqual(before);
  });

  it("a feed that breaks keeps its weeks and says why, without its address", async () => {
    const ada = await leader();
    const feed = await subscribeAndConfirm(ada.viewer, FIRST);
    const before = await everything(ada.id);

    feeds.set(feed.path, 404);
    const failed = await refreshFeed(ada.viewer, feed.feedId, allowed(), later(1));
    expect(failed).toEqual({ outcome: "failed", message: expect.stringContaining("there is no calendar at this address") });
    feeds.set(`${feed.path}`, "<!doctype html><title>Sign in</title>");
    const html = await refreshFeedInBackground(feed.feedId, allowed(), later(2));
    expect(html).toEqual({ outcome: "failed", message: expect.stringContaining("not a calendar") });

    expect(await everything(ada.id)).toEqual(before);
    const [listed] = await listFeeds(ada.viewer);
    expect(listed).toMatchObject({ lastAttemptAt: later(2), lastRefreshedAt: now, lastError: expect.stringContaining("not a calendar") });
    expect(listed!.lastError).not.toContain(SECRET);
  });

  it("refuses internal addresses on subscribe and on refresh: loopback, names resolving inside, redirects to metadata", async () => {
    const ada = await leader();
    const internal = (address: string, options?: FeedFetchOptions) => expect(subscribeFeed(ada.viewer, address, options, now)).rejects.toThrow(/internal network address/);
    const feed = serve(FIRST);
    await internal(`https://127.0.0.1:${port}${feed.path}`);
    await internal(`webcal://localhost:${port}${feed.path}`);
    await internal(`https://calendar.example.test/${SECRET}.ics`, { resolve: async () => [{ address: "10.1.2.3", family: 4 }] });
    await internal(`https://calendar.example.test/${SECRET}.ics`, { resolve: async () => [{ address: "93.184.216.34", family: 4 }, { address: "fd00:ec2::254", family: 6 }] });
    await internal(`http://127.0.0.1:${port}/to-metadata`, allowed());
    await expect(subscribeFeed(ada.viewer, `http://calendar.example.test/${SECRET}.ics`, { resolve: async () => [{ address: "93.184.216.34", family: 4 }] }, now)).rejects.toThrow(
      /not a secure address/,
    );
    expect(await db.calendarFeed.count({ where: { userId: ada.id } })).toBe(0);

    // A name that resolved outside when subscribing, inside an hour later (DNS rebinding): refused on refresh.
    const address = `https://calendar.example.test/${SECRET}/basic.ics`;
    const { id: feedId } = await db.calendarFeed.create({
      data: { userId: ada.id, addressSealed: sealFeedAddress(address), addressDigest: feedAddressDigest(address), addressHint: "calendar.example.test", activeSince: now },
    });
    const rebound = await refreshFeedInBackground(feedId, { resolve: async () => [{ address: "169.254.169.254", family: 4 }] }, later(1));
    expect(rebound).toEqual({ outcome: "failed", message: expect.stringContaining("internal network address") });
  });

  it("subscribing twice to one address, or to one that is no calendar, keeps nothing and says so at the address", async () => {
    const ada = await leader();
    const feed = await subscribeAndConfirm(ada.viewer, FIRST);
    await expect(subscribeFeed(ada.viewer, feed.address, allowed(), now)).rejects.toMatchObject({ message: "You already subscribe to this calendar.", field: "address" });
    const missing = `http://127.0.0.1:${port}/${SECRET}/missing.ics`;
    const error = await subscribeFeed(ada.viewer, missing, allowed(), now).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalendarFeedError);
    expect(error).toMatchObject({ field: "address" });
    expect((error as Error).message).not.toContain(SECRET);
    expect(await db.calendarFeed.count({ where: { userId: ada.id } })).toBe(1);
  });

  it("only the owner lists, refreshes or removes a feed; removing it keeps its weeks and its imports undoable", async () => {
    const ada = await leader();
    const bo = await createUser();
    const feed = await subscribeAndConfirm(ada.viewer, FIRST);
    const weeks = await weeksOf(ada.id);

    expect(await listFeeds(bo.viewer)).toEqual([]);
    await expect(refreshFeed(bo.viewer, feed.feedId, allowed(), later(1))).rejects.toBeInstanceOf(NotFoundError);
    await expect(unsubscribeFeed(bo.viewer, feed.feedId)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.calendarFeed.count({ where: { id: feed.feedId } })).toBe(1);

    await unsubscribeFeed(ada.viewer, feed.feedId);
    expect(await listFeeds(ada.viewer)).toEqual([]);
    expect(await weeksOf(ada.id)).toEqual(weeks);
    const first = await db.calendarImport.findFirstOrThrow({ where: { userId: ada.id }, select: { id: true, feedId: true } });
    expect(first.feedId).toBeNull();
    await undoImport(ada.viewer, first.id);
    expect(await weeksOf(ada.id)).toEqual({});
  });

  it("the hourly sweep picks the confirmed feeds not refreshed in the last 45 minutes", async () => {
    const ada = await leader();
    const active = await subscribeAndConfirm(ada.viewer, FIRST);
    const waiting = await subscribeFeed(ada.viewer, serve(FIRST).address, allowed(), now);
    expect(await dueFeedIds(later(0.5))).not.toContain(active.feedId);
    const due = await dueFeedIds(later(1));
    expect(due).toContain(active.feedId);
    expect(due).not.toContain(waiting.feedId);
  });

  it("the export names feeds by their hint, never their address; the audit and the logs never hold it", async () => {
    const ada = await leader();
    const feed = await subscribeAndConfirm(ada.viewer, FIRST);
    await refreshFeed(ada.viewer, feed.feedId, allowed(), later(1));
    await unsubscribeFeed(ada.viewer, feed.feedId);
    const kept = await subscribeAndConfirm(ada.viewer, FIRST);

    const exported = await exportAccount(ada.viewer);
    expect(exported.calendarFeeds).toEqual([
      { address: `127.0.0.1:${port} …${kept.path.split("/")[1]!.slice(-4)}`, addressExcluded: true, subscribedAt: now.toISOString(), refreshedHourlySince: now.toISOString(), lastRefreshedAt: now.toISOString(), lastError: null },
    ]);
    expect(JSON.stringify(exported)).not.toContain(SECRET);
    const audit = await db.auditEvent.findMany({ where: { userId: ada.id }, select: { action: true, detail: true } });
    expect(audit.map((event) => event.action).sort()).toEqual(["calendar_feed_removed", "calendar_feed_subscribed", "calendar_feed_subscribed"]);
    expect(JSON.stringify(audit)).not.toContain(SECRET);
    expect(logged.filter((line) => line.includes(SECRET))).toEqual([]);
  });

  it("the worker sweeps every hour on its own queue and refreshes each due feed in a job of its own", async () => {
    configureQueue({ pollingIntervalSeconds: 0.5 });
    await startWorker();
    const boss = await getBoss();
    expect((await boss.getSchedules()).filter((schedule) => schedule.name === QUEUES.calendarFeedSweep)).toEqual([expect.objectContaining({ cron: CALENDAR_FEED_CRON })]);
    expect(CALENDAR_FEED_CRON).toMatch(/^\d{1,2} \* \* \* \*$/);

    // A feed whose address now points inside: the refresh the job runs is refused, and says so on the feed.
    const ada = await leader();
    const address = `https://10.1.2.3/${SECRET}/basic.ics`;
    const { id } = await db.calendarFeed.create({
      data: { userId: ada.id, addressSealed: sealFeedAddress(address), addressDigest: feedAddressDigest(address), addressHint: "10.1.2.3", activeSince: now },
    });
    await boss.send(QUEUES.calendarFeedSweep, {});
    let feed = await db.calendarFeed.findUniqueOrThrow({ where: { id } });
    for (let i = 0; i < 200 && feed.lastError === null; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      feed = await db.calendarFeed.findUniqueOrThrow({ where: { id } });
    }
    expect(feed.lastError).toMatch(/internal network address/);
    expect(feed.lastAttemptAt).not.toBeNull();
    expect(logged.filter((line) => line.includes(SECRET))).toEqual([]);
  });
});

describe("calendar feeds: a refresh follows the meetings it made touchpoints from", () => {
  const KIM = "kim@product.example";
  /** Three past meetings with Sam (two also with Kim), each made a touchpoint by the first import. */
  const meetings = (self: string): IcsEvent[] => [
    { uid: "1on1", start: at("2026-11-03T09:00:00Z"), end: at("2026-11-03T09:30:00Z"), title: "Sam / me", organizer: self, attendees: [self, SAM] },
    { uid: "pipeline", start: at("2026-11-10T09:00:00Z"), end: at("2026-11-10T10:00:00Z"), title: "Pipeline review", organizer: self, attendees: [self, SAM, KIM] },
    { uid: "forecast", start: at("2026-11-17T09:00:00Z"), end: at("2026-11-17T10:00:00Z"), title: "Forecast", organizer: self, attendees: [self, SAM, KIM] },
  ];

  async function withKim() {
    const ada = await leader();
    const kim = await createStakeholder(ada.id, { name: "Kim Product", department: "PRODUCT" });
    await db.stakeholder.update({ where: { id: kim.id }, data: { email: KIM } });
    return { ...ada, kim };
  }

  const touchpointsOf = (userId: string) =>
    db.touchpoint.findMany({
      where: { userId },
      orderBy: [{ occurredOn: "asc" }, { department: "asc" }],
      select: { id: true, stakeholderId: true, occurredOn: true, channel: true, topic: true, outcome: true, deletedAt: true, updatedAt: true },
    });
  const day = (date: string) => fromDateOnly(date);
  const lastMet = async (viewer: Viewer, stakeholderId: string) => (await getStakeholder(viewer, stakeholderId, { now }))?.lastMetOn;

  it("moves and retitles the touchpoints of a moved or renamed meeting, and the last-met date follows; again, nothing", async () => {
    const ada = await withKim();
    const feed = await subscribeAndConfirm(ada.viewer, meetings(ada.email));
    expect((await touchpointsOf(ada.id)).map((tp) => tp.topic)).toEqual(["Sam / me", "Pipeline review", "Pipeline review", "Forecast", "Forecast"]);
    expect(await lastMet(ada.viewer, ada.sam.id)).toBe("2026-11-17");

    // The forecast moves two days on and is renamed; the 1:1 becomes a three-person meeting.
    const [oneOnOne, pipeline, forecast] = meetings(ada.email);
    feeds.set(feed.path, icsOf([
      { ...oneOnOne!, attendees: [ada.email, SAM, KIM] },
      pipeline!,
      { ...forecast!, start: at("2026-11-19T09:00:00Z"), end: at("2026-11-19T10:00:00Z"), title: "Q1 forecast" },
    ]));
    const result = await refreshFeed(ada.viewer, feed.feedId, allowed(), later(1));

    // Sam's 1:1 is now a meeting (and Kim's new one is added); both forecast touchpoints moved and were renamed.
    expect(result).toEqual({ outcome: "applied", weeks: 0, touchpoints: 4 });
    const after = await touchpointsOf(ada.id);
    const seen = after.map(({ stakeholderId, occurredOn, channel, topic, deletedAt }) => `${toDateOnly(occurredOn)} ${stakeholderId === ada.sam.id ? "sam" : "kim"} ${channel} ${topic} ${deletedAt === null ? "" : "deleted"}`.trim());
    expect(seen.sort()).toEqual([
      "2026-11-03 kim MEETING Sam / me",
      "2026-11-03 sam MEETING Sam / me",
      "2026-11-10 kim MEETING Pipeline review",
      "2026-11-10 sam MEETING Pipeline review",
      "2026-11-19 kim MEETING Q1 forecast",
      "2026-11-19 sam MEETING Q1 forecast",
    ]);
    expect(await lastMet(ada.viewer, ada.sam.id)).toBe("2026-11-19");

    const before = await everything(ada.id);
    expect(await refreshFeedInBackground(feed.feedId, allowed(), later(2))).toEqual({ outcome: "applied", weeks: 0, touchpoints: 0 });
    expect(await everything(ada.id)).toEqual(before);
  });

  it("removes the touchpoints of a meeting cancelled, declined, deleted, moved ahead, or without the stakeholder any more; brings them back when it returns", async () => {
    const ada = await withKim();
    const feed = await subscribeAndConfirm(ada.viewer, [
      ...meetings(ada.email),
      { uid: "cancelled", start: at("2026-11-04T09:00:00Z"), end: at("2026-11-04T10:00:00Z"), title: "Deal desk", organizer: SAM, attendees: [ada.email, SAM] },
      { uid: "ahead", start: at("2026-11-05T09:00:00Z"), end: at("2026-11-05T10:00:00Z"), title: "Account plan", organizer: SAM, attendees: [ada.email, SAM] },
      { uid: "declined", start: at("2026-11-06T09:00:00Z"), end: at("2026-11-06T10:00:00Z"), title: "Lunch and learn", organizer: KIM, attendees: [ada.email, KIM] },
    ]);
    expect((await touchpointsOf(ada.id)).filter((tp) => tp.deletedAt === null)).toHaveLength(8);
    const [oneOnOne, pipeline, forecast] = meetings(ada.email);

    feeds.set(feed.path, icsOf([
      oneOnOne!,
      { ...pipeline!, attendees: [ada.email, SAM] }, // Kim no longer invited
      // forecast deleted from the calendar
      { uid: "cancelled", start: at("2026-11-04T09:00:00Z"), end: at("2026-11-04T10:00:00Z"), title: "Deal desk", organizer: SAM, attendees: [ada.email, SAM], status: "CANCELLED" },
      { uid: "ahead", start: at("2026-11-30T09:00:00Z"), end: at("2026-11-30T10:00:00Z"), title: "Account plan", organizer: SAM, attendees: [ada.email, SAM] },
      { uid: "declined", start: at("2026-11-06T09:00:00Z"), end: at("2026-11-06T10:00:00Z"), title: "Lunch and learn", organizer: KIM, attendees: [ada.email, KIM] },
    ]).replace(`ATTENDEE;PARTSTAT=ACCEPTED:mailto:${ada.email}\r\nATTENDEE;PARTSTAT=ACCEPTED:mailto:${KIM}\r\nEND`, `ATTENDEE;PARTSTAT=DECLINED:mailto:${ada.email}\r\nATTENDEE;PARTSTAT=ACCEPTED:mailto:${KIM}\r\nEND`));
    // Six go; Sam's pipeline review, now with two people, becomes a 1:1.
    expect(await refreshFeed(ada.viewer, feed.feedId, allowed(), later(1))).toMatchObject({ outcome: "applied", touchpoints: 7 });

    const live = (await touchpointsOf(ada.id)).filter((tp) => tp.deletedAt === null);
    expect(live.map((tp) => `${tp.stakeholderId === ada.sam.id ? "sam" : "kim"} ${tp.topic} ${tp.channel}`).sort()).toEqual(["sam Pipeline review ONE_ON_ONE", "sam Sam / me ONE_ON_ONE"]);
    // To the trash, as a touchpoint deleted by hand goes; the last-met dates follow.
    expect((await touchpointsOf(ada.id)).filter((tp) => tp.deletedAt !== null).map((tp) => tp.deletedAt)).toEqual(Array(6).fill(later(1)));
    expect(await lastMet(ada.viewer, ada.sam.id)).toBe("2026-11-10");
    expect(await lastMet(ada.viewer, ada.kim.id)).toBeNull();

    // Again: nothing. Then the forecast is back in the calendar: so are its touchpoints.
    expect(await refreshFeedInBackground(feed.feedId, allowed(), later(2))).toEqual({ outcome: "applied", weeks: 0, touchpoints: 0 });
    feeds.set(feed.path, icsOf([oneOnOne!, { ...pipeline!, attendees: [ada.email, SAM] }, forecast!]));
    expect(await refreshFeedInBackground(feed.feedId, allowed(), later(3))).toMatchObject({ outcome: "applied", touchpoints: 2 });
    expect(await lastMet(ada.viewer, ada.kim.id)).toBe("2026-11-17");
    expect((await touchpointsOf(ada.id)).filter((tp) => tp.deletedAt === null && tp.topic === "Forecast")).toHaveLength(2);
  });

  it("never changes or removes a touchpoint edited, deleted or restored by hand, nor one an upload made, nor one of a stakeholder without an address", async () => {
    const ada = await withKim();
    const upload = await createPendingImport(ada.viewer, { name: "work.ics", bytes: icsBytes([
      { uid: "uploaded", start: at("2026-11-12T09:00:00Z"), end: at("2026-11-12T10:00:00Z"), title: "Board prep", organizer: ada.email, attendees: [ada.email, SAM] },
    ]) }, now);
    await confirmImport(ada.viewer, { id: upload.id, choices: {} }, now);
    const feed = await subscribeAndConfirm(ada.viewer, meetings(ada.email));
    const first = await touchpointsOf(ada.id);
    const samOn = (date: string) => first.find((tp) => tp.stakeholderId === ada.sam.id && toDateOnly(tp.occurredOn) === date)!;
    const kimOn = (date: string) => first.find((tp) => tp.stakeholderId === ada.kim.id && toDateOnly(tp.occurredOn) === date)!;
    // Sam's 1:1 gets an outcome by hand (nothing else changes); Kim's pipeline touchpoint is deleted by hand,
    // Sam's restored from the trash after a delete by hand.
    await updateTouchpoint(ada.viewer, samOn("2026-11-03").id, { occurredOn: "2026-11-03", channel: "ONE_ON_ONE", topic: "Sam / me", outcome: "Agreed the Q1 targets.", notable: false, with: { kind: "stakeholder", stakeholderId: ada.sam.id } });
    await deleteTouchpoint(ada.viewer, kimOn("2026-11-10").id, { now });
    await deleteTouchpoint(ada.viewer, samOn("2026-11-10").id, { now });
    await restoreTouchpoint(ada.viewer, samOn("2026-11-10").id, { now });
    // Kim has no address any more.
    await db.stakeholder.update({ where: { id: ada.kim.id }, data: { email: null } });
    const before = await touchpointsOf(ada.id);

    // Every meeting moves a day on, or goes; the uploaded one is in the feed, renamed.
    feeds.set(feed.path, icsOf([
      ...meetings(ada.email).filter((event) => event.uid !== "forecast").map((event) => ({ ...event, start: later(-24 * 5), end: later(-24 * 5 + 1), title: `${event.title} (moved)` })),
      { uid: "uploaded", start: at("2026-11-12T09:00:00Z"), end: at("2026-11-12T10:00:00Z"), title: "Board prep (renamed)", organizer: ada.email, attendees: [ada.email, SAM] },
    ]));
    expect(await refreshFeed(ada.viewer, feed.feedId, allowed(), later(1))).toMatchObject({ outcome: "applied", touchpoints: 1 });

    // Only Sam's forecast (the feed's, untouched) went; Kim's forecast stays, as she can no longer be matched.
    const after = await touchpointsOf(ada.id);
    expect(after.filter((tp) => tp.id !== samOn("2026-11-17").id)).toEqual(before.filter((tp) => tp.id !== samOn("2026-11-17").id));
    expect(after.find((tp) => tp.id === samOn("2026-11-17").id)?.deletedAt).toEqual(later(1));
  });

  it("undoing a refresh puts back every touchpoint as it was, and the feed may change them again after its next review", async () => {
    const ada = await withKim();
    const feed = await subscribeAndConfirm(ada.viewer, meetings(ada.email));
    const before = await touchpointsOf(ada.id);
    const [oneOnOne, pipeline] = meetings(ada.email);
    feeds.set(feed.path, icsOf([{ ...oneOnOne!, title: "Sam and me" }, { ...pipeline!, start: at("2026-11-11T09:00:00Z"), end: at("2026-11-11T10:00:00Z") }]));
    expect(await refreshFeed(ada.viewer, feed.feedId, allowed(), later(1))).toMatchObject({ outcome: "applied", touchpoints: 5 });
    const refresh = await db.calendarImport.findFirstOrThrow({ where: { userId: ada.id, feedId: feed.feedId }, orderBy: { createdAt: "desc" } });

    await undoImport(ada.viewer, refresh.id, later(2));

    // Values, trash and stamps: exactly as before the refresh.
    expect(await touchpointsOf(ada.id)).toEqual(before);
    expect(await lastMet(ada.viewer, ada.sam.id)).toBe("2026-11-17");
    // The feed is paused; its next import is reviewed, and the refreshes after it change its touchpoints again.
    const review = await refreshFeed(ada.viewer, feed.feedId, allowed(), later(3));
    if (review.outcome !== "review") throw new Error(`expected a review, got ${review.outcome}`);
    await confirmImport(ada.viewer, { id: review.importId, choices: {} }, later(3));
    expect((await touchpointsOf(ada.id)).filter((tp) => tp.deletedAt === null).map((tp) => tp.topic).sort()).toEqual(["Forecast", "Forecast", "Pipeline review", "Pipeline review", "Sam and me"]);
    feeds.set(feed.path, icsOf([{ ...oneOnOne!, title: "Sam and me" }, pipeline!]));
    expect(await refreshFeed(ada.viewer, feed.feedId, allowed(), later(4))).toMatchObject({ outcome: "applied", touchpoints: 4 });
    expect((await touchpointsOf(ada.id)).filter((tp) => tp.deletedAt === null).map((tp) => toDateOnly(tp.occurredOn))).toEqual(["2026-11-03", "2026-11-10", "2026-11-10"]);
  });

  it("undoing a refresh leaves a touchpoint edited by hand since as it is", async () => {
    const ada = await withKim();
    const feed = await subscribeAndConfirm(ada.viewer, meetings(ada.email));
    const [oneOnOne] = meetings(ada.email);
    feeds.set(feed.path, icsOf([{ ...oneOnOne!, title: "Sam and me" }]));
    expect(await refreshFeed(ada.viewer, feed.feedId, allowed(), later(1))).toMatchObject({ outcome: "applied", touchpoints: 5 });
    const refresh = await db.calendarImport.findFirstOrThrow({ where: { userId: ada.id, feedId: feed.feedId }, orderBy: { createdAt: "desc" } });
    const renamed = (await touchpointsOf(ada.id)).find((tp) => tp.topic === "Sam and me")!;
    await updateTouchpoint(ada.viewer, renamed.id, { occurredOn: "2026-11-03", channel: "ONE_ON_ONE", topic: "Sam and me", outcome: "Agreed the Q1 targets.", notable: false, with: { kind: "stakeholder", stakeholderId: ada.sam.id } });
    const edited = await db.touchpoint.findUniqueOrThrow({ where: { id: renamed.id } });

    await undoImport(ada.viewer, refresh.id, later(2));

    expect(await db.touchpoint.findUniqueOrThrow({ where: { id: renamed.id } })).toEqual(edited);
    expect((await touchpointsOf(ada.id)).filter((tp) => tp.deletedAt === null)).toHaveLength(5);
  });

  it("a week the feed wrote and the user then saved by hand is theirs, even with the same hours; undo gives the feed back its own week", async () => {
    const ada = await leader();
    const feed = await subscribeAndConfirm(ada.viewer, FIRST);
    const saved = await db.week.findUniqueOrThrow({ where: { userId_startsOn: { userId: ada.id, startsOn: day("2026-11-02") } } });
    // Saved by hand with the hours the feed wrote, a highlight added.
    await saveWeek(ada.viewer, weekInput({ startsOn: "2026-11-02", version: saved.version, ...hours(0, 2, 0), highlights: "Roadmap agreed." }), now);
    // Changed by hand, then back to what the feed wrote.
    await setWeek(ada.id, "2026-11-16", hours(2, 0, 0));
    await setWeek(ada.id, "2026-11-16", hours(1, 0, 0));

    feeds.set(feed.path, icsOf(FIRST.map((event) => ({ ...event, end: new Date(event.end.getTime() + 3_600_000) }))));
    // Only the week nobody saved since is the feed's to update.
    expect(await refreshFeed(ada.viewer, feed.feedId, allowed(), later(1))).toEqual({ outcome: "applied", weeks: 1, touchpoints: 0 });
    expect(await weeksOf(ada.id)).toEqual({ "2026-11-02": hours(0, 2, 0), "2026-11-09": hours(0, 0, 4), "2026-11-16": hours(1, 0, 0) });

    // A week the feed still owns, rewritten by a refresh and that refresh undone: the feed owns it again.
    const other = await leader();
    const its = await subscribeAndConfirm(other.viewer, FIRST);
    feeds.set(its.path, icsOf(FIRST.map((event) => (event.uid === "incident" ? { ...event, end: at("2026-11-16T10:00:00Z") } : event))));
    expect(await refreshFeed(other.viewer, its.feedId, allowed(), later(1))).toMatchObject({ weeks: 1 });
    const refresh = await db.calendarImport.findFirstOrThrow({ where: { userId: other.id, feedId: its.feedId }, orderBy: { createdAt: "desc" } });
    await undoImport(other.viewer, refresh.id, later(2));
    const review = await refreshFeed(other.viewer, its.feedId, allowed(), later(3));
    if (review.outcome !== "review") throw new Error(`expected a review, got ${review.outcome}`);
    const pending = await getPendingImport(other.viewer, review.importId);
    expect(pending?.preview.weeks.find((week) => week.startsOn === "2026-11-16")).toMatchObject({ origin: "imported", feedId: its.feedId });
  });
});

