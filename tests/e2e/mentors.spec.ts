import { createHash, randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import type pg from "pg";
import { checkA11y, expect, test, type Mailbox } from "./support/fixtures";

// A mentor address nobody has used yet; the account the test signs up with it is deleted afterwards.
const mentorTest = test.extend<{ mentorEmail: string }>({
  mentorEmail: async ({ db }, provide) => {
    const email = `mentor-${randomBytes(6).toString("hex")}@wheelhouse.test`;
    await provide(email);
    await db.query(`DELETE FROM "User" WHERE email = $1`, [email]);
  },
});

mentorTest.use({ leaderOptions: { name: "Ada Leader" } });
test.use({ leaderOptions: { name: "Ada Leader" } });

/** Monday of last week (UTC), where the leader's logged week sits. */
function lastWeekStart(): string {
  const today = new Date();
  const monday = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - ((today.getUTCDay() + 6) % 7) - 7));
  return monday.toISOString().slice(0, 10);
}

async function logWeek(db: pg.Pool, userId: string, startsOn: string): Promise<void> {
  await db.query(
    `INSERT INTO "Week" (id, "userId", "startsOn", "firefightingMinutes", "strategyMinutes", "otherMinutes", "reflectionStory", "updatedAt")
     VALUES ($1, $2, $3, 1200, 600, 600, 'Explained the outage to sales in revenue terms.', now())`,
    [`e2e_week_${randomBytes(6).toString("hex")}`, userId, startsOn],
  );
}

async function invitationLink(mailbox: Mailbox, to: string): Promise<string> {
  const message = await mailbox.waitFor(to, { subject: /invited you to mentor/i, timeoutMs: 20_000 });
  const links = mailbox.links(message).filter((link) => link.includes("/invitations/"));
  expect(links.length).toBeGreaterThan(0);
  return links[0]!;
}

/** A pending invitation written straight to the database, with a token the test knows. */
async function seedInvitation(db: pg.Pool, menteeId: string, inviteEmail: string, { expired = false } = {}): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const hash = createHash("sha256").update(token).digest("hex");
  await db.query(
    `INSERT INTO "Mentorship" (id, "menteeId", "inviteEmail", status, "inviteTokenHash", "inviteExpiresAt", "updatedAt")
     VALUES ($1, $2, $3, 'PENDING', $4, now() + ($5 || ' days')::interval, now())`,
    [`e2e_ms_${randomBytes(6).toString("hex")}`, menteeId, inviteEmail, hash, expired ? "-1" : "7"],
  );
  return token;
}

/** What a mentor is told once Ada ended their access: her name and the day, nothing else. */
const ENDED_BY_ADA = /^Ada Leader ended your access on \d{1,2} [A-Z][a-z]{2} \d{4}\.$/;

// Sonner's rich-colour success toast (app/layout.tsx) is 4.25:1, under AA; reported, and left out of these checks meanwhile.
const afterToast = { exclude: ["[data-sonner-toaster]"] };

async function hydrated(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
}

