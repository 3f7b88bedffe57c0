// The signed-in shell: the phone layout (menu, touchpoint rows, the
// dashboard's first screens), every page at 360 px, and the keyboard
// (command menu, shortcuts, where they must not fire).
import type { Locator, Page } from "@playwright/test";
import { checkA11y, expect, test } from "./support/fixtures";
import { addressOf, seedLeader, signedInRoutes } from "./support/signed-in-pages";

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

const DESTINATIONS: [name: string, url: RegExp][] = [
  ["Dashboard", /\/dashboard$/],
  ["This week", /\/weeks\/\d{4}-\d\d-\d\d$/],
  ["Stakeholders", /\/stakeholders$/],
  ["Vision notes", /\/notes$/],
  ["Mentors", /\/mentors$/],
  ["Mentees", /\/mentees$/],
  ["Notifications", /\/notifications$/],
  ["Settings", /\/settings$/],
];

/** The page's widest overflow past the viewport, with the element that causes it, or null. */
async function sidewaysOverflow(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return null;
    const culprit = [...document.body.querySelectorAll("*")].find((element) => element.getBoundingClientRect().right > root.clientWidth + 0.5);
    return `${root.scrollWidth}px wide in ${root.clientWidth}px (first past the edge: <${culprit?.tagName.toLowerCase()} class="${culprit?.getAttribute("class") ?? ""}">)`;
  });
}

type AxNode = { role?: { value: string }; name?: { value: string }; properties?: { name: string; value: { value: unknown } }[] };

async function hydrated(page: Page) {
  await page.waitForLoadState("networkidle");
}

test("every signed-in page fits a 360 px screen without sideways scrolling", async ({ leader, createLeader, db }) => {
  test.setTimeout(240_000);
  const mentor = await createLeader();
  const rows = await seedLeader(db, leader.id, mentor.id);
  const routes = signedInRoutes();
  expect(
    routes.filter((route) => !addressOf(route, rows, leader.id)),
    "pages with no address in tests/e2e/support/signed-in-pages.ts",
  ).toEqual([]);

  const problems: string[] = [];
  for (const page of [leader.page, mentor.page]) await page.setViewportSize({ width: 360, height: 780 });
  for (const route of routes) {
    const { path, as } = addressOf(route, rows, leader.id)!;
    const page = as === "mentor" ? mentor.page : leader.page;
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(400);
    await expect(page.getByRole("heading", { level: 1 }).first(), path).toBeVisible();
    await page.waitForLoadState("load");
    const overflow = await sidewaysOverflow(page);
    if (overflow) problems.push(`${path}: ${overflow}`);
  }
  expect(problems).toEqual([]);
});

test.describe("on a phone", () => {
  test.use(PHONE);

  test("the menu reaches every destination, and the top bar never scrolls sideways", async ({ leader: { page } }) => {
    await page.goto("/dashboard");
    await hydrated(page);
    const header = page.getByRole("banner");
    expect(await header.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    // Only the Menu button and search in the bar: no destinations hidden off to the side.
    await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();

    const menuButton = page.getByRole("button", { name: "Menu", exact: true });
    for (const [name, url] of DESTINATIONS) {
      await menuButton.click();
      const nav = page.getByRole("navigation", { name: "Main" });
      await expect(nav.getByRole("link")).toHaveCount(DESTINATIONS.length);
      await nav.getByRole("link", { name, exact: true }).click();
      await expect(page).toHaveURL(url);
      // Chosen: the menu closes itself.
      await expect(nav).toBeHidden();
    }
    await menuButton.click();
    await expect(page.locator("#main-menu").getByRole("button", { name: "Sign out" })).toBeVisible();
    await checkA11y(page);
  });

  test("the menu by keyboard: Enter opens it, Tab walks it, Escape closes it and focus returns", async ({ leader: { page } }) => {
    await page.goto("/stakeholders");
    await hydrated(page);
    const menuButton = page.getByRole("button", { name: "Menu", exact: true });
    await menuButton.focus();
    await page.keyboard.press("Enter");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav).toBeVisible();
    // What a screen reader hears: the browser itself says the popover's button is expanded.
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send("Accessibility.getFullAXTree")) as { nodes: AxNode[] };
    const button = nodes.find((node) => node.role?.value === "button" && node.name?.value === "Menu");
    expect(button?.properties?.find((property) => property.name === "expanded")?.value.value).toBe(true);
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Close menu" })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(nav.getByRole("link", { name: "Dashboard" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(nav).toBeHidden();
    await expect(menuButton).toBeFocused();
  });

  test("the menu works without JavaScript", async ({ browser, leader, baseURL }) => {
    const context = await browser.newContext({ ...PHONE, baseURL, javaScriptEnabled: false });
    await context.addCookies(await leader.context.cookies());
    const page = await context.newPage();
    await page.goto("/dashboard");
    await page.getByRole("button", { name: "Menu", exact: true }).click();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Vision notes" }).click();
    await expect(page).toHaveURL(/\/notes$/);
    await expect(page.getByRole("heading", { level: 1, name: "Vision notes" })).toBeVisible();
    await context.close();
  });

  test("the dashboard shows its headline and its first chart within two screens", async ({ leader, createLeader, db }) => {
    const mentor = await createLeader();
    await seedLeader(db, leader.id, mentor.id);
    const { page } = leader;
    await page.goto("/dashboard");
    const screen = PHONE.viewport.height;
    const topOf = (locator: Locator) => locator.evaluate((element) => element.getBoundingClientRect().top + window.scrollY);
    expect(await topOf(page.getByRole("region", { name: "At a glance" }))).toBeLessThan(screen);
    const firstChart = page.getByRole("region", { name: "Where the hours went" }).locator("img").first();
    await expect(firstChart).toBeVisible();
    expect(await topOf(firstChart)).toBeLessThan(2 * screen);
  });

  test("a touchpoint row keeps its width for the words; edit and delete are in its menu", async ({ leader, createLeader, db }) => {
    const mentor = await createLeader();
    const rows = await seedLeader(db, leader.id, mentor.id);
    const { page } = leader;
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto(`/stakeholders/${rows.stakeholder}`);
    await hydrated(page);
    const history = page.getByRole("region", { name: "History" });
    const row = history.getByRole("article");
    const topic = row.getByRole("heading", { name: /Quarterly pipeline review/ });
    const [rowBox, topicBox] = [await row.boundingBox(), await topic.boundingBox()];
    // Only the menu button (40 px and a gap) beside the words.
    expect(topicBox!.width).toBeGreaterThanOrEqual(rowBox!.width - 48);
    await expect(row.getByRole("link", { name: /Edit/ })).toBeHidden();

    const menuButton = row.getByRole("button", { name: /Edit or delete: Quarterly pipeline review/ });
    await menuButton.click();
    await expect(row.getByRole("link", { name: /Edit/ })).toBeVisible();
    await expect(row.getByRole("button", { name: /Delete/ })).toBeVisible();
    expect(await sidewaysOverflow(page)).toBeNull();
    await checkA11y(page);
    await page.keyboard.press("Escape");
    await expect(row.getByRole("link", { name: /Edit/ })).toBeHidden();
    await expect(menuButton).toBeFocused();

    await menuButton.click();
    await row.getByRole("link", { name: /Edit/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Edit touchpoint" })).toBeVisible();
  });
});
