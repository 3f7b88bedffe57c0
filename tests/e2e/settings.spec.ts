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
  await page.getByLabel("Time zone").fill(zone);
}

test.describe("the time-zone picker", () => {
  // Saved by an old name, as the browser reported it before names were made current.
  test.use({ leaderOptions: { name: "Ravi", timeZone: "Asia/Calcutta", weekStartsOn: 1 } });

  test("suggests current IANA names, shows an old saved name as its current one, and saves an old name typed as the current one", async ({
    leader,
    page,
    db,
  }) => {
    await open(page);
    const picker = page.getByRole("combobox", { name: "Time zone" });
    await expect(picker).toHaveValue("Asia/Kolkata");
    await expect(picker).toHaveAccessibleDescription(/Type a city or region/);
    const suggested = await page.locator("datalist#time-zone-options option").evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    expect(suggested).toEqual(expect.arrayContaining(["UTC", "Africa/Asmara", "America/Nuuk", "Asia/Kolkata", "Europe/Kyiv", "America/Argentina/Buenos_Aires"]));
    for (const old of ["Africa/Asmera", "America/Godthab", "Asia/Calcutta", "Europe/Kiev", "America/Buenos_Aires"]) expect(suggested).not.toContain(old);
    expect(new Set(suggested).size).toBe(suggested.length);

    // Typed by keyboard, an old name in any case.
    await picker.click();
    await picker.press("ControlOrMeta+a");
    await picker.pressSequentially("europe/kiev");
    await save(page);
    await expect(picker).toHaveValue("Europe/Kyiv");
    expect((await stored(db, leader.id)).timeZone).toBe("Europe/Kyiv");

    await picker.fill("Mars/Olympus_Mons");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.locator("#field-timeZone-error")).toHaveText("Choose a time zone from the list.");
    await expect(picker).toBeFocused();
    expect((await stored(db, leader.id)).timeZone).toBe("Europe/Kyiv");
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("the picker still saves, by the zone's current name", async ({ leader, page, db }) => {
      await page.goto("/settings");
      await page.getByLabel("Time zone").fill("America/Godthab");
      await page.getByRole("button", { name: "Save settings" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
      await expect.poll(async () => (await stored(db, leader.id)).timeZone).toBe("America/Nuuk");
      await page.goto("/settings");
      await expectForm(page, { name: "Ravi", timeZone: "America/Nuuk", weekStartsOn: "1" });
    });
  });
});
