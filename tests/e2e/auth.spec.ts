import { randomBytes } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { type Mailbox, SESSION_COOKIE, expect, test } from "./support/fixtures";

// A visitor with an address nobody has used yet; their account, if the test
// creates one by signing in, is deleted afterwards.
const visitorTest = test.extend<{ visitorEmail: string }>({
  visitorEmail: async ({ db }, provide) => {
    const email = `visitor-${randomBytes(6).toString("hex")}@wheelhouse.test`;
    await provide(email);
    await db.query(`DELETE FROM "User" WHERE email = $1`, [email]);
  },
});

/** Fills the sign-in form on the current /signin page and waits for "Check your email". */
async function requestLink(page: Page, email: string) {
  // The form validates on the client once hydrated.
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Work email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
}

/** The sign-in link from the newest unread email to `email`. */
async function signInLink(mailbox: Mailbox, email: string, baseURL: string): Promise<string> {
  const message = await mailbox.waitFor(email, { subject: /sign-in link/i });
  const links = mailbox.links(message).filter((link) => link.includes("/api/auth/callback/email"));
  expect(links).toHaveLength(1);
  // AUTH_URL decides the link's origin.
  expect(links[0]!.startsWith(`${baseURL}/`)).toBe(true);
  return links[0]!;
}

/** A context that is nobody yet: no cookies. */
async function freshPage(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL });
  return { context, page: await context.newPage() };
}

test.describe("signing in with an email link", () => {
  visitorTest("sign in, change settings, sign out, and the old session no longer works", async ({ page, mailbox, db, browser, baseURL, visitorEmail }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "Sign in to start" }).click();
    await expect(page).toHaveURL(/\/signin(\?|$)/);
    await requestLink(page, visitorEmail);

    await page.goto(await signInLink(mailbox, visitorEmail, baseURL!));
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
    await expect(page).toHaveURL(/\/settings$/);
    await expect(page.getByText(`Signed in as ${visitorEmail}`)).toBeVisible();
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Display name").fill("Ada Leader");
    await page.getByLabel("Time zone").fill("America/New_York");
    await page.getByLabel("First day of the week").selectOption({ label: "Sunday" });
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("Settings saved.")).toBeVisible();

    await page.reload();
    await expect(page.getByLabel("Display name")).toHaveValue("Ada Leader");
    await expect(page.getByLabel("Time zone")).toHaveValue("America/New_York");
    await expect(page.getByLabel("First day of the week")).toHaveValue("0");

    const session = (await page.context().cookies()).find((cookie) => cookie.name === SESSION_COOKIE);
    expect(session, "a database session cookie after sign-in").toBeDefined();
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(page).toHaveURL(`${baseURL}/`);
    await expect(page.getByRole("link", { name: "Sign in to start" })).toBeVisible();
    const { rowCount } = await db.query(`SELECT 1 FROM "Session" WHERE "sessionToken" = $1`, [session!.value]);
    expect(rowCount, "the session row is deleted at sign-out").toBe(0);

    // Someone who copied the cookie before sign-out gets nothing with it.
    const stolen = await freshPage(browser, baseURL!);
    await stolen.context.addCookies([session!]);
    await stolen.page.goto("/settings");
    await expect(stolen.page).toHaveURL(/\/signin(\?|$)/);
    await expect(stolen.page.getByText("Ada Leader")).toHaveCount(0);
    await stolen.context.close();
  });

  visitorTest("a sign-in link works only once", async ({ page, mailbox, browser, baseURL, visitorEmail }) => {
    await page.goto("/signin");
    await requestLink(page, visitorEmail);
    const link = await signInLink(mailbox, visitorEmail, baseURL!);
    await page.goto(link);
    await expect(page).toHaveURL(/\/dashboard$/);

    const other = await freshPage(browser, baseURL!);
    await other.page.goto(link);
    await expect(other.page).toHaveURL(/\/signin\/error\?error=Verification/);
    await expect(other.page.getByRole("heading", { level: 1, name: "We could not sign you in" })).toBeVisible();
    await expect(other.page.getByText("That sign-in link has expired or was already used.")).toBeVisible();
    await expect(other.page.getByRole("link", { name: "Get a new link" })).toHaveAttribute("href", "/signin");
    // And it signed nobody in there.
    await other.page.goto("/settings");
    await expect(other.page).toHaveURL(/\/signin\?callbackUrl=%2Fsettings$/);
    await other.context.close();
  });

  visitorTest("a signed-out visitor to /settings signs in and comes back to /settings", async ({ page, mailbox, baseURL, visitorEmail }) => {
    await page.goto("/settings");
    await expect(page).toHaveURL(`${baseURL}/signin?callbackUrl=%2Fsettings`);
    await requestLink(page, visitorEmail);
    await page.goto(await signInLink(mailbox, visitorEmail, baseURL!));
    await expect(page).toHaveURL(`${baseURL}/settings`);
    await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  });

  visitorTest("a foreign callbackUrl never sends anyone off the site", async ({ page, context, mailbox, baseURL, visitorEmail }) => {
    const offSite: string[] = [];
    await context.route((url) => url.hostname.endsWith("evil.example"), async (route) => {
      offSite.push(route.request().url());
      await route.abort();
    });
    const foreign = ["https://evil.example/x", "//evil.example", "/\\evil.example", "https:evil.example"];

    // The sign-in form only ever carries a path of ours.
    for (const callbackUrl of foreign) {
      await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      await expect(page.locator('input[name="callbackUrl"]')).toHaveValue("/dashboard");
    }

    await requestLink(page, visitorEmail);
    // A link whose callbackUrl was tampered with still lands on our own dashboard.
    const link = new URL(await signInLink(mailbox, visitorEmail, baseURL!));
    link.searchParams.set("callbackUrl", "https://evil.example/x");
    await page.goto(link.toString());
    await expect(page).toHaveURL(`${baseURL}/dashboard`);

    // Signed in, /signin sends on to the callbackUrl: still only to our own paths.
    for (const callbackUrl of foreign) {
      await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      await expect(page).toHaveURL(`${baseURL}/dashboard`);
    }
    expect(offSite).toEqual([]);
  });

  test("“Sign out of all devices” ends the sessions on other devices too", async ({ leader, page, mailbox, browser, baseURL, db }) => {
    // A second device signs in as the same leader, the real way.
    const laptop = await freshPage(browser, baseURL!);
    await laptop.page.goto("/signin");
    await requestLink(laptop.page, leader.email);
    await laptop.page.goto(await signInLink(mailbox, leader.email, baseURL!));
    await expect(laptop.page).toHaveURL(/\/dashboard$/);
    const sessions = await db.query(`SELECT 1 FROM "Session" WHERE "userId" = $1`, [leader.id]);
    expect(sessions.rowCount).toBe(2);

    await page.goto("/settings");
    await page.getByRole("button", { name: "Sign out of all devices" }).click();
    await expect(page).toHaveURL(/\/signin(\?|$)/);

    await laptop.page.goto("/settings");
    await expect(laptop.page).toHaveURL(/\/signin(\?|$)/);
    await page.goto("/settings");
    await expect(page).toHaveURL(/\/signin(\?|$)/);
    const left = await db.query(`SELECT 1 FROM "Session" WHERE "userId" = $1`, [leader.id]);
    expect(left.rowCount).toBe(0);
    await laptop.context.close();
  });
});

