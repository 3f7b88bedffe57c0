import type { Page } from "@playwright/test";
import { checkA11y, expect, test } from "./support/fixtures";

// Each page in both colour schemes: the design tokens change with
// prefers-color-scheme, and contrast must hold in each.
const SCHEMES = ["light", "dark"] as const;

const LANDING_HEADING = "Spend less of your week firefighting and more of it on where the company is going.";

async function checkInBothSchemes(page: Page, path: string, heading: string) {
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await checkA11y(page);
  }
}

test.describe("accessibility (axe, WCAG 2.1 A/AA, light and dark)", () => {
  test("the landing page", async ({ page }) => {
    await checkInBothSchemes(page, "/", LANDING_HEADING);
  });

  test("the check-your-email page", async ({ page }) => {
    await checkInBothSchemes(page, "/signin/check-email", "Check your email");
  });

  test("the sign-in page, and its form showing an error", async ({ page }) => {
    await checkInBothSchemes(page, "/signin", "Sign in to Wheelhouse");
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Work email").fill("not-an-address");
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page.locator("#field-email-error")).toBeVisible();
    await checkA11y(page);
  });

  test("the dashboard", async ({ leader: { page } }) => {
    await checkInBothSchemes(page, "/dashboard", "Dashboard");
  });

  test("the settings, and their form showing an error", async ({ leader: { page } }) => {
    await checkInBothSchemes(page, "/settings", "Settings");
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Display name").fill("x".repeat(81));
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.locator("#field-name-error")).toBeVisible();
    await checkA11y(page);
  });

  test("the confirmation toast after a save", async ({ leader: { page } }) => {
    for (const colorScheme of SCHEMES) {
      await page.emulateMedia({ colorScheme });
      await page.goto("/settings");
      await page.waitForLoadState("networkidle");
      await page.getByLabel("Display name").fill(`Toast ${colorScheme}`);
      await page.getByRole("button", { name: "Save settings" }).click();
      await expect(page.getByText("Settings saved.")).toBeVisible();
      await checkA11y(page);
    }
  });

  test.describe("on a phone", () => {
    test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

    test("the landing page", async ({ page }) => {
      await checkInBothSchemes(page, "/", LANDING_HEADING);
    });

    test("the sign-in page", async ({ page }) => {
      await checkInBothSchemes(page, "/signin", "Sign in to Wheelhouse");
    });

    test("the dashboard and the navigation bar", async ({ leader: { page } }) => {
      await checkInBothSchemes(page, "/dashboard", "Dashboard");
      await page.getByRole("button", { name: "Menu" }).click();
      await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" })).toBeVisible();
      await checkA11y(page);
    });

    test("the settings", async ({ leader: { page } }) => {
      await checkInBothSchemes(page, "/settings", "Settings");
    });
  });
});
