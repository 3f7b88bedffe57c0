import "server-only";
import { dueFeedIds, refreshFeedInBackground } from "@/lib/calendar/feeds";
import { sendCommentDigest, sweepCommentDigests } from "@/lib/mentoring/notifications";
import { sendEmail } from "@/lib/server/email";
import { HOUSEKEEPING_CRON, runHousekeeping } from "@/lib/server/housekeeping";
import {
  CALENDAR_FEED_CRON,
  QUEUES,
  WEEKLY_EMAIL_QUEUES,
  calendarFeedJobSchema,
  commentDigestJobSchema,
  enqueueCalendarFeedRefreshes,
  emailMessageSchema,
  enqueueWeeklyEmailTick,
  getBoss,
  pollingOptions,
  reminderTickSeconds,
  scheduleWeeklyEmailTicks,
  stopJobs,
  weeklyEmailJobSchema,
} from "@/lib/server/jobs";
import { scheduleUnscheduledUsers } from "@/lib/reminders/preferences";
import { runWeeklyEmailTick, sendWeeklyEmails } from "@/lib/reminders/weekly-emails";
import { logger } from "@/lib/server/logger";
import { appBaseUrl } from "@/lib/server/app-origin";

// The worker: the one module that knows which handler runs each queue, so the
// queue (lib/server/jobs.ts) never loads the domain that enqueues into it.

const globalForWorker = globalThis as unknown as { wheelhouseWorker?: { started?: Promise<void> } };
const state = (globalForWorker.wheelhouseWorker ??= {});

/**
 * Starts the handlers in this process. Called once by instrumentation.ts when
 * the app starts and by scripts/worker.ts (`npm run worker`); several workers
 * on one database share the jobs safely.
 */
export function startWorker(): Promise<void> {
  state.started ??= (async () => {
    const boss = await getBoss();
    const polling = pollingOptions();
    await boss.work(QUEUES.email, { ...polling, batchSize: 1 }, async ([job]) => {
      if (!job) return;
      const message = emailMessageSchema.parse(job.data);
      try {
        await sendEmail(message);
      } catch (error) {
        // Never log the body: it may carry a sign-in or invitation link.
        logger.warn({ err: error, jobId: job.id, subject: message.subject }, "Sending an email failed; it will be retried");
        throw error;
      }
    });
    await boss.work(QUEUES.commentDigest, { ...polling, batchSize: 1 }, async ([job]) => {
      if (job) await sendCommentDigest(commentDigestJobSchema.parse(job.data));
    });
    await boss.work(QUEUES.digestSweep, polling, async () => {
      await sweepCommentDigests(await appBaseUrl());
    });
    await boss.schedule(QUEUES.digestSweep, "7 * * * *");
    await boss.work(QUEUES.housekeeping, polling, async () => {
      const { failed } = await runHousekeeping();
      // Logged already, without rows; failing the job shows it in the queue and retries it once.
      if (failed.length > 0) throw new Error(`Housekeeping failed for ${failed.join(", ")}`);
    });
    await boss.schedule(QUEUES.housekeeping, HOUSEKEEPING_CRON);
    await startWeeklyEmails(polling);
    await boss.work(QUEUES.calendarFeedSweep, polling, async () => {
      await enqueueCalendarFeedRefreshes(await dueFeedIds());
    });
    await boss.schedule(QUEUES.calendarFeedSweep, CALENDAR_FEED_CRON);
    // A failed fetch is kept on the feed, in words; only our own failures (the database) fail the job.
    await boss.work(QUEUES.calendarFeedRefresh, { ...polling, batchSize: 1 }, async ([job]) => {
      if (job) await refreshFeedInBackground(calendarFeedJobSchema.parse(job.data).feedId);
    });
    logger.info("Job worker started");
  })().catch((error: unknown) => {
    state.started = undefined;
    throw error;
  });
  return state.started;
}

/**
 * The weekly emails' scheduler: each tick queues the users who are due and
 * then the next tick, REMINDER_TICK_SECONDS later; a cron schedule restarts
 * the chain should it break. Accounts from before weekly emails get their
 * first due instant here.
 */
async function startWeeklyEmails(polling: { pollingIntervalSeconds: number }): Promise<void> {
  const boss = await getBoss();
  const tickSeconds = reminderTickSeconds();
  await boss.work(WEEKLY_EMAIL_QUEUES.tick, { ...polling, pollingIntervalSeconds: Math.min(polling.pollingIntervalSeconds, tickSeconds) }, async () => {
    try {
      await runWeeklyEmailTick(await appBaseUrl());
    } finally {
      await enqueueWeeklyEmailTick(tickSeconds);
    }
  });
  await boss.work(WEEKLY_EMAIL_QUEUES.send, { ...polling, batchSize: 1 }, async ([job]) => {
    if (job) await sendWeeklyEmails(weeklyEmailJobSchema.parse(job.data));
  });
  await scheduleWeeklyEmailTicks();
  await scheduleUnscheduledUsers();
  await enqueueWeeklyEmailTick(0);
}

/** Stops the worker and closes the queue's connections (graceful: running jobs finish). */
export async function stopWorker(): Promise<void> {
  state.started = undefined;
  await stopJobs();
}
