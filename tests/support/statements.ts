import pg from "pg";

export type Recorded = { statements: string[]; prepared: string[] };

/**
 * The statements that reach PostgreSQL while `run` runs, and the names of the
 * prepared ones: every statement goes through pg.Client#query (Prisma's pg
 * adapter and the pool included).
 */
export async function recordStatements(run: () => Promise<unknown>): Promise<Recorded> {
  const recorded: Recorded = { statements: [], prepared: [] };
  const originalQuery = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const config = args[0];
    recorded.statements.push(typeof config === "string" ? config : String((config as { text?: string }).text));
    const name = typeof config === "object" && config !== null ? (config as { name?: string }).name : undefined;
    if (name) recorded.prepared.push(name);
    return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof originalQuery;
  try {
    await run();
  } finally {
    pg.Client.prototype.query = originalQuery;
  }
  return recorded;
}
