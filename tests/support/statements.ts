// Records the statements that reach PostgreSQL while `run` runs: every one
// goes through pg.Client#query (Prisma's pg adapter and the pool included).
import pg from "pg";

export type SentStatement = { text: string; name?: string };

const originalQuery = pg.Client.prototype.query;

export async function recordStatements(run: () => Promise<unknown>): Promise<SentStatement[]> {
  const sent: SentStatement[] = [];
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const config = args[0];
    const name = typeof config === "object" && config !== null ? (config as { name?: string }).name : undefined;
    sent.push({ text: typeof config === "string" ? config : String((config as { text?: string }).text), ...(name ? { name } : {}) });
    return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof originalQuery;
  try {
    await run();
  } finally {
    pg.Client.prototype.query = originalQuery;
  }
  return sent;
}

/** The statements' texts, one after another, for a failure message. */
export const listed = (sent: SentStatement[]) => sent.map((statement) => statement.text).join("\n---\n");
