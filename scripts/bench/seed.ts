// Realistic data for the benchmark, written with set-based SQL so 200 users
// and five years of logs take seconds: one leader with 260 weekly logs,
// ~10 touchpoints a week with 40 stakeholders, 300 vision notes, and a mentor
// (accepted, everything shared) who commented on the last year's weeks; one who
// logged a single week; 198 others with a few months each. Everyone has a session.
import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { currentQuarter, type QuarterKey } from "../../lib/shared/quarters";
import { currentWeekStart } from "../../lib/shared/week-dates";
import { addDaysTo, type DateOnly } from "../../lib/shared/dates";

type BenchUser = { id: string; session: string };

export type BenchUsers = {
  veteran: BenchUser & {
    /** This week (logged), and a past week with touchpoints and a review thread. */
    currentWeek: DateOnly;
    pastWeek: DateOnly;
    /** Logged weeks the bench's writes use (saves, touchpoints, comments), none of them a timed page. */
    writableWeeks: DateOnly[];
    /** The stakeholder with the most touchpoints, and the stakeholder the bench's touchpoints are with. */
    longHistoryStakeholderId: string;
    noteId: string;
    /** This quarter, and a shared link to its story (issue 16). */
    quarter: QuarterKey;
    storyLinkToken: string;
    /** A calendar import read and waiting for review (issue 15). */
    pendingImportId: string;
  };
  newcomer: BenchUser;
  mentor: BenchUser;
  /** The 198 others, for the soak's spread of dashboards. */
  others: BenchUser[];
};

/** Weeks back from the current one that the bench writes to: past the timed ones, each logged (i % 23 <> 7 below). */
const WRITABLE_WEEKS_BACK = [10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21];
const PAST_WEEK_BACK = 3;

const TIME_ZONE = "Europe/Berlin";

/** What a pending import keeps of its events (lib/calendar/preview.ts storedOccurrenceSchema). */
type StoredOccurrence = { key: string; start: string; end: string; title: string; description: string; organizer: string | null; attendees: string[]; attendeeCount: number };

const SERIES_TITLES = ["Incident review", "Roadmap planning", "1:1 with Sam", "Team sync", "Hiring plan", "Customer escalation", "Design review", "Budget", "Strategy offsite prep"];

/**
 * The import window of a busy two-year calendar (about 10,000 events, 96 a
 * week): 12 whole weeks and this one, 19 or 20 meetings a weekday from 08:00,
 * half an hour to an hour, some overlapping, in 200 series.
 */
function busyWindow(from: Date, weeks: number): StoredOccurrence[] {
  const occurrences: StoredOccurrence[] = [];
  for (let week = 0; week < weeks; week++) {
    for (let slot = 0; slot < 96; slot++) {
      const day = slot % 5;
      const start = new Date(from.getTime() + ((week * 7 + day) * 24 + 7) * 3_600_000 + Math.floor(slot / 5) * 30 * 60_000);
      const series = (week * 96 + slot) % 200;
      occurrences.push({
        key: `bench-series-${series}@example.test/${start.toISOString()}`,
        start: start.toISOString(),
        end: new Date(start.getTime() + (slot % 3 === 0 ? 60 : 30) * 60_000).toISOString(),
        title: `${SERIES_TITLES[series % SERIES_TITLES.length]} ${series}`,
        description: "Agenda in the document.",
        organizer: `organiser${series % 20}@example.test`,
        attendees: [`bench-0@example.test`, `person${series}@example.test`, `person${series + 1}@example.test`],
        attendeeCount: 3,
      });
    }
  }
  return occurrences;
}