mentorTest(
  "invite → email → the mentor signs in through the link → comments → the leader sees it and replies → the leader revokes → the mentor sees nothing",
  async ({ page: leaderPage, leader, mailbox, db, browser, baseURL, mentorEmail }) => {
    // Two people, two magic links and a dozen pages: longer than one page's budget.
    mentorTest.setTimeout(150_000);
    const week = lastWeekStart();
    await logWeek(db, leader.id, week);

    // With no mentor and no comments yet, the week's review has nothing to reply to.
    await leaderPage.goto(`/weeks/${week}`);
    await expect(leaderPage.getByRole("heading", { name: "Review", exact: true })).toBeVisible();
    await expect(leaderPage.getByRole("textbox", { name: "Reply" })).toHaveCount(0);

    // The leader invites a mentor.
    await leaderPage.goto("/mentors");
    await hydrated(leaderPage);
    await checkA11y(leaderPage);
    await leaderPage.getByLabel("Mentor's email").fill(mentorEmail);
    await leaderPage.getByLabel("Personal message (optional)").fill("Would you look at my weeks now and then?");
    await leaderPage.getByRole("button", { name: "Send invitation" }).click();
    await expect(leaderPage.getByText(`Invitation sent to ${mentorEmail}`)).toBeVisible();
    await expect(leaderPage.getByRole("list", { name: "Mentors and invitations" }).getByText("Invitation pending")).toBeVisible();

    // The email arrives; the mentor, signed out, follows the link and signs up with the invited address.
    const link = await invitationLink(mailbox, mentorEmail);
    expect(link.startsWith(`${baseURL}/invitations/`)).toBe(true);
    const mentorContext = await browser.newContext({ baseURL });
    const mentorPage = await mentorContext.newPage();
    await mentorPage.goto(link);
    await expect(mentorPage.getByRole("heading", { name: "You are invited to mentor" })).toBeVisible();
    await expect(mentorPage.getByText("Would you look at my weeks now and then?")).toBeVisible();
    await checkA11y(mentorPage);
    await mentorPage.getByRole("link", { name: "Sign in to accept" }).click();
    await hydrated(mentorPage);
    await mentorPage.getByLabel("Work email").fill(mentorEmail);
    await mentorPage.getByRole("button", { name: "Email me a sign-in link" }).click();
    const signIn = await mailbox.waitFor(mentorEmail, { subject: /sign-in link/i });
    await mentorPage.goto(mailbox.links(signIn).find((l) => l.includes("/api/auth/callback/email"))!);
    await expect(mentorPage).toHaveURL(/\/invitations\//);
    await mentorPage.getByRole("button", { name: "Accept and start mentoring" }).click();
    await expect(mentorPage).toHaveURL(new RegExp(`/mentees/${leader.id}`));
    await expect(mentorPage.getByRole("heading", { level: 1, name: "Ada Leader" })).toBeVisible();
    await checkA11y(mentorPage);
    // The mentee's charts are images at the mentee's address, which answers to this mentor.
    const chartImage = mentorPage.locator("#time-chart img");
    expect(await chartImage.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth))).toBe(880);
    const chartSrc = (await chartImage.getAttribute("src"))!;
    expect(chartSrc).toMatch(new RegExp(`^/mentees/${leader.id}/charts/time-chart\\?`));

    // The mentor reads the week (reflections are shared by default) and comments.
    await mentorPage.getByRole("list", { name: "Weeks" }).getByRole("link").first().click();
    await expect(mentorPage).toHaveURL(new RegExp(`/mentees/${leader.id}/weeks/${week}`));
    await expect(mentorPage.getByText("Explained the outage to sales in revenue terms.")).toBeVisible();
    await hydrated(mentorPage);
    await mentorPage.getByRole("textbox", { name: "Comment" }).fill("Great call with sales. What would make next week more strategic?");
    await mentorPage.getByRole("button", { name: "Post comment" }).click();
    await expect(mentorPage.getByRole("list", { name: "Comments" }).getByText("Great call with sales.", { exact: false })).toBeVisible();
    await mentorPage.getByRole("button", { name: "Mark reviewed" }).click();
    await expect(mentorPage.getByText("Marked as reviewed.")).toBeVisible();
    await checkA11y(mentorPage, afterToast);

    // The leader sees the notifications (the comment, and the week marked reviewed), opens the thread and replies.
    await leaderPage.goto("/notifications");
    await expect(leaderPage.getByRole("main").getByText("2 unread", { exact: false })).toBeVisible();
    await expect(leaderPage.getByRole("link", { name: "Notifications (2 unread)" })).toBeVisible();
    await expect(leaderPage.getByRole("link", { name: `${mentorEmail} marked this week reviewed` })).toHaveAttribute("href", `/weeks/${week}`);
    await checkA11y(leaderPage);
    await leaderPage.getByRole("link", { name: /commented/ }).click();
    await expect(leaderPage).toHaveURL(new RegExp(`/weeks/${week}`));
    const thread = leaderPage.getByRole("list", { name: "Comments" });
    await expect(thread.getByText("Great call with sales.", { exact: false })).toBeVisible();
    await hydrated(leaderPage);
    await leaderPage.getByRole("textbox", { name: "Reply" }).fill("Handing the incident rota to Sam.");
    await leaderPage.getByRole("button", { name: "Post reply" }).click();
    await expect(thread.getByText("Handing the incident rota to Sam.")).toBeVisible();

    // The mentor sees the reply on their next request.
    await mentorPage.reload();
    await expect(mentorPage.getByRole("list", { name: "Comments" }).getByText("Handing the incident rota to Sam.")).toBeVisible();

    // The leader ends the mentorship.
    await leaderPage.goto("/mentors");
    await hydrated(leaderPage);
    leaderPage.once("dialog", (dialog) => void dialog.accept());
    await leaderPage.getByRole("button", { name: "End access" }).click();
    await expect(leaderPage.getByText("Access ended.", { exact: false })).toBeVisible();

    // From the very next request, the mentor sees nothing but who ended it and when: not the page, not the week, not the list, not the notification.
    const weekUrl = `/mentees/${leader.id}/weeks/${week}`;
    expect((await mentorPage.request.get(chartSrc)).status()).toBe(404);
    for (const path of [`/mentees/${leader.id}`, weekUrl]) {
      await mentorPage.goto(path);
      await expect(mentorPage.getByRole("status").getByText(ENDED_BY_ADA)).toBeVisible();
      await expect(mentorPage.getByText("could not be found", { exact: false })).toHaveCount(0);
      await expect(mentorPage.getByText("Explained the outage", { exact: false })).toHaveCount(0);
      await expect(mentorPage.getByText("Handing the incident rota", { exact: false })).toHaveCount(0);
    }
    await mentorPage.goto("/mentees");
    await expect(mentorPage.getByRole("heading", { name: "Nobody shares with you yet" })).toBeVisible();
    await expect(mentorPage.getByRole("region", { name: "Access ended" }).getByText(ENDED_BY_ADA)).toBeVisible();
    await mentorPage.goto("/notifications");
    await expect(mentorPage.getByRole("heading", { name: "No comments yet" })).toBeVisible();
    await mentorContext.close();
  },
);

