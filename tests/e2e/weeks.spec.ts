import type { Page } from "@playwright/test";
import { checkA11y, expect, settleTransitions, test } from "./support/fixtures";

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

    // A new week: empty hours with a placeholder, and the first one ready for typing.
    for (const category of ["Firefighting", "Strategy", "Other"] as const) {
      await expect(hours(page, category)).toHaveValue("");
      await expect(hours(page, category)).toHaveAttribute("placeholder", "0");
    }
    await expect(hours(page, "Firefighting")).toBeFocused();
    await page.keyboard.type("10.25");
    await expect(hours(page, "Firefighting")).toHaveValue("10.25");
    await expect(page.getByTestId("hours-total")).toContainText("10.25 of 168 hours logged");

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
    // Focus is back where the user pressed, ready for the next change.
    await expect(page.getByRole("button", { name: "Save week" })).toBeFocused();
    // The form, reset after the save, shows what was saved, before any reload.
    await expect(hours(page, "Firefighting")).toHaveValue("20");
    await expect(hours(page, "Other")).toHaveValue("9.5");
    await expect(page.getByLabel(STRATEGY_QUESTION)).toHaveValue("Wrote the platform strategy for next year.");
    await expect(page.getByRole("radio", { name: "4 – Mostly" }).first()).toBeChecked();
    await expect(page.getByLabel("Highlights")).toHaveValue("Hired a staff engineer.");

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
    // Only this week opens for logging in its first field.
    await expect(hours(page, "Firefighting")).not.toBeFocused();
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

    const summary = page.getByRole("alert").filter({ hasText: "Please fix the 2 fields below." });
    await expect(summary).toBeVisible();
    const sentence = "Firefighting and strategy hours add up to 169, but a week has 168. Lower one of them.";
    // The summary names the fields once; each field says it too.
    await expect(summary.getByRole("listitem")).toHaveText([sentence]);
    await expect(page.locator("#field-firefightingHours-error")).toHaveText(sentence);
    await expect(page.locator("#field-strategyHours-error")).toHaveText(sentence);
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
    await expect(hours(page, "Firefighting")).toHaveValue("");
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

  test("two tabs: the later save sees both versions field by field, and “Keep mine” keeps what it changed and takes the rest", async ({ leader: { page } }) => {
    test.setTimeout(90_000);
    const url = await openCurrentWeek(page);
    const otherTab = await page.context().newPage();
    await otherTab.goto(url);
    await otherTab.waitForLoadState("networkidle");

    await hours(page, "Strategy").fill("12");
    await page.getByLabel(STRATEGY_QUESTION).fill("Only the first tab wrote this.");
    await page.getByLabel("Highlights").fill("From the first tab.");
    await saveWeek(page);
    await expect(page.getByText("Week saved.")).toBeVisible();

    // The second tab, still on the version it loaded, changes two of the same fields and one of its own.
    await hours(otherTab, "Strategy").fill("5");
    await hours(otherTab, "Other").fill("3");
    await otherTab.getByLabel("Highlights").fill("From the second tab.");
    await saveWeek(otherTab);

    const conflict = otherTab.getByTestId("week-conflict");
    await expect(otherTab.getByRole("alert").filter({ hasText: "saved somewhere else" })).toBeVisible();
    await expect(conflict).toContainText("4 fields differ");
    const row = (field: string) => conflict.locator(`[data-field="${field}"]`);
    await expect(row("strategyHours")).toContainText("Changed in both. Keep mine keeps yours.");
    await expect(row("strategyHours")).toContainText("12 h");
    await expect(row("strategyHours")).toContainText("5 h");
    await expect(row("highlights")).toContainText("From the first tab.");
    await expect(row("highlights")).toContainText("From the second tab.");
    await expect(row("otherHours")).toContainText("Changed here only. Keep mine keeps yours.");
    await expect(row("reflectionStrategy")).toContainText("Changed elsewhere only. Keep mine takes the saved one.");
    await expect(row("reflectionStrategy")).toContainText("Only the first tab wrote this.");
    await expect(otherTab.getByLabel("Highlights")).toHaveValue("From the second tab.");
    await checkA11y(otherTab);

    await conflict.getByRole("button", { name: "Keep mine" }).click();
    await expect(otherTab.getByText("Week saved.")).toBeVisible();
    await expect(conflict).toHaveCount(0);
    // The button pressed is gone: focus goes to the form's own Save.
    await expect(otherTab.getByRole("button", { name: "Save week" })).toBeFocused();
    // Mine where this tab changed a field, the newer save's everywhere else.
    await expect(hours(otherTab, "Strategy")).toHaveValue("5");
    await expect(hours(otherTab, "Other")).toHaveValue("3");
    await expect(otherTab.getByLabel("Highlights")).toHaveValue("From the second tab.");
    await expect(otherTab.getByLabel(STRATEGY_QUESTION)).toHaveValue("Only the first tab wrote this.");

    // The first tab is now behind: its next save conflicts, and it takes the saved version.
    await page.getByLabel("Highlights").fill("First tab again.");
    await saveWeek(page);
    await expect(page.getByTestId("week-conflict")).toContainText("From the second tab.");
    await page.getByRole("button", { name: "Use saved" }).click();
    await expect(page.getByTestId("week-conflict")).toHaveCount(0);
    await expect(hours(page, "Strategy")).toHaveValue("5");
    await expect(page.getByLabel("Highlights")).toHaveValue("From the second tab.");
    await expect(page.getByLabel(STRATEGY_QUESTION)).toHaveValue("Only the first tab wrote this.");
    // A fresh form: focus starts at its first field.
    await expect(hours(page, "Firefighting")).toBeFocused();

    await hours(page, "Other").fill("4");
    await saveWeek(page);
    // The first save's toast may still be showing; the newest one is this save's.
    await expect(page.getByText("Week saved.").last()).toBeVisible();
    await expect(page.getByText("Unsaved changes")).toHaveCount(0);

    await otherTab.goto(url);
    await expect(hours(otherTab, "Strategy")).toHaveValue("5");
    await expect(hours(otherTab, "Other")).toHaveValue("4");
    await expect(otherTab.getByLabel("Highlights")).toHaveValue("From the second tab.");
    await expect(otherTab.getByLabel(STRATEGY_QUESTION)).toHaveValue("Only the first tab wrote this.");
  });

  test("a negative number is flagged as it is typed, and the flag goes once it is fixed", async ({ leader: { page } }) => {
    await openCurrentWeek(page);
    await hours(page, "Strategy").fill("-");
    const error = page.locator("#field-strategyHours-error");
    await expect(error).toHaveText("Hours can't be negative: enter 0 or more strategy hours.");
    await expect(hours(page, "Strategy")).toHaveAttribute("aria-invalid", "true");
    await expect(hours(page, "Strategy")).toHaveAccessibleDescription(/can't be negative/);
    await hours(page, "Strategy").fill("6");
    await expect(error).toHaveCount(0);
    await expect(hours(page, "Strategy")).not.toHaveAttribute("aria-invalid", "true");
  });

  test("an unrated habit looks quiet: a chosen “Skip” is not drawn in the accent a chosen rating is", async ({ leader: { page } }) => {
    await openCurrentWeek(page);
    const group = page.getByRole("group", { name: "Self-rating for Strategic over tactical time" });
    // Read once the colour transitions (of the scheme switch, of a choice) have ended.
    const fill = async (name: string) => {
      await settleTransitions(page);
      return group.getByRole("radio", { name }).evaluate((radio) => getComputedStyle(radio.closest("label")!).backgroundColor);
    };
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await settleTransitions(page);
      const accent = await page.getByRole("button", { name: "Save week" }).evaluate((button) => getComputedStyle(button).backgroundColor);
      await expect(group.getByRole("radio", { name: "Skip – No rating" })).toBeChecked();
      expect(await fill("Skip – No rating")).not.toBe(accent);
      await group.getByRole("radio", { name: "4 – Mostly" }).check();
      expect(await fill("4 – Mostly")).toBe(accent);
      await group.getByRole("radio", { name: "Skip – No rating" }).check();
    }
    await checkA11y(page);
  });

  test("highlights take Markdown, said on the form, and the mentor reads them rendered", async ({ leader, page, createLeader, db }) => {
    const url = await openCurrentWeek(page);
    const startsOn = url.slice(-10);
    await expect(page.getByLabel("Highlights")).toHaveAccessibleDescription(/Markdown works/);
    await hours(page, "Strategy").fill("10");
    await page.getByLabel("Highlights").fill("**Hired** a staff engineer.\n\n- Platform plan agreed\n- Budget [approved](https://example.com/budget)");
    await saveWeek(page);
    await expect(page.getByText("Week saved.")).toBeVisible();

    const mentor = await createLeader({ name: "Mo Mentor" });
    await db.query(
      `INSERT INTO "Mentorship" (id, "menteeId", "mentorId", "inviteEmail", status, "acceptedAt", "shareReflections", "updatedAt")
       VALUES ($1, $2, $3, $4, 'ACCEPTED', now(), true, now())`,
      [`e2e_ms_${leader.id}`, leader.id, mentor.id, mentor.email],
    );
    await mentor.page.goto(`/mentees/${leader.id}/weeks/${startsOn}`);
    const highlights = mentor.page.getByRole("main");
    await expect(highlights.locator("strong", { hasText: "Hired" })).toBeVisible();
    await expect(highlights.getByRole("listitem").filter({ hasText: "Platform plan agreed" })).toBeVisible();
    await expect(highlights.getByRole("link", { name: /approved/ })).toHaveAttribute("href", "https://example.com/budget");
    await expect(highlights.getByText("**Hired**")).toHaveCount(0);
  });
});
