import { randomBytes } from "node:crypto";
import { inflateSync } from "node:zlib";
import type { Page } from "@playwright/test";
import type pg from "pg";
import { addDaysTo } from "../../lib/shared/dates";
import { currentQuarter, previousQuarter, quarterName, quarterWeeks, type QuarterKey } from "../../lib/shared/quarters";
import { checkA11y, expect, test } from "./support/fixtures";

// A quarter's story leaves the app (issue 16, points 3 and 4): as a read-only
// link for someone without an account, as a PDF printed by Chromium, and as
// a Markdown file.

test.use({ leaderOptions: { timeZone: "Europe/Berlin", weekStartsOn: 1, name: "Ada Leader" } });

const PAYLOAD = `<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 1">`;
const NARRATIVE = [
  "## Wins",
  "",
  "- Moved the platform roadmap from a slide to a funded plan with finance.",
  "- Cut the incident load so that strategy work got whole mornings back.",
  `- ${PAYLOAD}`,
  "",
  "## What changed",
  "",
  "- Weekly time with sales and customer success instead of only escalations.",
  "",
  "## What's next",
  "",
  "- Hiring plan for the data team, with the budget agreed in October.",
  "",
  "## Where I need help",
  "",
  "- An introduction to the board's audit committee.",
].join("\n");

const id = (prefix: string) => `e2e_${prefix}_${randomBytes(6).toString("hex")}`;

/** The strategy colour (app/globals.css --strategy) as a PDF fill: light #0072b2, dark #56b4e9. */
const STRATEGY_FILL = { light: [0, 114, 178], dark: [86, 180, 233] };

/** A fully logged quarter: every week, touchpoints across departments (one notable), vision notes, a saved narrative and self-ratings. */
async function seedQuarter(db: pg.Pool, userId: string, quarter: QuarterKey): Promise<void> {
  const { first, last } = quarterWeeks(quarter, 1);
  for (let week = first, i = 0; week <= last; week = addDaysTo(week, 7), i++) {
    await db.query(
      `INSERT INTO "Week" (id, "userId", "startsOn", "firefightingMinutes", "strategyMinutes", "otherMinutes", "ratingStrategy", "ratingStory", "ratingRelationships", "ratingVision", "reflectionStory", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, 600, 3, 4, 3, 2, 'A private reflection that stays out of a shared story.', now())`,
      [id("week"), userId, week, (20 - i) * 60, (8 + i) * 60],
    );
  }
  const departments = ["SALES", "FINANCE", "PRODUCT", "CUSTOMER_SUCCESS", "EXECUTIVE", "MARKETING"];
  for (let i = 0; i < 12; i++) {
    await db.query(
      `INSERT INTO "Touchpoint" (id, "userId", department, "occurredOn", channel, topic, outcome, notable, "updatedAt")
       VALUES ($1, $2, $3, $4, 'MEETING', $5, $6, $7, now())`,
      [id("tp"), userId, departments[i % departments.length], addDaysTo(first, i * 7 + 1), `Quarterly sync ${i + 1}`, i === 3 ? "Saved a renewal worth 8% of revenue." : "Agreed next steps", i === 3],
    );
  }
  for (let i = 0; i < 4; i++) {
    await db.query(
      `INSERT INTO "VisionNote" (id, "userId", title, body, horizon, status, "statusChangedAt", "createdAt", "updatedAt")
       VALUES ($1, $2, $3, 'Where the platform should be.', 'ONE_YEAR', 'IN_PROGRESS', $4::date + time '10:00', $4::date + time '09:00', now())`,
      [id("note"), userId, `Platform bet ${i + 1}`, addDaysTo(first, i * 14 + 2)],
    );
  }
  await db.query(`INSERT INTO "StoryNarrative" (id, "userId", quarter, body, "updatedAt") VALUES ($1, $2, $3, $4, now())`, [id("story"), userId, quarter, NARRATIVE]);
  for (const [habit, rating] of [["strategy", 4], ["story", 3], ["relationships", 4], ["vision", 2]] as const) {
    await db.query(
      `INSERT INTO "StoryRating" (id, "userId", quarter, habit, rater, rating, evidence, "updatedAt") VALUES ($1, $2, $3, $4, 'self', $5, $6, now())`,
      [id("rating"), userId, quarter, habit, rating, `Evidence for ${habit}.`],
    );
  }
}

/**
 * The PDF's pages, and the colours it paints with: fills in its drawing streams (Chromium writes
 * "r g b rg", each 0–1) and the pixels of its images (an SVG pattern fill is printed as a small image).
 */
