// The quarterly story: /story opens the running quarter; the leader opens the
// narrative's editor, edits and saves it (a save from another tab shows as a
// conflict, neither text lost) and rates the quarter's habits, with and without
// JavaScript; a mentor the story is shared with reads it and adds their
// ratings; without the story shared, not found.
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { checkA11y, expect, test } from "./support/fixtures";
import { scriptsLoadedBy } from "./support/scripts";
import { lastWeekStart } from "./support/signed-in-pages";

const id = (prefix: string) => `e2e_${prefix}_${randomBytes(6).toString("hex")}`;

const narrative = (page: Page) => page.getByRole("textbox", { name: "Your narrative" });
const saveNarrative = (page: Page) => page.getByRole("button", { name: "Save narrative" }).click();

/** Opens the narrative's editor from the pack (the page shows each form only when asked): the editor takes the focus. */
async function editNarrative(page: Page) {
  await page.getByRole("link", { name: "Edit narrative" }).click();
  await expect(narrative(page)).toBeFocused();
}

/** Opens /story and answers the quarter it opened. */
async function openStory(page: Page): Promise<string> {
  await page.goto("/story");
  await expect(page).toHaveURL(/\/story\/\d{4}-Q[1-4]$/);
  await page.waitForLoadState("networkidle");
  return page.url().split("/").at(-1)!;
}