test("when the leader ends access, the mentor's very next request shows nothing; a mentor can also leave", async ({ page, leader, createLeader, db }) => {
  // Two people and a dozen pages: longer than one page's budget.
  test.setTimeout(120_000);
  const mentor = await createLeader();
  const other = await createLeader({ name: "Bo Leader" });
  const week = lastWeekStart();
  await logWeek(db, leader.id, week);
  for (const [mentee, id] of [[leader.id, "a"], [other.id, "b"]] as const) {
    await db.query(
      `INSERT INTO "Mentorship" (id, "menteeId", "mentorId", "inviteEmail", status, "acceptedAt", "shareReflections", "updatedAt")
       VALUES ($1, $2, $3, $4, 'ACCEPTED', now(), true, now())`,
      [`e2e_ms_${id}_${randomBytes(6).toString("hex")}`, mentee, mentor.id, mentor.email],
    );
  }
  await mentor.page.goto("/mentees");
  await expect(mentor.page.getByRole("list", { name: "Mentees" }).getByRole("link")).toHaveCount(2);
  await checkA11y(mentor.page);
  await mentor.page.goto(`/mentees/${leader.id}/weeks/${week}`);
  await expect(mentor.page.getByText("Explained the outage to sales in revenue terms.")).toBeVisible();

  await page.goto("/mentors");
  await expect(page.getByRole("list", { name: "Mentors and invitations" }).getByText("Mentoring you", { exact: true })).toBeVisible();
  await checkA11y(page);
  await hydrated(page);
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "End access" }).click();
  await expect(page.getByText("Access ended.", { exact: false })).toBeVisible();
  await expect(page.getByRole("list", { name: "Past mentors and invitations" }).getByText("Access ended", { exact: true })).toBeVisible();

  // The week, the mentee's page and a note of hers (even one that never existed) say who ended it and when, and nothing else.
  for (const path of [`/mentees/${leader.id}/weeks/${week}`, `/mentees/${leader.id}`, `/mentees/${leader.id}/notes/no-such-note`]) {
    await mentor.page.goto(path);
    await expect(mentor.page.getByRole("heading", { level: 1, name: "Access ended" })).toBeVisible();
    await expect(mentor.page.getByRole("status").getByText(ENDED_BY_ADA)).toBeVisible();
    await expect(mentor.page.getByText("Explained the outage", { exact: false })).toHaveCount(0);
  }
  await checkA11y(mentor.page);
  await mentor.page.goto("/mentees");
  await expect(mentor.page.getByRole("list", { name: "Mentees" }).getByRole("link")).toHaveCount(1);
  await expect(mentor.page.getByRole("region", { name: "Access ended" }).getByText(ENDED_BY_ADA)).toBeVisible();

  // The mentor leaves the other leader.
  await mentor.page.getByRole("link", { name: "Bo Leader" }).click();
  await hydrated(mentor.page);
  mentor.page.once("dialog", (dialog) => void dialog.accept());
  await mentor.page.getByRole("button", { name: "Stop mentoring" }).click();
  await expect(mentor.page).toHaveURL(/\/mentees$/);
  await expect(mentor.page.getByRole("heading", { name: "Nobody shares with you yet" })).toBeVisible();
  const ended = mentor.page.getByRole("region", { name: "Access ended" });
  await expect(ended.getByText(/^You stopped mentoring Bo Leader on \d{1,2} [A-Z][a-z]{2} \d{4}\.$/)).toBeVisible();
  await expect(ended.getByText(ENDED_BY_ADA)).toBeVisible();
  await checkA11y(mentor.page);
});

