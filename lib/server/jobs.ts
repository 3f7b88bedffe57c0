import "server-only";
import PgBoss from "pg-boss";
import { z } from "zod";
import type { EmailMessage } from "@/lib/server/email";
import { env } from "@/lib/config/env";
import { logger } from "@/lib/server/logger";

// Every email leaves through a job queue in PostgreSQL (pg-boss): a request
// only inserts a job, a worker sends it and retries with back-off when SMTP
// fails, so a slow or broken mail server never fails or slows a request and
// loses no email. See docs/decisions/006-mentor-access-and-email-queue.md.
// The handlers live with their domain; lib/server/worker.ts runs them.

export const QUEUES = {
  email: "email.send",
  /** One digest of new comments for a (recipient, author) pair; at most one job waiting per pair. */
  commentDigest: "comments.digest",
  /** Hourly safety net: digests for any notification whose digest job was never queued. */
  digestSweep: "comments.digest-sweep",
  /** Scheduled purge of long-deleted and expired rows (lib/server/housekeeping.ts); its own queue, as pg-boss keeps one schedule per queue. */
  housekeeping: "housekeeping.purge",
  /** Hourly: queues a refresh of every calendar feed due for one (lib/calendar/feeds.ts). */
  calendarFeedSweep: "calendar-feeds.sweep",
  /** One calendar feed's refresh; at most one waiting per feed. */
  calendarFeedRefresh: "calendar-feeds.refresh",
} as const;

/** 30 s, 1 min, 2 min … doubling (with jitter) up to ~8 h: about a day of retries in all. */
const EMAIL_RETRIES = { retryLimit: 12, retryDelay: 30, retryBackoff: true };

export type QueueSettings = { retryDelaySeconds?: number; pollingIntervalSeconds?: number };

export const emailMessageSchema = z.object({
  to: z.string().min(3),
  subject: z.string().min(1),
  text: z.string(),
  html: z.string(),
  // Unsubscribe headers travel with the job, so a queued digest keeps them.
  headers: z.object({ "List-Unsubscribe": z.string().regex(/^<https?:\/\/\S+>$/), "List-Unsubscribe-Post": z.literal("List-Unsubscribe=One-Click") }).optional(),
});

/** How long a first comment waits for the ones written right after it. */
export const DIGEST_GATHER_SECONDS = 120;

export type CommentDigestJob = { recipientId: string; authorId: string; baseUrl: string };

export const commentDigestJobSchema = z.object({ recipientId: z.string().min(1), authorId: z.string().min(1), baseUrl: z.url() });

type JobsState = { boss?: Promise<PgBoss>; settings: QueueSettings };

// One boss per process (dev hot reloads would otherwise open a pool per edit).
const globalForJobs = globalThis as unknown as { wheelhouseJobs?: JobsState };
const state: JobsState = (globalForJobs.wheelhouseJobs ??= { settings: {} });

/** Tests shorten the delays (over EMAIL_RETRY_DELAY_SECONDS); call before anything else touches the queue. */
export function configureQueue(settings: QueueSettings): void {
  state.settings = settings;
}

/** How often a worker asks for new jobs. */
export function pollingOptions(): { pollingIntervalSeconds: number } {
  return { pollingIntervalSeconds: state.settings.pollingIntervalSeconds ?? 2 };
}

function emailRetries() {
  return { ...EMAIL_RETRIES, retryDelay: state.settings.retryDelaySeconds ?? env.EMAIL_RETRY_DELAY_SECONDS ?? EMAIL_RETRIES.retryDelay };
}

async function createBoss(): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: env.DATABASE_URL, application_name: "wheelhouse-jobs", max: 4 });
  boss.on("error", (error) => logger.error({ err: error }, "Job queue error"));
  await boss.start();
  // createQueue is a no-op for a queue that exists, so every process may run it.
  await boss.createQueue(QUEUES.email, { name: QUEUES.email, ...emailRetries() });
  await boss.createQueue(QUEUES.commentDigest, { name: QUEUES.commentDigest, policy: "short", ...emailRetries(), retryLimit: 5 });
  await boss.createQueue(QUEUES.digestSweep, { name: QUEUES.digestSweep, policy: "short", retryLimit: 2 });
  // "stately": one run at a time and one waiting, so a slow run never piles up the next ones.
  await boss.createQueue(QUEUES.housekeeping, { name: QUEUES.housekeeping, policy: "stately", retryLimit: 1, retryDelay: 300 });
  await createWeeklyEmailQueues(boss);
  await boss.createQueue(QUEUES.calendarFeedSweep, { name: QUEUES.calendarFeedSweep, policy: "stately", retryLimit: 1, retryDelay: 300 });
  // No retries: a failed refresh is kept on the feed for the page, and the next hour tries again.
  await boss.createQueue(QUEUES.calendarFeedRefresh, { name: QUEUES.calendarFeedRefresh, policy: "short", retryLimit: 0 });
  return boss;
}

/** The process's started queue client; a failed start is retried on the next call. */
export function getBoss(): Promise<PgBoss> {
  state.boss ??= createBoss().catch((error: unknown) => {
    state.boss = undefined;
    throw error;
  });
  return state.boss;
}