test.describe("the quarterly story", () => {
  test("the leader edits the narrative without losing an edit from another tab, and rates the quarter", async ({ leader, db }) => {
    test.setTimeout(90_000);
    const { page } = leader;
    const week = lastWeekStart();
    await db.query(
      `INSERT INTO "Week" (id, "userId", "startsOn", "firefightingMinutes", "strategyMinutes", "otherMinutes", highlights, "reflectionVision", "updatedAt")
       VALUES ($1, $2, $3, 600, 600, 0, 'Shipped the billing migration', 'Platform team next', now())`,
      [id("week"), leader.id, week],
    );
    const quarter = await openStory(page);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Your story, Q");
    await expect(page.getByRole("heading", { name: /^Strategy took 50% of your logged hours/ })).toBeVisible();
    // The draft is the leader's own words, gathered, shown as read until the editor is opened; each gathered line links to its week.
    const narrativeSection = page.getByRole("region", { name: "In my words" });
    await expect(narrativeSection.getByRole("listitem").filter({ hasText: /^Shipped the billing migration \(week of/, visible: true })).toHaveCount(1);
    await expect(narrativeSection).toContainText("A draft gathered from your weeks");
    await expect(narrative(page)).toHaveCount(0);
    await checkA11y(page);
    await editNarrative(page);
    await expect(page).toHaveURL(new RegExp(`/story/${quarter}\\?edit=narrative#narrative-form$`));
    await expect(narrative(page)).toHaveValue(/## Wins\n\n- Shipped the billing migration \(week of/);
    await expect(narrative(page)).toHaveValue(/## What's next\n\n- Platform team next/);
    await page.getByText(/Gathered from the weeks/).click();
    await expect(page.getByRole("link", { name: /^week of / }).first()).toHaveAttribute("href", `/weeks/${week}`);
    await checkA11y(page);

    // Change it, save, reload: it is kept.
    await narrative(page).fill("## Wins\n\nFirst version, saved.");
    await saveNarrative(page);
    await expect(page.getByText("Narrative saved.")).toBeVisible();
    await page.reload();
    await expect(narrative(page)).toHaveValue("## Wins\n\nFirst version, saved.");

    // Another tab saves a newer version; this one, still on the old, is told and keeps both texts.
    const otherTab = await page.context().newPage();
    await otherTab.goto(`/story/${quarter}`);
    await otherTab.waitForLoadState("networkidle");
    await editNarrative(otherTab);
    await narrative(otherTab).fill("## Wins\n\nFrom the second tab.");
    await saveNarrative(otherTab);
    await expect(otherTab.getByText("Narrative saved.")).toBeVisible();

    await narrative(page).fill("## Wins\n\nFrom the first tab.");
    await saveNarrative(page);
    const conflict = page.getByTestId("narrative-conflict");
    await expect(page.getByRole("alert").filter({ hasText: "saved somewhere else" })).toBeVisible();
    await expect(conflict).toContainText("From the second tab.");
    await expect(conflict).toContainText("From the first tab.");
    await expect(narrative(page)).toHaveValue("## Wins\n\nFrom the first tab.");
    await checkA11y(page);
    await conflict.getByRole("button", { name: "Keep mine" }).click();
    await expect(page.getByText("Narrative saved.").last()).toBeVisible();
    await expect(conflict).toHaveCount(0);
    await page.reload();
    await expect(narrative(page)).toHaveValue("## Wins\n\nFrom the first tab.");
    // Closed, the editor leaves the narrative as read.
    await page.getByRole("link", { name: "Close" }).click();
    await expect(narrative(page)).toHaveCount(0);
    await expect(narrativeSection.getByText("From the first tab.")).toBeVisible();

    // Rate the quarter: a rating and its evidence, shown in the pack.
    await page.getByRole("link", { name: "Rate your quarter" }).click();
    const form = page.getByRole("form", { name: "Rate your quarter" });
    await expect(form.getByRole("radio").first()).toBeFocused();
    await checkA11y(page);
    const strategy = form.getByRole("group", { name: "Self-rating for the quarter for Strategic over tactical time" });
    await strategy.getByRole("radio", { name: "4 – Mostly" }).check();
    await form.getByLabel("Evidence").first().fill("Kept two afternoons a week for the platform plan.");
    await form.getByRole("button", { name: "Save ratings" }).click();
    await expect(page.getByText("Ratings saved.")).toBeVisible();
    const card = page.getByTestId("story-assessment").locator('[data-habit="strategy"]');
    await expect(card).toContainText("4 of 5");
    await expect(card).toContainText("Kept two afternoons a week for the platform plan.");
    await page.reload();
    await expect(card).toContainText("4 of 5");
  });

  test("passes axe in light and dark, and tells which quarter a week that spans two is counted in", async ({ leader, db }) => {
    const { page } = leader;
    await db.query(`INSERT INTO "Week" (id, "userId", "startsOn", "strategyMinutes", "updatedAt") VALUES ($1, $2, $3, 600, now())`, [id("week"), leader.id, lastWeekStart()]);
    // Q4 2026 begins on a Thursday: the week of Monday 28 September counts in Q3, and the page says so.
    await page.goto("/story/2026-Q4");
    await expect(page.getByTestId("story-spanning")).toContainText("The week of 28 September 2026 ends in Q4 2026 but counts in the quarter before");
    await openStory(page);
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await checkA11y(page);
    }
    // A quarter that has not begun is not there.
    const response = await page.goto("/story/2100-Q4");
    expect(response?.status()).toBe(404);
  });

  test("the pack as read loads none of its forms' code; an opened form brings its own", async ({ leader }) => {
    const { page } = leader;
    const quarter = await openStory(page);
    const asRead = await scriptsLoadedBy(page, `/story/${quarter}`);
    for (const [form, field] of [
      ["narrative", "Your narrative"],
      ["link", "Who it is for (optional)"],
    ] as const) {
      const opened = await scriptsLoadedBy(page, `/story/${quarter}?edit=${form}`);
      // The opened form is there, and its code came in scripts the pack as read never loaded.
      await expect(page.getByLabel(field)).toBeVisible();
      expect([...asRead.keys()].filter((script) => !opened.has(script)), `the pack's scripts with ${form} open`).toEqual([]);
      expect([...opened.keys()].filter((script) => !asRead.has(script)).length, `scripts ${form} brings`).toBeGreaterThan(0);
    }
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("the leader opens the narrative and the ratings by their links, is told at the field, and saves", async ({ leader }) => {
      const { page } = leader;
      const quarter = await openStory(page);

      await page.getByRole("link", { name: "Edit narrative" }).click();
      await expect(page).toHaveURL(new RegExp(`/story/${quarter}\\?edit=narrative#narrative-form$`));
      await narrative(page).fill(" ");
      await saveNarrative(page);
      await expect(page.locator("#field-body-error")).toHaveText("Write your narrative, or keep the draft.");
      await narrative(page).fill("## Wins\n\nSaved without JavaScript.");
      await saveNarrative(page);
      await expect(narrative(page)).toHaveValue("## Wins\n\nSaved without JavaScript.");
      await page.getByRole("link", { name: "Close" }).click();
      await expect(page.getByRole("region", { name: "In my words" }).getByText("Saved without JavaScript.")).toBeVisible();

      await page.getByRole("link", { name: "Rate your quarter" }).click();
      const form = page.getByRole("form", { name: "Rate your quarter" });
      await form.getByLabel("Evidence").first().fill("Kept two afternoons a week for the platform plan.");
      await form.getByRole("button", { name: "Save ratings" }).click();
      await expect(page.locator("#field-rating-strategy-error")).toHaveText("Rate strategic time to keep your note on it.");
      await form.getByRole("group", { name: "Self-rating for the quarter for Strategic over tactical time" }).getByRole("radio", { name: "4 – Mostly" }).check();
      await form.getByRole("button", { name: "Save ratings" }).click();
      await expect(page.getByTestId("story-assessment").locator('[data-habit="strategy"]')).toContainText("4 of 5");
    });
  });

  test("a source's link opens its week inside the app, without loading the page again", async ({ leader, db }) => {
    const { page } = leader;
    const week = lastWeekStart();
    await db.query(
      `INSERT INTO "Week" (id, "userId", "startsOn", "firefightingMinutes", "strategyMinutes", "otherMinutes", "updatedAt") VALUES ($1, $2, $3, 600, 600, 0, now())`,
      [id("week"), leader.id, week],
    );
    await openStory(page);
    // A mark on this document: a page loaded again would not have it.
    await page.evaluate(() => Object.assign(window, { storyDocument: true }));
    await page.getByRole("region", { name: "Where the hours went" }).locator(`a[href="/weeks/${week}"]`).click();
    await expect(page).toHaveURL(new RegExp(`/weeks/${week}$`));
    expect(await page.evaluate(() => "storyDocument" in window)).toBe(true);
  });

  test("a mentor with the story shared reads it and rates the quarter; without it, not found", async ({ leader, createLeader, db }) => {
    test.setTimeout(90_000);
    const mentor = await createLeader({ name: "Grace Mentor" });
    const mentorshipId = id("ms");
    await db.query(
      `INSERT INTO "Mentorship" (id, "menteeId", "mentorId", "inviteEmail", status, "acceptedAt", "shareStory", "updatedAt")
       VALUES ($1, $2, $3, 'mentor@wheelhouse.test', 'ACCEPTED', now(), true, now())`,
      [mentorshipId, leader.id, mentor.id],
    );
    const quarter = await openStory(leader.page);
    await editNarrative(leader.page);
    await narrative(leader.page).fill("## Wins\n\nThe billing migration, told in revenue.");
    await saveNarrative(leader.page);
    await expect(leader.page.getByText("Narrative saved.")).toBeVisible();

    const { page } = mentor;
    await page.goto(`/mentees/${leader.id}`);
    await page.getByRole("link", { name: "Quarterly story" }).click();
    await expect(page).toHaveURL(new RegExp(`/mentees/${leader.id}/story/${quarter}$`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText("story, Q");
    await expect(page.getByText("The billing migration, told in revenue.")).toBeVisible();
    // Only what is shared: the touchpoints and notes are not.
    await expect(page.getByRole("region", { name: "Relationships" })).toContainText("Not shared.");
    await checkA11y(page);

    const form = page.getByRole("form", { name: /Your ratings of/ });
    await form.getByRole("group", { name: "Your rating for Owning the story" }).getByRole("radio", { name: "5 – At my best" }).check();
    await form.getByLabel("Your note").nth(1).fill("You explained the outage in revenue terms.");
    await form.getByRole("button", { name: "Save ratings" }).click();
    await expect(page.getByText("Ratings saved.")).toBeVisible();

    // The leader sees it beside their own.
    await leader.page.reload();
    const story = leader.page.getByTestId("story-assessment").locator('[data-habit="story"]');
    await expect(story.locator("[data-mentor-rating]")).toContainText("Grace Mentor: 5 of 5");
    await expect(story).toContainText("You explained the outage in revenue terms.");

    // Sharing turned off: the mentor's story pages are not found, and their charts too.
    await db.query(`UPDATE "Mentorship" SET "shareStory" = false WHERE id = $1`, [mentorshipId]);
    for (const path of [`/mentees/${leader.id}/story`, `/mentees/${leader.id}/story/${quarter}`]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    }
    expect((await page.request.get(`/mentees/${leader.id}/story/${quarter}/charts/time-chart`)).status()).toBe(404);
    await page.goto(`/mentees/${leader.id}`);
    await expect(page.getByRole("link", { name: "Quarterly story" })).toHaveCount(0);
  });
});
