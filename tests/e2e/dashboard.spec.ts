import type { Locator, Page } from "@playwright/test";
import type pg from "pg";
import { checkA11y, expect, test } from "./support/fixtures";

/** Logs the week on screen through the week form. */
async function logWeek(page: Page, split: { firefighting: string; strategy: string; other: string }) {
  // The form needs to be hydrated before typing, and the last week's toast gone so this one is told apart.
  await page.waitForLoadState("networkidle");
  await expect(page.getByText("Week saved.")).toHaveCount(0);
  await page.getByRole("textbox", { name: "Firefighting hours" }).fill(split.firefighting);
  await page.getByRole("textbox", { name: "Strategy hours" }).fill(split.strategy);
  await page.getByRole("textbox", { name: "Other hours" }).fill(split.other);
  await page.getByRole("button", { name: "Save week" }).click();
  await expect(page.getByText("Week saved.")).toBeVisible();
}

/**
 * Twelve weeks of a leader's history straight into the database: ten weeks
 * logged (two gaps), rated with "Owning the story" and "Vision" both at 4,
 * touchpoints across departments, vision notes of every horizon and revisits,
 * and a 60% strategy-share goal.
 */
async function seedHistory(db: pg.Pool, userId: string) {
  for (let week = 0; week < 12; week += 1) {
    if (week === 3 || week === 7) continue;
    await db.query(
      `INSERT INTO "Week" (id, "userId", "startsOn", "firefightingMinutes", "strategyMinutes", "otherMinutes", "ratingStrategy", "ratingStory", "ratingRelationships", "ratingVision", "updatedAt")
       VALUES ($1, $2, date_trunc('week', now())::date - $3::int * 7, $4, $5, 600, $6, 4, $7, 4, now())`,
      [`${userId}_w${week}`, userId, week, (20 - week) * 60, (8 + (week % 4) * 3) * 60, 2 + (week % 3), 3 + (week % 2)],
    );
  }
  const departments = ["SALES", "MARKETING", "FINANCE", "PRODUCT", "SALES", "LEGAL", "PEOPLE", "SALES", "BOARD"];
  for (let i = 0; i < 30; i += 1) {
    await db.query(
      `INSERT INTO "Touchpoint" (id, "userId", department, "occurredOn", channel, topic, "updatedAt") VALUES ($1, $2, $3::"Department", current_date - $4::int, 'CALL', 'Catch-up', now())`,
      [`${userId}_t${i}`, userId, departments[i % departments.length], (i * 3) % 80],
    );
  }
  const horizons = ["QUARTER", "ONE_YEAR", "THREE_YEARS", "FIVE_YEARS"];
  for (let i = 0; i < 10; i += 1) {
    await db.query(`INSERT INTO "VisionNote" (id, "userId", title, horizon, "createdAt", "updatedAt") VALUES ($1, $2, 'A note', $3::"Horizon", now() - $4::int * interval '1 day', now())`, [
      `${userId}_n${i}`,
      userId,
      horizons[i % 4],
      i * 8,
    ]);
    if (i % 2 === 0) {
      await db.query(`INSERT INTO "VisionNoteRevisit" (id, "userId", "noteId", "revisitedAt") VALUES ($1, $2, $3, now() - $4::int * interval '1 day')`, [`${userId}_r${i}`, userId, `${userId}_n${i}`, i * 4]);
    }
  }
  // A new data version, so no dashboard kept from before is shown.
  await db.query(`UPDATE "User" SET "goalStrategySharePercent" = 60, "dataVersion" = $2 WHERE id = $1`, [userId, `seeded-${Date.now()}`]);
}

/** The dashboard's chart images, once they have all loaded. */
async function loadedCharts(page: Page) {
  const images = page.locator(".chart img");
  await expect(images).toHaveCount(5);
  await images.evaluateAll((all: HTMLImageElement[]) => Promise.all(all.map((img) => img.decode())));
  return images;
}

/** The middle of the `index`-th bucket (from the end when negative) of the drawing a chart shows, in the page. */
async function bucketPoint(chart: Locator, index: number) {
  return chart.evaluate((box: HTMLElement, at: number) => {
    const img = box.querySelector("img")!;
    const shown = [...box.querySelectorAll("source")].find((source) => window.matchMedia(source.media).matches) ?? img;
    const [left = 0, step = 0, count = 0, top = 0, bottom = 0, width = 1] = (shown.dataset.bands ?? "").split(" ").map(Number);
    const rect = box.getBoundingClientRect();
    const scale = rect.width / width;
    return { x: rect.left + scale * (left + ((at + count) % count + 0.5) * step), y: rect.top + (scale * (top + bottom)) / 2 };
  }, index);
}

