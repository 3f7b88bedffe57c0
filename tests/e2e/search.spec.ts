// Search everywhere (/search) and the notes list's excerpts and tag search, in a browser.
import { randomBytes } from "node:crypto";
import type pg from "pg";
import { checkA11y, expect, test } from "./support/fixtures";

const id = (prefix: string) => `e2e_${prefix}_${randomBytes(6).toString("hex")}`;

/** Monday of last week (UTC): a week the leader (UTC, Monday start) may open. */
function lastWeekStart(): string {
  const today = new Date();
  const monday = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - ((today.getUTCDay() + 6) % 7) - 7));
  return monday.toISOString().slice(0, 10);
}

/** A week, a stakeholder, a touchpoint with them and a vision note, all about the roadmap. */
async function seedRoadmap(db: pg.Pool, userId: string, names: { stakeholder: string; note: string }) {
  const ids = { week: id("week"), stakeholder: id("sh"), touchpoint: id("tp"), note: id("note") };
  const week = lastWeekStart();
  await db.query(
    `INSERT INTO "Week" (id, "userId", "startsOn", "strategyMinutes", highlights, "updatedAt") VALUES ($1, $2, $3, 600, $4, now())`,
    [ids.week, userId, week, "Walked the board through the **roadmap** for next year."],
  );
  await db.query(`INSERT INTO "Stakeholder" (id, "userId", name, role, department, "updatedAt") VALUES ($1, $2, $3, 'Roadmap owner', 'PRODUCT', now())`, [
    ids.stakeholder,
    userId,
    names.stakeholder,
  ]);
  await db.query(
    `INSERT INTO "Touchpoint" (id, "userId", "stakeholderId", department, "occurredOn", channel, topic, outcome, "updatedAt")
     VALUES ($1, $2, $3, 'PRODUCT', $4::date + 1, 'CALL', 'Roadmap trade-offs', 'Dropped the mobile app.', now())`,
    [ids.touchpoint, userId, ids.stakeholder, week],
  );
  await db.query(`INSERT INTO "VisionNote" (id, "userId", title, body, horizon, tags, "updatedAt") VALUES ($1, $2, $3, $4, 'ONE_YEAR', $5, now())`, [
    ids.note,
    userId,
    names.note,
    "## Why\n\nCustomers **keep asking** where the [product](https://example.com) is going.",
    ["roadmap", "platform bets"],
  ]);
  return { ...ids, week };
}

test.describe("search everywhere", () => {
  test("finds the viewer's weeks, touchpoints, stakeholders and notes, grouped, and opens a result", async ({ leader, createLeader, db }) => {
    const { page } = leader;
    const rows = await seedRoadmap(db, leader.id, { stakeholder: "Rita Product", note: "A public roadmap" });
    const other = await createLeader();
    await seedRoadmap(db, other.id, { stakeholder: "Someone Else", note: "Their secret roadmap" });

    await page.goto("/search");
    await expect(page.getByRole("heading", { name: "Search everything you have logged" })).toBeVisible();
    const box = page.getByRole("searchbox", { name: "Search weeks, touchpoints, stakeholders and vision notes" });
    // The page is for searching: the box has the focus, and Enter searches.
    await expect(box).toBeFocused();
    await checkA11y(page);
    await page.keyboard.type("roadmaps");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/search\?q=roadmaps$/);

    await expect(page.getByRole("status").filter({ hasText: "results for" })).toHaveText(
      "4 results for “roadmaps”: 1 week, 1 touchpoint, 1 stakeholder, 1 vision note.",
    );
    await expect(page.getByRole("heading", { level: 2 })).toHaveText(["Weeks (1)", "Touchpoints (1)", "Stakeholders (1)", "Vision notes (1)"]);
    const weeks = page.getByRole("region", { name: "Weeks (1)" });
    await expect(weeks.locator("mark")).toHaveText(["roadmap"]);
    await expect(weeks.getByText("Walked the board through the roadmap for next year.")).toBeVisible();
    const notes = page.getByRole("region", { name: "Vision notes (1)" });
    await expect(notes.locator("mark").first()).toHaveText("roadmap");
    await expect(notes.getByText("1 year · #roadmap · #platform bets")).toBeVisible();
    // Another user's rows never show, though they match.
    await expect(page.getByText("Their secret roadmap")).toHaveCount(0);
    await expect(page.getByText("Someone Else")).toHaveCount(0);
    await checkA11y(page);
    await page.emulateMedia({ colorScheme: "dark" });
    await checkA11y(page);
    await page.emulateMedia({ colorScheme: "light" });

    await notes.getByRole("link", { name: "A public roadmap" }).click();
    await expect(page).toHaveURL(new RegExp(`/notes/${rows.note}$`));
    await expect(page.getByRole("heading", { level: 1, name: "A public roadmap" })).toBeVisible();

    await page.goBack();
    await page.getByRole("region", { name: "Touchpoints (1)" }).getByRole("link", { name: "Roadmap trade-offs" }).click();
    await expect(page).toHaveURL(new RegExp(`/stakeholders/${rows.stakeholder}$`));
    await expect(page.getByRole("heading", { level: 1, name: "Rita Product" })).toBeVisible();

    await page.goBack();
    await page.getByRole("link", { name: /^Week of / }).click();
    await expect(page).toHaveURL(new RegExp(`/weeks/${rows.week}$`));
  });

  test("says clearly when nothing matches, and what went wrong with a search that is too long", async ({ leader: { page } }) => {
    await page.goto("/search");
    const box = page.getByRole("searchbox", { name: "Search weeks, touchpoints, stakeholders and vision notes" });
    // Syntax that means something to PostgreSQL is only words here.
    await box.fill(`'&|!():* nothing-like-this`);
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page.getByRole("heading", { name: /^Nothing matches “'&\|!\(\):\* nothing-like-this”$/ })).toBeVisible();
    await expect(box).toHaveValue(`'&|!():* nothing-like-this`);

    await page.goto(`/search?q=${"a".repeat(201)}`);
    await expect(page.getByText("Keep the search under 200 characters.")).toBeVisible();
    await expect(box).toHaveAttribute("aria-invalid", "true");
    await checkA11y(page);
  });

  test("looks right on a phone and a laptop, light and dark", async ({ leader, db }, testInfo) => {
    const { page } = leader;
    await seedRoadmap(db, leader.id, { stakeholder: "Rita Product", note: "A public roadmap" });
    for (const [width, height] of [
      [390, 844],
      [1280, 800],
    ]) {
      await page.setViewportSize({ width: width!, height: height! });
      for (const colorScheme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme });
        await page.goto("/search?q=roadmap");
        await expect(page.getByRole("heading", { level: 2 }).first()).toBeVisible();
        // No sideways scroll at any width.
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        await page.screenshot({ path: testInfo.outputPath(`search-${width}-${colorScheme}.png`), fullPage: true });
      }
    }
  });
});

test.describe("vision notes list", () => {
  test("shows the start of each note as text, and finds a note by its tag", async ({ leader, db }) => {
    const { page } = leader;
    await seedRoadmap(db, leader.id, { stakeholder: "Rita Product", note: "A public roadmap" });

    await page.goto("/notes");
    const card = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "A public roadmap" }) });
    await expect(card.getByText("Why Customers keep asking where the product is going.")).toBeVisible();

    const search = page.getByRole("search");
    // "bets" is only in a tag.
    await search.getByLabel("Search").fill("bet");
    await search.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/[?&]q=bet/);
    await expect(page.getByRole("link", { name: "A public roadmap" })).toBeVisible();
  });
});
