// All your weeks (/weeks) and the nudge about last week: the list with its
// gaps, the strip of the last 52 weeks, its pages and the ways to it.
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import type pg from "pg";
import { checkA11y, expect, hydrated, test } from "./support/fixtures";

/** The first day of this (Monday, UTC) week, moved by whole weeks. */
function mondayOf(weeksBack: number): string {
  const today = new Date();
  const monday = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - ((today.getUTCDay() + 6) % 7) - 7 * weeksBack);
  return new Date(monday).toISOString().slice(0, 10);
}

const id = (prefix: string) => `e2e_${prefix}_${randomBytes(6).toString("hex")}`;

/** Logged weeks, `weeksBack` each; the one two weeks back reviewed by `mentorId`, with one comment. */
async function seedWeeks(db: pg.Pool, leaderId: string, mentorId: string, weeksBack: number[]): Promise<void> {
  for (const back of weeksBack) {
    await db.query(
      `INSERT INTO "Week" (id, "userId", "startsOn", "firefightingMinutes", "strategyMinutes", "otherMinutes", "ratingStrategy", "updatedAt")
       VALUES ($1, $2, $3::date, 1200, 600, 0, 4, now())`,
      [id("week"), leaderId, mondayOf(back)],
    );
  }
  const mentorship = id("ms");
  await db.query(
    `INSERT INTO "Mentorship" (id, "menteeId", "mentorId", "inviteEmail", status, "acceptedAt", "updatedAt")
     VALUES ($1, $2, $3, 'mentor@wheelhouse.test', 'ACCEPTED', now(), now())`,
    [mentorship, leaderId, mentorId],
  );
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM "Week" WHERE "userId" = $1 AND "startsOn" = $2::date`, [leaderId, mondayOf(2)]);
  await db.query(`INSERT INTO "WeekReview" ("mentorshipId", "weekId") VALUES ($1, $2)`, [mentorship, rows[0]!.id]);
  await db.query(`INSERT INTO "ReviewComment" (id, "menteeId", "authorId", "weekId", body, "updatedAt") VALUES ($1, $2, $3, $4, 'Good week.', now())`, [
    id("c"),
    leaderId,
    mentorId,
    rows[0]!.id,
  ]);
}

const row = (page: Page, startsOn: string) => page.locator(`li[data-week="${startsOn}"]`);
const strip = (page: Page) => page.getByRole("region", { name: /The last 52 weeks/ });
const nudge = (page: Page) => page.getByTestId("last-week-nudge");

test.describe("all your weeks", () => {
  test("lists the weeks with their gaps and the strip, and pages through them", async ({ leader: { page }, createLeader, db, leader }) => {
    test.setTimeout(120_000);
    const mentor = await createLeader();
    // Logged 2, 3 and 30 weeks back: last week and this week are not, and 31 weeks make two pages.
    await seedWeeks(db, leader.id, mentor.id, [2, 3, 30]);

    // The dashboard's streak figure leads to every week.
    await page.goto("/dashboard");
    await page.getByRole("link", { name: "All your weeks" }).click();
    await expect(page).toHaveURL(/\/weeks$/);
    await expect(page.getByRole("heading", { level: 1, name: "All your weeks" })).toBeVisible();

    // Newest first: this week and last week not logged, then the logged ones with their numbers in words.
    const list = page.getByRole("list", { name: "Your weeks, newest first" });
    await expect(list.getByRole("listitem")).toHaveCount(20);
    await expect(list.getByRole("listitem").first()).toHaveAttribute("data-week", mondayOf(0));
    await expect(row(page, mondayOf(0))).toContainText("This week");
    await expect(row(page, mondayOf(0))).toContainText("Not logged yet");
    await expect(row(page, mondayOf(1))).toContainText("Not logged");
    const reviewed = row(page, mondayOf(2));
    await expect(reviewed).toContainText("Strategy 33%");
    await expect(reviewed).toContainText("firefighting 20 h, strategy 10 h, other 0 h");
    await expect(reviewed).toContainText("Self-ratings (of 5): Strategic time 4");
    await expect(reviewed).toContainText("Reviewed by a mentor");
    await expect(reviewed).toContainText("1 comment");
    await expect(row(page, mondayOf(3))).toContainText("Not reviewed · 0 comments");
    await expect(row(page, mondayOf(4))).toContainText("Not logged");

    // The strip: 52 weeks, each a link named with its week and state.
    await expect(strip(page).getByRole("link")).toHaveCount(52);
    await expect(strip(page).locator(`a[href="/weeks/${mondayOf(2)}"]`)).toHaveAttribute("aria-label", /^Week of .*: logged$/);
    await expect(strip(page).locator(`a[href="/weeks/${mondayOf(1)}"]`)).toHaveAttribute("aria-label", /^Week of .*: not logged$/);
    await expect(strip(page).locator(`a[href="/weeks/${mondayOf(0)}"]`)).toHaveAttribute("aria-label", /this week, not logged yet$/);
    await expect(strip(page).locator(`a[href="/weeks/${mondayOf(40)}"]`)).toHaveAttribute("aria-label", /before your first logged week$/);
    await expect(strip(page)).toContainText("3 logged · 27 not logged");
    // The strip and the list are markup (decision record 037): the shell follows their links inside the app, without loading a page.
    await hydrated(page);
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));
    await strip(page).locator(`a[href="/weeks/${mondayOf(3)}"]`).click();
    await expect(page).toHaveURL(new RegExp(`/weeks/${mondayOf(3)}$`));
    await expect(page.getByRole("textbox", { name: "Firefighting hours" })).toHaveValue("20");
    expect(await page.evaluate(() => "notReloaded" in window)).toBe(true);
    await page.goBack();

    // Pages: 31 weeks, twenty to a page.
    const pages = page.getByRole("navigation", { name: "Pages of weeks" });
    await expect(pages).toContainText("Page 1 of 2");
    await pages.getByRole("link", { name: "Older weeks" }).click();
    await expect(page).toHaveURL(/\/weeks\?page=2$/);
    await expect(pages).toContainText("Page 2 of 2");
    await expect(list.getByRole("listitem")).toHaveCount(11);
    await expect(list.getByRole("listitem").last()).toHaveAttribute("data-week", mondayOf(30));
    await pages.getByRole("link", { name: "Newer weeks" }).click();
    await expect(page).toHaveURL(/\/weeks$/);
    await expect(pages).toContainText("Page 1 of 2");
    // A page that is no page number is the first page; one past the last, the last.
    for (const [query, shown] of [["abc", "Page 1 of 2"], ["-1", "Page 1 of 2"], ["99", "Page 2 of 2"]] as const) {
      const response = await page.goto(`/weeks?page=${query}`);
      expect(response?.status()).toBe(200);
      await expect(pages).toContainText(shown);
    }
  });

  test("last week not logged: the dashboard and this week's page say so until it is", async ({ leader: { page }, createLeader, db, leader }) => {
    test.setTimeout(120_000);
    const mentor = await createLeader();
    await seedWeeks(db, leader.id, mentor.id, [2, 3]);

    await page.goto("/dashboard");
    await expect(nudge(page)).toContainText("Last week");
    await expect(nudge(page)).toContainText("is not logged");
    await expect(nudge(page).getByRole("link", { name: "Log last week" })).toHaveAttribute("href", `/weeks/${mondayOf(1)}`);

    // This week's page, from the navigation: the nudge again, and the way to every week.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "This week" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "This week" })).toBeVisible();
    await expect(nudge(page)).toBeVisible();
    await page.getByRole("navigation", { name: "Weeks" }).getByRole("link", { name: "All weeks" }).click();
    await expect(page).toHaveURL(/\/weeks$/);

    // A gap's "Log it" opens that week; once it is saved, the nudge is gone everywhere.
    await row(page, mondayOf(1)).getByRole("link", { name: /^Log it/ }).click();
    await expect(page).toHaveURL(new RegExp(`/weeks/${mondayOf(1)}$`));
    await expect(page.getByRole("heading", { level: 1, name: "Last week" })).toBeVisible();
    await expect(nudge(page)).toHaveCount(0);
    await page.waitForLoadState("networkidle");
    await page.getByRole("textbox", { name: "Firefighting hours" }).fill("10");
    await page.getByRole("textbox", { name: "Strategy hours" }).fill("30");
    await page.getByRole("button", { name: "Save week" }).click();
    await expect(page.getByText("Week saved.")).toBeVisible();

    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    await expect(nudge(page)).toHaveCount(0);
    await page.goto("/weeks/current");
    await expect(page.getByRole("heading", { level: 1, name: "This week" })).toBeVisible();
    await expect(nudge(page)).toHaveCount(0);
    await page.goto("/weeks");
    await expect(row(page, mondayOf(1))).toContainText("Strategy 75%");
    await expect(strip(page).locator(`a[href="/weeks/${mondayOf(1)}"]`)).toHaveAttribute("aria-label", /: logged$/);
  });

  test("a new leader is told how to start, and not nudged about a week before they began", async ({ leader: { page } }) => {
    await page.goto("/weeks");
    await expect(page.getByRole("heading", { level: 1, name: "All your weeks" })).toBeVisible();
    await expect(page.getByText("Your weeks show up here once you log one")).toBeVisible();
    await page.getByRole("link", { name: "Log this week" }).last().click();
    await expect(page.getByRole("heading", { level: 1, name: "This week" })).toBeVisible();
    await expect(nudge(page)).toHaveCount(0);
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    await expect(nudge(page)).toHaveCount(0);
  });

  for (const colorScheme of ["light", "dark"] as const) {
    test(`is accessible in the ${colorScheme} scheme, on a laptop and a phone`, async ({ leader: { page }, createLeader, db, leader }) => {
      test.setTimeout(120_000);
      const mentor = await createLeader();
      await seedWeeks(db, leader.id, mentor.id, [2, 3, 30]);
      await page.emulateMedia({ colorScheme });
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto("/weeks");
        await expect(page.getByRole("heading", { level: 1, name: "All your weeks" })).toBeVisible();
        await checkA11y(page);
      }
      await page.goto("/dashboard");
      await expect(nudge(page)).toBeVisible();
      await checkA11y(page, { include: "[data-testid=last-week-nudge]" });
    });
  }
});
