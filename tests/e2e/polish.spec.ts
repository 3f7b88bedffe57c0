// Issue 13, point 7: the small things a new user runs into.
import { expect, test } from "./support/fixtures";

/** Sonner's toast with this text. */
const toast = (page: import("@playwright/test").Page, text: string | RegExp) => page.locator("[data-sonner-toast]").filter({ hasText: text });

test.describe("small things that add up", () => {
  test("creating a stakeholder, a touchpoint and a vision note each confirms with a toast", async ({ leader: { page } }) => {
    await page.goto("/stakeholders/new");
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Name").fill("Jane Doe");
    await page.getByLabel("Department").selectOption({ label: "Sales" });
    await page.getByRole("button", { name: "Add stakeholder" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Jane Doe" })).toBeVisible();
    await expect(toast(page, "Jane Doe added.")).toBeVisible();

    const logForm = page.getByRole("region", { name: "Log a touchpoint" });
    await logForm.getByLabel("Topic").fill("Pipeline review");
    await logForm.getByRole("button", { name: "Log touchpoint" }).click();
    await expect(toast(page, "Touchpoint logged.")).toBeVisible();

    await page.goto("/notes/new");
    await page.getByLabel("Title").fill("Usage-based pricing");
    await page.getByRole("button", { name: "Save vision note" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Usage-based pricing" })).toBeVisible();
    await expect(toast(page, "Vision note saved.")).toBeVisible();
  });
});