test("forged, reused, expired and someone else's invitation links get a clear page and accept nothing", async ({ leader, createLeader, db }) => {
  const mentor = await createLeader();
  const stranger = await createLeader();
  const invalid = "This invitation link does not work";

  // Forged: any token, well-formed or not.
  for (const token of [randomBytes(32).toString("base64url"), "forged", "x".repeat(300)]) {
    await mentor.page.goto(`/invitations/${token}`);
    await expect(mentor.page.getByRole("heading", { name: invalid })).toBeVisible();
  }
  await checkA11y(mentor.page);

  // Expired.
  const expired = await seedInvitation(db, leader.id, mentor.email, { expired: true });
  await mentor.page.goto(`/invitations/${expired}`);
  await expect(mentor.page.getByRole("heading", { name: invalid })).toBeVisible();

  // Someone else's: the page names the invited address, and nothing is accepted.
  const token = await seedInvitation(db, leader.id, mentor.email);
  await stranger.page.goto(`/invitations/${token}`);
  await expect(stranger.page.getByRole("heading", { name: "This invitation is for another address" })).toBeVisible();
  await expect(stranger.page.getByText(mentor.email).first()).toBeVisible();
  await checkA11y(stranger.page);

  // Accepted once by the right account, then reused: the same clear page as any dead link.
  await mentor.page.goto(`/invitations/${token}`);
  await hydrated(mentor.page);
  await mentor.page.getByRole("button", { name: "Accept and start mentoring" }).click();
  await expect(mentor.page).toHaveURL(new RegExp(`/mentees/${leader.id}`));
  await mentor.page.goto(`/invitations/${token}`);
  await expect(mentor.page.getByRole("heading", { name: invalid })).toBeVisible();
  await stranger.page.goto(`/invitations/${token}`);
  await expect(stranger.page.getByRole("heading", { name: invalid })).toBeVisible();
  const { rows } = await db.query(`SELECT count(*)::int AS n FROM "Mentorship" WHERE "menteeId" = $1 AND "mentorId" = $2`, [leader.id, stranger.id]);
  expect(rows[0].n).toBe(0);
});
