// The fixtures every end-to-end spec uses. Import `test` and `expect` from here.
//
//   leader          a fresh signed-in user; `page` (and `leader.page`) is signed in as them.
//                   Options: test.use({ leaderOptions: { timeZone, weekStartsOn, name } }).
//   createLeader()  one more signed-in user with their own browser context and page.
//   mailbox         emails the app sent through the run's SMTP server.
//   db              a pg.Pool on the run's database.
//   checkA11y(page) fails on serious or critical axe violations (WCAG 2.1 A/AA).
//   hydrated(page)  waits until a signed-in page's scripts have run.
//
// Users made here, and everything they own, are deleted after the test. A
// console.error or an uncaught error in any page fails the test; opt out with
// test.use({ failOnConsoleError: false }) or allow known messages with
// test.use({ allowedConsoleErrors: [/pattern/] }).
import { randomBytes } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type BrowserContext, type ConsoleMessage, type Page, test as base, expect } from "@playwright/test";
import pg from "pg";
import { SESSION_COOKIE as SESSION_COOKIES } from "../../../lib/config/session-cookies";
import type { StoredEmail } from "./mail-server";
import { runState } from "./run-state";

export { expect };

export type LeaderOptions = { timeZone?: string; weekStartsOn?: number; name?: string };
export type Leader = { id: string; email: string; context: BrowserContext; page: Page };
export type Email = { to: string; subject: string; text: string; html: string; headers: Record<string, string> };
export type Mailbox = {
  /** The oldest email to `to` (matching `subject`) this test has not received yet; waits for it. */
  waitFor(to: string, options?: { subject?: RegExp; timeoutMs?: number }): Promise<Email>;
  /** Every http(s) link in the email, text part first, without duplicates. */
  links(message: Email): string[];
};

type ConsoleGuard = { watch(context: BrowserContext): void };

type Fixtures = {
  leaderOptions: LeaderOptions;
  failOnConsoleError: boolean;
  allowedConsoleErrors: RegExp[];
  leader: Leader;
  createLeader: (options?: LeaderOptions) => Promise<Leader>;
  mailbox: Mailbox;
  consoleGuard: ConsoleGuard;
};

type WorkerFixtures = { db: pg.Pool };

/** The session cookie on the suite's plain-http server. */
export const SESSION_COOKIE = SESSION_COOKIES.plain;

