import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { SESSION_COOKIE, checkA11y, expect, test } from "./support/fixtures";

// Trust: browser protections on real production responses, the sign-in rate
// limit, the security history, export, account deletion and the refusal of
// cross-origin server action posts.

const visitorTest = test.extend<{ visitorEmail: string }>({
  visitorEmail: async ({ db }, provide) => {
    const email = `visitor-${randomBytes(6).toString("hex")}@wheelhouse.test`;
    await provide(email);
    await db.query(`DELETE FROM "User" WHERE email = $1`, [email]);
  },
});

async function askForLink(page: Page, email: string) {
  await page.goto("/signin");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Work email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
}

test.describe("browser protections", () => {
  test("every page carries a nonce'd CSP and the other security headers; signed-in pages are never cached", async ({ leader, request }) => {
    const { page } = leader;
    for (const path of ["/", "/signin", "/settings"]) {
      const response = await (path === "/settings" ? page.goto(path) : request.get(path));
      expect(response, path).not.toBeNull();
      const headers = response!.headers();
      const csp = headers["content-security-policy"] ?? "";
      const scriptSrc = csp.split(";").find((directive) => directive.trim().startsWith("script-src")) ?? "";
      expect(scriptSrc, path).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
      expect(scriptSrc, path).not.toContain("unsafe-inline");
      expect(scriptSrc, path).not.toContain("unsafe-eval");
      for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) expect(csp, path).toContain(directive);
      expect(headers["strict-transport-security"], path).toMatch(/max-age=\d{7,}/);
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
      if (path === "/settings") {
        expect(headers["cache-control"]).toContain("no-store");
        // Next put the same nonce on its own scripts.
        const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1]!;
        expect(await page.locator(`script[nonce]`).count()).toBeGreaterThan(0);
        expect(await page.locator("script[nonce]").first().evaluate((script) => (script as HTMLScriptElement).nonce)).toBe(nonce);
      }
    }
  });

  test("GET /api/auth/signout only shows a page; the session survives it", async ({ leader, page, db }) => {
    const session = (await page.context().cookies()).find((cookie) => cookie.name === SESSION_COOKIE)!;
    const response = await page.goto("/api/auth/signout");
    expect(response!.status()).toBe(200);
    const { rowCount } = await db.query(`SELECT 1 FROM "Session" WHERE "sessionToken" = $1 AND "userId" = $2`, [session.value, leader.id]);
    expect(rowCount).toBe(1);
  });

  test("a server action posted without an Origin, or from another site, changes nothing", async ({ leader, page, db }) => {
    await page.goto("/settings");
    await page.waitForLoadState("networkidle");
    // Record what the real form sends, then replay it with the Origin removed or forged.
    const posted = page.waitForRequest((request) => request.method() === "POST" && Boolean(request.headers()["next-action"]));
    await page.getByLabel("Display name").fill("Saved by me");
    await page.getByRole("button", { name: "Save settings" }).click();
    const original = await posted;
    await expect(page.getByText("Settings saved.")).toBeVisible();
    const replay = async (origin: string | null, name: string) => {
      const headers = { ...(await original.allHeaders()) };
      delete headers.origin;
      delete headers["content-length"];
      if (origin) headers.origin = origin;
      const body = original.postDataBuffer()!.toString("latin1").replace("Saved by me", name);
      return page.request.post(original.url(), { headers, data: Buffer.from(body, "latin1"), maxRedirects: 0 });
    };

    const withoutOrigin = await replay(null, "Forged without origin");
    expect(await withoutOrigin.text()).toContain("This request did not come from Wheelhouse");
    await replay("https://evil.example", "Forged from elsewhere");

    const { rows } = await db.query<{ name: string }>(`SELECT name FROM "User" WHERE id = $1`, [leader.id]);
    expect(rows[0]!.name).toBe("Saved by me");
  });
});