/** Whether two boxes on the page overlap. */
function overlap(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function figure(page: Page, label: string) {
  return page.locator("dl > div").filter({ has: page.getByText(label, { exact: true }) });
}

test.describe("the dashboard", () => {
  test("a new leader is shown how to start", async ({ leader: { page } }) => {
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    await expect(page.getByText("Your progress shows up here once you log a week")).toBeVisible();
    await expect(page.getByText(/Weeks start on \w+day/)).toBeVisible();
    await checkA11y(page);
    await page.getByRole("link", { name: "Log this week" }).click();
    await expect(page).toHaveURL(/\/weeks\/\d{4}-\d{2}-\d{2}$/);
  });

  test("three logged weeks show up in the figures, the charts' tables and against the goal", async ({ leader: { page } }) => {
    // Two weeks ago 0%, last week 50%, this week 25% strategy.
    await page.goto("/weeks/current");
    await logWeek(page, { firefighting: "20", strategy: "10", other: "10" });
    await page.getByRole("link", { name: "Previous week" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Last week" })).toBeVisible();
    await logWeek(page, { firefighting: "10", strategy: "20", other: "10" });
    await page.getByRole("link", { name: "Previous week" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^Week of / })).toBeVisible();
    await logWeek(page, { firefighting: "30", strategy: "0", other: "10" });

    await page.goto("/dashboard/goals");
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Target strategy share (%)").fill("60");
    await page.getByLabel("Touchpoints per week").fill("3");
    await page.getByRole("checkbox", { name: "Sales" }).check();
    await page.getByRole("button", { name: "Save goals" }).click();
    await expect(page.getByText("Goals saved.")).toBeVisible();

    await page.goto("/dashboard");
    await expect(figure(page, "Strategy share this week")).toContainText("25%");
    await expect(figure(page, "Strategy share this week")).toContainText("10 h of 40 h so far");
    // 30 of 120 hours.
    await expect(figure(page, "Strategy share, last 4 weeks")).toContainText("25%");
    await expect(figure(page, "Strategy share, last 4 weeks")).toContainText("Below your 60% goal · 3 weeks logged");
    await expect(figure(page, "Logging streak")).toContainText("3 weeks");
    await expect(figure(page, "Touchpoints this month")).toContainText("0");
    await expect(page.getByRole("status").filter({ hasText: "under your 60% goal for 3 logged weeks in a row" })).toBeVisible();

    const timeChart = page.getByRole("figure", { name: "Strategy share rose to 25%" });
    await expect(timeChart).toBeVisible();
    await expect(timeChart.getByRole("table")).toHaveCount(0);
    // The tables are one link away: the same page, every chart with its table under it.
    await timeChart.getByRole("link", { name: "Show as table" }).click();
    await expect(page).toHaveURL(/\/dashboard\?tables=1#time-chart-table$/);
    const rows = timeChart.getByRole("table").getByRole("row");
    await expect(rows.filter({ hasText: "(so far)" })).toContainText(["20 h", "10 h", "10 h", "25%"].join(""));
    await expect(rows.filter({ hasText: "50%" })).toContainText("10 h20 h10 h50%");
    await expect(rows.filter({ hasText: "Not logged" })).toHaveCount(9);
    await expect(page.getByRole("table")).toHaveCount(4);
    // Another range keeps the tables.
    await expect(page.getByRole("link", { name: "All time" })).toHaveAttribute("href", "/dashboard?range=all&tables=1");
    await checkA11y(page);
    await timeChart.getByRole("link", { name: "Hide the tables" }).click();
    await expect(page).toHaveURL(/\/dashboard\?range=12w#time-chart$/);
    await expect(page.getByRole("table")).toHaveCount(0);

    // Every range is a bookmarkable URL; all time is drawn month by month.
    await page.getByRole("link", { name: "All time" }).click();
    await expect(page).toHaveURL(/\/dashboard\?range=all$/);
    await expect(page.getByRole("link", { name: "All time" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("figure", { name: /^Strategy share/ })).toBeVisible();
    await checkA11y(page);
  });

  test("on a phone, a chart's table scrolls in its own region and the page does not", async ({ leader: { page } }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/weeks/current");
    await logWeek(page, { firefighting: "8", strategy: "4", other: "0" });
    // Twelve weeks of departments: a table far wider than the phone.
    await page.goto("/dashboard?tables=1#coverage-chart-table");
    const region = page.getByRole("region", { name: /: table$/ }).nth(1);
    await expect(region.getByRole("table")).toBeVisible();
    expect(await region.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  });

  test("a bar shows its values on hover, and on focus with the arrow keys", async ({ leader: { page } }) => {
    await page.goto("/weeks/current");
    await logWeek(page, { firefighting: "8", strategy: "4", other: "0" });
    await page.goto("/dashboard");
    const chart = page.getByRole("img", { name: /^Strategy share/ });
    const tip = page.locator("[data-chart-tip]");
    const thisWeek = /\(so far\): Firefighting 8 h, Strategy 4 h, Other 0 h, Strategy share 33%/;

    const legend = page.locator("#time-chart").getByRole("list", { name: "Legend" });

    // Keyboard: one stop per chart; it opens at the latest bar, the arrows move, and screen readers hear each one.
    await chart.focus();
    await expect(tip).toHaveText(thisWeek);
    // The tip never hides the legend (or the title above it).
    expect(overlap((await tip.boundingBox())!, (await legend.boundingBox())!)).toBe(false);
    await expect(page.getByRole("status").filter({ hasText: thisWeek })).toHaveCount(1);
    await page.keyboard.press("ArrowLeft");
    await expect(tip).toHaveText(/^Week of .*: Not logged$/);
    await page.keyboard.press("End");
    await expect(tip).toHaveText(thisWeek);
    await page.keyboard.press("Escape");
    await expect(tip).toHaveCount(0);

    // Pointer: the rightmost bar is this week's; the first, eleven weeks ago, is not logged.
    const last = await bucketPoint(chart, -1);
    await page.mouse.move(last.x, last.y);
    await expect(tip).toHaveText(thisWeek);
    expect(overlap((await tip.boundingBox())!, (await legend.boundingBox())!)).toBe(false);
    const first = await bucketPoint(chart, 0);
    await page.mouse.move(first.x, first.y);
    await expect(tip).toHaveText(/^Week of .*: Not logged$/);
    expect(overlap((await tip.boundingBox())!, (await legend.boundingBox())!)).toBe(false);
    const box = (await chart.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, Math.max(1, box.y - 40));
    await expect(tip).toHaveCount(0);
  });

  test("every chart's text is at least 11 px, at every width from a phone's to a wide laptop's", async ({ leader: { page, id }, db }) => {
    await seedHistory(db, id);
    for (const width of [360, 390, 480, 640, 768, 1023, 1024, 1279, 1280, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/dashboard");
      const images = await loadedCharts(page);
      // Each image's own document, drawn inline at the image's width: every text's font size, times the drawing's scale.
      const texts = await images.evaluateAll(async (all: HTMLImageElement[]) => {
        const measured: Array<{ chart: string; text: string; px: number; inside: boolean }> = [];
        for (const img of all) {
          const svg = new DOMParser().parseFromString(await (await fetch(img.currentSrc)).text(), "image/svg+xml").documentElement as unknown as SVGSVGElement;
          const box = Object.assign(document.createElement("div"), { style: `position:absolute;left:0;top:0;width:${img.getBoundingClientRect().width}px` });
          svg.style.cssText = "display:block;width:100%;height:auto";
          box.append(svg);
          document.body.append(box);
          const frame = svg.getBoundingClientRect();
          const scale = frame.width / svg.viewBox.baseVal.width;
          for (const text of svg.querySelectorAll("text")) {
            const rect = text.getBoundingClientRect();
            measured.push({
              chart: new URL(img.currentSrc).pathname,
              text: text.textContent ?? "",
              px: Math.round(parseFloat(getComputedStyle(text).fontSize) * scale * 100) / 100,
              // An image clips what is drawn outside it.
              inside: rect.left >= frame.left - 0.5 && rect.right <= frame.right + 0.5 && rect.top >= frame.top - 0.5 && rect.bottom <= frame.bottom + 0.5,
            });
          }
          box.remove();
        }
        return measured;
      });
      expect(new Set(texts.map((t) => t.chart)).size).toBe(5);
      expect(texts.length).toBeGreaterThan(50);
      expect(texts.filter((t) => t.px < 11).map((t) => `${t.chart} "${t.text}" ${t.px} px`), `at ${width} px`).toEqual([]);
      expect(texts.filter((t) => !t.inside).map((t) => `${t.chart} "${t.text}"`), `at ${width} px`).toEqual([]);
    }
  });

  test("each chart holds its final size, on a skeleton, while its image loads", async ({ leader: { page, id }, db }) => {
    await seedHistory(db, id);
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      // Every chart image waits until the page has been measured without it.
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route("**/dashboard/charts/**", async (route) => {
        await held;
        await route.continue();
      });
      await page.goto("/dashboard", { waitUntil: "domcontentloaded" });
      await expect(page.locator(".chart img")).toHaveCount(5);
      const layout = () =>
        page.evaluate(() => [...document.querySelectorAll(".chart, figcaption")].map((element) => Math.round(element.getBoundingClientRect().top + window.scrollY)));
      const skeletons = await page.locator(".chart img").evaluateAll((images: HTMLImageElement[]) =>
        images.map((img) => {
          // The drawing the browser picked: the first source whose media query holds, else the image's own.
          const shown = [...(img.parentElement?.querySelectorAll("source") ?? [])].find((source) => window.matchMedia(source.media).matches) ?? img;
          const box = img.getBoundingClientRect();
          return {
            loaded: img.complete && img.naturalWidth > 0,
            shape: Math.abs(box.height - (box.width * Number(shown.getAttribute("height"))) / Number(shown.getAttribute("width"))) < 1,
            background: getComputedStyle(img).backgroundColor,
          };
        }),
      );
      expect(skeletons).toEqual(Array(5).fill({ loaded: false, shape: true, background: "rgb(240, 240, 237)" }));
      const before = await layout();
      release();
      await loadedCharts(page);
      expect(await layout()).toEqual(before);
      await page.unrouteAll();
    }
  });

  test("each chart is an image drawn in the page's colours, in light and in dark, and narrower on a phone", async ({ leader: { page } }) => {
    await page.goto("/weeks/current");
    await logWeek(page, { firefighting: "8", strategy: "4", other: "0" });
    for (const [colorScheme, phone] of [
      ["light", false],
      ["dark", false],
      ["dark", true],
    ] as const) {
      await page.emulateMedia({ colorScheme });
      if (phone) await page.setViewportSize({ width: 390, height: 844 });
      await page.goto("/dashboard");
      const images = page.locator(".chart img");
      await expect(images).toHaveCount(5);
      // Across the laptop's page, the widest drawing; on the phone, the narrowest.
      expect(await page.locator("#time-chart img").evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth))).toBe(phone ? 280 : 880);
      // This week's bar holds 4 h of strategy, in the theme's strategy colour (app/globals.css --strategy): a run of its pixels in the bar's column.
      const strategy = colorScheme === "light" ? [0x00, 0x72, 0xb2, 255] : [0x56, 0xb4, 0xe9, 255];
      const pixels = await page.locator("#time-chart .chart").evaluate(async (chart: HTMLElement, colour: number[]) => {
        const img = chart.querySelector("img")!;
        await img.decode();
        const shown = [...chart.querySelectorAll("source")].find((source) => new URL(source.srcset, location.href).href === img.currentSrc) ?? img;
        const [left = 0, step = 0, count = 0, top = 0, bottom = 0, width = 0, height = 0] = (shown.dataset.bands ?? "").split(" ").map(Number);
        const canvas = Object.assign(document.createElement("canvas"), { width, height });
        const context = canvas.getContext("2d")!;
        context.drawImage(img, 0, 0, width, height);
        const column = context.getImageData(Math.round(left + (count - 0.5) * step), top, 1, bottom - top).data;
        let inColour = 0;
        for (let offset = 0; offset < column.length; offset += 4) if (colour.every((value, channel) => column[offset + channel] === value)) inColour += 1;
        return { inColour, corner: [...context.getImageData(1, 1, 1, 1).data] };
      }, strategy);
      expect(pixels.inColour).toBeGreaterThan(20);
      // On the card's own background, which covers the skeleton shown while it loaded.
      expect(pixels.corner).toEqual(colorScheme === "light" ? [0xff, 0xff, 0xff, 255] : [0x19, 0x1b, 0x1e, 255]);
    }
    // On the phone's drawing, a tap on this week's bar shows its values, inside the screen, and so for a bar in the middle.
    const chart = page.getByRole("img", { name: /^Strategy share/ });
    const tip = page.locator("[data-chart-tip]");
    await chart.scrollIntoViewIfNeeded();
    const thisWeek = await bucketPoint(chart, -1);
    await page.mouse.click(thisWeek.x, thisWeek.y);
    await expect(tip).toHaveText(/\(so far\): Firefighting 8 h, Strategy 4 h/);
    for (const index of [-1, 4]) {
      const point = await bucketPoint(chart, index);
      await page.mouse.click(point.x, point.y);
      await expect(tip).toHaveText(/^Week of /);
      const box = (await tip.boundingBox())!;
      expect([box.x >= 0, box.x + box.width <= 390]).toEqual([true, true]);
    }
  });
});

test.describe("the dashboard for a leader in Auckland whose weeks start on Sunday", () => {
  test.use({ leaderOptions: { timeZone: "Pacific/Auckland", weekStartsOn: 0 } });

  test("says which calendar its weeks follow", async ({ leader: { page } }) => {
    await page.goto("/dashboard");
    await expect(page.getByText("Weeks start on Sunday, Pacific/Auckland time.")).toBeVisible();
  });
});
