import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { checkA11y, expect, test } from "./support/fixtures";

type NewStakeholder = { name: string; role?: string; department: string; cadenceDays?: number; notes?: string };

/** Adds a stakeholder through the form and answers the URL of their page. */
async function addStakeholder(page: Page, stakeholder: NewStakeholder): Promise<string> {
  await page.goto("/stakeholders/new");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Name").fill(stakeholder.name);
  if (stakeholder.role) await page.getByLabel("Role or title").fill(stakeholder.role);
  await page.getByLabel("Department").selectOption({ label: stakeholder.department });
  if (stakeholder.cadenceDays) await page.getByLabel("Talk every").fill(String(stakeholder.cadenceDays));
  if (stakeholder.notes) await page.getByLabel("Notes").fill(stakeholder.notes);
  await page.getByRole("button", { name: "Add stakeholder" }).click();
  await expect(page).toHaveURL(/\/stakeholders\/(?!new)[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name: stakeholder.name })).toBeVisible();
  return page.url();
}

function stakeholderRow(page: Page, name: string) {
  return page.getByRole("list", { name: "Stakeholders" }).getByRole("listitem").filter({ has: page.getByRole("link", { name }) });
}

test.describe("stakeholders and touchpoints", () => {
  test("add a stakeholder from the empty list; a refused save keeps what was typed", async ({ leader: { page } }) => {
    await page.goto("/stakeholders");
    await expect(page.getByRole("heading", { name: "Who outside engineering should you talk to?" })).toBeVisible();
    await checkA11y(page);
    await page.getByRole("link", { name: "Add a stakeholder" }).click();
    await expect(page).toHaveURL(/\/stakeholders\/new$/);
    await page.waitForLoadState("networkidle");

    await page.getByLabel("Name").fill("Priya Patel");
    await page.getByLabel("Talk every").fill("400");
    await page.getByRole("button", { name: "Add stakeholder" }).click();
    await expect(page.locator("#field-department-error")).toHaveText("Choose a department from the list.");
    await expect(page.locator("#field-cadenceDays-error")).toContainText("from 1 to 365");
    await expect(page.getByLabel("Name")).toHaveValue("Priya Patel");

    await page.getByLabel("Department").selectOption({ label: "Finance" });
    await page.getByLabel("Talk every").fill("14");
    await page.getByRole("button", { name: "Add stakeholder" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "Priya Patel" })).toBeVisible();
    await expect(page.getByTestId("last-met")).toHaveText("Never met");
    // Just added: not overdue before a whole cadence has passed.
    await expect(page.getByTestId("due")).toHaveText(/^Next by /);
    await expect(page.getByTestId("overdue")).toHaveCount(0);
    await checkA11y(page);
  });

  test("log a touchpoint from the stakeholder's page: last met updates and the overdue mark clears", async ({ leader: { page }, db }) => {
    const url = await addStakeholder(page, { name: "Priya Patel", role: "CFO", department: "Finance", cadenceDays: 14, notes: "Cares about cloud spend." });
    // Added a month ago and never met since: overdue.
    await db.query(`UPDATE "Stakeholder" SET "createdAt" = now() - interval '30 days' WHERE id = $1`, [url.split("/").pop()]);
    await page.reload();
    await expect(page.getByTestId("overdue")).toHaveText(/Overdue: not met yet/);

    const logForm = page.getByRole("region", { name: "Log a touchpoint" });
    await expect(logForm.getByLabel("Stakeholder", { exact: true })).toHaveValue(url.split("/").pop()!);
    await logForm.getByLabel("How you met").selectOption({ label: "Call" });
    await logForm.getByLabel("Topic").fill("Cloud spend review");
    await logForm.getByLabel("Outcome / business value").fill("Agreed a 10% cost target for next quarter.");
    await logForm.getByRole("button", { name: "Log touchpoint" }).click();

    await expect(page.getByText("Touchpoint logged.")).toBeVisible();
    const history = page.getByRole("region", { name: "History" });
    await expect(history.getByRole("heading", { name: "Cloud spend review" })).toBeVisible();
    await expect(history.getByText("Agreed a 10% cost target for next quarter.")).toBeVisible();
    await expect(page.getByTestId("last-met")).toContainText("today");
    await expect(page.getByTestId("overdue")).toHaveCount(0);
    // The form is ready for the next one.
    await expect(logForm.getByLabel("Topic")).toHaveValue("");

    await page.goto("/stakeholders");
    const row = stakeholderRow(page, "Priya Patel");
    await expect(row).toContainText("today");
    await expect(row.getByTestId("overdue")).toHaveCount(0);
    await checkA11y(page);
  });

  test("a long history shows twenty touchpoints a page, newest first, with the earlier ones a page away", async ({ leader: { page, id }, db }) => {
    const stakeholder = randomUUID();
    await db.query(`INSERT INTO "Stakeholder" (id, "userId", name, department, "updatedAt") VALUES ($1, $2, 'Lena Long', 'SALES', now())`, [stakeholder, id]);
    // Touchpoint 1 is the newest: one a day, going back.
    for (let n = 1; n <= 23; n++) {
      await db.query(
        `INSERT INTO "Touchpoint" (id, "userId", "stakeholderId", department, "occurredOn", channel, topic, "updatedAt")
         VALUES ($1, $2, $3, 'SALES', current_date - $4::int, 'CALL', $5, now())`,
        [randomUUID(), id, stakeholder, n, `Pipeline review ${n}`],
      );
    }
    await page.goto(`/stakeholders/${stakeholder}`);
    const history = page.getByRole("region", { name: "History" });
    await expect(history.getByRole("heading", { level: 2 })).toHaveText("History (23), page 1 of 2");
    const topics = history.getByRole("list", { name: "Touchpoints" }).getByRole("heading", { level: 3 });
    await expect(topics).toHaveCount(20);
    await expect(topics.first()).toHaveText("Pipeline review 1");
    await expect(topics.last()).toHaveText("Pipeline review 20");

    const pages = history.getByRole("navigation", { name: "Pages of the history" });
    await expect(pages.getByRole("link", { name: "Newer touchpoints" })).toHaveCount(0);
    await pages.getByRole("link", { name: "Earlier touchpoints" }).click();
    await expect(page).toHaveURL(new RegExp(`/stakeholders/${stakeholder}\\?page=2$`));
    await expect(topics).toHaveText(["Pipeline review 21", "Pipeline review 22", "Pipeline review 23"]);
    await expect(pages).toContainText("Page 2 of 2");
    await checkA11y(page);
    await pages.getByRole("link", { name: "Newer touchpoints" }).click();
    await expect(page).toHaveURL(new RegExp(`/stakeholders/${stakeholder}$`));
    await expect(topics).toHaveCount(20);
  });

  test("sort and filter by department and overdue, kept in the URL", async ({ leader: { page, id }, db }) => {
    // Seeded directly: adding through the form is covered above.
    for (const [name, department, cadenceDays] of [
      ["Sam Seller", "SALES", 7],
      ["Mia Marketer", "MARKETING", null],
      ["Sol Sales-Ops", "SALES", null],
    ] as const) {
      // Added a month ago, so a 7-day cadence has passed.
      await db.query(`INSERT INTO "Stakeholder" (id, "userId", name, department, "cadenceDays", "createdAt", "updatedAt") VALUES ($1, $2, $3, $4, $5, now() - interval '30 days', now())`, [
        randomUUID(),
        id,
        name,
        department,
        cadenceDays,
      ]);
    }

    await page.goto("/stakeholders");
    await expect(page.getByText("1 overdue for a catch-up")).toBeVisible();
    // Each change applies at once, with no Apply button (it is there only without JavaScript).
    await expect(page.getByRole("button", { name: "Apply" })).toHaveCount(0);
    await page.getByLabel("Department").selectOption({ label: "Sales" });

    await expect(page).toHaveURL(/department=SALES/);
    await expect(stakeholderRow(page, "Sam Seller")).toBeVisible();
    await expect(stakeholderRow(page, "Sol Sales-Ops")).toBeVisible();
    await expect(page.getByRole("link", { name: "Mia Marketer" })).toHaveCount(0);

    await page.getByLabel("Overdue only").check();
    await expect(page).toHaveURL(/overdue=1/);
    await page.getByLabel("Sort by").selectOption({ label: "Most overdue first" });
    await expect(page).toHaveURL(/sort=overdue/);
    await expect(page.getByRole("list", { name: "Stakeholders" }).getByRole("link")).toHaveText(["Sam Seller"]);

    // A bookmark opens the same view.
    await page.goto(page.url());
    await expect(page.getByLabel("Overdue only")).toBeChecked();
    await expect(page.getByRole("list", { name: "Stakeholders" }).getByRole("link")).toHaveText(["Sam Seller"]);

    await page.goto("/stakeholders?department=LEGAL");
    await expect(page.getByRole("heading", { name: "No stakeholders match" })).toBeVisible();
    await checkA11y(page);
  });

  test("delete a stakeholder and undo, then delete a touchpoint and undo", async ({ leader: { page } }) => {
    const url = await addStakeholder(page, { name: "Dana Director", department: "Operations" });
    const logForm = page.getByRole("region", { name: "Log a touchpoint" });
    await logForm.getByLabel("Topic").fill("On-call load on the ops team");
    await logForm.getByRole("button", { name: "Log touchpoint" }).click();
    await expect(page.getByText("Touchpoint logged.")).toBeVisible();

    await page.getByRole("button", { name: "Delete stakeholder" }).click();
    await expect(page).toHaveURL(/\/stakeholders$/);
    await expect(page.getByRole("link", { name: "Dana Director" })).toHaveCount(0);
    await page.getByRole("button", { name: "Undo" }).click();
    await expect(page.getByText("Restored.")).toBeVisible();

    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1, name: "Dana Director" })).toBeVisible();
    const history = page.getByRole("region", { name: "History" });
    // The touchpoint came back with its stakeholder.
    await expect(history.getByRole("heading", { name: "On-call load on the ops team" })).toBeVisible();

    await history.getByRole("button", { name: "Edit or delete: On-call load on the ops team" }).click();
    await history.getByRole("button", { name: /^Delete touchpoint/ }).click();
    await expect(history.getByRole("heading", { name: "On-call load on the ops team" })).toHaveCount(0);
    await expect(page.getByTestId("last-met")).toHaveText("Never met");
    await page.getByRole("button", { name: "Undo" }).click();
    await expect(page.getByText("Restored.")).toBeVisible();
    await expect(history.getByRole("heading", { name: "On-call load on the ops team" })).toBeVisible();
    await expect(page.getByTestId("last-met")).toContainText("today");
  });

  test("edit a touchpoint and come back to the stakeholder", async ({ leader: { page } }) => {
    const url = await addStakeholder(page, { name: "Lee Legal", department: "Legal" });
    const logForm = page.getByRole("region", { name: "Log a touchpoint" });
    await logForm.getByLabel("Topic").fill("Open source licences");
    await logForm.getByRole("button", { name: "Log touchpoint" }).click();
    await expect(page.getByText("Touchpoint logged.")).toBeVisible();

    await page.getByRole("region", { name: "History" }).getByRole("button", { name: "Edit or delete: Open source licences" }).click();
    await page.getByRole("region", { name: "History" }).getByRole("link", { name: /Edit/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Edit touchpoint" })).toBeVisible();
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Topic").fill("Open source licence policy");
    await page.getByRole("button", { name: "Save touchpoint" }).click();

    await expect(page).toHaveURL(url);
    await expect(page.getByRole("region", { name: "History" }).getByRole("heading", { name: "Open source licence policy" })).toBeVisible();
  });

  test("another leader gets 404 for a stakeholder's pages and touchpoints", async ({ leader: { page }, createLeader }) => {
    const url = await addStakeholder(page, { name: "Private Contact", department: "Board", notes: "Confidential." });
    const logForm = page.getByRole("region", { name: "Log a touchpoint" });
    await logForm.getByLabel("Topic").fill("Board pre-read");
    await logForm.getByRole("button", { name: "Log touchpoint" }).click();
    await expect(page.getByText("Touchpoint logged.")).toBeVisible();
    await page.getByRole("region", { name: "History" }).getByRole("button", { name: /Edit or delete/ }).click();
    const editHref = await page.getByRole("region", { name: "History" }).getByRole("link", { name: /Edit/ }).getAttribute("href");
    const touchpointEdit = editHref!.split("?")[0]!;

    const other = await createLeader();
    for (const path of [url, `${url}/edit`, touchpointEdit]) {
      const response = await other.page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(other.page.getByText("Private Contact")).toHaveCount(0);
      await expect(other.page.getByText("Board pre-read")).toHaveCount(0);
    }
    await other.page.goto("/stakeholders");
    await expect(other.page.getByRole("link", { name: "Private Contact" })).toHaveCount(0);
  });
});
