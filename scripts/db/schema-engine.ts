// Prisma's own schema engine, compiled to WebAssembly, so migrations can be
// generated offline (the CLI would download a native engine at run time).
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
} from "@prisma/driver-adapter-utils";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { DiffTarget, SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";

// The package's main entry imports the .wasm as an ES module, which Node cannot
// do, so wire the bindings to the instance by hand, once per process.
let ready: Promise<void> | undefined;

function loadWasm(): Promise<void> {
  ready ??= (async () => {
    // The .wasm is not in the package's exports; it sits beside the bindings.
    const bindings = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(join(dirname(bindings), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  })();
  return ready;
}

// SchemaEngine.new() probes the server once (schema exists? which version?)
// even when it will only diff two datamodels, so a dummy URL fails with "Can't
// reach database server". Diffs must work with no database at all, so this
// adapter answers that probe as PostgreSQL 18 would and refuses anything else:
// if a future engine needs a real connection here, it fails loudly.
const PROBE = "SELECT EXISTS(SELECT 1 FROM pg_namespace WHERE nspname = $1), version()";

function offlineConnection(): SqlDriverAdapter {
  const refuse = (what: string): never => {
    throw new Error(`The offline schema engine has no database; it tried to run: ${what}`);
  };
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    queryRaw: async ({ sql }: SqlQuery): Promise<SqlResultSet> => {
      if (!sql.startsWith(PROBE)) return refuse(sql);
      return {
        columnNames: ["exists", "version", "numeric_version"],
        columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
        rows: [[true, "PostgreSQL 18.0", 180000]],
      };
    },
    executeRaw: async ({ sql }: SqlQuery) => refuse(sql),
    executeScript: async (script: string) => refuse(script),
    startTransaction: async () => refuse("a transaction"),
    dispose: async () => {},
  };
}

const offlineFactory: SqlMigrationAwareDriverAdapterFactory = {
  provider: "postgres",
  adapterName: "@prisma/adapter-pg",
  connect: async () => offlineConnection(),
  connectToShadowDb: async () => offlineConnection(),
};

async function withEngine<T>(run: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  await loadWasm();
  const adapter = bindMigrationAwareSqlAdapterFactory(offlineFactory);
  const engine = await bg.SchemaEngine.new({ datamodels: undefined }, () => {}, adapter);
  try {
    return await run(engine);
  } finally {
    engine.free();
  }
}

function target(datamodel: string | null): DiffTarget {
  return datamodel === null
    ? { tag: "empty" }
    : { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: datamodel }] };
}

/** The SQL that takes a database from datamodel `from` (null: empty) to `to`; "" when they agree. */
export async function diffSchemas(from: string | null, to: string): Promise<string> {
  return withEngine(async (engine) => {
    const result = await engine.diff({
      from: target(from),
      to: target(to),
      script: true,
      // With exitCode set, 2 means "there are changes"; an empty diff still
      // prints "-- This is an empty migration.", so the code is what we trust.
      exitCode: true,
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.exitCode === 2 ? (result.stdout ?? "") : "";
  });
}
