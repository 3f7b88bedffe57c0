import { join } from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// The lint rule that keeps dependencies pointing app/ -> components/ -> lib/
// (eslint.config.mjs): each wrong-way import below fails `npm run lint`.
const eslint = new ESLint({ cwd: join(import.meta.dirname, "..", "..") });

async function restrictedImports(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? []).filter((message) => message.ruleId === "import/no-restricted-paths").map((message) => message.message);
}

describe("the import direction", () => {
  // The first lint loads the whole config (parsers, plugins, resolvers): seconds on a busy machine.
  beforeAll(() => restrictedImports("lib/example.ts", ""), 60_000);

  it.each([
    ["components/example.tsx", 'export { addTouchpointAction } from "@/app/(app)/touchpoints/actions";'],
    ["components/example.tsx", 'export { addTouchpointAction } from "../app/(app)/touchpoints/actions";'],
    ["lib/example.ts", 'export { cn } from "@/components/ui/cn";'],
    ["lib/mentoring/example.ts", 'export { saveWeekAction } from "@/app/(app)/weeks/actions";'],
    ["lib/shared/example.ts", 'export { db } from "@/lib/server/db";'],
    ["lib/config/example.ts", 'export { logger } from "@/lib/server/logger";'],
    ["scripts/example.ts", 'export * from "../tests/support/database";'],
  ])("refuses %s importing the wrong way: %s", async (filePath, source) => {
    expect(await restrictedImports(filePath, source)).toHaveLength(1);
  });

  it.each([
    ["app/example.tsx", 'export { Card } from "@/components/ui/card";'],
    ["components/example.tsx", 'export { formatDateOnly } from "@/lib/shared/dates";'],
    ["lib/example.ts", 'export { db } from "@/lib/server/db";'],
    ["tests/example.ts", 'export { startSmtpServer } from "../scripts/support/smtp";'],
  ])("lets %s import the right way: %s", async (filePath, source) => {
    expect(await restrictedImports(filePath, source)).toEqual([]);
  });
});
