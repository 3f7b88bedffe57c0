// Stored text holding script payloads renders inert everywhere it is shown:
// a leader's and a mentor's names, a week's reflections, a stakeholder, a
// touchpoint, a vision note (Markdown), comments, notifications, an
// invitation, a quarterly story's narrative (Markdown) and its ratings' notes. Written straight to the database (so nothing the forms do can
// clean it first), then every page that shows it is opened in Chromium: no
// script may run (no dialog, no window flag), no element the payloads
// describe may exist, and the words must be on the page as text.
import { createHash, randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import type pg from "pg";
import { quarterOfWeek } from "../../lib/shared/quarters";
import { expect, test } from "./support/fixtures";

const SCRIPT = "<script>window.__pwned=1</script>";
const PAYLOAD = `${SCRIPT}<img src=x onerror="window.__pwned=2">"><svg onload=window.__pwned=3>`;
const MARKDOWN = `${PAYLOAD}\n\n[click me](javascript:window.__pwned=4)\n\n<iframe srcdoc="<script>parent.__pwned=5</script>"></iframe>\n\n<a href="javascript:window.__pwned=6">html link</a>`;

test.use({ leaderOptions: { name: `Ada ${PAYLOAD}` } });

const id = (prefix: string) => `e2e_${prefix}_${randomBytes(6).toString("hex")}`;

/** Monday of last week (UTC), where the leader's logged week sits. */
function lastWeekStart(): string {
  const today = new Date();
  const monday = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - ((today.getUTCDay() + 6) % 7) - 7));
  return monday.toISOString().slice(0, 10);
}

/** Every place a leader's text is kept, each holding the payloads; the mentor comments on the week and the note. */
async function seed(db: pg.Pool, leaderId: string, mentorId: string, week: string) {
  const ids = {
    week: id("week"),
    stakeholder: id("sh"),
    touchpoint: id("tp"),
    note: id("note"),
    weekComment: id("c"),
    noteComment: id("c"),
    reply: id("c"),
    mentorship: id("ms"),
    quarter: quarterOfWeek(week),
  };
  const token = randomBytes(32).toString("base64url");
  await db.query(
    `INSERT INTO "Week" (id, "userId", "startsOn", "strategyMinutes", "reflectionStrategy", "reflectionStory", "reflectionRelationships", "reflectionVision", highlights, "updatedAt")
     VALUES ($1, $2, $3, 600, $4, $4, $4, $4, $4, now())`,
    [ids.week, leaderId, week, PAYLOAD],
  );
  await db.query(
    `INSERT INTO "Stakeholder" (id, "userId", name, role, department, "cadenceDays", notes, "updatedAt") VALUES ($1, $2, $3, $4, 'SALES', 14, $4, now())`,
    [ids.stakeholder, leaderId, `Sam ${PAYLOAD}`, PAYLOAD],
  );
  await db.query(
    `INSERT INTO "Touchpoint" (id, "userId", "stakeholderId", department, "occurredOn", channel, topic, outcome, notable, "updatedAt")
     VALUES ($1, $2, $3, 'SALES', $4::date + 1, 'CALL', $5, $6, true, now())`,
    [ids.touchpoint, leaderId, ids.stakeholder, week, `Pipeline ${PAYLOAD}`, PAYLOAD],
  );
  await db.query(
    `INSERT INTO "VisionNote" (id, "userId", title, body, horizon, tags, "revisitOn", "updatedAt") VALUES ($1, $2, $3, $4, 'ONE_YEAR', $5, $6::date, now())`,
    [ids.note, leaderId, `Bet ${PAYLOAD}`, MARKDOWN, ["<b>tag</b>", '"><svg onload=window.__pwned=7>'], week],
  );
  await db.query(
    `INSERT INTO "Mentorship" (id, "menteeId", "mentorId", "inviteEmail", message, status, "acceptedAt", "shareReflections", "shareStakeholders", "shareNotes", "shareStory", "updatedAt")
     VALUES ($1, $2, $3, 'mentor@wheelhouse.test', $4, 'ACCEPTED', now(), true, true, true, true, now())`,
    [ids.mentorship, leaderId, mentorId, PAYLOAD],
  );
  // The quarter's story: a narrative in Markdown, the leader's evidence and the mentor's note.
  await db.query(`INSERT INTO "StoryNarrative" (id, "userId", quarter, body, "updatedAt") VALUES ($1, $2, $3, $4, now())`, [id("sn"), leaderId, ids.quarter, MARKDOWN]);
  await db.query(
    `INSERT INTO "StoryRating" (id, "userId", quarter, habit, rater, "mentorshipId", rating, evidence, "updatedAt")
     VALUES ($1, $2, $3, 'story', 'self', NULL, 3, $5, now()), ($6, $2, $3, 'story', $4, $4, 4, $5, now())`,
    [id("sr"), leaderId, ids.quarter, ids.mentorship, PAYLOAD, id("sr")],
  );
  await db.query(
    `INSERT INTO "Mentorship" (id, "menteeId", "inviteEmail", message, status, "inviteTokenHash", "inviteExpiresAt", "updatedAt")
     VALUES ($1, $2, $3, $4, 'PENDING', $5, now() + interval '7 days', now())`,
    [id("ms"), leaderId, `invitee-${randomBytes(4).toString("hex")}@wheelhouse.test`, PAYLOAD, createHash("sha256").update(token).digest("hex")],
  );
  const comment = (commentId: string, authorId: string, where: { weekId?: string; noteId?: string }, body: string) =>
    db.query(`INSERT INTO "ReviewComment" (id, "menteeId", "authorId", "weekId", "noteId", body, "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, now())`, [
      commentId,
      leaderId,
      authorId,
      where.weekId ?? null,
      where.noteId ?? null,
      body,
    ]);
  await comment(ids.weekComment, mentorId, { weekId: ids.week }, PAYLOAD);
  await comment(ids.noteComment, mentorId, { noteId: ids.note }, MARKDOWN);
  await comment(ids.reply, leaderId, { weekId: ids.week }, `Reply ${PAYLOAD}`);
  for (const [userId, commentId] of [
    [leaderId, ids.weekComment],
    [leaderId, ids.noteComment],
    [mentorId, ids.reply],
  ]) {
    await db.query(`INSERT INTO "Notification" (id, "userId", "commentId") VALUES ($1, $2, $3)`, [id("n"), userId, commentId]);
  }
  return { ...ids, token };
}