test.describe("settings refuse values outside the lists", () => {
  test.use({ leaderOptions: { name: "Sam Steady", timeZone: "Europe/Paris", weekStartsOn: 1 } });

  async function savedSettings(db: import("pg").Pool, id: string) {
    const { rows } = await db.query(`SELECT name, "timeZone", "weekStartsOn" FROM "User" WHERE id = $1`, [id]);
    return rows[0] as { name: string | null; timeZone: string | null; weekStartsOn: number };
  }

  test("an unknown time zone typed into the picker is refused at the field", async ({ leader, page, db }) => {
    await page.goto("/settings");
    await page.waitForLoadState("networkidle");
    // The picker suggests zones but takes any text: one that names no zone.
    await page.getByLabel("Time zone").fill("Mars/Olympus_Mons");
    await page.getByLabel("Display name").fill("Someone Else");
    await page.getByRole("button", { name: "Save settings" }).click();

    await expect(page.locator("#field-timeZone-error")).toHaveText("Choose a time zone from the list.");
    await expect(page.getByLabel("Time zone")).toBeFocused();
    await expect(page.getByRole("alert").filter({ hasText: "Please fix the field below." })).toBeVisible();
    expect(await savedSettings(db, leader.id)).toEqual({ name: "Sam Steady", timeZone: "Europe/Paris", weekStartsOn: 1 });
  });

  test("the server refuses an unknown time zone in the posted form", async ({ leader, page, db }) => {
    await page.goto("/settings");
    await page.waitForLoadState("networkidle");
    // Past the browser's own check: rewrite the time zone in the request itself.
    await page.route("**/settings", async (route) => {
      const body = route.request().postDataBuffer();
      if (route.request().method() !== "POST" || !body) return route.continue();
      const tampered = body.toString("latin1").replace(/(name="(?:_?\d+_)?timeZone"\r\n\r\n)[^\r\n]*/, "$1Mars/Olympus_Mons");
      expect(tampered, `the posted form:\n${body.toString("latin1")}`).toContain("Mars/Olympus_Mons");
      await route.continue({ postData: Buffer.from(tampered, "latin1") });
    });
    await page.getByLabel("Display name").fill("Someone Else");
    await page.getByLabel("Time zone").fill("Asia/Tokyo");
    await page.getByLabel("First day of the week").selectOption({ label: "Saturday" });
    await page.getByRole("button", { name: "Save settings" }).click();

    await expect(page.locator("#field-timeZone-error")).toHaveText("Choose a time zone from the list.");
    await expect(page.getByText("Settings saved.")).toHaveCount(0);
    expect(await savedSettings(db, leader.id)).toEqual({ name: "Sam Steady", timeZone: "Europe/Paris", weekStartsOn: 1 });
  });
});

test("the development outbox does not exist in the production build", async ({ request }) => {
  const response = await request.get("/dev/outbox");
  expect(response.status()).toBe(404);
  expect(await response.text()).not.toContain("Outbox");
});
