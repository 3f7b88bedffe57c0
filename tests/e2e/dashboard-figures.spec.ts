import { expect, test } from "./support/fixtures";

test.describe("the dashboard's figures", () => {
  test("at every range, the hours table's row still running holds this week, as the headline does", async ({ leader: { page } }) => {
    await page.goto("/weeks/current");
    await page.waitForLoadState("networkidle");
    await page.getByRole("textbox", { name: "Firefighting hours" }).fill("8");
    await page.getByRole("textbox", { name: "Strategy hours" }).fill("4");
    await page.getByRole("textbox", { name: "Other hours" }).fill("0");
    await page.getByRole("button", { name: "Save week" }).click();
    await expect(page.getByText("Week saved.")).toBeVisible();

    // A week counts in the month its first day is in: early in a month, this week may be last month's,
    // and that month is then the one still running (docs/decisions/009-week-start-changes.md).
    for (const range of ["12w", "quarter", "12m", "all"]) {
      await page.goto(`/dashboard?range=${range}&tables=1`);
      await expect(page.locator("dl > div").filter({ has: page.getByText("Strategy share this week", { exact: true }) })).toContainText("4 h of 12 h so far");
      const running = page.getByRole("figure", { name: /^Strategy share/ }).getByRole("table").getByRole("row").filter({ hasText: "(so far)" });
      await expect(running, range).toHaveCount(1);
      await expect(running, range).toContainText("8 h4 h0 h33%");
    }
  });
});
