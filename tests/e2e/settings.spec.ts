import type { Page } from "@playwright/test";
import type pg from "pg";
import { expect, test } from "./support/fixtures";

type Settings = { name: string; timeZone: string; weekStartsOn: string };

async function stored(db: pg.Pool, id: string): Promise<Settings> {
  const { rows } = await db.query(`SELECT name, "timeZone", "weekStartsOn" FROM "User" WHERE id = $1`, [id]);
  const row = rows[0] as { name: string | null; timeZone: string; weekStartsOn: number };
  return { name: row.name ?? "", timeZone: row.timeZone, weekStartsOn: String(row.weekStartsOn) };
}

async function expectForm(page: Page, expected: Settings) {
  await expect(page.getByLabel("Display name")).toHaveValue(expected.name);
  await expect(page.getByLabel("Time zone")).toHaveValue(expected.timeZone);
  await expect(page.getByLabel("First day of the week")).toHaveValue(expected.weekStartsOn);
}

async function save(page: Page) {
  await page.getByRole("button", { name: "Save settings" }).click();
  // The newest toast is this save's; the form has been reset by the time it shows.
  await expect(page.getByText("Settings saved.").last()).toBeVisible();
  await expect(page.getByRole("button", { name: "Save settings" })).toBeEnabled();
}

async function open(page: Page) {
  await page.goto("/settings");
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await page.waitForLoadState("networkidle");
}

test.describe("settings keep what was saved", () => {
  test.use({ leaderOptions: { name: "Sam Steady", timeZone: "Europe/Paris", weekStartsOn: 1 } });

  test("each setting changed in turn: the form shows what is stored, right after saving and after a reload, and no save changes another field", async ({
    leader,
    page,
    db,
  }) => {
    test.setTimeout(90_000);
    let expected: Settings = { name: "Sam Steady", timeZone: "Europe/Paris", weekStartsOn: "1" };
    await open(page);
    await expectForm(page, expected);

    const changes: Array<[string, (page: Page) => Promise<unknown>, Partial<Settings>]> = [
      ["the time zone", (p) => setTimeZone(p, "America/New_York"), { timeZone: "America/New_York" }],
      ["the first day of the week", (p) => p.getByLabel("First day of the week").selectOption({ label: "Sunday" }), { weekStartsOn: "0" }],
      ["the name", (p) => p.getByLabel("Display name").fill("Sam Changed"), { name: "Sam Changed" }],
      ["the time zone again", (p) => setTimeZone(p, "Asia/Tokyo"), { timeZone: "Asia/Tokyo" }],
      ["the first day of the week again", (p) => p.getByLabel("First day of the week").selectOption({ label: "Wednesday" }), { weekStartsOn: "3" }],
    ];
    for (const [what, change, changed] of changes) {
      await test.step(`change ${what}, save, then save again without touching anything`, async () => {
        await change(page);
        await save(page);
        expected = { ...expected, ...changed };
        // Right after the save, without a reload: the form shows what is stored.
        await expectForm(page, expected);
        expect(await stored(db, leader.id)).toEqual(expected);
        // A second save of the untouched form changes nothing.
        await save(page);
        await expectForm(page, expected);
        expect(await stored(db, leader.id)).toEqual(expected);
      });
      await test.step(`after changing ${what}, a reload shows every setting as stored`, async () => {
        await open(page);
        await expectForm(page, expected);
      });
    }
  });
});

async function setTimeZone(page: Page, zone: string) {
  await page.getByLabel("Time zone").selectOption(zone);
}
