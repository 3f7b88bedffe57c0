// What the resilience run checks after the load, against the database and the
// SMTP server's mailbox: acknowledged saves kept, nothing crossed between
// users, every queued email delivered to its own recipient.
import pg from "pg";
import type { ReceivedEmail } from "../support/smtp";
import { marksIn, type InviteAttempt, type SaveAttempt } from "./load";

export type Check = { check: string; measured: string; ok: boolean };

const userIndexOf = (userId: string) => Number(/^resilience-(\d+)$/.exec(userId)?.[1] ?? Number.NaN);

/**
 * Each user saved their own weeks one save at a time, so a week's row must hold
 * its last acknowledged save, or a later one whose answer was lost (a timeout
 * or an error page after the action ran) — never an older one, and never one
 * the app said it had not saved.
 */
export async function verifySaves(client: pg.Client, saves: SaveAttempt[]): Promise<Check[]> {
  const { rows } = await client.query<{ userId: string; startsOn: string; highlights: string | null; strategyMinutes: number }>(
    `SELECT "userId", to_char("startsOn", 'YYYY-MM-DD') AS "startsOn", highlights, "strategyMinutes" FROM "Week"`,
  );
  const stored = new Map(rows.map((row) => [`${userIndexOf(row.userId)} ${row.startsOn}`, row]));
  const attemptsByWeek = new Map<string, SaveAttempt[]>();
  for (const save of saves) {
    const key = `${save.user} ${save.week}`;
    attemptsByWeek.set(key, [...(attemptsByWeek.get(key) ?? []), save]);
  }
  const problems: string[] = [];
  let verified = 0;
  for (const [key, attempts] of attemptsByWeek) {
    const row = stored.get(key);
    const lastAcked = attempts.findLastIndex((attempt) => attempt.result === "acked");
    const kept = row ? attempts.findIndex((attempt) => attempt.mark === row.highlights) : -1;
    if (lastAcked < 0 && kept < 0 && !row) continue;
    const keptAttempt = attempts[kept];
    if (!keptAttempt) problems.push(`${key}: the row holds ${row ? JSON.stringify(row.highlights) : "nothing"}, no save of this week`);
    else if (kept < lastAcked) problems.push(`${key}: acknowledged save ${attempts[lastAcked]!.mark} lost (row holds the older ${keptAttempt.mark})`);
    else if (keptAttempt.result === "refused") problems.push(`${key}: ${keptAttempt.mark} was answered "not saved" but is stored`);
    else if (row!.strategyMinutes !== keptAttempt.strategyMinutes) problems.push(`${key}: ${keptAttempt.mark} stored with ${row!.strategyMinutes} strategy minutes, not ${keptAttempt.strategyMinutes}`);
    else if (lastAcked >= 0) verified += 1;
  }
  const acked = saves.filter((save) => save.result === "acked").length;
  const crossed = rows.filter((row) => row.highlights && [...marksIn(row.highlights)].some((index) => index !== userIndexOf(row.userId)));
  return [
    {
      check: "Every acknowledged save is in the database (each week holds its last acknowledged save or a later one)",
      measured: `${acked} saves acknowledged; ${verified} weeks verified${problems.length ? `; ${problems.length} wrong: ${problems.slice(0, 3).join("; ")}` : ""}`,
      ok: problems.length === 0 && verified > 0,
    },
    { check: "No week row holds another user's text", measured: `${crossed.length} of ${rows.length} rows`, ok: crossed.length === 0 },
  ];
}

/** Each acknowledged invitation has its row, and its email reached exactly its recipient (at least once). */
export async function verifyInvitations(client: pg.Client, invites: InviteAttempt[], received: ReceivedEmail[]): Promise<Check[]> {
  const { rows } = await client.query<{ menteeId: string; inviteEmail: string }>(`SELECT "menteeId", "inviteEmail" FROM "Mentorship"`);
  const rowsOf = new Set(rows.map((row) => `${userIndexOf(row.menteeId)} ${row.inviteEmail}`));
  const acked = invites.filter((invite) => invite.result === "acked");
  const missingRows = acked.filter((invite) => !rowsOf.has(`${invite.user} ${invite.address}`));
  const crossedRows = rows.filter((row) => [...marksIn(row.inviteEmail)].some((index) => index !== userIndexOf(row.menteeId)));

  const deliveries = (address: string) => received.filter((email) => email.to.includes(address));
  const undelivered = acked.filter((invite) => deliveries(invite.address).length === 0);
  const duplicated = acked.filter((invite) => deliveries(invite.address).length > 1);
  // An email is misdelivered when the inviter it names is not the owner of the address it went to.
  const misdelivered = received.filter((email) => {
    const owners = new Set(email.to.flatMap((address) => [...marksIn(address)]));
    const named = /^Leader (\d+) invited you/.exec(email.subject)?.[1];
    return email.to.length !== 1 || named === undefined || !owners.has(Number(named));
  });
  return [
    {
      check: "Every acknowledged invitation is stored, with no row crossing users",
      measured: `${acked.length} acknowledged; ${missingRows.length} missing; ${crossedRows.length} crossed`,
      ok: missingRows.length === 0 && crossedRows.length === 0,
    },
    {
      check: "Every acknowledged invitation was emailed to its recipient, and only there",
      measured:
        `${acked.length - undelivered.length} of ${acked.length} delivered; ${misdelivered.length} misdelivered; ` +
        `${duplicated.length} delivered more than once${undelivered.length ? `; missing: ${undelivered.slice(0, 3).map((i) => i.address).join(", ")}` : ""}`,
      ok: acked.length > 0 && undelivered.length === 0 && misdelivered.length === 0,
    },
  ];
}

/**
 * pg-boss's own record: no email job may be left undelivered. A job whose
 * email went out but whose completion could not be written (the database went
 * down in between) stays active until it expires and is then sent again: at
 * least once, not exactly once. Those are reported as duplicates to come.
 */
export async function verifyQueue(client: pg.Client, received: ReceivedEmail[]): Promise<Check> {
  const { rows } = await client.query<{ state: string; to: string }>(`SELECT state::text, data->>'to' AS "to" FROM pgboss.job WHERE name = 'email.send'`);
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.state, (counts.get(row.state) ?? 0) + 1);
  const open = rows.filter((row) => row.state !== "completed");
  const undelivered = open.filter((row) => !received.some((email) => email.to.includes(row.to.toLowerCase())));
  const summary = [...counts].map(([state, count]) => `${count} ${state}`).join(", ") || "no jobs";
  return {
    check: "No email job left undelivered (pg-boss)",
    measured:
      `${summary}; ${undelivered.length} undelivered` +
      (open.length > undelivered.length ? `; ${open.length - undelivered.length} sent but not marked done: re-sent when they expire (15 min), a duplicate each` : ""),
    ok: rows.length > 0 && undelivered.length === 0,
  };
}
