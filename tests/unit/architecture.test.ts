import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

// The layout of lib/ (docs/decisions/014-code-layout.md): which modules the
// browser, next.config.ts and proxy.ts may load, and which are server-only.
const root = join(import.meta.dirname, "..", "..");

function sourcesUnder(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => relative(root, join(root, folder, file)).replaceAll("\\", "/"))
    .filter((file) => !file.startsWith("lib/generated/"));
}

/** Modules that load outside React's server bundle too: pure helpers, settings, and the schemas the forms reuse. */
function isClientSafe(file: string): boolean {
  return file.startsWith("lib/shared/") || file.startsWith("lib/config/") || file.endsWith(".validation.ts");
}

function libImportsOf(source: string): string[] {
  return [...source.matchAll(/(?:from|import)\s*\(?\s*"@\/(lib\/[^"]+)"/g)].map((match) => `${match[1]}.ts`);
}

const libFiles = sourcesUnder("lib");

describe("lib/ layout", () => {
  it.each(libFiles.filter((file) => !isClientSafe(file)))("%s imports server-only", (file) => {
    expect(readFileSync(join(root, file), "utf8")).toMatch(/^import "server-only";$/m);
  });

  it.each(libFiles.filter(isClientSafe))("%s loads nothing server-only", (file) => {
    const source = readFileSync(join(root, file), "utf8");
    expect(source).not.toMatch(/"server-only"/);
    const serverImports = libImportsOf(source).filter((path) => !isClientSafe(path) && !path.startsWith("lib/generated/prisma/enums"));
    expect(serverImports).toEqual([]);
  });

  it("keeps no module at the top of lib/ but the domain pairs", () => {
    const topLevel = libFiles.filter((file) => !file.slice("lib/".length).includes("/"));
    for (const file of topLevel) expect(file).toMatch(/^lib\/(weeks|stakeholders|touchpoints|vision-notes|users|search)(\.validation)?\.ts$/);
  });
});
