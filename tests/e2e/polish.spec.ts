// Issue 13, point 7: the small things a new user runs into.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import type pg from "pg";
import { expect, test } from "./support/fixtures";

/** Sonner's toast with this text. */
const toast = (page: Page, text: string | RegExp) => page.locator("[data-sonner-toast]").filter({ hasText: text });

/** One of everything a leader keeps, written straight to the database, and a mentor's comments on the week and the note; answers their ids. */
async function seedLeader(db: pg.Pool, userId: string, mentorId: string) {
  const ids = { week: randomUUID(), stakeholder: randomUUID(), touchpoint: randomUUID(), note: randomUUID() };
  const { rows } = await db.query<{ startsOn: string }>(
    `INSERT INTO "Week" (id, "userId", "startsOn", "firefightingMinutes", "strategyMinutes", "otherMinutes", "updatedAt")
     VALUES ($1, $2, date_trunc('week', now())::date - 7, 600, 300, 300, now()) RETURNING to_char("startsOn", 'YYYY-MM-DD') AS "startsOn"`,
    [ids.week, userId],
  );
  await db.query(`INSERT INTO "Stakeholder" (id, "userId", name, department, "cadenceDays", "updatedAt") VALUES ($1, $2, 'Jane Doe', 'SALES', 14, now())`, [
    ids.stakeholder,
    userId,
  ]);
  await db.query(
    `INSERT INTO "Touchpoint" (id, "userId", "stakeholderId", department, "occurredOn", channel, topic, "updatedAt")
     VALUES ($1, $2, $3, 'SALES', '2026-12-03', 'CALL', 'Pipeline review', now())`,
    [ids.touchpoint, userId, ids.stakeholder],
  );
  await db.query(`INSERT INTO "VisionNote" (id, "userId", title, body, horizon, "updatedAt") VALUES ($1, $2, 'Usage-based pricing', 'A bet.', 'ONE_YEAR', now())`, [
    ids.note,
    userId,
  ]);
  await db.query(
    `INSERT INTO "Mentorship" (id, "menteeId", "mentorId", "inviteEmail", status, "acceptedAt", "shareReflections", "shareStakeholders", "shareNotes", "updatedAt")
     VALUES ($1, $2, $3, 'mentor@wheelhouse.test', 'ACCEPTED', now(), true, true, true, now())`,
    [randomUUID(), userId, mentorId],
  );
  for (const where of [{ weekId: ids.week }, { noteId: ids.note }]) {
    await db.query(`INSERT INTO "ReviewComment" (id, "menteeId", "authorId", "weekId", "noteId", body, "updatedAt") VALUES ($1, $2, $3, $4, $5, 'Good.', now())`, [
      randomUUID(),
      userId,
      mentorId,
      where.weekId ?? null,
      where.noteId ?? null,
    ]);
  }
  return { ...ids, weekStartsOn: rows[0]!.startsOn };
}

/**
 * Primary buttons (the accent fill) that share a page section: the outermost
 * section, article, aside or region around them (a card and the cards inside
 * it are one section), else the page.
 */
async function crowdedPrimaries(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const sections = new Map<Element, string[]>();
    for (const element of document.querySelectorAll("a.bg-accent, button.bg-accent")) {
      if (!(element instanceof HTMLElement) || !element.checkVisibility()) continue;
      const sectionAround = (node: Element) => node.parentElement?.closest("section, article, aside, dialog, [role=region]") ?? null;
      let section: Element = document.body;
      for (let around = sectionAround(element); around; around = sectionAround(around)) section = around;
      sections.set(section, [...(sections.get(section) ?? []), element.textContent?.trim() ?? ""]);
    }
    return [...sections.values()].filter((labels) => labels.length > 1).map((labels) => labels.join(" + "));
  });
}