/**
 * Opens `path` and proves the payloads stayed words: no script ran (no
 * dialog, no flag), none of the elements they describe exists, and the
 * script tag itself reads as text when `showsText` says the page shows it.
 */
async function expectInert(page: Page, path: string, { showsText = true } = {}) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  await page.waitForLoadState("networkidle");
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned), `a payload ran on ${path}`).toBeUndefined();
  const injected = page.locator('img[src="x"], svg[onload], iframe, [onerror], [onload], a[href^="javascript:" i]');
  expect(await injected.count(), `an element from a payload on ${path}`).toBe(0);
  // Next's own inline scripts carry the page's data (payloads included, as JSON strings); none may be a payload itself.
  const scriptFromPayload = await page.evaluate(() => [...document.scripts].some((script) => /^window\.__pwned=/.test(script.textContent?.trim() ?? "")));
  expect(scriptFromPayload, `a script element from a payload on ${path}`).toBe(false);
  if (showsText) await expect(page.getByText(SCRIPT, { exact: false }).first(), `the payload as text on ${path}`).toBeVisible();
}

test("stored script payloads render as inert text on every page that shows them", async ({ leader, createLeader, db, browser, baseURL }) => {
  // Some twenty pages across three people.
  test.setTimeout(180_000);
  const mentor = await createLeader({ name: `Mo ${PAYLOAD}` });
  const week = lastWeekStart();
  const rows = await seed(db, leader.id, mentor.id, week);

  const dialogs: string[] = [];
  const visitor = await browser.newContext({ baseURL });
  const stranger = await visitor.newPage();
  for (const page of [leader.page, mentor.page, stranger]) {
    page.on("dialog", (dialog) => {
      dialogs.push(`${page.url()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
  }

  // The leader's own pages.
  for (const path of [
    "/dashboard",
    `/weeks/${week}`,
    "/stakeholders",
    `/stakeholders/${rows.stakeholder}`,
    `/stakeholders/${rows.stakeholder}/edit`,
    `/touchpoints/${rows.touchpoint}/edit`,
    "/notes",
    `/notes/${rows.note}`,
    `/notes/${rows.note}/edit`,
    "/mentors",
    "/notifications",
    "/settings",
    // Search shows names and snippets cut by PostgreSQL (ts_headline), the payloads among them.
    `/search?q=${encodeURIComponent("Sam or Pipeline or Bet")}`,
  ]) {
    await expectInert(leader.page, path);
  }
  // Markdown links to javascript: keep their words and lose the link.
  await expectInert(leader.page, `/notes/${rows.note}`);
  await expect(leader.page.getByRole("article").getByText("click me", { exact: true })).toBeVisible();
  await expect(leader.page.getByRole("link", { name: "click me" })).toHaveCount(0);

  // The leader's story: the narrative as read and the evidence notes are on the page, and, with the forms open,
  // the narrative is in its editor (a textarea's text) and the notes in theirs.
  await expectInert(leader.page, `/story/${rows.quarter}`);
  await expect(leader.page.getByTestId("story-assessment").getByText(SCRIPT, { exact: false }).first()).toBeVisible();
  await expect(leader.page.getByText("click me", { exact: true })).toBeVisible();
  await expect(leader.page.getByRole("link", { name: "click me" })).toHaveCount(0);
  await expectInert(leader.page, `/story/${rows.quarter}?edit=narrative`, { showsText: false });
  await expect(leader.page.getByLabel("Your narrative")).toHaveValue(MARKDOWN);
  await expectInert(leader.page, `/story/${rows.quarter}?edit=ratings`);
  // The second habit's, "Owning the story".
  await expect(leader.page.getByLabel("Evidence").nth(1)).toHaveValue(PAYLOAD);

  // What the mentor sees of the leader.
  for (const path of [
    "/mentees",
    `/mentees/${leader.id}`,
    `/mentees/${leader.id}/weeks/${week}`,
    `/mentees/${leader.id}/stakeholders`,
    `/mentees/${leader.id}/notes`,
    `/mentees/${leader.id}/notes/${rows.note}`,
    `/mentees/${leader.id}/story/${rows.quarter}`,
    "/notifications",
  ]) {
    await expectInert(mentor.page, path);
  }
  // The narrative as Markdown: a javascript: link keeps its words and loses the link.
  await expectInert(mentor.page, `/mentees/${leader.id}/story/${rows.quarter}`);
  await expect(mentor.page.getByText("click me", { exact: true })).toBeVisible();
  await expect(mentor.page.getByRole("link", { name: "click me" })).toHaveCount(0);

  // The invitation link, opened by someone signed out.
  await expectInert(stranger, `/invitations/${rows.token}`);
  await visitor.close();

  expect(dialogs).toEqual([]);
});
