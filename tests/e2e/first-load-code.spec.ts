// What a page's first load brings: a page whose fields have no schema of their own (the stakeholders' and the
// vision notes' filters) loads no zod; a page with a validated form (this week's) does. zod's classes keep
// their internals under `_zod`, a name no other code here uses.
import { expect, test } from "./support/fixtures";
import { scriptsLoadedBy } from "./support/scripts";

test("the stakeholders and vision notes lists load no zod; this week's page, with its validated forms, does", async ({ leader: { page } }) => {
  const loadsZod = async (path: string) => [...(await scriptsLoadedBy(page, path)).values()].some((script) => script.includes("._zod"));
  expect(await loadsZod("/stakeholders"), "/stakeholders").toBe(false);
  expect(await loadsZod("/notes"), "/notes").toBe(false);
  expect(await loadsZod("/weeks/current"), "/weeks/current").toBe(true);
});
