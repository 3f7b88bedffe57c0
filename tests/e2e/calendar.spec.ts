import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Page, TestInfo } from "@playwright/test";
import { icsOf, type IcsEvent } from "../support/calendar-ics";
import { feedPath } from "./support/feed-server";
import { checkA11y, expect, test } from "./support/fixtures";
import { runState } from "./support/run-state";

// The leader's weeks start on Monday in UTC, so the weeks below are plain arithmetic.
test.use({ leaderOptions: { timeZone: "UTC", weekStartsOn: 1 } });

const DAY = 86_400_000;

/** A file of `megabytes` MB that is no calendar, on disk: the browser reads it there, faster than through the protocol. */
function bigFile(testInfo: TestInfo, name: string, megabytes: number): string {
  const path = testInfo.outputPath(name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, Buffer.alloc(megabytes * 1024 * 1024, "x"));
  return path;
}

/** Monday `weeksBack` weeks before this one (UTC), as a date and a day. */
function mondayBefore(weeksBack: number): { at: Date; day: string } {
  const today = new Date();
  const monday = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - ((today.getUTCDay() + 6) % 7) - 7 * weeksBack);
  return { at: new Date(monday), day: new Date(monday).toISOString().slice(0, 10) };
}

const hoursAt = (monday: Date, days: number, hour: number) => new Date(monday.getTime() + days * DAY + hour * 3_600_000);

/** Uploads a calendar of `events` from /calendar and waits for its review. */
async function uploadFile(page: Page, events: IcsEvent[]) {
  await page.goto("/calendar");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Calendar file (.ics)").setInputFiles({ name: "work.ics", mimeType: "text/calendar", buffer: Buffer.from(icsOf(events)) });
  await page.getByRole("button", { name: "Read the file" }).click();
  await expect(page).toHaveURL(/\/calendar\/imports\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "Review the import" })).toBeVisible();
}

function weekCard(page: Page, hint: RegExp | string) {
  return page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3 }) }).filter({ hasText: hint });
}

async function hoursOfWeek(page: Page, day: string) {
  await page.goto(`/weeks/${day}`);
  return Promise.all(["Firefighting hours", "Strategy hours", "Other hours"].map((label) => page.getByLabel(label).inputValue()));
}

