import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isSignedInArea, SIGNED_IN_AREAS } from "@/lib/config/signed-in-areas";

const APP_GROUP = join(process.cwd(), "app", "(app)");

/** Whether a folder holds a page anywhere below it. */
function holdsPage(folder: string): boolean {
  return readdirSync(folder, { withFileTypes: true }).some((entry) =>
    entry.isDirectory() ? holdsPage(join(folder, entry.name)) : entry.name === "page.tsx",
  );
}

// A folder of a signed-in page left off the list would miss the early sign-in
// redirect and the `private, no-store` header (as /calendar and /story once did).
describe("signed-in areas", () => {
  const pageFolders = readdirSync(APP_GROUP, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && holdsPage(join(APP_GROUP, entry.name)))
    .map((entry) => `/${entry.name}`)
    .sort();

  it("are every folder of app/(app) that holds a page, and nothing else", () => {
    expect(pageFolders.length).toBeGreaterThan(5);
    expect([...SIGNED_IN_AREAS].sort()).toEqual(pageFolders);
  });

  it("cover the pages below an area, not a longer name beside it", () => {
    expect(isSignedInArea("/calendar")).toBe(true);
    expect(isSignedInArea("/calendar/imports/abc")).toBe(true);
    expect(isSignedInArea("/story/2026-Q4")).toBe(true);
    expect(isSignedInArea("/calendars")).toBe(false);
    expect(isSignedInArea("/shared/story/token")).toBe(false);
    expect(isSignedInArea("/")).toBe(false);
  });
});
