import type { Page } from "@playwright/test";
import { checkA11y, expect, test } from "./support/fixtures";

const STRATEGY_QUESTION = /Did you lay groundwork this week/;

/** Opens the current week and answers its URL once the form is interactive. */
async function openCurrentWeek(page: Page): Promise<string> {
  await page.goto("/weeks/current");
  await expect(page).toHaveURL(/\/weeks\/\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByRole("heading", { level: 1, name: "This week" })).toBeVisible();
  // The live totals need the form hydrated before typing.
  await page.waitForLoadState("networkidle");
  return page.url();
}

function hours(page: Page, category: "Firefighting" | "Strategy" | "Other") {
  return page.getByRole("textbox", { name: `${category} hours` });
}

async function saveWeek(page: Page) {
  await page.getByRole("button", { name: "Save week" }).click();
}

test.describe("the weekly log", () => {
  test("log a week: hours with a live strategy share, a reflection and a rating, kept after reload", async ({ leader: { page } }) => {
    // Many steps and two axe passes; a busy build machine needs more than the default.
    test.setTimeout(60_000);
    const url = await openCurrentWeek(page);
    await expect(page.getByTestId("week-range")).toContainText(" · ");
    await expect(page.getByText("Current week")).toBeVisible();
    await checkA11y(page);

    await hours(page, "Firefighting").fill("20");
    await hours(page, "Strategy").fill("10");
    await expect(page.getByTestId("strategy-share")).toHaveText("33%");
    await hours(page, "Other").fill("9.5");
    await expect(page.getByTestId("strategy-share")).toHaveText("25%");
    await expect(page.getByTestId("hours-total")).toContainText("39.5 of 168 hours logged");

    await page.getByLabel(STRATEGY_QUESTION).fill("Wrote the platform strategy for next year.");
    await page.getByRole("group", { name: "Self-rating for Strategic over tactical time" }).getByRole("radio", { name: "4 – Mostly" }).check();
    await page.getByLabel("Highlights").fill("Hired a staff engineer.");
    await expect(page.getByText("Unsaved changes")).toBeVisible();
    await saveWeek(page);

    await expect(page.getByText("Week saved.")).toBeVisible();
    await expect(page.getByText("Unsaved changes")).toHaveCount(0);

    await page.goto(url);
    await expect(hours(page, "Firefighting")).toHaveValue("20");
    await expect(hours(page, "Strategy")).toHaveValue("10");
    await expect(hours(page, "Other")).toHaveValue("9.5");
    await expect(page.getByTestId("strategy-share")).toHaveText("25%");
    await expect(page.getByLabel(STRATEGY_QUESTION)).toHaveValue("Wrote the platform strategy for next year.");
    await expect(page.getByRole("radio", { name: "4 – Mostly" }).first()).toBeChecked();
    await expect(page.getByLabel("Highlights")).toHaveValue("Hired a staff engineer.");
  });

  test("moves between weeks, and a day inside a week opens that week", async ({ leader: { page } }) => {
    const url = await openCurrentWeek(page);
    const start = url.slice(-10);

    await page.getByRole("link", { name: "Previous week" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Last week" })).toBeVisible();
    await page.getByRole("link", { name: "This week" }).first().click();
    await expect(page).toHaveURL(url);

    const midweek = new Date(`${start}T00:00:00Z`);
    midweek.setUTCDate(midweek.getUTCDate() + 3);
    await page.goto(`/weeks/${midweek.toISOString().slice(0, 10)}`);
    await expect(page).toHaveURL(url);

    const response = await page.goto("/weeks/2025-02-30");
    expect(response?.status()).toBe(404);
  });

  test("weeks logged before the first day of the week changed keep their days, stay reachable and editable", async ({ leader: { page } }) => {
    test.setTimeout(60_000);
    await openCurrentWeek(page);
    await page.getByRole("link", { name: "Previous week" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Last week" })).toBeVisible();
    const mondayWeek = page.url();
    const range = await page.getByTestId("week-range").textContent();
    expect(range).toMatch(/^Mon /);
    await page.waitForLoadState("networkidle");
    await hours(page, "Strategy").fill("12");
    await page.getByLabel("Highlights").fill("Logged as a Monday week.");
    await saveWeek(page);
    await expect(page.getByText("Week saved.")).toBeVisible();

    await page.goto("/settings");
    const weekStart = page.getByLabel("First day of the week");
    await expect(weekStart).toHaveAccessibleDescription(/Weeks you have already logged keep their dates: a week logged from Monday still runs Monday to Sunday\./);
    await page.waitForLoadState("networkidle");
    await weekStart.selectOption({ label: "Sunday" });
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("Settings saved.")).toBeVisible();

    await page.goto(mondayWeek);
    await expect(page).toHaveURL(mondayWeek);
    await expect(page.getByTestId("week-range")).toHaveText(range!);
    await expect(hours(page, "Strategy")).toHaveValue("12");
    await expect(page.getByLabel("Highlights")).toHaveValue("Logged as a Monday week.");
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Highlights").fill("Edited after the switch.");
    await saveWeek(page);
    await expect(page.getByText("Week saved.").last()).toBeVisible();
    await expect(page.getByText("Unsaved changes")).toHaveCount(0);

    // The week after it is a Sunday week, and "Previous week" leads back to the Monday one.
    await page.getByRole("link", { name: "Next week" }).click();
    await expect(page.getByTestId("week-range")).toHaveText(/^Sun /);
    await page.getByRole("link", { name: "Previous week" }).click();
    await expect(page).toHaveURL(mondayWeek);
    await expect(page.getByLabel("Highlights")).toHaveValue("Edited after the switch.");
  });

  test("a 169-hour week is refused at the fields and the form keeps what was typed", async ({ leader: { page } }) => {
    const url = await openCurrentWeek(page);

    await hours(page, "Firefighting").fill("100");
    await hours(page, "Strategy").fill("69");
    await expect(page.getByTestId("hours-total")).toContainText("169 of 168 hours logged");
    await saveWeek(page);

    await expect(page.getByRole("alert").filter({ hasText: "Please fix the 2 fields below." })).toBeVisible();
    await expect(page.locator("#field-firefightingHours-error")).toHaveText("These add up to 169 hours, but a week has 168. Lower one of them.");
    await expect(page.locator("#field-strategyHours-error")).toBeVisible();
    await expect(hours(page, "Firefighting")).toBeFocused();
    await expect(hours(page, "Firefighting")).toHaveValue("100");
    await expect(hours(page, "Strategy")).toHaveValue("69");
    await checkA11y(page);

    // An in-app link asks first too; staying keeps the typed values on the page.
    const dialogs: string[] = [];
    page.once("dialog", (dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss();
    });
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
    await expect(page).toHaveURL(url);
    await expect(hours(page, "Firefighting")).toHaveValue("100");

    // Leaving with unsaved changes asks first; nothing was saved.
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.type());
      void dialog.accept();
    });
    await page.goto(url);
    expect(dialogs).toEqual(["confirm", "beforeunload"]);
    await expect(hours(page, "Firefighting")).toHaveValue("0");
  });

  test("add a touchpoint from the week page", async ({ leader: { page } }) => {
    await openCurrentWeek(page);
    const section = page.getByRole("region", { name: "Touchpoints this week" });

    await section.getByRole("radio", { name: "A department, as a group" }).check();
    await section.getByRole("combobox", { name: "Department" }).selectOption({ label: "Sales" });
    await section.getByLabel("Topic").fill("Pipeline review with the sales leads");
    await section.getByRole("button", { name: "Log touchpoint" }).click();

    await expect(page.getByText("Touchpoint logged.")).toBeVisible();
    await expect(section.getByRole("heading", { name: "Pipeline review with the sales leads" })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("region", { name: "Touchpoints this week" }).getByRole("heading", { name: "Pipeline review with the sales leads" })).toBeVisible();
  });

  test("two tabs: the later save sees both versions, and the user chooses", async ({ leader: { page } }) => {
    test.setTimeout(60_000);
    const url = await openCurrentWeek(page);
    const otherTab = await page.context().newPage();
    await otherTab.goto(url);
    await otherTab.waitForLoadState("networkidle");

    await hours(page, "Strategy").fill("12");
    await page.getByLabel("Highlights").fill("From the first tab.");
    await saveWeek(page);
    await expect(page.getByText("Week saved.")).toBeVisible();

    await hours(otherTab, "Strategy").fill("5");
    await otherTab.getByLabel("Highlights").fill("From the second tab.");
    await saveWeek(otherTab);

    const conflict = otherTab.getByTestId("week-conflict");
    await expect(otherTab.getByRole("alert").filter({ hasText: "saved somewhere else" })).toBeVisible();
    await expect(conflict).toContainText("Strategy hours");
    await expect(conflict).toContainText("12 h");
    await expect(conflict).toContainText("5 h");
    await expect(conflict).toContainText("From the first tab.");
    await expect(conflict).toContainText("From the second tab.");
    await expect(otherTab.getByLabel("Highlights")).toHaveValue("From the second tab.");
    await checkA11y(otherTab);

    await conflict.getByRole("button", { name: "Keep mine" }).click();
    await expect(otherTab.getByText("Week saved.")).toBeVisible();
    await expect(conflict).toHaveCount(0);

    // The first tab is now behind: its next save conflicts, and it takes the saved version.
    await page.getByLabel("Highlights").fill("First tab again.");
    await saveWeek(page);
    await expect(page.getByTestId("week-conflict")).toContainText("From the second tab.");
    await page.getByRole("button", { name: "Use saved" }).click();
    await expect(page.getByTestId("week-conflict")).toHaveCount(0);
    await expect(hours(page, "Strategy")).toHaveValue("5");
    await expect(page.getByLabel("Highlights")).toHaveValue("From the second tab.");

    await hours(page, "Other").fill("3");
    await saveWeek(page);
    // The first save's toast may still be showing; the newest one is this save's.
    await expect(page.getByText("Week saved.").last()).toBeVisible();
    await expect(page.getByText("Unsaved changes")).toHaveCount(0);

    await otherTab.goto(url);
    await expect(hours(otherTab, "Strategy")).toHaveValue("5");
    await expect(hours(otherTab, "Other")).toHaveValue("3");
    await expect(otherTab.getByLabel("Highlights")).toHaveValue("From the second tab.");
  });
});
