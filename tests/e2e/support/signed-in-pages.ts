// Every page of the signed-in app (app/(app)/**/page.tsx, found on disk so a
// new one cannot be forgotten), each with an address to open it at, over rows
// seeded for a leader and a mentor who follows them.
import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type pg from "pg";
import { quarterOfDay } from "../../../lib/shared/quarters";

const APP = join(process.cwd(), "app", "(app)");

/** Each page's route, as written on disk: "/stakeholders/[id]/edit". Route groups are no part of it. */
export function signedInRoutes(): string[] {
  const routes: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name === "page.tsx") {
        const segments = relative(APP, dir).split(sep).filter((segment) => segment && !/^\(.*\)$/.test(segment));
        routes.push(`/${segments.join("/")}`);
      }
    }
  };
  walk(APP);
  return routes.sort();
}

/** Monday of last week (UTC), a week the leader logged. */
export function lastWeekStart(): string {
  const today = new Date();
  const monday = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - ((today.getUTCDay() + 6) % 7) - 7));
  return monday.toISOString().slice(0, 10);
}

const id = (prefix: string) => `e2e_${prefix}_${randomBytes(6).toString("hex")}`;

export type Seeded = { week: string; stakeholder: string; touchpoint: string; note: string; calendarImport: string };

/**
 * Twelve logged weeks, a stakeholder with a touchpoint whose words are long,
 * a vision note, goals, and a mentor who sees all of it and has commented.
 */
export async function seedLeader(db: pg.Pool, leaderId: string, mentorId: string): Promise<Seeded> {
  const week = lastWeekStart();
  const rows = { week, stakeholder: id("sh"), touchpoint: id("tp"), note: id("note"), calendarImport: id("ci") };
  const weekIds: string[] = [];
  for (let back = 0; back < 12; back += 1) {
    const weekId = id("week");
    weekIds.push(weekId);
    await db.query(
      `INSERT INTO "Week" (id, "userId", "startsOn", "firefightingMinutes", "strategyMinutes", "otherMinutes", "reflectionStory",
                           "ratingStrategy", "ratingStory", "ratingRelationships", "ratingVision", highlights, "updatedAt")
       VALUES ($1, $2, $3::date - $4::int * 7, 1200, $5, 600, 'Explained the outage to sales in revenue terms.', 3, 4, 2, 4, 'Hired a staff engineer', now())`,
      [weekId, leaderId, week, back, 300 + back * 60],
    );
  }
  await db.query(`UPDATE "User" SET "goalStrategySharePercent" = 40, "goalTouchpointsPerWeek" = 3, "goalDepartments" = '{SALES,FINANCE}' WHERE id = $1`, [
    leaderId,
  ]);
  await db.query(
    `INSERT INTO "Stakeholder" (id, "userId", name, role, department, "cadenceDays", notes, "updatedAt")
     VALUES ($1, $2, 'Samantha Richardson-Whitfield', 'Vice President of Global Revenue Operations', 'SALES', 14, 'Prefers a written pre-read.', now())`,
    [rows.stakeholder, leaderId],
  );
  await db.query(
    `INSERT INTO "Touchpoint" (id, "userId", "stakeholderId", department, "occurredOn", channel, topic, outcome, "updatedAt")
     VALUES ($1, $2, $3, 'SALES', $4::date + 1, 'CALL', 'Quarterly pipeline review and the enterprise onboarding backlog',
             'Agreed to share the incident postmortems with the account teams every month.', now())`,
    [rows.touchpoint, leaderId, rows.stakeholder, week],
  );
  await db.query(
    `INSERT INTO "VisionNote" (id, "userId", title, body, horizon, tags, "updatedAt")
     VALUES ($1, $2, 'A platform team that other teams choose', 'Self-service environments, **golden paths** and internal docs.', 'THREE_YEARS', '{platform,hiring}', now())`,
    [rows.note, leaderId],
  );
  await db.query(
    `INSERT INTO "Mentorship" (id, "menteeId", "mentorId", "inviteEmail", status, "acceptedAt", "shareReflections", "shareStakeholders", "shareNotes", "shareStory", "updatedAt")
     VALUES ($1, $2, $3, 'mentor@wheelhouse.test', 'ACCEPTED', now(), true, true, true, true, now())`,
    [id("ms"), leaderId, mentorId],
  );
  // A calendar import waiting for review: one meeting with the stakeholder last week.
  const meeting = new Date(`${week}T09:00:00Z`);
  meeting.setUTCDate(meeting.getUTCDate() + 1);
  const occurrences = [
    {
      key: "e2e-meeting",
      start: meeting.toISOString(),
      end: new Date(meeting.getTime() + 90 * 60_000).toISOString(),
      title: "Quarterly roadmap planning with revenue operations and the enterprise onboarding backlog",
      description: "",
      organizer: "samantha@revenue.example",
      attendees: ["samantha@revenue.example", "leader@wheelhouse.test"],
      attendeeCount: 2,
    },
  ];
  await db.query(`UPDATE "Stakeholder" SET email = 'samantha@revenue.example' WHERE id = $1`, [rows.stakeholder]);
  await db.query(
    `INSERT INTO "CalendarImport" (id, "userId", "fileName", "windowStart", "windowEnd", occurrences, warnings)
     VALUES ($1, $2, 'work-calendar-exported-from-outlook.ics', $3::date - 84, now(), $4, '[]')`,
    [rows.calendarImport, leaderId, week, JSON.stringify(occurrences)],
  );
  const comment = id("c");
  await db.query(`INSERT INTO "ReviewComment" (id, "menteeId", "authorId", "weekId", body, "updatedAt") VALUES ($1, $2, $3, $4, $5, now())`, [
    comment,
    leaderId,
    mentorId,
    weekIds[0],
    "Good call on the postmortems.",
  ]);
  await db.query(`INSERT INTO "Notification" (id, "userId", "commentId") VALUES ($1, $2, $3)`, [id("n"), leaderId, comment]);
  return rows;
}