test.describe("signing in, limited and recorded", () => {
  visitorTest("after 5 links for one address the 6th is refused with a clear message and no email", async ({ page, mailbox, visitorEmail }) => {
    for (let i = 0; i < 5; i++) {
      await askForLink(page, visitorEmail);
      await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
    }
    for (let i = 0; i < 5; i++) await mailbox.waitFor(visitorEmail, { subject: /sign-in link/i });

    await askForLink(page, visitorEmail);
    await expect(page.getByText(/Too many sign-in requests\. No email was sent; please try again in (1[0-5]|[1-9]) minutes\./)).toBeVisible();
    await expect(page).toHaveURL(/\/signin/);
    await expect(mailbox.waitFor(visitorEmail, { timeoutMs: 2_000 })).rejects.toThrow(/No email/);
  });

  visitorTest("a sign-in, a refused link and a sign-out show in the security history; the session cookie is HttpOnly and SameSite=Lax", async ({ page, mailbox, db, visitorEmail }) => {
    await askForLink(page, visitorEmail);
    const message = await mailbox.waitFor(visitorEmail, { subject: /sign-in link/i });
    const link = mailbox.links(message).find((href) => href.includes("/api/auth/callback/email"))!;
    await page.goto(link);
    await expect(page).toHaveURL(/\/dashboard$/);

    const session = (await page.context().cookies()).find((cookie) => cookie.name === SESSION_COOKIE)!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });

    // The same link again: used, refused.
    await page.goto(link);
    await expect(page).toHaveURL(/\/signin\/error\?error=Verification/);

    await page.goto("/settings");
    await page.getByRole("link", { name: "Security history" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Security history" })).toBeVisible();
    const history = page.getByRole("list");
    await expect(history.getByText("Sign-in link refused (expired or already used)")).toBeVisible();
    await expect(history.getByText("Signed in", { exact: true })).toBeVisible();
    await expect(history.getByText(/127\.0\.0\.1|::1/).first()).toBeVisible();

    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(page.getByRole("link", { name: "Sign in to start" })).toBeVisible();
    const { rows } = await db.query<{ action: string }>(
      `SELECT a.action FROM "AuditEvent" a JOIN "User" u ON u.id = a."userId" WHERE u.email = $1 ORDER BY a."createdAt"`,
      [visitorEmail],
    );
    expect(rows.map((row) => row.action)).toEqual(["sign_in", "sign_in_failed", "sign_out"]);
  });
});

test.describe("your data", () => {
  test("exports everything as JSON and spreadsheet-safe CSV, and the download shows in the history", async ({ leader, page, db }) => {
    await db.query(
      `INSERT INTO "Stakeholder" (id, "userId", name, department, "updatedAt") VALUES ($1, $2, $3, 'FINANCE', now())`,
      [`e2e_sh_${randomBytes(4).toString("hex")}`, leader.id, "=cmd|' /C calc'!A0"],
    );
    await page.goto("/settings/data");
    await expect(page.getByRole("heading", { level: 1, name: "Your data" })).toBeVisible();
    await checkA11y(page);

    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download everything (JSON)" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^wheelhouse-export-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(await streamToString(await download.createReadStream())) as { format: string; account: { email: string }; stakeholders: { name: string }[] };
    expect(data.format).toBe("wheelhouse-export");
    expect(data.account.email).toBe(leader.email);
    expect(data.stakeholders.map((row) => row.name)).toEqual(["=cmd|' /C calc'!A0"]);

    const csv = await page.request.get("/settings/data/export/stakeholders.csv");
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect(await csv.text()).toContain("'=cmd|' /C calc'!A0");
    expect((await page.request.get("/settings/data/export/passwords.csv")).status()).toBe(404);

    await page.goto("/settings/security");
    // Each download names its file.
    await expect(page.getByText("Downloaded export.json")).toBeVisible();
    await expect(page.getByText("Downloaded stakeholders.csv")).toBeVisible();
    await checkA11y(page);
  });

  test("deleting the account needs the email typed, then removes it, signs out and leaves an anonymous audit line", async ({ leader, page, db }) => {
    await page.goto("/settings/data");
    await page.waitForLoadState("networkidle");
    await page.getByLabel(`Type ${leader.email} to confirm`).fill("someone-else@wheelhouse.test");
    await page.getByRole("button", { name: "Delete my account" }).click();
    await expect(page.locator("#field-confirmEmail-error")).toContainText("not this account's email");
    expect((await db.query(`SELECT 1 FROM "User" WHERE id = $1`, [leader.id])).rowCount).toBe(1);

    const before = await db.query(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE action = 'account_deleted'`);
    await page.getByLabel(`Type ${leader.email} to confirm`).fill(leader.email);
    await page.getByRole("button", { name: "Delete my account" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("link", { name: "Sign in to start" })).toBeVisible();

    expect((await db.query(`SELECT 1 FROM "User" WHERE id = $1`, [leader.id])).rowCount).toBe(0);
    expect((await db.query(`SELECT 1 FROM "Session" WHERE "userId" = $1`, [leader.id])).rowCount).toBe(0);
    const after = await db.query(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE action = 'account_deleted' AND "userId" IS NULL`);
    expect(after.rows[0].n).toBeGreaterThan(before.rows[0].n);
    await page.goto("/settings");
    await expect(page).toHaveURL(/\/signin/);
  });
});

async function streamToString(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}
