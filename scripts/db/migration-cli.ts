// npm run db:migration -- <name>: writes the next migration from schema.prisma.
import { relative } from "node:path";
import { createMigration } from "./migrations";
import { migrationsDir, projectRoot } from "./paths";

const name = process.argv.slice(2).join(" ");
if (name.trim() === "") {
  console.error("Usage: npm run db:migration -- <name>   (e.g. add_user_goals)");
  process.exit(1);
}

try {
  const folder = await createMigration(name);
  if (folder === null) {
    console.log("No schema changes: prisma/schema.prisma matches the latest migration.");
  } else {
    console.log(`Created ${relative(projectRoot, migrationsDir)}/${folder}/migration.sql; review it, then run npm run db:migrate.`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
