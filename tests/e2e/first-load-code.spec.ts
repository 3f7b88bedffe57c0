// What a page's first load brings: a page whose fields have no schema of their own (the stakeholders' and the
// vision notes' filters) loads no zod, nor do this week's page and a vision note's, whose forms load their
// schemas on their first input (decision record 040); a form that takes its schema at once (a new
// stakeholder's) does. zod's classes keep their internals under `_zod`, a name no other code here uses.
import { randomUUID } from "node:crypto";
import type { Page, Response } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { scriptsLoadedBy } from "./support/scripts";

const bringsZod = (scripts: Iterable<string>) => [...scripts].some((script) => script.includes("._zod"));

test("the stakeholders and vision notes lists, this week's page and a note's load no zod; a new stakeholder's form does", async ({ leader: { page, id }, db }) => {
  const noteId = randomUUID();
  await db.query(`INSERT INTO "VisionNote" (id, "userId", title, body, horizon, "updatedAt") VALUES ($1, $2, 'Usage-based pricing', 'A bet.', 'ONE_YEAR', now())`, [noteId, id]);
  const loadsZod = async (path: string) => bringsZod((await scriptsLoadedBy(page, path)).values());
  expect(await loadsZod("/stakeholders"), "/stakeholders").toBe(false);
  expect(await loadsZod("/notes"), "/notes").toBe(false);
  expect(await loadsZod("/weeks/current"), "/weeks/current").toBe(false);
  expect(await loadsZod(`/notes/${noteId}`), "a note's page").toBe(false);
  expect(await loadsZod("/stakeholders/new"), "/stakeholders/new").toBe(true);
});

/** Resolves once a script with zod in it has arrived. */
function zodArrives(page: Page): Promise<unknown> {
  return page.waitForResponse(async (response: Response) => response.request().resourceType() === "script" && bringsZod([await response.text()]));
}

test("the week form loads its schema on the first input and then refuses a 169-hour week without a round trip", async ({ leader: { page } }) => {
  await page.goto("/weeks/current");
  // Typed into before hydration, the form would not know of it.
  await page.waitForLoadState("networkidle");
  const hours = (category: string) => page.getByRole("textbox", { name: `${category} hours` });
  const schemaLoaded = zodArrives(page);
  await hours("Firefighting").fill("100");
  await schemaLoaded;
  await hours("Strategy").fill("69");

  const sent: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") sent.push(request.url());
  });
  await page.getByRole("button", { name: "Save week" }).click();
  await expect(page.locator("#field-firefightingHours-error")).toHaveText("Firefighting and strategy hours add up to 169, but a week has 168. Lower one of them.");
  expect(sent, "the form was checked in the browser, not sent").toEqual([]);
});
