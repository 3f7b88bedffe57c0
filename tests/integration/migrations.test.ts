// The drift check: schema.prisma and prisma/migrations must agree. Edit the
// schema without `npm run db:migration -- <name>` and this fails.
import { readFile } from "node:fs/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { dropDatabase, recreateDatabase } from "../../scripts/db/databases";
import { applyMigrations, listMigrations, pendingSchemaChanges } from "../../scripts/db/migrations";
import { schemaPath } from "../../scripts/db/paths";
import { diffSchemas } from "../../scripts/db/schema-engine";

const FROM_MIGRATIONS = "wheelhouse_test_from_migrations";
const FROM_SCHEMA = "wheelhouse_test_from_schema";

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

// Everything Prisma's schema shapes, in a stable order. Column positions and
// enum label order are left out: a migration appends what a fresh create would
// place in schema order, and Prisma's own drift check ignores both too.
async function describeSchema(url: string) {
  const app = "'_prisma_migrations'";
  return {
    tables: await query(
      url,
      `SELECT table_name, table_type FROM information_schema.tables
       WHERE table_schema = 'public' AND table_name <> ${app} ORDER BY 1`,
    ),
    columns: await query(
      url,
      `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default,
              character_maximum_length, numeric_precision, numeric_scale, datetime_precision
       FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> ${app} ORDER BY 1, 2`,
    ),
    indexes: await query(
      url,
      `SELECT tablename, indexname, indexdef FROM pg_indexes
       WHERE schemaname = 'public' AND tablename <> ${app} ORDER BY 1, 2`,
    ),
    constraints: await query(
      url,
      `SELECT c.conrelid::regclass::text AS table_name, c.conname, c.contype, pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
       WHERE n.nspname = 'public' AND c.conrelid::regclass::text <> ${app} ORDER BY 1, 2`,
    ),
    enums: await query(
      url,
      `SELECT t.typname, array_agg(e.enumlabel::text ORDER BY e.enumlabel) AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
       WHERE n.nspname = 'public' GROUP BY 1 ORDER BY 1`,
    ),
    sequences: await query(
      url,
      `SELECT sequence_name, data_type FROM information_schema.sequences WHERE sequence_schema = 'public' ORDER BY 1`,
    ),
  };
}

describe("migrations", () => {
  const serverUrl = inject("databaseUrl");
  let fromMigrations: string;
  let fromSchema: string;
  let migrationNames: string[];

  beforeAll(async () => {
    migrationNames = (await listMigrations()).map((migration) => migration.name);
    fromMigrations = await recreateDatabase(serverUrl, FROM_MIGRATIONS);
    fromSchema = await recreateDatabase(serverUrl, FROM_SCHEMA);
  });

  afterAll(async () => {
    await dropDatabase(serverUrl, FROM_MIGRATIONS);
    await dropDatabase(serverUrl, FROM_SCHEMA);
  });

  it("cover every change in schema.prisma", async () => {
    const missing = await pendingSchemaChanges();
    expect(missing, "schema.prisma changed without a migration: run `npm run db:migration -- <name>`").toBe("");
  });

  it("build the same database as schema.prisma does", async () => {
    // Two concurrent runs: the advisory lock lets one apply everything.
    const runs = await Promise.all([applyMigrations(fromMigrations), applyMigrations(fromMigrations)]);
    expect(runs.map((applied) => applied.length).sort()).toEqual([0, migrationNames.length]);

    const client = new pg.Client({ connectionString: fromSchema });
    await client.connect();
    try {
      await client.query(await diffSchemas(null, await readFile(schemaPath, "utf8")));
    } finally {
      await client.end();
    }

    expect(await describeSchema(fromMigrations)).toEqual(await describeSchema(fromSchema));
  });

  it("apply once, and refuse a migration edited after it was applied", async () => {
    expect(migrationNames.length).toBeGreaterThan(0);
    expect(await applyMigrations(fromMigrations)).toEqual([]);

    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      fromMigrations,
      "SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name",
    );
    expect(rows.map((row) => row.migration_name)).toEqual(migrationNames);
    expect(rows.every((row) => /^[0-9a-f]{64}$/.test(row.checksum) && row.finished_at !== null)).toBe(true);

    await query(
      fromMigrations,
      `UPDATE _prisma_migrations SET checksum = repeat('0', 64) WHERE migration_name = '${migrationNames[0]}'`,
    );
    await expect(applyMigrations(fromMigrations)).rejects.toThrow(/was modified after it was applied/);
  });
});