test.describe("calendar import", () => {
  // Each walks through several pages and builds; on the shared machine a minute is not always enough.
  test.describe.configure({ timeout: 150_000 });
  test("upload a file, review, confirm, see the week and last met, undo", async ({ leader, db }) => {
    const { page } = leader;
    const lastWeek = mondayBefore(1);
    const twoWeeksAgo = mondayBefore(2);
    const sam = `sam-${randomBytes(4).toString("hex")}@sales.example`;
    const stakeholderId = `e2e_sh_${randomBytes(6).toString("hex")}`;
    await db.query(`INSERT INTO "Stakeholder" (id, "userId", name, department, email, "updatedAt") VALUES ($1, $2, 'Sam Seller', 'SALES', $3, now())`, [
      stakeholderId,
      leader.id,
      sam,
    ]);
    // Two weeks ago was logged by hand: 5 hours of other.
    await db.query(`INSERT INTO "Week" (id, "userId", "startsOn", "otherMinutes", "updatedAt") VALUES ($1, $2, $3, 300, now())`, [
      `e2e_week_${randomBytes(6).toString("hex")}`,
      leader.id,
      twoWeeksAgo.day,
    ]);
    const oneOnOne = hoursAt(lastWeek.at, 2, 13);
    const file = icsOf([
      { uid: "incident", start: hoursAt(lastWeek.at, 1, 9), end: hoursAt(lastWeek.at, 1, 11), title: "Incident review" },
      { uid: "one-on-one", start: oneOnOne, end: hoursAt(lastWeek.at, 2, 14), title: "Sam and me", organizer: leader.email, attendees: [leader.email, sam] },
      { uid: "roadmap", start: hoursAt(twoWeeksAgo.at, 1, 9), end: hoursAt(twoWeeksAgo.at, 1, 12), title: "Roadmap planning" },
    ]);

    await page.goto("/calendar");
    await expect(page.getByRole("heading", { level: 1, name: "Calendar" })).toBeVisible();
    await checkA11y(page);
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Calendar file (.ics)").setInputFiles({ name: "work.ics", mimeType: "text/calendar", buffer: Buffer.from(file) });
    await page.getByRole("button", { name: "Read the file" }).click();

    await expect(page).toHaveURL(/\/calendar\/imports\/[^/]+$/);
    const preview = page.url();
    await expect(page.getByRole("heading", { level: 1, name: "Review the import" })).toBeVisible();
    const handLogged = weekCard(page, /logged this week by hand/);
    await expect(handLogged).toHaveCount(1);
    const filled = weekCard(page, /No hours logged yet/);
    await filled.getByText("The 2 events behind these hours").click();
    await expect(filled.getByText("Incident review")).toBeVisible();
    await expect(filled.getByText("Firefighting, 2 h")).toBeVisible();
    await expect(page.getByText(/1:1 with Sam Seller, “Sam and me”/)).toBeVisible();
    await checkA11y(page);
    // Nothing changed yet.
    expect(await hoursOfWeek(page, lastWeek.day)).toEqual(["", "", ""]);
    await page.goto(preview);

    await page.waitForLoadState("networkidle");
    await handLogged.getByLabel("This week").selectOption("replace");
    await page.getByRole("button", { name: "Confirm import" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Imported work.ics: 2 weeks written, 1 touchpoint added or updated." })).toBeVisible();
    await expect(page).toHaveURL(/\/calendar\?imported=/);
    await checkA11y(page);

    expect(await hoursOfWeek(page, lastWeek.day)).toEqual(["2", "0", "1"]);
    expect(await hoursOfWeek(page, twoWeeksAgo.day)).toEqual(["0", "3", "0"]);
    await page.goto(`/stakeholders/${stakeholderId}`);
    await expect(page.getByTestId("last-met").locator("time")).toHaveAttribute("datetime", oneOnOne.toISOString().slice(0, 10));

    await page.goto("/calendar");
    await page.waitForLoadState("networkidle");
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Undo the import of work.ics" }).click();
    await expect(page.getByText("Import undone: its touchpoints are gone and its weeks are back as they were.")).toBeVisible();
    await expect(page.getByText(/^Undone /)).toBeVisible();

    expect(await hoursOfWeek(page, lastWeek.day)).toEqual(["", "", ""]);
    expect(await hoursOfWeek(page, twoWeeksAgo.day)).toEqual(["0", "0", "5"]);
    await page.goto(`/stakeholders/${stakeholderId}`);
    await expect(page.getByTestId("last-met")).toContainText("Never met");
  });

  test("subscribe to a feed on loopback, confirm its first import, refresh it now, see the weeks, and see why it fails once it breaks", async ({ leader }) => {
    const { page } = leader;
    const { feedDir, feedBaseUrl } = runState();
    // The feed's name is the secret part of its address: the page never shows it.
    const secret = `private-${randomBytes(12).toString("hex")}`;
    const serve = (events: IcsEvent[]) => writeFile(join(feedDir, secret), icsOf(events));
    const lastWeek = mondayBefore(1);
    const twoWeeksAgo = mondayBefore(2);
    const incident: IcsEvent = { uid: "incident", start: hoursAt(lastWeek.at, 1, 9), end: hoursAt(lastWeek.at, 1, 11), title: "Incident review" };
    await serve([incident]);

    await page.goto("/calendar");
    await page.waitForLoadState("networkidle");
    const address = page.getByLabel("Secret address of the calendar");
    await address.fill("calendar.example.com/basic.ics");
    await page.getByRole("button", { name: "Subscribe" }).click();
    await expect(page.locator("#field-address-error")).toContainText("starts with https:// or webcal://");
    await address.fill(`${feedBaseUrl}${feedPath(secret)}`);
    await page.getByRole("button", { name: "Subscribe" }).click();

    // The first import is reviewed like a file's: nothing changes before the confirm.
    await expect(page).toHaveURL(/\/calendar\/imports\/[^/]+$/);
    const review = page.url();
    await expect(page.getByRole("heading", { level: 1, name: "Review the import" })).toBeVisible();
    expect(await hoursOfWeek(page, lastWeek.day)).toEqual(["", "", ""]);
    await page.goto(review);
    await page.waitForLoadState("networkidle");
    await page.getByRole("button", { name: "Confirm import" }).click();
    await expect(page).toHaveURL(/\/calendar\?imported=/);
    await expect(page.getByRole("status").filter({ hasText: "1 week written, 0 touchpoints added or updated." })).toBeVisible();
    const feeds = page.getByRole("list", { name: "Your calendar feeds" });
    await expect(feeds.getByText(/^Refreshed every hour\. Last refreshed /)).toBeVisible();
    // Named by its host and the last 4 characters of its secret part.
    await expect(feeds.locator("p", { hasText: `…${secret.slice(-4)}` })).toHaveText(`${new URL(feedBaseUrl).host} …${secret.slice(-4)}`);
    expect(await page.content()).not.toContain(secret);
    await checkA11y(page);
    expect(await hoursOfWeek(page, lastWeek.day)).toEqual(["2", "0", "0"]);

    // The calendar grows: a refresh now fills the empty week and updates the feed's own.
    await serve([{ ...incident, end: hoursAt(lastWeek.at, 1, 12) }, { uid: "roadmap", start: hoursAt(twoWeeksAgo.at, 1, 9), end: hoursAt(twoWeeksAgo.at, 1, 12), title: "Roadmap planning" }]);
    await page.goto("/calendar");
    await page.waitForLoadState("networkidle");
    await page.getByRole("button", { name: /^Refresh now/ }).click();
    await expect(page.getByText("Refreshed: 2 weeks written, 0 touchpoints added.")).toBeVisible();
    expect(await hoursOfWeek(page, lastWeek.day)).toEqual(["3", "0", "0"]);
    expect(await hoursOfWeek(page, twoWeeksAgo.day)).toEqual(["0", "3", "0"]);

    // The feed breaks: the weeks stay, and the page says why, in words, without the address's secret.
    await writeFile(join(feedDir, `${secret}.status`), "404");
    await page.goto("/calendar");
    await page.waitForLoadState("networkidle");
    await page.getByRole("button", { name: /^Refresh now/ }).click();
    await expect(feeds.getByText(/^Last refresh failed .*there is no calendar at this address \(404\)/)).toBeVisible();
    expect(await page.content()).not.toContain(secret);
    await checkA11y(page);
    expect(await hoursOfWeek(page, lastWeek.day)).toEqual(["3", "0", "0"]);
    await rm(join(feedDir, `${secret}.status`));
  });

  test("reclassify one event of a series from the keyboard, for the whole series: a rule is added and the preview follows", async ({ leader: { page } }) => {
    const twoWeeksAgo = mondayBefore(2);
    const file = icsOf([
      // Weekly, twice: Monday two weeks ago and Monday last week.
      { uid: "team-sync", start: hoursAt(twoWeeksAgo.at, 0, 10), end: hoursAt(twoWeeksAgo.at, 0, 11), title: "Team sync", rrule: "FREQ=WEEKLY;COUNT=2" },
    ]);
    await page.goto("/calendar");
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Calendar file (.ics)").setInputFiles({ name: "sync.ics", mimeType: "text/calendar", buffer: Buffer.from(file) });
    await page.getByRole("button", { name: "Read the file" }).click();
    await expect(page).toHaveURL(/\/calendar\/imports\/[^/]+$/);
    // The page itself, not its skeleton: both weeks' disclosures are there before they are opened.
    const disclosures = page.getByText("The event behind these hours");
    await expect(disclosures).toHaveCount(2);
    await page.waitForLoadState("networkidle");
    for (const summary of await disclosures.all()) await summary.click();
    await expect(page.getByText("Other, 1 h")).toHaveCount(2);

    const change = page.getByRole("button", { name: /^Change category of Team sync/ }).first();
    await change.focus();
    await page.keyboard.press("Enter");
    await expect(change).toHaveAttribute("aria-expanded", "true");
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Counts as")).toBeFocused();
    await page.keyboard.press("s");
    await expect(page.getByLabel("Counts as")).toHaveValue("strategy");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "This event only" })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "All 2 events titled “Team sync”" })).toBeFocused();
    await checkA11y(page);
    await page.keyboard.press("Enter");

    await expect(page.getByText("Every event titled “Team sync” will count as Strategy: a rule was added first in your calendar rules.")).toBeVisible();
    await expect(page.getByText("Strategy, 1 h")).toHaveCount(2);
    await expect(page.getByText("Other, 1 h")).toHaveCount(0);
    await expect(change).toBeFocused();

    await page.goto("/calendar/rules");
    await expect(page.getByText("1. Titled “Team sync” → Strategy")).toBeVisible();
    await page.getByRole("link", { name: "Edit rule 1" }).click();
    await expect(page.getByLabel("It matches")).toHaveValue("title");
    await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Team sync");
  });

  test("opens a week's events from the keyboard and ignores one: it stays listed, uncounted, and comes back", async ({ leader: { page } }) => {
    const lastWeek = mondayBefore(1);
    await uploadFile(page, [
      { uid: "incident", start: hoursAt(lastWeek.at, 1, 9), end: hoursAt(lastWeek.at, 1, 11), title: "Incident review" },
      { uid: "lunch", start: hoursAt(lastWeek.at, 2, 12), end: hoursAt(lastWeek.at, 2, 13), title: "Team lunch" },
    ]);
    const week = weekCard(page, /No hours logged yet/);
    // Only the week's sums come with the page: its events load when it is opened.
    await expect(week.getByText("The 2 events behind these hours")).toBeVisible();
    await expect(page.getByText("Team lunch")).toHaveCount(0);
    await page.waitForLoadState("networkidle");
    await week.locator("summary").focus();
    await page.keyboard.press("Enter");
    await expect(week.getByText("Other, 1 h")).toBeVisible();

    await page.keyboard.press("Tab");
    await expect(week.getByRole("button", { name: /^Change category of Incident review/ })).toBeFocused();
    await page.keyboard.press("Tab");
    const change = week.getByRole("button", { name: /^Change category of Team lunch/ });
    await expect(change).toBeFocused();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    await page.keyboard.press("i");
    await expect(page.getByLabel("Counts as")).toHaveValue("ignore");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "This event only" })).toBeFocused();
    await page.keyboard.press("Enter");

    await expect(page.getByText("This event will count in no week.")).toBeVisible();
    // Out of the hours, still in the list, marked.
    await expect(week.getByText("Ignored (your choice): counts in no week")).toBeVisible();
    await expect(week.locator("summary")).toHaveText("The event behind these hours, and 1 ignored");
    await expect(week.getByRole("row", { name: /^Other/ })).toHaveText(/Other\s*0 h/);
    await expect(change).toBeFocused();
    await checkA11y(page);

    // And back, from the same list.
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    await page.keyboard.press("o");
    await expect(page.getByLabel("Counts as")).toHaveValue("other");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect(week.getByText("Other (your choice), 1 h")).toBeVisible();
    await expect(week.locator("summary")).toHaveText("The 2 events behind these hours");
    await expect(week.getByRole("row", { name: /^Other/ })).toHaveText(/Other\s*1 h/);
  });

  test("a file that is not a calendar is refused at the field; the rules can be edited", async ({ leader: { page } }) => {
    await page.goto("/calendar");
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Calendar file (.ics)").setInputFiles({ name: "notes.ics", mimeType: "text/calendar", buffer: Buffer.from("just some notes") });
    await page.getByRole("button", { name: "Read the file" }).click();
    await expect(page.locator("#field-file-error")).toContainText("not a calendar file");

    await page.getByRole("link", { name: "Edit the rules" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Calendar rules" })).toBeVisible();
    await expect(page.getByText("These are the starter rules.")).toBeVisible();
    await page.waitForLoadState("networkidle");
    await page.getByLabel("It matches").selectOption("organiser");
    await page.getByLabel("Email address or domain").fill("board.example");
    await page.getByLabel("Counts as").selectOption("strategy");
    await page.getByRole("button", { name: "Add rule" }).click();
    await expect(page.getByText("3. Organised by anyone at board.example → Strategy")).toBeVisible();
    await page.getByRole("button", { name: "Move up rule 3" }).click();
    await expect(page.getByText("2. Organised by anyone at board.example → Strategy")).toBeVisible();
    await checkA11y(page);
  });

  test("a file of 10 to 20 MB is read whole; one over 20 MB is refused at the field before it is sent", async ({ leader: { page } }, testInfo) => {
    await page.goto("/calendar");
    await page.waitForLoadState("networkidle");
    // 15 MB that are no calendar: the server reads all of it and says so (cut at 10 MB, the post would not parse).
    await page.getByLabel("Calendar file (.ics)").setInputFiles(bigFile(testInfo, "big.ics", 15));
    await page.getByRole("button", { name: "Read the file" }).click();
    await expect(page.locator("#field-file-error")).toContainText("not a calendar file", { timeout: 30_000 });
    await page.getByLabel("Calendar file (.ics)").setInputFiles(bigFile(testInfo, "huge.ics", 25));
    await expect(page.locator("#field-file-error")).toHaveText("That file is larger than 20 MB. Export a shorter period of your calendar.");
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("a week's events open through a plain link", async ({ leader: { page } }) => {
      const lastWeek = mondayBefore(1);
      await uploadFile(page, [
        { uid: "incident", start: hoursAt(lastWeek.at, 1, 9), end: hoursAt(lastWeek.at, 1, 11), title: "Incident review" },
        { uid: "lunch", start: hoursAt(lastWeek.at, 2, 12), end: hoursAt(lastWeek.at, 2, 13), title: "Team lunch" },
      ]);
      const week = weekCard(page, /No hours logged yet/);
      await week.getByText("The 2 events behind these hours").click();
      await week.getByRole("link", { name: "Show the events of this week" }).click();
      await expect(page).toHaveURL(new RegExp(`\\?week=${lastWeek.day}#week-${lastWeek.day}-title$`));
      // The same review, that week opened with its events.
      await expect(page.getByRole("button", { name: "Confirm import" })).toBeVisible();
      await expect(week.getByText("Incident review")).toBeVisible();
      await expect(week.getByText("Firefighting, 2 h")).toBeVisible();
      await expect(week.getByText("Other, 1 h")).toBeVisible();
    });

    test("a file over 20 MB posted whole gets the same words at the field, not Next's body-limit error", async ({ leader: { page } }, testInfo) => {
      await page.goto("/calendar");
      await page.getByLabel("Calendar file (.ics)").setInputFiles(bigFile(testInfo, "huge.ics", 25));
      await page.getByRole("button", { name: "Read the file" }).click();
      await expect(page).toHaveURL(/\/calendar\?upload=too-large$/);
      await expect(page.locator("#field-file-error")).toHaveText("That file is larger than 20 MB. Export a shorter period of your calendar.");
      await expect(page.getByLabel("Calendar file (.ics)")).toHaveAttribute("aria-invalid", "true");
    });
  });

  for (const [name, viewport] of [
    ["phone", { width: 390, height: 844 }],
    ["laptop", { width: 1280, height: 800 }],
  ] as const) {
    test(`looks right on a ${name}, light and dark`, async ({ leader: { page, email } }, testInfo) => {
      await page.setViewportSize(viewport);
      const lastWeek = mondayBefore(1);
      const file = icsOf([
        { uid: "incident", start: hoursAt(lastWeek.at, 1, 9), end: hoursAt(lastWeek.at, 1, 11), title: "Incident review: the checkout outage and what we tell customers" },
        { uid: "roadmap", start: hoursAt(lastWeek.at, 2, 9), end: hoursAt(lastWeek.at, 2, 12), title: 'Roadmap planning <img src=x onerror="window.__pwned=1">', attendees: [email, "a@x.example", "b@x.example"] },
      ]);
      await page.goto("/calendar");
      await page.waitForLoadState("networkidle");
      await page.getByLabel("Calendar file (.ics)").setInputFiles({ name: "work.ics", mimeType: "text/calendar", buffer: Buffer.from(file) });
      await page.getByRole("button", { name: "Read the file" }).click();
      await expect(page).toHaveURL(/\/calendar\/imports\/[^/]+$/);
      const preview = new URL(page.url()).pathname;
      for (const colorScheme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme });
        for (const path of ["/calendar", "/calendar/rules", preview]) {
          await page.goto(path);
          await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
          // The events behind the hours, opened: what the disclosure shows is checked too.
          const disclosure = page.locator("details summary").first();
          if (path === preview) {
            await page.waitForLoadState("networkidle");
            await disclosure.click();
            await expect(page.getByText('Roadmap planning <img src=x onerror="window.__pwned=1">')).toBeVisible();
          }
          await checkA11y(page);
          // An event's title is text, never markup.
          expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
          const shot = path === preview ? "preview" : path.replaceAll("/", "_");
          await page.screenshot({ path: testInfo.outputPath(`${shot}-${name}-${colorScheme}.png`), fullPage: true });
        }
      }
    });
  }
});
