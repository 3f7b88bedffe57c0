// What `npm run bench` times: the pages a leader (and their mentor) opens
// every week and the writes they make most, on the seeded data
// (scripts/bench/seed.ts). Add a page or a write here and the bench times it
// at 1 and 8 connections, counts its SQL statements, weighs its JavaScript
// and puts it in the soak, against the same targets.
import type pg from "pg";
import { quarterName } from "../../lib/shared/quarters";
import type { BenchUsers } from "./seed";

export type BenchPage = {
  name: string;
  path: string;
  /** Whose session cookie it is sent with; null: signed out. */
  session: string | null;
  /** Text the page must show, so a redirect or an error page is never timed by mistake. */
  mustContain: string;
  /** Its own p95 target, as a ratio to the trivial page's, where its issue sets one; else the pages' (run.ts TARGETS). */
  p95Ratio?: number;
};

export type BenchWrite = {
  name: string;
  session: string;
  /**
   * The pages whose form it submits, one per connection at a time (so two
   * writes never race for one row, as one person's would not). At least as
   * many as the bench's most connections.
   */
  formPages: string[];
  /** A field of the form, to find it on the page. */
  formField: string;
  /** What a person types or picks; the rest of the form is sent as rendered. */
  fill: (n: number) => Record<string, string>;
  /** Fields the answer changes for the next submission of the same form (a week's version). */
  fromAnswer?: (html: string) => Record<string, string>;
  /** How many of these writes the database holds: every answered write must have been saved. */
  countSaved: (db: pg.Client) => Promise<number>;
  /** Takes what the writes added out again between rounds, so the pages they post to keep their size. */
  cleanUp?: (db: pg.Client) => Promise<void>;
};

/** The trivial signed-in page every ratio is taken against: the same session check and shell, no data. */
export function baselinePage(users: BenchUsers): BenchPage {
  return { name: "Trivial signed-in page", path: "/bench-baseline", session: users.veteran.session, mustContain: "Baseline" };
}

export function landingPage(): BenchPage {
  return { name: "Landing page (signed out)", path: "/", session: null, mustContain: "Wheelhouse" };
}

/** Issue 16, point 6: the quarterly story and its shared link, each within 1.5× the trivial page's p95. */
const STORY_P95_RATIO = 1.5;

/** Every timed page but the baseline. `/weeks` (the weeks list) joins when the build has it. */
export function benchPages(users: BenchUsers, { weeksList }: { weeksList: boolean }): BenchPage[] {
  const { veteran, newcomer, mentor } = users;
  const mine = (name: string, path: string, mustContain: string): BenchPage => ({ name, path, session: veteran.session, mustContain });
  const mentee = `/mentees/${veteran.id}`;
  return [
    mine("Dashboard, 5-year user, range=all", "/dashboard?range=all", "Where the hours went"),
    mine("Dashboard, 5-year user, 12 weeks", "/dashboard", "Where the hours went"),
    { name: "Dashboard, one-week user", path: "/dashboard", session: newcomer.session, mustContain: "Where the hours went" },
    mine("This week", `/weeks/${veteran.currentWeek}`, "Touchpoints this week"),
    mine("A past week", `/weeks/${veteran.pastWeek}`, "Touchpoints this week"),
    ...(weeksList ? [mine("Weeks list", "/weeks", "Weeks")] : []),
    mine("Stakeholders, overdue", "/stakeholders?overdue=1", "overdue"),
    mine("A stakeholder with a long history", `/stakeholders/${veteran.longHistoryStakeholderId}`, "Stakeholder"),
    mine("Vision notes", "/notes", "Vision notes"),
    mine("Vision notes, searched", "/notes?q=platform", "best match first"),
    mine("A vision note", `/notes/${veteran.noteId}`, "Bet"),
    mine("Notifications", "/notifications", "Notifications"),
    mine("Settings", "/settings", "Settings"),
    { name: "Mentor: the mentee's dashboard and weeks", path: mentee, session: mentor.session, mustContain: "Weeks" },
    { name: "Mentor: a mentee's week", path: `${mentee}/weeks/${veteran.pastWeek}`, session: mentor.session, mustContain: "Comment" },
    // Issue 16: this quarter's story, signed in and through a shared link (no session), each within 1.5×.
    { ...mine("Quarterly story", `/story/${veteran.quarter}`, quarterName(veteran.quarter)), p95Ratio: STORY_P95_RATIO },
    { name: "Shared story link", path: `/shared/story/${veteran.storyLinkToken}`, session: null, mustContain: quarterName(veteran.quarter), p95Ratio: STORY_P95_RATIO },
    // Issue 15: the preview of a pending import of a busy calendar (13 weeks of a two-year, ~10,000-event one), within 2×.
    { ...mine("Calendar import preview", `/calendar/imports/${veteran.pendingImportId}`, "Review the import"), p95Ratio: 2 },
  ];
}

const BENCH_TOPIC = "Benched touchpoint";
const BENCH_COMMENT = "Benched comment: what would you do differently?";

export function benchWrites(users: BenchUsers): BenchWrite[] {
  const { veteran, mentor } = users;
  const weekPages = veteran.writableWeeks.map((week) => `/weeks/${week}`);
  return [
    {
      name: "Save a week",
      session: veteran.session,
      formPages: weekPages,
      formField: "firefightingHours",
      fill: (n) => ({ highlights: `Hiring plan agreed with finance (${n}).` }),
      // The page answers with the saved week, at its new version.
      fromAnswer: (html): Record<string, string> => {
        const version = /name="version" value="(\d+)"/.exec(html)?.[1];
        return version ? { version } : {};
      },
      countSaved: async (db) =>
        Number(
          (
            await db.query<{ saved: string }>(`SELECT coalesce(sum(version), 0) AS saved FROM "Week" WHERE "userId" = $1 AND "startsOn" = ANY($2::date[])`, [
              veteran.id,
              veteran.writableWeeks,
            ])
          ).rows[0]!.saved,
        ),
    },
    {
      name: "Add a touchpoint",
      session: veteran.session,
      formPages: weekPages,
      formField: "topic",
      fill: () => ({ with: "stakeholder", stakeholderId: veteran.longHistoryStakeholderId, topic: BENCH_TOPIC, outcome: "Agreed next steps" }),
      countSaved: async (db) =>
        Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM "Touchpoint" WHERE "userId" = $1 AND topic = $2`, [veteran.id, BENCH_TOPIC])).rows[0]!.n),
      cleanUp: async (db) => {
        await db.query(`DELETE FROM "Touchpoint" WHERE "userId" = $1 AND topic = $2`, [veteran.id, BENCH_TOPIC]);
      },
    },
    {
      name: "Mentor: add a comment on a week",
      session: mentor.session,
      formPages: veteran.writableWeeks.map((week) => `/mentees/${veteran.id}/weeks/${week}`),
      formField: "body",
      fill: () => ({ body: BENCH_COMMENT }),
      countSaved: async (db) =>
        Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM "ReviewComment" WHERE "authorId" = $1 AND body = $2`, [mentor.id, BENCH_COMMENT])).rows[0]!.n),
      // Its notifications go with it (cascade).
      cleanUp: async (db) => {
        await db.query(`DELETE FROM "ReviewComment" WHERE "authorId" = $1 AND body = $2`, [mentor.id, BENCH_COMMENT]);
      },
    },
  ];
}
