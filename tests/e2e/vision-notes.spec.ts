import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { checkA11y, expect, test } from "./support/fixtures";

type NoteFields = { title: string; body: string; horizon: string; tags?: string };

/** Writes a note through the form and waits for its page; answers the note's URL. */
async function writeNote(page: Page, note: NoteFields): Promise<string> {
  await page.goto("/notes/new");
  await page.getByLabel("Title").fill(note.title);
  await page.getByLabel("Note", { exact: true }).fill(note.body);
  await page.getByLabel("Horizon").selectOption({ label: note.horizon });
  if (note.tags) await page.getByLabel("Tags").fill(note.tags);
  await page.getByRole("button", { name: "Save vision note" }).click();
  await expect(page).toHaveURL(/\/notes\/(?!new)[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name: note.title })).toBeVisible();
  return page.url();
}

test.describe("vision notes", () => {
  test("write a note in Markdown, then find it by a word from its body and by horizon", async ({ leader: { page } }) => {
    await page.goto("/notes");
    await expect(page.getByRole("heading", { name: "Write down where you think things are heading" })).toBeVisible();
    await checkA11y(page);

    await writeNote(page, {
      title: "Self-serve analytics",
      body: "Finance waits **days** for reports.\n\n- a warehouse\n- a metrics layer\n\nSee [the plan](https://example.com/plan).",
      horizon: "3 years",
      tags: "Data, Finance",
    });
    const article = page.getByRole("article");
    await expect(article.locator("strong")).toHaveText("days");
    await expect(article.getByRole("listitem").filter({ hasText: /warehouse|metrics/ })).toHaveText(["a warehouse", "a metrics layer"]);
    await expect(article.getByRole("link", { name: /the plan/ })).toHaveAttribute("rel", "noopener noreferrer nofollow");
    await expect(article.getByText("#data")).toBeVisible();
    // A fresh load, so the page is checked on its own rather than with the save toast over it.
    await page.reload();
    await checkA11y(page);

    await writeNote(page, { title: "Platform team", body: "One team owns deploys.", horizon: "1 year" });

    await page.goto("/notes");
    const search = page.getByRole("search");
    await search.getByLabel("Search").fill("warehouse");
    await search.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/[?&]q=warehouse/);
    await expect(page.getByRole("link", { name: "Self-serve analytics" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Platform team" })).toHaveCount(0);

    await page.getByRole("link", { name: "Clear search and filters" }).click();
    // Wait for the cleared page: choosing a horizon on the old one would keep the search word.
    await expect(page).toHaveURL(/\/notes$/);
    await search.getByLabel("Horizon").selectOption({ label: "1 year" });
    await search.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/[?&]horizon=ONE_YEAR/);
    await expect(page.getByRole("link", { name: "Platform team" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Self-serve analytics" })).toHaveCount(0);
    await checkA11y(page);

    // The filters live in the URL, so the view can be bookmarked and reloaded.
    await page.reload();
    await expect(page.getByRole("search").getByLabel("Horizon")).toHaveValue("ONE_YEAR");
    await expect(page.getByRole("link", { name: "Platform team" })).toBeVisible();
  });

  test("the list shows 25 notes a page and keeps the search across pages, which searches every note", async ({ leader: { page, id }, db }) => {
    // 28 notes on pricing, 10 on hiring; pricing 1 is the most recently changed.
    for (const [topic, count] of [
      ["Pricing", 28],
      ["Hiring", 10],
    ] as const) {
      for (let n = 1; n <= count; n++) {
        await db.query(
          `INSERT INTO "VisionNote" (id, "userId", title, body, horizon, "updatedAt") VALUES ($1, $2, $3, $4, 'ONE_YEAR', now() - make_interval(hours => $5::int))`,
          [randomUUID(), id, `${topic} bet ${n}`, `What ${topic.toLowerCase()} looks like in a year.`, topic === "Pricing" ? n : 100 + n],
        );
      }
    }
    const titles = page.getByRole("region", { name: /^(All|Matching) notes/ }).getByRole("heading", { level: 3 });
    const pages = page.getByRole("navigation", { name: "Pages of vision notes" });

    await page.goto("/notes");
    await expect(page.getByRole("heading", { level: 2, name: "All notes (38)" })).toBeVisible();
    await expect(titles).toHaveCount(25);
    await expect(titles.first()).toHaveText("Pricing bet 1");
    await pages.getByRole("link", { name: "More notes" }).click();
    await expect(page).toHaveURL(/\/notes\?page=2$/);
    await expect(titles).toHaveCount(13);
    await expect(titles.last()).toHaveText("Hiring bet 10");

    // A search looks through every note, wherever it sits in the list, and its pages keep it.
    const search = page.getByRole("search");
    await search.getByLabel("Search").fill("pricing");
    await search.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/\/notes\?q=pricing/);
    await expect(page.getByText("28 vision notes match, best match first.")).toBeVisible();
    await expect(titles).toHaveCount(25);
    await pages.getByRole("link", { name: "More notes" }).click();
    await expect(page).toHaveURL(/\/notes\?q=pricing&page=2$/);
    await expect(search.getByLabel("Search")).toHaveValue("pricing");
    await expect(titles).toHaveCount(3);
    await expect(pages).toContainText("Page 2 of 2");
    await checkA11y(page);
    await pages.getByRole("link", { name: "Previous notes" }).click();
    await expect(page).toHaveURL(/\/notes\?q=pricing$/);
    await expect(titles).toHaveCount(25);
  });

  test("a script payload in a note renders as inert text", async ({ leader: { page } }) => {
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });

    await writeNote(page, {
      title: "Payloads",
      body: '<script>alert("script")</script>\n\n<img src=x onerror="alert(\'img\')">\n\n[click me](javascript:alert("link"))',
      horizon: "This quarter",
    });
    await page.reload();
    const article = page.getByRole("article");
    await expect(article.getByText('<script>alert("script")</script>')).toBeVisible();
    await expect(page.locator("article script, article img, article iframe")).toHaveCount(0);
    await expect(article.getByRole("link", { name: "click me" })).toHaveCount(0);
    await article.getByText("click me").click();
    // Give any stray handler a moment to fire.
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
  });

  test("another leader gets 404 for a note's page and its edit page", async ({ leader: { page }, createLeader }) => {
    const url = await writeNote(page, { title: "Private bet", body: "Only for me.", horizon: "5 years" });
    const other = await createLeader();

    for (const path of [url, `${url}/edit`]) {
      const response = await other.page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(other.page.getByText("Private bet")).toHaveCount(0);
    }
    await other.page.goto("/notes?q=private");
    await expect(other.page.getByRole("link", { name: "Private bet" })).toHaveCount(0);
  });

  test("mark a note revisited, then delete it and undo", async ({ leader: { page } }) => {
    const url = await writeNote(page, { title: "Pricing by usage", body: "Metering first.", horizon: "1 year" });

    await page.getByLabel("Next revisit").selectOption({ label: "In 6 months" });
    await page.getByRole("button", { name: "Mark revisited" }).click();
    await expect(page.getByText("Marked as revisited.")).toBeVisible();
    await expect(page.getByText(/Revisited once/)).toBeVisible();
    await expect(page.getByText(/^Revisit on /)).toBeVisible();

    await page.getByRole("button", { name: "Delete" }).click();
    await expect(page).toHaveURL(/\/notes$/);
    await expect(page.getByRole("link", { name: "Pricing by usage" })).toHaveCount(0);
    await page.getByRole("button", { name: "Undo" }).click();
    await expect(page.getByText("Restored.")).toBeVisible();
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1, name: "Pricing by usage" })).toBeVisible();
  });
});