test.describe("small things that add up", () => {
  test("creating a stakeholder, a touchpoint and a vision note each confirms with a toast", async ({ leader: { page } }) => {
    await page.goto("/stakeholders/new");
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Name").fill("Jane Doe");
    await page.getByLabel("Department").selectOption({ label: "Sales" });
    await page.getByRole("button", { name: "Add stakeholder" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Jane Doe" })).toBeVisible();
    await expect(toast(page, "Jane Doe added.")).toBeVisible();
    // Saving an edit says so too, and comes back to their page.
    await page.getByRole("link", { name: "Edit", exact: true }).click();
    await page.getByLabel("Role or title").fill("VP Sales");
    await page.getByRole("button", { name: "Save stakeholder" }).click();
    await expect(toast(page, "Jane Doe saved.")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "Jane Doe" })).toBeVisible();
    await expect(page.getByText("VP Sales · Sales")).toBeVisible();

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

  test("the landing page says that signing in creates an account", async ({ browser, baseURL }) => {
    const visitor = await browser.newContext({ baseURL });
    const page = await visitor.newPage();
    await page.goto("/");
    await expect(page.getByText("Signing in with your email creates your account")).toBeVisible();
    await page.getByRole("link", { name: "Sign in to start" }).click();
    await expect(page.getByText("The same link creates your account.")).toBeVisible();
    await visitor.close();
  });

  test("an invitation's sign-in form comes filled in with the invited address", async ({ browser, baseURL, db, leader }) => {
    const token = randomBytes(32).toString("base64url");
    const inviteEmail = `mentor-${randomBytes(4).toString("hex")}@wheelhouse.test`;
    await db.query(
      `INSERT INTO "Mentorship" (id, "menteeId", "inviteEmail", status, "inviteTokenHash", "inviteExpiresAt", "updatedAt")
       VALUES ($1, $2, $3, 'PENDING', $4, now() + interval '7 days', now())`,
      [randomUUID(), leader.id, inviteEmail, createHash("sha256").update(token).digest("hex")],
    );
    const visitor = await browser.newContext({ baseURL });
    const page = await visitor.newPage();
    await page.goto(`/invitations/${token}`);
    await page.getByRole("link", { name: "Sign in to accept" }).click();
    await expect(page.getByLabel("Work email")).toHaveValue(inviteEmail);
    // Any other destination starts empty.
    await page.goto("/signin");
    await expect(page.getByLabel("Work email")).toHaveValue("");
    await visitor.close();
  });

  test("Delete buttons say what they delete", async ({ leader: { page, id }, db, createLeader }) => {
    const ids = await seedLeader(db, id, (await createLeader()).id);
    await page.goto(`/stakeholders/${ids.stakeholder}`);
    await expect(page.getByRole("button", { name: "Delete stakeholder Jane Doe", exact: true })).toBeVisible();
    const history = page.getByRole("region", { name: "History" });
    // A touchpoint's Edit and Delete sit in its row menu.
    await history.getByRole("button", { name: /^Edit or delete: / }).first().click();
    await expect(history.getByRole("button", { name: "Delete touchpoint with Jane Doe on 3 Dec 2026", exact: true })).toBeVisible();
    await page.goto(`/notes/${ids.note}`);
    await expect(page.getByRole("button", { name: "Delete vision note “Usage-based pricing”", exact: true })).toBeVisible();
  });

  test("a page that is not there has one <main>, inside the app and outside it", async ({ leader: { page }, browser, baseURL }) => {
    await page.goto("/stakeholders/no-such-stakeholder");
    await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
    await expect(page.locator("main")).toHaveCount(1);
    await page.goto("/no-such-page");
    await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
    await expect(page.locator("main")).toHaveCount(1);

    const visitor = await browser.newContext({ baseURL });
    const signedOut = await visitor.newPage();
    await signedOut.goto("/no-such-page");
    await expect(signedOut.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
    await expect(signedOut.locator("main")).toHaveCount(1);
    await visitor.close();
  });

  test("the security history names each downloaded file and groups repeats", async ({ leader: { page } }) => {
    for (let i = 0; i < 3; i++) expect((await page.request.get("/settings/data/export/touchpoints.csv")).ok()).toBe(true);
    expect((await page.request.get("/settings/data/export/weeks.csv")).ok()).toBe(true);
    await page.goto("/settings/security");
    const history = page.getByRole("list").filter({ hasText: "Downloaded" });
    await expect(history.getByRole("listitem")).toHaveCount(2);
    await expect(history.getByRole("listitem").nth(0)).toContainText("Downloaded weeks.csv");
    await expect(history.getByRole("listitem").nth(1)).toContainText(/Downloaded touchpoints\.csv 3 times.*first at .*last at /);
  });

  test("every page has at most one primary button per section", async ({ leader: { page, id }, db, createLeader, browser, baseURL }) => {
    test.setTimeout(180_000);
    // A new user's empty pages first, then the same pages with something in them.
    const newcomer = await createLeader();
    for (const path of ["/dashboard", "/stakeholders", "/notes", "/weeks/current"]) {
      await newcomer.page.goto(path);
      expect(await crowdedPrimaries(newcomer.page), path).toEqual([]);
    }
    const mentor = await createLeader();
    const ids = await seedLeader(db, id, mentor.id);
    const pages = [
      "/",
      "/dashboard",
      "/dashboard/goals",
      "/weeks/current",
      "/stakeholders",
      "/stakeholders/new",
      `/stakeholders/${ids.stakeholder}`,
      `/stakeholders/${ids.stakeholder}/edit`,
      `/touchpoints/${ids.touchpoint}/edit`,
      "/notes",
      "/notes/new",
      `/notes/${ids.note}`,
      `/notes/${ids.note}/edit`,
      "/mentors",
      "/mentees",
      "/notifications",
      "/settings",
      "/settings/data",
      "/settings/security",
      `/weeks/${ids.weekStartsOn}`,
    ];
    for (const path of pages) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      expect(await crowdedPrimaries(page), path).toEqual([]);
    }
    // And the mentor's pages of the same leader.
    for (const path of ["/mentees", `/mentees/${id}`, `/mentees/${id}/weeks/${ids.weekStartsOn}`, `/mentees/${id}/notes/${ids.note}`, `/mentees/${id}/stakeholders`]) {
      await mentor.page.goto(path);
      await mentor.page.waitForLoadState("networkidle");
      expect(await crowdedPrimaries(mentor.page), path).toEqual([]);
    }
    const visitor = await browser.newContext({ baseURL });
    const signedOut = await visitor.newPage();
    for (const path of ["/", "/signin"]) {
      await signedOut.goto(path);
      expect(await crowdedPrimaries(signedOut), path).toEqual([]);
    }
    await visitor.close();
  });
});
