// Realistic data for the benchmark, written with set-based SQL so 200 users
// and five years of logs take seconds: one leader with 260 weekly logs,
// ~10 touchpoints a week with 40 stakeholders and 300 vision notes; one who
// logged a single week; 198 others with a few months each.
import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { currentQuarter, type QuarterKey } from "../../lib/shared/quarters";
import { currentWeekStart } from "../../lib/shared/week-dates";

export type BenchUsers = {
  veteran: { id: string; session: string; quarter: QuarterKey; storyLinkToken: string };
  newcomer: { id: string; session: string };
};

const TIME_ZONE = "Europe/Berlin";

export async function seedBenchData(databaseUrl: string): Promise<BenchUsers> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const cw = currentWeekStart({ timeZone: TIME_ZONE, weekStartsOn: 1 });
    const veteran = "bench-veteran";
    const newcomer = "bench-newcomer";
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

    const sessions = { veteran: randomUUID(), newcomer: randomUUID() };
    await client.query(
      `INSERT INTO "Session" ("sessionToken", "userId", expires, "updatedAt")
       VALUES ($1, $2, now() + interval '1 day', now()), ($3, $4, now() + interval '1 day', now())`,
      [sessions.veteran, veteran, sessions.newcomer, newcomer],
    );
    // A link to the veteran's story of this quarter; only its hash is stored (lib/story/share-links.ts).
    const quarter = currentQuarter({ timeZone: TIME_ZONE, weekStartsOn: 1 });
    const storyLinkToken = randomBytes(32).toString("base64url");
    await client.query(
      `INSERT INTO "StoryShareLink" (id, "userId", quarter, "tokenHash", "expiresAt")
       VALUES (gen_random_uuid()::text, $1, $2, encode(sha256(convert_to($3, 'UTF8')), 'hex'), now() + interval '30 days')`,
      [veteran, quarter, storyLinkToken],
    );
    await client.query("COMMIT");
    await client.query("ANALYZE");
    return { veteran: { id: veteran, session: sessions.veteran, quarter, storyLinkToken }, newcomer: { id: newcomer, session: sessions.newcomer } };
  } finally {
    await client.end();
  }
}
