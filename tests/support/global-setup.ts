import type { TestProject } from "vitest/node";
import { prepareTestDatabase } from "./database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const database = await prepareTestDatabase("wheelhouse_test_integration");
  // Workers read it in integration-setup.ts, before any test imports lib/server/db.ts.
  project.provide("databaseUrl", database.url);
  return database.stop;
}