/** Where to open each route, and as whom: the mentor for the mentee pages, else the leader. */
export function addressOf(route: string, rows: Seeded, leaderId: string): { path: string; as: "leader" | "mentor" } | undefined {
  const leader = (path: string) => ({ path, as: "leader" as const });
  const mentor = (path: string) => ({ path, as: "mentor" as const });
  const addresses: Record<string, { path: string; as: "leader" | "mentor" }> = {
    "/bench-baseline": leader("/bench-baseline"),
    "/calendar": leader("/calendar"),
    "/calendar/imports/[id]": leader(`/calendar/imports/${rows.calendarImport}`),
    "/calendar/rules": leader("/calendar/rules"),
    "/dashboard": leader("/dashboard"),
    "/dashboard/goals": leader("/dashboard/goals"),
    "/mentees": mentor("/mentees"),
    "/mentees/[menteeId]": mentor(`/mentees/${leaderId}`),
    "/mentees/[menteeId]/notes": mentor(`/mentees/${leaderId}/notes`),
    "/mentees/[menteeId]/notes/[noteId]": mentor(`/mentees/${leaderId}/notes/${rows.note}`),
    "/mentees/[menteeId]/stakeholders": mentor(`/mentees/${leaderId}/stakeholders`),
    "/mentees/[menteeId]/story": mentor(`/mentees/${leaderId}/story`),
    "/mentees/[menteeId]/story/[quarter]": mentor(`/mentees/${leaderId}/story/${quarterOfDay(rows.week)}`),
    "/mentees/[menteeId]/weeks/[startsOn]": mentor(`/mentees/${leaderId}/weeks/${rows.week}`),
    "/mentors": leader("/mentors"),
    "/notes": leader("/notes"),
    "/notes/new": leader("/notes/new"),
    "/notes/[id]": leader(`/notes/${rows.note}`),
    "/notes/[id]/edit": leader(`/notes/${rows.note}/edit`),
    "/notifications": leader("/notifications"),
    "/search": leader("/search?q=pipeline"),
    "/settings": leader("/settings"),
    "/settings/data": leader("/settings/data"),
    "/settings/security": leader("/settings/security"),
    "/stakeholders": leader("/stakeholders"),
    "/story": leader("/story"),
    "/story/[quarter]": leader(`/story/${quarterOfDay(rows.week)}`),
    "/stakeholders/new": leader("/stakeholders/new"),
    "/stakeholders/[id]": leader(`/stakeholders/${rows.stakeholder}`),
    "/stakeholders/[id]/edit": leader(`/stakeholders/${rows.stakeholder}/edit`),
    "/touchpoints/[id]/edit": leader(`/touchpoints/${rows.touchpoint}/edit`),
    "/weeks": leader("/weeks"),
    "/weeks/current": leader("/weeks/current"),
    "/weeks/[startsOn]": leader(`/weeks/${rows.week}`),
  };
  return addresses[route];
}
