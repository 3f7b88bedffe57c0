// What a person with a real browser sees. When a page fails, Next answers 500
// with an empty error document and the browser renders app/error.tsx from its
// payload, so only a browser running the page's JavaScript can show that the
// friendly page appears (and how fast).
import { chromium, type Browser } from "@playwright/test";
import { SESSION_COOKIE } from "../../lib/config/session-cookies";
import { chromiumLaunchOptions } from "../support/chromium";
import type { SimulatedUser } from "./seed";

export type BrowserCheck = { path: string; expected: string; seen: boolean; ms: number };

export function launchBrowser(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions);
}

/** Opens `path` as `user` and waits up to `timeoutMs` for `expected` to be visible. Never rejects: a failure is "not seen". */
export async function seeInBrowser(
  browser: Browser,
  baseUrl: string,
  user: SimulatedUser,
  path: string,
  expected: string,
  timeoutMs: number,
): Promise<BrowserCheck> {
  const started = Date.now();
  const context = await browser.newContext().catch(() => null);
  if (!context) return { path, expected, seen: false, ms: Date.now() - started };
  try {
    await context.addCookies([{ name: SESSION_COOKIE.plain, value: user.sessionToken, url: baseUrl, httpOnly: true, sameSite: "Lax" }]);
    const page = await context.newPage();
    const opened = Date.now();
    const seen = await page
      .goto(`${baseUrl}${path}`, { timeout: timeoutMs })
      .then(() => page.getByText(expected, { exact: true }).first().waitFor({ state: "visible", timeout: Math.max(1, timeoutMs - (Date.now() - opened)) }))
      .then(
        () => true,
        () => false,
      );
    return { path, expected, seen, ms: Date.now() - opened };
  } catch {
    return { path, expected, seen: false, ms: Date.now() - started };
  } finally {
    await context.close().catch(() => undefined);
  }
}
