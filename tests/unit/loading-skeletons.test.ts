// Every signed-in page shows a skeleton while it loads (a loading.tsx in its
// folder or above it), and no skeleton streams before a page's 404 or
// redirect is decided: a streamed response has already sent its status (200).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";

const APP = join(process.cwd(), "app", "(app)");

function pages(dir = APP): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return pages(path);
    return entry.name === "page.tsx" ? [path] : [];
  });
}

/** The page's folder and each folder above it, up to app/(app), nearest first. */
function foldersOf(page: string): string[] {
  const folders: string[] = [];
  for (let dir = dirname(page); dir.startsWith(APP); dir = dirname(dir)) folders.push(dir);
  return folders;
}

const route = (page: string) => `/${relative(APP, dirname(page)).split(sep).join("/")}`;
// accessEndedOrNotFound…: a mentee page's "ended your access" answer, else notFound() (app/(app)/mentees/access-ended.tsx).
const decides = (file: string) => existsSync(file) && /\b(notFound|redirect|accessEndedOrNotFound\w*)\(/.test(readFileSync(file, "utf8"));

const WITHOUT_SKELETON = new Set([
  // Only redirects, to the week's own page, which has one.
  "/weeks/current",
  // Only redirect, to the running quarter's story, which has one.
  "/story",
  "/mentees/[menteeId]/story",
]);

describe("loading skeletons", () => {
  it("finds the pages", () => {
    expect(pages().length).toBeGreaterThan(20);
  });

  it.each(pages().map((page) => [route(page), page]))("%s has a loading.tsx in its folder or above", (name, page) => {
    const covered = foldersOf(page).some((dir) => existsSync(join(dir, "loading.tsx")));
    expect(covered || WITHOUT_SKELETON.has(name)).toBe(true);
  });

  it.each(pages().map((page) => [route(page), page]))("%s: no skeleton streams before its 404 or redirect is decided", (_name, page) => {
    const folders = foldersOf(page);
    // Nearest first: a layout that decides shields the loading.tsx files at and below its folder.
    const pageDecides = decides(page);
    const deciders = folders.filter((dir) => decides(join(dir, "layout.tsx")));
    if (!pageDecides && deciders.length === 0) return;
    const highestDecider = deciders.at(-1);
    const boundaries = folders.filter((dir) => existsSync(join(dir, "loading.tsx")));
    for (const boundary of boundaries) {
      // A boundary is harmless only at or below the highest deciding layout, and only if that layout decides all the page does.
      const shielded = highestDecider !== undefined && boundary.startsWith(highestDecider);
      expect(shielded, `${relative(APP, join(boundary, "loading.tsx"))} streams before ${relative(APP, page)} decides its status`).toBe(true);
    }
  });
});
