// Issue 13, point 7: the small things a new user runs into.
import { randomUUID } from "node:crypto";
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

  test("a stakeholder just added is not overdue before a whole cadence has passed", async ({ leader: { page } }) => {
    await page.goto("/stakeholders/new");
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Name").fill("Omar Ops");
    await page.getByLabel("Department").selectOption({ label: "Operations" });
    await page.getByLabel("Talk every").fill("7");
    await page.getByRole("button", { name: "Add stakeholder" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Omar Ops" })).toBeVisible();
    await expect(page.getByTestId("overdue")).toHaveCount(0);

    await page.goto("/stakeholders");
    await expect(page.getByText("Nobody is overdue for a catch-up")).toBeVisible();
    await expect(page.getByRole("list", { name: "Stakeholders" }).getByTestId("due")).toHaveText(/^Next by /);
    await page.goto("/stakeholders?overdue=1");
    await expect(page.getByRole("heading", { name: "No stakeholders match" })).toBeVisible();
  });

  test("the stakeholder filters still apply without JavaScript, with the Apply button", async ({ browser, leader: { context }, baseURL, db, leader }) => {
    for (const [name, department] of [
      ["Sam Seller", "SALES"],
      ["Mia Marketer", "MARKETING"],
    ] as const) {
      await db.query(`INSERT INTO "Stakeholder" (id, "userId", name, department, "updatedAt") VALUES ($1, $2, $3, $4, now())`, [randomUUID(), leader.id, name, department]);
    }
    const noScript = await browser.newContext({ baseURL, javaScriptEnabled: false });
    await noScript.addCookies(await context.cookies());
    const page = await noScript.newPage();
    await page.goto("/stakeholders");
    await page.getByLabel("Department").selectOption({ label: "Marketing" });
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/department=MARKETING/);
    await expect(page.getByRole("list", { name: "Stakeholders" }).getByRole("link")).toHaveText(["Mia Marketer"]);
    await noScript.close();
  });
});
