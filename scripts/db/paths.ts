// Paths the tooling shares, anchored to the project root rather than the
// current directory so scripts and tests work from anywhere.
import { fileURLToPath } from "node:url";
import { join } from "node:path";

export const projectRoot = fileURLToPath(new URL("../../", import.meta.url));
export const schemaPath = join(projectRoot, "prisma", "schema.prisma");
export const migrationsDir = join(projectRoot, "prisma", "migrations");
/** Git-ignored; holds embedded PostgreSQL clusters and the dev auth secret. */
export const dataDir = join(projectRoot, ".data");
