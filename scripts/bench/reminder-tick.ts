// The weekly emails' scheduler tick on 100,000 users with reminders (issue 14):
// the one query that finds who is due, timed and explained. Part of
// `npm run bench` (run.ts calls benchReminderTick on its database); alone:
// `DATABASE_URL=… tsx scripts/bench/reminder-tick.ts` seeds a database of
// its own (wheelhouse_bench_reminders) and exits non-zero when the target fails.
import { randomBytes } from "node:crypto";
import { register } from "node:module";
import pg from "pg";
import { nextWeeklyDue } from "../../lib/shared/weekly-schedule";

const USERS = 100_000;
const TARGET_MS = 50;
const RUNS = 30;

// Where leaders are: most keep the default (Friday 16:00), the rest chose their own day and time.
const ZONES = [
  "Europe/Berlin",
  "Europe/London",
  "America/New_York",
  "America/Los_Angeles",
  "America/Chicago",
  "America/Sao_Paulo",
  "Asia/Kolkata",
  "Asia/Tokyo",
  "Asia/Singapore",
  "Australia/Sydney",
  "Pacific/Auckland",
  "Africa/Lagos",
  "Asia/Kathmandu",
  "Europe/Paris",
];

export type TickBench = { ok: boolean; target: string; measured: string };

let hooked = false;

/** The tick's SQL, exactly as the app sends it (lib/reminders/weekly-emails.ts). */
async function tickQuery(databaseUrl: string, now: Date): Promise<{ text: string; values: unknown[] }> {
  if (!hooked) {
    // lib/ modules import "server-only" and read the environment once: as `npm run worker` does.
    register("../worker-hooks.mjs", import.meta.url);
    process.env.DATABASE_URL ??= databaseUrl;
    process.env.AUTH_SECRET ??= randomBytes(32).toString("base64");
    hooked = true;
  }
  const { dueUsersQuery } = await import("../../lib/reminders/weekly-emails");
  const query = dueUsersQuery(now);
  return { text: query.text, values: query.values };
}

/**
 * 100,000 users with reminders, each due next as their zone, day and time say
 * after `sentUpTo`: the state a tick finds when every earlier one was sent.
 */
async function seedReminderUsers(client: pg.Client, sentUpTo: Date): Promise<void> {
  await client.query(`DELETE FROM "User" WHERE id LIKE 'bench-reminder-%'`);
  const dueByChoice = new Map<string, Date>();
  const ids: string[] = [];
  const zones: string[] = [];
  const days: number[] = [];
  const minutes: number[] = [];
  const dues: Date[] = [];
  for (let i = 0; i < USERS; i++) {
    const timeZone = ZONES[i % ZONES.length]!;
    const custom = i % 10 >= 7;
    const day = custom ? Math.floor(i / ZONES.length) % 7 : 5;
    const minute = custom ? ((i * 37) % 96) * 15 : 16 * 60;
    const key = `${timeZone} ${day} ${minute}`;
    let due = dueByChoice.get(key);
    if (!due) {
      due = nextWeeklyDue({ timeZone, day, minute }, sentUpTo);
      dueByChoice.set(key, due);
    }
    ids.push(`bench-reminder-${i}`);
    zones.push(timeZone);
    days.push(day);
    minutes.push(minute);
    dues.push(due);
  }
  await client.query(
    `INSERT INTO "User" (id, email, "timeZone", "weeklyEmailDay", "weeklyEmailMinute", "weeklyEmailDueAt", "updatedAt")
     SELECT id, id || '@example.test', zone, day, minute, due, now()
     FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::timestamp(3)[]) AS u(id, zone, day, minute, due)`,
    [ids, zones, days, minutes, dues.map((due) => due.toISOString())],
  );
  await client.query(`ANALYZE "User"`);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
}

/**
 * Seeds the users into `databaseUrl` and times the tick's query a minute
 * after the last tick at two moments: an ordinary minute, and Friday 16:00 in
 * Berlin, when every Berlin leader on the default is due at once (the batch
 * limit holds).
 */
export async function benchReminderTick(databaseUrl: string, log: (message: string) => void = console.log): Promise<TickBench> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const now = new Date();
    const berlinFriday = nextWeeklyDue({ timeZone: "Europe/Berlin", day: 5, minute: 16 * 60 }, now);
    const moments = [
      { name: "an ordinary minute", at: new Date(now.getTime() + 3 * 86_400_000 + 7 * 60_000) },
      { name: "Friday 16:00 in Berlin (a burst)", at: new Date(berlinFriday.getTime() + 30_000) },
    ];
    const rows: Array<Record<string, string | number>> = [];
    let worst = 0;
    for (const moment of moments) {
      log(`• Seeding ${USERS.toLocaleString("en-GB")} users with weekly reminders, sent up to a minute before ${moment.name}`);
      await seedReminderUsers(client, new Date(moment.at.getTime() - 60_000));
      const query = await tickQuery(databaseUrl, moment.at);
      for (let i = 0; i < 5; i++) await client.query(query.text, query.values);
      const times: number[] = [];
      let due = 0;
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        due = (await client.query(query.text, query.values)).rowCount ?? 0;
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      worst = Math.max(worst, percentile(times, 95));
      rows.push({ moment: moment.name, "due users": due, "p50 ms": +percentile(times, 50).toFixed(2), "p95 ms": +percentile(times, 95).toFixed(2) });
      const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${query.text}`, query.values);
      log(`Tick query plan at ${moment.name}:\n${plan.rows.map((row: Record<string, string>) => `  ${row["QUERY PLAN"]}`).join("\n")}`);
    }
    log(`Scheduler tick: the due-users query on ${USERS.toLocaleString("en-GB")} users with reminders (${RUNS} runs each, after a warm-up)`);
    console.table(rows);
    return { ok: worst <= TARGET_MS, target: `Reminder tick query ≤ ${TARGET_MS} ms (p95) on ${USERS.toLocaleString("en-GB")} users`, measured: `${worst.toFixed(2)} ms` };
  } finally {
    await client.end();
  }
}

// Alone: a database of its own, and the exit status says whether the target holds.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { recreateDatabase } = await import("../db/databases");
  const { applyMigrations } = await import("../db/migrations");
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error("Set DATABASE_URL to a PostgreSQL server (or run `npm run bench`).");
  const url = await recreateDatabase(serverUrl, "wheelhouse_bench_reminders");
  await applyMigrations(url);
  const result = await benchReminderTick(url);
  console.log(`${result.ok ? "PASS" : "FAIL"}: ${result.target}: ${result.measured}`);
  process.exit(result.ok ? 0 : 1);
}