function readPdf(pdf: Buffer): { pages: number; fills: number[][] } {
  const text = pdf.toString("latin1");
  const pages = (text.match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
  const fills: number[][] = [];
  for (const match of text.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    let content: Buffer;
    try {
      content = inflateSync(pdf.subarray(start, text.indexOf("endstream", start)));
    } catch {
      continue; // Not a Flate stream (a font, say).
    }
    const dictionary = text.slice(text.lastIndexOf(" obj", match.index), match.index);
    if (/\/Subtype\s*\/Image/.test(dictionary) && /\/DeviceRGB/.test(dictionary) && /\/BitsPerComponent\s+8/.test(dictionary)) {
      for (let at = 0; at + 2 < content.length; at += 3) fills.push([content[at]!, content[at + 1]!, content[at + 2]!]);
      continue;
    }
    for (const [, r, g, b] of content.toString("latin1").matchAll(/(?:^|\s)([\d.]+) ([\d.]+) ([\d.]+) rg\b/g)) {
      fills.push([Number(r), Number(g), Number(b)].map((value) => Math.round(value * 255)));
    }
  }
  return { pages, fills };
}

const hasFill = (fills: number[][], colour: number[]) => fills.some((fill) => fill.every((value, channel) => Math.abs(value - colour[channel]!) <= 1));

/** Prints the page as Chromium's "Save as PDF" does, in the dark scheme: the print is light all the same. */
async function printsOnFourPagesWithCharts(page: Page) {
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(page.locator(".chart img").first()).toBeVisible();
  await page.evaluate(() => Promise.all([...document.images].map((img) => img.decode().catch(() => undefined))));
  for (const format of ["A4", "Letter"] as const) {
    const { pages, fills } = readPdf(await page.pdf({ format, printBackground: true }));
    expect(pages, format).toBeGreaterThan(0);
    expect(pages, format).toBeLessThanOrEqual(4);
    // The time chart's strategy bars are in it, in the light theme's colour.
    expect(hasFill(fills, STRATEGY_FILL.light), `${format}: the charts' strategy colour`).toBe(true);
    expect(hasFill(fills, STRATEGY_FILL.dark), `${format}: a dark-theme colour`).toBe(false);
  }
  // In print: no navigation, and no heading left alone at a page's foot nor a chart cut in two.
  await page.emulateMedia({ media: "print", colorScheme: "dark" });
  await expect(page.getByRole("navigation")).toHaveCount(0);
  for (const heading of await page.locator("main h2").all()) expect(await heading.evaluate((element) => getComputedStyle(element).breakAfter)).toBe("avoid");
  for (const chart of await page.locator(".chart").all()) expect(await chart.evaluate((element) => getComputedStyle(element).breakInside)).toBe("avoid");
  // A printout is read by others: its headline speaks of the leader, not to them (the leader's own print too).
  await expect(page.locator("#story-headline")).toHaveText(/^Strategy took \d+% of the leader's logged hours/, { useInnerText: true });
  await expect(page.locator("#story-headline")).not.toHaveText(/\byour\b/i, { useInnerText: true });
  // The narrative's script payload printed as words, never run.
  await expect(page.getByText(PAYLOAD, { exact: false }).filter({ visible: true })).toHaveCount(1);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  await page.emulateMedia({ media: "screen" });
}

/** Seeds the last quarter, opens its story and the form that makes a link, which opens from its link: answers the quarter and the links' panel. */
async function openNewLinkForm(page: Page, db: pg.Pool, leaderId: string) {
  const quarter = previousQuarter(currentQuarter({ timeZone: "Europe/Berlin", weekStartsOn: 1 }));
  await seedQuarter(db, leaderId, quarter);
  await page.goto(`/story/${quarter}`);
  const panel = page.getByRole("region", { name: "Shared links" });
  await panel.getByRole("link", { name: "New link" }).click();
  return { quarter, panel };
}

test.describe("the quarterly story outside the app", () => {
  test("a read-only link shows that pack only to a reader without an account, is counted, and stops when revoked", async ({ leader, db, browser, baseURL, consoleGuard }) => {
    const { page } = leader;
    const { quarter, panel } = await openNewLinkForm(page, db, leader.id);
    // The form's first field is ready for typing.
    await expect(panel.getByLabel("Who it is for (optional)")).toBeFocused();
    await panel.getByLabel("Who it is for (optional)").fill("Dana, CEO");
    await panel.getByLabel("Works for").selectOption("7");
    await panel.getByRole("button", { name: "Create link" }).click();
    const url = await panel.getByLabel("Your new link (shown only now)").inputValue();
    expect(url).toMatch(new RegExp(`^${baseURL}/shared/story/[A-Za-z0-9_-]{43}$`));
    await expect(panel.getByRole("listitem", { name: "Dana, CEO" })).toContainText("Not opened yet");

    // A reader without an account: a fresh browser, no cookies.
    const reader = await browser.newContext({ baseURL });
    consoleGuard.watch(reader);
    const readerPage = await reader.newPage();
    const response = await readerPage.goto(url);
    const headers = response!.headers();
    expect(response!.status()).toBe(200);
    expect(headers["x-robots-tag"]).toMatch(/noindex/);
    expect(headers["referrer-policy"]).toBe("no-referrer");
    expect(headers["cache-control"]).toContain("no-store");
    await expect(readerPage.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
    await expect(readerPage.locator('meta[name="referrer"]')).toHaveAttribute("content", "no-referrer");

    await expect(readerPage.getByRole("heading", { level: 1 })).toHaveText(`Ada Leader's quarterly story: ${quarterName(quarter)}`);
    await expect(readerPage.getByText("Moved the platform roadmap from a slide to a funded plan")).toBeVisible();
    await expect(readerPage.getByText("Saved a renewal worth 8% of revenue.")).toBeVisible();
    // The script in the narrative is words on the page, never run.
    await expect(readerPage.getByText(PAYLOAD, { exact: false })).toBeVisible();
    expect(await readerPage.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    // Nothing leads into the app or to another quarter: no navigation, and every link stays on this one (the
    // download, or this page again with the charts' numbers as tables).
    await expect(readerPage.getByRole("navigation")).toHaveCount(0);
    // The sources are words only, so none is marked for the app shell's link listener.
    await expect(readerPage.locator("[data-markup]")).toHaveCount(0);
    await expect(readerPage.getByText("A private reflection")).toHaveCount(0);
    const path = new URL(url).pathname;
    for (const href of await readerPage.locator("a[href]").evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href))) {
      expect(href.startsWith(`${baseURL}${path}/`) || href.startsWith(`${baseURL}${path}?`), href).toBe(true);
    }
    await checkA11y(readerPage);

    // The Markdown download: that pack, as an attachment.
    const [download] = await Promise.all([readerPage.waitForEvent("download"), readerPage.getByRole("link", { name: "Download as Markdown" }).click()]);
    expect(download.suggestedFilename()).toBe(`wheelhouse-story-${quarter}.md`);
    const markdown = await readerPage.request.get(`${path}/story.md`);
    expect(markdown.headers()["content-type"]).toBe("text/markdown; charset=utf-8");
    expect(markdown.headers()["content-disposition"]).toMatch(/^attachment;/);
    expect(markdown.headers()["x-content-type-options"]).toBe("nosniff");
    const text = await markdown.text();
    expect(text).toContain(`# ${quarterName(quarter)} story`);
    expect(text).toContain(PAYLOAD);
    expect(text).toContain("Saved a renewal worth 8% of revenue.");
    expect(text).not.toContain("A private reflection");

    // The leader sees it was opened (the page and two downloads), recorded once each answer was sent.
    await expect(async () => {
      await page.reload();
      await expect(panel.getByRole("listitem", { name: "Dana, CEO" })).toContainText(/Opened 3 times, last on/, { timeout: 1_000 });
    }).toPass();

    // Revoked: the reader's next request gets nothing.
    await panel.getByRole("listitem", { name: "Dana, CEO" }).getByRole("button", { name: /Revoke/ }).click();
    await expect(page.getByText("Link revoked. It no longer opens anything.")).toBeVisible();
    await readerPage.reload();
    await expect(readerPage.getByRole("heading", { level: 1 })).toHaveText("This link does not work");
    await expect(readerPage.getByText("Moved the platform roadmap")).toHaveCount(0);
    expect((await readerPage.request.get(`${path}/story.md`)).status()).toBe(404);
    await reader.close();
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("the leader opens the form by its link, creates a link and is shown it once", async ({ leader, db, baseURL }) => {
      const { panel } = await openNewLinkForm(leader.page, db, leader.id);
      // Without JavaScript, a form held in useActionState streams after the page and stays where it streamed: found by its name.
      const form = leader.page.getByRole("form", { name: "Create a share link" });
      await form.getByLabel("Who it is for (optional)").fill("Board");
      await form.getByRole("button", { name: "Create link" }).click();
      await expect(form.getByLabel("Your new link (shown only now)")).toHaveValue(new RegExp(`^${baseURL}/shared/story/[A-Za-z0-9_-]{43}$`));
      await expect(panel.getByRole("listitem", { name: "Board" })).toContainText("Not opened yet");
    });
  });

  test("the pack prints to PDF on at most four A4 or Letter pages with its charts, signed in and through a link", async ({ leader, db, browser, baseURL, consoleGuard }) => {
    const { page } = leader;
    const quarter = previousQuarter(currentQuarter({ timeZone: "Europe/Berlin", weekStartsOn: 1 }));
    await seedQuarter(db, leader.id, quarter);

    await page.goto(`/story/${quarter}`);
    await printsOnFourPagesWithCharts(page);

    // The leader's own download, from the pack page.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download as Markdown" }).click()]);
    expect(download.suggestedFilename()).toBe(`wheelhouse-story-${quarter}.md`);

    const panel = page.getByRole("region", { name: "Shared links" });
    await panel.getByRole("link", { name: "New link" }).click();
    await panel.getByRole("button", { name: "Create link" }).click();
    const url = await panel.getByLabel("Your new link (shown only now)").inputValue();
    const reader = await browser.newContext({ baseURL });
    consoleGuard.watch(reader);
    const readerPage = await reader.newPage();
    await readerPage.goto(url);
    await printsOnFourPagesWithCharts(readerPage);
    await reader.close();
  });
});
