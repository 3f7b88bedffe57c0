import type { Page, Response } from "@playwright/test";

/** The scripts `page` loads when it opens `path` (until the network is idle), by path, with their text. */
export async function scriptsLoadedBy(page: Page, path: string): Promise<Map<string, string>> {
  const scripts: Promise<[string, string]>[] = [];
  const collect = (response: Response) => {
    if (response.request().resourceType() === "script") scripts.push(response.text().then((text) => [new URL(response.url()).pathname, text]));
  };
  page.on("response", collect);
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  page.off("response", collect);
  return new Map(await Promise.all(scripts));
}
