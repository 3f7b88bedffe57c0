// The signed-in shell: the phone layout (menu, touchpoint rows, the
// dashboard's first screens), every page at 360 px, and the keyboard
// (command menu, shortcuts, where they must not fire).
import type { Locator, Page } from "@playwright/test";
import { checkA11y, expect, hydrated, test } from "./support/fixtures";
import { addressOf, seedLeader, signedInRoutes } from "./support/signed-in-pages";

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

const DESTINATIONS: [name: string, url: RegExp][] = [
  ["Dashboard", /\/dashboard$/],
  ["This week", /\/weeks\/\d{4}-\d\d-\d\d$/],
  ["Story", /\/story\/\d{4}-Q[1-4]$/],
  ["Stakeholders", /\/stakeholders$/],
  ["Vision notes", /\/notes$/],
  ["Calendar", /\/calendar$/],
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

const commandMenu = (page: Page) => page.getByRole("dialog", { name: "Command menu" });
const shortcutsList = (page: Page) => page.getByRole("dialog", { name: "Keyboard shortcuts" });

async function focusStaysIn(page: Page, dialog: Locator, presses: number) {
  for (let press = 0; press < presses; press += 1) {
    await page.keyboard.press("Tab");
    expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
  }
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
    // The page itself, not its skeleton.
    await expect(page.locator("[data-skeleton]"), path).toHaveCount(0);
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

test.describe("the keyboard", () => {
  test("Ctrl-K opens the command menu, which jumps to logging this week; Escape closes it and focus returns", async ({ leader: { page } }) => {
    await page.goto("/stakeholders");
    await hydrated(page);
    const sidebarLink = page.getByRole("link", { name: "Stakeholders", exact: true });
    await sidebarLink.focus();
    await page.keyboard.press("Control+k");
    const menu = commandMenu(page);
    await expect(menu).toBeVisible();
    const input = menu.getByRole("combobox", { name: "Search or jump to" });
    await expect(input).toBeFocused();
    await expect(menu.getByRole("option", { name: "Log this week" })).toHaveAttribute("aria-selected", "true");
    await focusStaysIn(page, menu, 3);
    await page.keyboard.press("Escape");
    await expect(menu).toBeHidden();
    await expect(sidebarLink).toBeFocused();

    await page.keyboard.press("Meta+k");
    await expect(menu).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/weeks\/\d{4}-\d\d-\d\d$/);
    await expect(menu).toBeHidden();
  });

  test("n opens the menu: a new note, and a touchpoint typed where touchpoints are added", async ({ leader: { page } }) => {
    await page.goto("/dashboard");
    await hydrated(page);
    await page.keyboard.press("n");
    const menu = commandMenu(page);
    await menu.getByRole("combobox").fill("note");
    await expect(menu.getByRole("option")).toHaveText(["Write a vision note", "Go to Vision notes", "Search for “note”"]);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/notes\/new$/);

    await hydrated(page);
    await page.keyboard.press("n");
    await menu.getByRole("combobox").fill("touch");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowUp");
    await expect(menu.getByRole("option", { name: "Add a touchpoint" })).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/weeks\/\d{4}-\d\d-\d\d#log-touchpoint$/);
    const quickAdd = page.getByRole("form", { name: "Log a touchpoint" });
    await expect(quickAdd.getByLabel("Date")).toBeFocused();
  });

  test("on a stakeholder's page, Add a touchpoint types into that page's form", async ({ leader, createLeader, db }) => {
    const mentor = await createLeader();
    const rows = await seedLeader(db, leader.id, mentor.id);
    const { page } = leader;
    await page.goto(`/stakeholders/${rows.stakeholder}`);
    await hydrated(page);
    await page.keyboard.press("Control+k");
    await commandMenu(page).getByRole("option", { name: "Add a touchpoint" }).click();
    await expect(page).toHaveURL(new RegExp(`/stakeholders/${rows.stakeholder}$`));
    await expect(page.getByRole("form", { name: "Log a touchpoint" }).getByLabel("Date")).toBeFocused();
  });

  test("the Ctrl K hint shows only when the shortcut works: not without JavaScript", async ({ leader, browser, baseURL }) => {
    const hint = (page: Page) => page.getByRole("link", { name: /Search or jump to/ }).getByText("Ctrl K");
    await leader.page.goto("/dashboard");
    await hydrated(leader.page);
    await expect(hint(leader.page)).toBeVisible();

    const noScript = await browser.newContext({ baseURL, javaScriptEnabled: false });
    await noScript.addCookies(await leader.context.cookies());
    const page = await noScript.newPage();
    await page.goto("/dashboard");
    await expect(page.getByRole("link", { name: /Search or jump to/ })).toBeVisible();
    await expect(hint(page)).toBeHidden();
    await noScript.close();
  });

  test("/ and the Search link open the menu's search, which goes to /search", async ({ leader: { page } }) => {
    await page.goto("/dashboard");
    await hydrated(page);
    await page.getByRole("link", { name: /Search or jump to/ }).click();
    const menu = commandMenu(page);
    await expect(menu).toBeVisible();
    await page.keyboard.press("Escape");
    await page.keyboard.press("/");
    await page.keyboard.type("board pre-read");
    await expect(menu.getByRole("option")).toHaveText(["Search for “board pre-read”"]);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/search\?q=board(\+|%20)pre-read$/);
    await expect(page.getByRole("heading", { level: 1, name: "Search" })).toBeVisible();
  });

  test("? lists the shortcuts in an accessible dialog, light and dark", async ({ leader: { page } }) => {
    await page.goto("/dashboard");
    await hydrated(page);
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await page.keyboard.press("?");
      const list = shortcutsList(page);
      await expect(list).toBeVisible();
      await expect(list.getByText("Open the command menu", { exact: false }).first()).toBeVisible();
      await expect(list.getByRole("button", { name: "Close" })).toBeFocused();
      await focusStaysIn(page, list, 2);
      await checkA11y(page);
      await page.keyboard.press("Escape");
      await expect(list).toBeHidden();
      await page.keyboard.press("Control+k");
      await expect(commandMenu(page)).toBeVisible();
      await checkA11y(page);
      await page.keyboard.press("Escape");
    }
  });

  test("single keys never fire while typing in a field, nor with Ctrl, ⌘ or Alt", async ({ leader: { page } }) => {
    await page.goto("/stakeholders/new");
    await hydrated(page);
    const anyDialog = page.getByRole("dialog");
    const name = page.getByLabel("Name");
    await name.click();
    await page.keyboard.type("n?/");
    await expect(name).toHaveValue("n?/");
    const notes = page.getByLabel("Notes");
    await notes.click();
    await page.keyboard.type("n?/");
    await expect(notes).toHaveValue("n?/");
    await page.getByLabel("Department").focus();
    await page.keyboard.press("n");
    await page.keyboard.press("?");
    await page.evaluate(() => {
      const editable = document.createElement("div");
      editable.contentEditable = "true";
      editable.setAttribute("aria-label", "Editable");
      document.querySelector("main")!.append(editable);
    });
    const editable = page.getByLabel("Editable");
    await editable.click();
    await page.keyboard.type("n?/");
    await expect(editable).toHaveText("n?/");
    await expect(anyDialog).toHaveCount(0);

    await page.locator("main h1").click();
    for (const chord of ["Alt+n", "Control+/", "Meta+/", "Alt+Shift+?"]) await page.keyboard.press(chord);
    await expect(anyDialog).toHaveCount(0);
    // Outside a field the same key works.
    await page.keyboard.press("n");
    await expect(commandMenu(page)).toBeVisible();
  });
});