/** Queues an email; it is sent by the worker, retried with back-off until the SMTP server takes it. */
export async function enqueueEmail(message: EmailMessage): Promise<string> {
  const boss = await getBoss();
  // Retry settings travel with each job, so a change here applies to queues created by older versions too.
  const id = await boss.send(QUEUES.email, emailMessageSchema.parse(message), emailRetries());
  if (!id) throw new Error("The email job was not queued");
  return id;
}

/**
 * Asks for a digest of `authorId`'s new comments to `recipientId`. Waits a
 * couple of minutes so comments written in one sitting travel together; the
 * handler keeps the hourly spacing per pair. With a job already waiting for
 * the pair this is a no-op (the "short" queue policy), and that job takes the
 * new comment along.
 */
export async function enqueueCommentDigest(job: CommentDigestJob, startAfterSeconds = DIGEST_GATHER_SECONDS): Promise<void> {
  const boss = await getBoss();
  await boss.send(QUEUES.commentDigest, commentDigestJobSchema.parse(job), {
    ...emailRetries(),
    retryLimit: 5,
    singletonKey: `${job.recipientId}:${job.authorId}`,
    startAfter: startAfterSeconds,
  });
}

// ── Weekly emails: the scheduler's tick and one job per user and week (lib/reminders/) ──

export const WEEKLY_EMAIL_QUEUES = {
  /** Finds the users whose weekly emails are due; each tick queues the next (pg-boss allows one cron schedule per queue). */
  tick: "weekly-emails.tick",
  /** One user's weekly emails at one due instant. */
  send: "weekly-emails.send",
} as const;

export type WeeklyEmailJob = { userId: string; dueAt: string; baseUrl: string };

export const weeklyEmailJobSchema = z.object({ userId: z.string().min(1), dueAt: z.iso.datetime(), baseUrl: z.url() });

/** One tick waiting at a time, whoever queues it; one job waiting per user and due instant. */
const TICK_KEY = "tick";

async function createWeeklyEmailQueues(boss: PgBoss): Promise<void> {
  await boss.createQueue(WEEKLY_EMAIL_QUEUES.tick, { name: WEEKLY_EMAIL_QUEUES.tick, policy: "short", retryLimit: 0 });
  await boss.createQueue(WEEKLY_EMAIL_QUEUES.send, { name: WEEKLY_EMAIL_QUEUES.send, policy: "short", ...emailRetries(), retryLimit: 5 });
}

/** How often the tick runs: REMINDER_TICK_SECONDS, a minute by default. */
export function reminderTickSeconds(): number {
  return env.REMINDER_TICK_SECONDS ?? 60;
}

/** Queues the next tick after `afterSeconds`; a no-op while one is already waiting (every instance may call it). */
export async function enqueueWeeklyEmailTick(afterSeconds: number): Promise<void> {
  const boss = await getBoss();
  await boss.send(WEEKLY_EMAIL_QUEUES.tick, {}, { singletonKey: TICK_KEY, startAfter: afterSeconds, retryLimit: 0 });
}

/**
 * Every minute, pg-boss's own schedule queues a tick too, in case the chain of
 * ticks broke (every worker stopped while one was running). Deduplicated with
 * the waiting tick, like the chain's.
 */
export async function scheduleWeeklyEmailTicks(): Promise<void> {
  const boss = await getBoss();
  await boss.schedule(WEEKLY_EMAIL_QUEUES.tick, "* * * * *", {}, { singletonKey: TICK_KEY, retryLimit: 0 });
}

/**
 * Queues one job per due user. The key is the user and the due instant, so a
 * second tick (another instance, a restart) before the job ran adds nothing;
 * the WeeklyEmail row keeps a later duplicate from sending.
 */
export async function enqueueWeeklyEmails(jobs: WeeklyEmailJob[]): Promise<void> {
  if (jobs.length === 0) return;
  const boss = await getBoss();
  await boss.insert(
    jobs.map((job) => ({
      name: WEEKLY_EMAIL_QUEUES.send,
      data: weeklyEmailJobSchema.parse(job),
      singletonKey: `${job.userId}:${job.dueAt}`,
      ...emailRetries(),
      retryLimit: 5,
    })),
  );
}

// ── Calendar feeds: an hourly sweep, then one job per feed ──

/**
 * Hourly, at minute 23 (UTC): clear of the top of the hour, of the comment
 * digest sweep (minute 7) and of housekeeping (minute 37).
 */
export const CALENDAR_FEED_CRON = "23 * * * *";

export const calendarFeedJobSchema = z.object({ feedId: z.string().min(1) });

/** Queues one refresh per feed; a feed with a refresh already waiting gets no second one. */
export async function enqueueCalendarFeedRefreshes(feedIds: string[]): Promise<void> {
  if (feedIds.length === 0) return;
  const boss = await getBoss();
  await boss.insert(feedIds.map((feedId) => ({ name: QUEUES.calendarFeedRefresh, data: { feedId }, singletonKey: feedId, retryLimit: 0 })));
}

/** Closes the queue's connections, stopping any worker on them (graceful: running jobs finish). */
export async function stopJobs(): Promise<void> {
  const boss = state.boss;
  state.boss = undefined;
  if (boss) await (await boss).stop({ graceful: true, wait: true, timeout: 10_000 });
}
