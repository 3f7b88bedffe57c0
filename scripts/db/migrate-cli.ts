// npm run db:migrate: applies pending migrations to DATABASE_URL.
import { applyMigrations } from "./migrations";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error(
    "DATABASE_URL is not set. Set it to the target database, e.g.\n" +
      "  DATABASE_URL=postgresql://user:pass@host:5432/wheelhouse npm run db:migrate\n" +
      "(`npm run dev` migrates its own database.)",
  );
  process.exit(1);
}

try {
  const applied = await applyMigrations(url);
  console.log(applied.length === 0 ? "Database is up to date." : `Applied ${applied.length}: ${applied.join(", ")}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