export async function seedBenchData(databaseUrl: string): Promise<BenchUsers> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const cw = currentWeekStart({ timeZone: TIME_ZONE, weekStartsOn: 1 });
    const veteran = "bench-veteran";
    const newcomer = "bench-newcomer";
    const mentor = "bench-mentor";
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO "User" (id, email, name, "timeZone", "weekStartsOn", "updatedAt")
       SELECT CASE g WHEN 0 THEN $1 WHEN 1 THEN $2 ELSE 'bench-user-' || g END, 'bench-' || g || '@example.test', 'Leader ' || g, $3, 1, now()
       FROM generate_series(0, 199) g`,
      [veteran, newcomer, TIME_ZONE],
    );
    await client.query(
      `UPDATE "User" SET "goalStrategySharePercent" = 40, "goalTouchpointsPerWeek" = 10,
         "goalDepartments" = ARRAY['SALES','FINANCE','PRODUCT','EXECUTIVE']::"Department"[] WHERE id = $1`,
      [veteran],
    );

    // Five years of weeks, the strategy share climbing slowly, a few weeks skipped.
    await client.query(
      `INSERT INTO "Week" (id, "userId", "startsOn", "firefightingMinutes", "strategyMinutes", "otherMinutes",
         "ratingStrategy", "ratingStory", "ratingRelationships", "ratingVision", "reflectionStrategy", highlights, "updatedAt")
       SELECT gen_random_uuid()::text, $1, $2::date - 7 * i,
         (round((1500 - (259 - i) * 3 + random() * 300) / 15) * 15)::int,
         (round((300 + (259 - i) * 3 + random() * 300) / 15) * 15)::int,
         (round((600 + random() * 300) / 15) * 15)::int,
         1 + (random() * 4)::int, 1 + (random() * 4)::int, 1 + (random() * 4)::int, 1 + (random() * 4)::int,
         'Laid groundwork for the platform roadmap.', 'Hiring plan agreed with finance.', now()
       FROM generate_series(0, 259) i WHERE i % 23 <> 7`,
      [veteran, cw],
    );
    await client.query(
      `INSERT INTO "Stakeholder" (id, "userId", name, role, department, "cadenceDays", "updatedAt")
       SELECT gen_random_uuid()::text, $1, 'Stakeholder ' || g, 'Director',
         (enum_range(NULL::"Department"))[1 + g % 11], CASE WHEN g % 5 = 0 THEN NULL ELSE 14 + (g % 4) * 14 END, now()
       FROM generate_series(0, 39) g`,
      [veteran],
    );
    await client.query(
      `WITH s AS (SELECT id, department, row_number() OVER (ORDER BY id) - 1 AS n FROM "Stakeholder" WHERE "userId" = $1)
       INSERT INTO "Touchpoint" (id, "userId", "stakeholderId", department, "occurredOn", channel, topic, outcome, "updatedAt")
       SELECT gen_random_uuid()::text, $1, s.id, s.department, $2::date - (g * 7) / 10, 'ONE_ON_ONE', 'Quarterly planning', 'Agreed next steps', now()
       FROM generate_series(0, 2599) g JOIN s ON s.n = (g * 7919) % 40`,
      [veteran, cw],
    );
    await client.query(
      `INSERT INTO "VisionNote" (id, "userId", title, body, horizon, tags, status, "revisitOn", "createdAt", "updatedAt")
       SELECT gen_random_uuid()::text, $1, 'Bet ' || g, 'Where the platform should be.', (enum_range(NULL::"Horizon"))[1 + g % 4],
         ARRAY['platform'], (enum_range(NULL::"VisionNoteStatus"))[1 + g % 4],
         CASE WHEN g % 3 = 0 THEN $2::date - 30 + g % 60 END, now() - (g * 6 || ' days')::interval, now()
       FROM generate_series(0, 299) g`,
      [veteran, cw],
    );
    await client.query(
      `INSERT INTO "VisionNoteRevisit" (id, "userId", "noteId", "revisitedAt")
       SELECT gen_random_uuid()::text, $1, n.id, n."createdAt" + (k * 40 || ' days')::interval
       FROM "VisionNote" n CROSS JOIN generate_series(1, 2) k WHERE n."userId" = $1 AND n."createdAt" + (k * 40 || ' days')::interval < now()`,
      [veteran],
    );

    await client.query(
      `INSERT INTO "Week" (id, "userId", "startsOn", "firefightingMinutes", "strategyMinutes", "otherMinutes", "updatedAt")
       VALUES (gen_random_uuid()::text, $1, $2::date, 1200, 480, 600, now())`,
      [newcomer, cw],
    );

    // Everyone else: a few months of weeks, touchpoints and notes, so tables and indexes have neighbours.
    await client.query(
      `INSERT INTO "Week" (id, "userId", "startsOn", "firefightingMinutes", "strategyMinutes", "otherMinutes", "updatedAt")
       SELECT gen_random_uuid()::text, u.id, $1::date - 7 * i, 1200, 600, 600, now()
       FROM "User" u CROSS JOIN generate_series(0, 19) i WHERE u.id LIKE 'bench-user-%'`,
      [cw],
    );
    await client.query(
      `INSERT INTO "Touchpoint" (id, "userId", department, "occurredOn", channel, topic, "updatedAt")
       SELECT gen_random_uuid()::text, u.id, (enum_range(NULL::"Department"))[1 + i % 11], $1::date - i * 4, 'MEETING', 'Sync', now()
       FROM "User" u CROSS JOIN generate_series(0, 29) i WHERE u.id LIKE 'bench-user-%'`,
      [cw],
    );
    await client.query(
      `INSERT INTO "VisionNote" (id, "userId", title, horizon, "updatedAt")
       SELECT gen_random_uuid()::text, u.id, 'Note ' || i, 'ONE_YEAR', now()
       FROM "User" u CROSS JOIN generate_series(0, 4) i WHERE u.id LIKE 'bench-user-%'`,
    );

    // The veteran's mentor: accepted, everything shared, two comments on each of the last year's weeks;
    // the veteran was notified of each and has read all but the latest few.
    await client.query(
      `INSERT INTO "User" (id, email, name, "timeZone", "weekStartsOn", "updatedAt") VALUES ($1, 'bench-mentor@example.test', 'Mentor', $2, 1, now())`,
      [mentor, TIME_ZONE],
    );
    await client.query(
      `INSERT INTO "Mentorship" (id, "menteeId", "mentorId", "inviteEmail", status, "acceptedAt", "shareReflections", "shareStakeholders", "shareNotes", "updatedAt")
       VALUES ('bench-mentorship', $1, $2, 'bench-mentor@example.test', 'ACCEPTED', now() - interval '400 days', true, true, true, now())`,
      [veteran, mentor],
    );
    await client.query(
      `INSERT INTO "ReviewComment" (id, "menteeId", "authorId", "weekId", body, "createdAt", "updatedAt")
       SELECT gen_random_uuid()::text, $1, $2, w.id, 'How did the roadmap conversation land with finance?', w."startsOn" + k * interval '1 day', now()
       FROM "Week" w CROSS JOIN generate_series(1, 2) k WHERE w."userId" = $1 AND w."startsOn" > $3::date - 365`,
      [veteran, mentor, cw],
    );
    await client.query(
      `INSERT INTO "Notification" (id, "userId", "commentId", "readAt", "createdAt")
       SELECT gen_random_uuid()::text, $1, c.id, CASE WHEN c."createdAt" < $2::date - 14 THEN c."createdAt" + interval '1 day' END, c."createdAt"
       FROM "ReviewComment" c WHERE c."menteeId" = $1`,
      [veteran, cw],
    );

    const { rows: stakeholders } = await client.query<{ id: string }>(
      `SELECT s.id FROM "Stakeholder" s JOIN "Touchpoint" t ON t."stakeholderId" = s.id WHERE s."userId" = $1
       GROUP BY s.id ORDER BY count(*) DESC, s.id LIMIT 1`,
      [veteran],
    );
    const { rows: notes } = await client.query<{ id: string }>(
      `SELECT n.id FROM "VisionNote" n JOIN "VisionNoteRevisit" r ON r."noteId" = n.id WHERE n."userId" = $1
       GROUP BY n.id ORDER BY count(*) DESC, n."createdAt" LIMIT 1`,
      [veteran],
    );

    const { rows: users } = await client.query<{ id: string }>(`SELECT id FROM "User" ORDER BY id`);
    const sessions = new Map(users.map(({ id }) => [id, randomUUID()]));
    await client.query(
      `INSERT INTO "Session" ("sessionToken", "userId", expires, "updatedAt")
       SELECT token, "userId", now() + interval '1 day', now() FROM unnest($1::text[], $2::text[]) AS s(token, "userId")`,
      [[...sessions.values()], [...sessions.keys()]],
    );
    // A link to the veteran's story of this quarter; only its hash is stored (lib/story/share-links.ts).
    const quarter = currentQuarter({ timeZone: TIME_ZONE, weekStartsOn: 1 });
    const storyLinkToken = randomBytes(32).toString("base64url");
    await client.query(
      `INSERT INTO "StoryShareLink" (id, "userId", quarter, "tokenHash", "expiresAt")
       VALUES (gen_random_uuid()::text, $1, $2, encode(sha256(convert_to($3, 'UTF8')), 'hex'), now() + interval '30 days')`,
      [veteran, quarter, storyLinkToken],
    );
    // The veteran's calendar, read and waiting for review: the window the upload reads (12 weeks back and this one).
    const windowStart = new Date(`${addDaysTo(cw, -7 * 12)}T00:00:00+01:00`);
    const { rows: pending } = await client.query<{ id: string }>(
      `INSERT INTO "CalendarImport" (id, "userId", "fileName", "windowStart", "windowEnd", occurrences, warnings)
       VALUES (gen_random_uuid()::text, $1, 'work.ics', $2, now(), $3::jsonb, '[]'::jsonb) RETURNING id`,
      [veteran, windowStart, JSON.stringify(busyWindow(windowStart, 13).filter((occurrence) => Date.parse(occurrence.start) < Date.now()))],
    );
    await client.query("COMMIT");
    await client.query("ANALYZE");
    const user = (id: string): BenchUser => ({ id, session: sessions.get(id)! });
    return {
      veteran: {
        ...user(veteran),
        currentWeek: cw,
        pastWeek: addDaysTo(cw, -7 * PAST_WEEK_BACK),
        writableWeeks: WRITABLE_WEEKS_BACK.map((back) => addDaysTo(cw, -7 * back)),
        longHistoryStakeholderId: stakeholders[0]!.id,
        noteId: notes[0]!.id,
        quarter,
        storyLinkToken,
        pendingImportId: pending[0]!.id,
      },
      newcomer: user(newcomer),
      mentor: user(mentor),
      others: users.filter(({ id }) => id.startsWith("bench-user-")).map(({ id }) => user(id)),
    };
  } finally {
    await client.end();
  }
}
