// The email queue end to end: a real pg-boss worker on the test database and
// a real SMTP server on loopback that refuses the first delivery.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

type Received = { to: string[]; raw: string };

const SUBJECT = `Queued hello ${Date.now()}`;
const received: Received[] = [];
let attempts = 0;
const server = new SMTPServer({
  secure: false,
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      // Only this test's email counts (other test files may have left jobs in the queue).
      if (raw.includes(SUBJECT) && ++attempts === 1) {
        // The first delivery fails as a busy or broken server would.
        return callback(Object.assign(new Error("Try again later"), { responseCode: 451 }));
      }
      received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
      callback();
    });
  },
});

let jobs: typeof import("@/lib/jobs");

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  // lib/env.ts reads the environment once, when first imported: set it before.
  process.env.EMAIL_SERVER = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  jobs = await import("@/lib/jobs");
  jobs.configureQueue({ retryDelaySeconds: 1, pollingIntervalSeconds: 0.5 });
  await jobs.startWorker();
});

afterAll(async () => {
  await jobs?.stopJobs();
  await new Promise<void>((resolve) => server.close(() => resolve()));
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
    const started = Date.now();
    const id = await jobs.enqueueEmail({ to: "grace@example.test", subject: SUBJECT, text: "Hello from the queue", html: "<p>Hello</p>" });
    // Enqueuing is an insert, not an SMTP conversation.
    expect(Date.now() - started).toBeLessThan(1_000);

    const message = await waitFor(() => received.find((r) => r.raw.includes(SUBJECT)));
    expect(message.to).toEqual(["grace@example.test"]);
    expect(attempts).toBe(2);

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