test("a slow page shows its skeleton at once, in the page's own column", async ({ leader: { page } }) => {
  // The link's prefetch brings the page's loading state; the click shows it without asking the server.
  const prefetched = page.waitForResponse((response) => {
    const headers = response.request().headers();
    return new URL(response.url()).pathname === "/stakeholders" && headers["next-router-prefetch"] === "1" && !headers["next-router-segment-prefetch"];
  });
  await page.goto("/dashboard");
  await hydrated(page);
  await prefetched;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  // Hold the navigation's own request (not the prefetch of its loading state) until the skeleton was seen.
  await page.route(
    (url) => url.pathname === "/stakeholders",
    async (route) => {
      const headers = route.request().headers();
      if (headers["rsc"] === "1" && !headers["next-router-prefetch"] && !headers["next-router-segment-prefetch"]) await released;
      await route.continue();
    },
  );
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Stakeholders" }).click();
  const skeleton = page.locator("[data-skeleton]");
  await expect(skeleton.getByRole("status")).toHaveText("Loading stakeholders…");
  const skeletonBox = await skeleton.boundingBox();
  release();
  const heading = page.getByRole("heading", { level: 1, name: "Stakeholders" });
  await expect(heading).toBeVisible();
  await expect(skeleton).toHaveCount(0);
  const column = await heading.evaluate((element) => {
    const box = element.closest(".mx-auto")!.getBoundingClientRect();
    return { x: box.x, width: box.width, top: box.top };
  });
  expect(column).toEqual({ x: skeletonBox!.x, width: skeletonBox!.width, top: skeletonBox!.y });
});
