// The email queue end to end: a real pg-boss worker on the test database and
// a real SMTP server on loopback that refuses the first delivery.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpServer, type SmtpServer } from "../../scripts/support/smtp";

const SUBJECT = `Queued hello ${Date.now()}`;
// Only this test's email counts (other test files may have left jobs in the queue).
const ours = (email: { subject: string }) => email.subject === SUBJECT;
let smtp: SmtpServer;

let jobs: typeof import("@/lib/server/jobs");
let worker: typeof import("@/lib/server/worker");

beforeAll(async () => {
  smtp = await startSmtpServer();
  // lib/config/env.ts reads the environment once, when first imported: set it before.
  process.env.EMAIL_SERVER = smtp.url;
  jobs = await import("@/lib/server/jobs");
  worker = await import("@/lib/server/worker");
  jobs.configureQueue({ retryDelaySeconds: 1, pollingIntervalSeconds: 0.5 });
  await worker.startWorker();
});

afterAll(async () => {
  await worker?.stopWorker();
  await smtp?.stop();
});

async function waitFor<T>(check: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("Timed out");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("the email queue", () => {
  it("answers the request at once, retries after an SMTP failure with back-off, then delivers", async () => {
    // The first delivery fails as a busy or broken server would.
    smtp.setFailing(true);
    const started = Date.now();
    const id = await jobs.enqueueEmail({ to: "grace@example.test", subject: SUBJECT, text: "Hello from the queue", html: "<p>Hello</p>" });
    // Enqueuing is an insert, not an SMTP conversation.
    expect(Date.now() - started).toBeLessThan(1_000);

    await waitFor(() => smtp.refused.find(ours));
    smtp.setFailing(false);
    const message = await waitFor(() => smtp.received.find(ours));
    expect(message.to).toEqual(["grace@example.test"]);
    expect(message.text).toContain("Hello from the queue");
    expect(smtp.refused.filter(ours)).toHaveLength(1);
    expect(smtp.received.filter(ours)).toHaveLength(1);

    // The job is marked done right after the SMTP server took the message.
    const boss = await jobs.getBoss();
    let stored = await boss.getJobById(jobs.QUEUES.email, id, { includeArchive: true });
    for (let i = 0; i < 50 && stored?.state !== "completed"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      stored = await boss.getJobById(jobs.QUEUES.email, id, { includeArchive: true });
    }
    expect(stored).toMatchObject({ state: "completed", retryCount: 1, retryBackoff: true });
  });
});
