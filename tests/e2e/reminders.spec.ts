import { request as playwrightRequest } from "@playwright/test";
import { checkA11y, expect, test } from "./support/fixtures";

// The weekly "log your week" reminder, end to end: chosen in Settings in the
// leader's own zone (Kathmandu, UTC+5:45: neither UTC nor the server's), sent
// by the app's scheduler through the loopback SMTP server at that minute,
// opened, and stopped with the one-click POST a mail client makes, no cookie.
const ZONE = "Asia/Kathmandu";

/** The weekday (0 = Sunday) and "HH:MM" of an instant on the leader's clock. */
function localDayAndTime(instant: Date): { day: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone: ZONE, weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return { day: String(["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(parts.weekday!)), time: `${parts.hour}:${parts.minute}` };
}

test.describe("the weekly reminder", () => {
  test.use({ leaderOptions: { name: "Rita Reminded", timeZone: ZONE } });

  test("set in Settings for the next minute, arrives once with the week's link, and one click with no cookie unsubscribes", async ({ leader, page, mailbox, db }) => {
    test.setTimeout(180_000);
    await page.goto("/settings");
    const notifications = page.getByRole("region", { name: "Notifications" });
    await expect(notifications.getByRole("checkbox", { name: "“Log your week” reminder" })).toBeChecked();
    await expect(notifications.getByText(`In your time zone, ${ZONE}.`)).toBeVisible();
    await checkA11y(page, { include: "#notifications" });

    // At least half a minute ahead, so the save lands before it.
    const { day, time } = localDayAndTime(new Date(Date.now() + 90_000));
    await notifications.getByLabel("Weekly emails on").selectOption(day);
    await notifications.getByLabel("At").fill(time);
    await notifications.getByRole("button", { name: "Save email settings" }).click();
    await expect(page.getByText("Email settings saved.").last()).toBeVisible();

    const reminder = await mailbox.waitFor(leader.email, { subject: /^Log your week: /, timeoutMs: 120_000 });
    expect(reminder.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    const unsubscribeUrl = /^<(.+)>$/.exec(reminder.headers["list-unsubscribe"] ?? "")?.[1];
    expect(unsubscribeUrl).toMatch(/\/api\/unsubscribe\//);
    const weekLink = mailbox.links(reminder).find((link) => /\/weeks\/\d{4}-\d{2}-\d{2}$/.test(link));
    expect(weekLink).toBeDefined();

    // "Log it now" opens the week.
    await page.goto(weekLink!);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(/week/i);

    // Opening the link asks first, and changes nothing.
    await page.goto(unsubscribeUrl!);
    await expect(page.getByRole("heading", { name: "Unsubscribe?" })).toBeVisible();
    await expect(page.getByText(`Stop “Log your week” reminders to ${leader.email}?`)).toBeVisible();
    await checkA11y(page);
    expect((await db.query(`SELECT "emailWeekReminder" FROM "User" WHERE id = $1`, [leader.id])).rows[0]).toEqual({ emailWeekReminder: true });

    // The mail client's one-click unsubscribe: a POST with no cookie and no Origin of ours.
    const mailClient = await playwrightRequest.newContext();
    const answer = await mailClient.post(unsubscribeUrl!, { form: { "List-Unsubscribe": "One-Click" }, maxRedirects: 0 });
    expect(answer.status()).toBe(200);
    await mailClient.dispose();
    const { rows } = await db.query(`SELECT "emailWeekReminder", "emailCommentDigest" FROM "User" WHERE id = $1`, [leader.id]);
    expect(rows[0]).toEqual({ emailWeekReminder: false, emailCommentDigest: true });

    // The page now says so.
    await page.reload();
    await expect(page.getByRole("heading", { name: "You are unsubscribed" })).toBeVisible();
    await page.goto("/settings");
    await expect(page.getByRole("region", { name: "Notifications" }).getByRole("checkbox", { name: "“Log your week” reminder" })).not.toBeChecked();

    // Exactly one reminder: a few more ticks send nothing else.
    await page.waitForTimeout(5_000);
    await expect(mailbox.waitFor(leader.email, { subject: /^Log your week: /, timeoutMs: 1_000 })).rejects.toThrow(/No email/);
  });

  test("a forged unsubscribe link is refused, signed out, and changes nothing", async ({ leader, page, db }) => {
    await page.context().clearCookies();
    await page.goto("/unsubscribe/u1.forged.comment-digest.zzzzzz.c2lnbmF0dXJl");
    await expect(page.getByRole("heading", { name: "This unsubscribe link does not work" })).toBeVisible();
    await checkA11y(page);
    const { rows } = await db.query(`SELECT "emailCommentDigest" FROM "User" WHERE id = $1`, [leader.id]);
    expect(rows[0]).toEqual({ emailCommentDigest: true });
  });
});
