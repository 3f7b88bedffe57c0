import type { Page } from "@playwright/test";
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

    // Keyboard: one stop per chart; it opens at the latest bar, the arrows move, and screen readers hear each one.
    await chart.focus();
    await expect(tip).toHaveText(thisWeek);
    await expect(page.getByRole("status").filter({ hasText: thisWeek })).toHaveCount(1);
    await page.keyboard.press("ArrowLeft");
    await expect(tip).toHaveText(/^Week of .*: Not logged$/);
    await page.keyboard.press("End");
    await expect(tip).toHaveText(thisWeek);
    await page.keyboard.press("Escape");
    await expect(tip).toHaveCount(0);

    // Pointer: the rightmost bar is this week's.
    const box = (await chart.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.87, box.y + box.height / 2);
    await expect(tip).toHaveText(thisWeek);
    await page.mouse.move(box.x + box.width / 2, Math.max(1, box.y - 40));
    await expect(tip).toHaveCount(0);
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
      for (const image of await images.all()) expect(await image.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth))).toBe(phone ? 360 : 560);
      // The bottom of this week's bar is strategy, in the theme's strategy colour (app/globals.css --strategy).
      const pixel = await page.locator("#time-chart .chart").evaluate(async (chart: HTMLElement, narrow: boolean) => {
        const img = chart.querySelector("img")!;
        await img.decode();
        const bands = narrow ? chart.dataset.narrowBands : chart.dataset.bands;
        const [left = 0, step = 0, count = 0, , bottom = 0, width = 0, height = 0] = (bands ?? "").split(" ").map(Number);
        const canvas = Object.assign(document.createElement("canvas"), { width, height });
        const context = canvas.getContext("2d")!;
        context.drawImage(img, 0, 0, width, height);
        return [...context.getImageData(Math.round(left + (count - 0.5) * step), Math.round(bottom - 3), 1, 1).data];
      }, phone);
      expect(pixel).toEqual(colorScheme === "light" ? [0x00, 0x72, 0xb2, 255] : [0x56, 0xb4, 0xe9, 255]);
    }
    // On the phone's drawing, a tap on this week's bar shows its values.
    const chart = page.getByRole("img", { name: /^Strategy share/ });
    await chart.scrollIntoViewIfNeeded();
    const box = (await chart.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.82, box.y + box.height / 2);
    await expect(page.locator("[data-chart-tip]")).toHaveText(/\(so far\): Firefighting 8 h, Strategy 4 h/);
  });
});

test.describe("the dashboard for a leader in Auckland whose weeks start on Sunday", () => {
  test.use({ leaderOptions: { timeZone: "Pacific/Auckland", weekStartsOn: 0 } });

  test("says which calendar its weeks follow", async ({ leader: { page } }) => {
    await page.goto("/dashboard");
    await expect(page.getByText("Weeks start on Sunday, Pacific/Auckland time.")).toBeVisible();
  });
});