export const test = base.extend<Fixtures, WorkerFixtures>({
  leaderOptions: [{}, { option: true }],
  failOnConsoleError: [true, { option: true }],
  allowedConsoleErrors: [[], { option: true }],

  baseURL: async ({}, provide) => {
    await provide(runState().baseUrl);
  },

  db: [
    async ({}, provide) => {
      const pool = new pg.Pool({ connectionString: runState().databaseUrl, max: 2 });
      await provide(pool);
      await pool.end();
    },
    { scope: "worker" },
  ],

  consoleGuard: async ({ failOnConsoleError, allowedConsoleErrors }, provide) => {
    const problems: string[] = [];
    const record = (problem: string) => {
      if (!allowedConsoleErrors.some((pattern) => pattern.test(problem))) problems.push(problem);
    };
    const guard: ConsoleGuard = {
      watch(watched) {
        watched.on("console", (message) => {
          if (message.type() === "error" && !isExpectedHttpError(message)) {
            const source = message.location().url;
            record(`console.error on ${message.page()?.url() ?? "?"}: ${message.text()}${source ? ` (${source})` : ""}`);
          }
        });
        watched.on("weberror", (webError) => record(`uncaught error on ${webError.page()?.url() ?? "?"}: ${webError.error().stack ?? webError.error().message}`));
      },
    };
    await provide(guard);
    if (failOnConsoleError && problems.length > 0) {
      throw new Error(
        `The browser reported ${problems.length} error(s):\n${problems.join("\n")}\n` +
          "Fix them, or allow them with test.use({ allowedConsoleErrors: [/.../] }).",
      );
    }
  },

  // The test's own context (and so `page`) is watched from the start.
  context: async ({ context, consoleGuard }, provide) => {
    consoleGuard.watch(context);
    await provide(context);
  },

  leader: async ({ context, page, db, baseURL, leaderOptions }, provide) => {
    const user = await createSignedInUser(db, leaderOptions);
    await context.addCookies([sessionCookie(user.sessionToken, baseURL!)]);
    await provide({ id: user.id, email: user.email, context, page });
    await deleteUser(db, user.id);
  },

  createLeader: async ({ browser, db, baseURL, consoleGuard }, provide) => {
    const created: { id: string; context: BrowserContext }[] = [];
    await provide(async (options = {}) => {
      const user = await createSignedInUser(db, options);
      const context = await browser.newContext({ baseURL });
      created.push({ id: user.id, context });
      consoleGuard.watch(context);
      await context.addCookies([sessionCookie(user.sessionToken, baseURL!)]);
      return { id: user.id, email: user.email, context, page: await context.newPage() };
    });
    for (const { id, context } of created) {
      await context.close();
      await deleteUser(db, id);
    }
  },

  mailbox: async ({}, provide) => {
    const { mailDir } = runState();
    const read = new Map<string, StoredEmail>();
    const received = new Set<string>();
    await provide({
      async waitFor(to, { subject, timeoutMs = 10_000 } = {}) {
        const address = to.trim().toLowerCase();
        const deadline = Date.now() + timeoutMs;
        for (;;) {
          const files = (await readdir(mailDir)).filter((file) => file.endsWith(".json")).sort();
          for (const file of files) {
            if (received.has(file)) continue;
            if (!read.has(file)) read.set(file, JSON.parse(await readFile(join(mailDir, file), "utf8")) as StoredEmail);
            const email = read.get(file)!;
            if (!email.to.includes(address) || (subject && !subject.test(email.subject))) continue;
            received.add(file);
            return { to: address, subject: email.subject, text: email.text, html: email.html, headers: email.headers };
          }
          if (Date.now() > deadline) {
            throw new Error(`No email to ${address}${subject ? ` with a subject matching ${subject}` : ""} arrived within ${timeoutMs} ms.`);
          }
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      },
      links(message) {
        const fromText = message.text.match(/https?:\/\/[^\s<>"']+/g) ?? [];
        const fromHtml = [...message.html.matchAll(/href="(https?:\/\/[^"]+)"/g)].map(([, href]) => href!.replaceAll("&amp;", "&"));
        return [...new Set([...fromText, ...fromHtml])];
      },
    });
  },
});

/** Fails the test with a readable list of serious or critical axe violations. */
/**
 * Waits for the page's finite CSS transitions and animations to end. Buttons
 * change colour with a transition: one caught halfway (just pressed, just
 * re-rendered, or the colour scheme just switched) shows neither colour.
 */
/**
 * A signed-in page's scripts have run: the network is quiet and the shell's
 * command menu has its listeners on (it marks <html data-shortcuts="on">).
 * Quiet network alone is not enough on a loaded machine: hydration can still
 * be running, and a key pressed then does nothing.
 */
export async function hydrated(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.locator("html[data-shortcuts=on]").waitFor({ state: "attached" });
}

export async function settleTransitions(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => Number.isFinite(Number(animation.effect?.getComputedTiming().endTime)))
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
}

export async function checkA11y(page: Page, options: { include?: string; exclude?: string[]; disableRules?: string[] } = {}): Promise<void> {
  // A colour caught halfway through a transition is no contrast problem of the page's.
  await settleTransitions(page);
  // After a client-side navigation Next streams the new page's <title> a moment after its content:
  // wait for it (a page that never gets one still fails here), not for axe to catch the gap.
  await expect(page).toHaveTitle(/\S/);
  let axe = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  if (options.include) axe = axe.include(options.include);
  for (const selector of options.exclude ?? []) axe = axe.exclude(selector);
  if (options.disableRules) axe = axe.disableRules(options.disableRules);
  const { violations } = await axe.analyze();
  const problems = violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} ${violation.helpUrl}\n` +
        violation.nodes.map((node) => `    ${node.target.join(" ")}: ${node.failureSummary?.replace(/\s+/g, " ") ?? ""}`).join("\n"),
    );
  expect(problems, `axe found accessibility problems on ${page.url()}`).toEqual([]);
}

async function createSignedInUser(db: pg.Pool, options: LeaderOptions) {
  const suffix = randomBytes(6).toString("hex");
  const user = { id: `e2e_${suffix}`, email: `leader-${suffix}@wheelhouse.test`, sessionToken: randomBytes(32).toString("hex") };
  await db.query(
    `INSERT INTO "User" (id, email, name, "emailVerified", "timeZone", "weekStartsOn", "updatedAt")
     VALUES ($1, $2, $3, now(), $4, $5, now())`,
    [user.id, user.email, options.name ?? null, options.timeZone ?? "UTC", options.weekStartsOn ?? 1],
  );
  await db.query(
    `INSERT INTO "Session" ("sessionToken", "userId", expires, "updatedAt") VALUES ($1, $2, now() + interval '1 day', now())`,
    [user.sessionToken, user.id],
  );
  return user;
}

async function deleteUser(db: pg.Pool, id: string): Promise<void> {
  // Sessions, weeks, stakeholders, notes… all cascade.
  await db.query(`DELETE FROM "User" WHERE id = $1`, [id]);
}

/** The cookie Auth.js sets for a database session on an http origin. */
export function sessionCookie(sessionToken: string, baseURL: string) {
  return {
    name: SESSION_COOKIE,
    value: sessionToken,
    domain: new URL(baseURL).hostname,
    path: "/",
    httpOnly: true,
    sameSite: "Lax" as const,
    expires: Math.floor(Date.now() / 1000) + 24 * 60 * 60,
  };
}

/**
 * Chromium logs the status of a page that answered 4xx on purpose (a 404
 * check), and of the /favicon.ico it asks for by itself; neither is the page's doing.
 */
function isExpectedHttpError(message: ConsoleMessage): boolean {
  if (!/^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) return false;
  const resource = message.location().url;
  return resource === message.page()?.url() || new URL(resource).pathname === "/favicon.ico";
}
