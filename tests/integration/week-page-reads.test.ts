// What a week's page costs beyond the session and shell's two statements
// (session-reads.test.ts): the page itself and the page each write answers
// with (a form posted without JavaScript gets the page re-rendered), so
// every statement here is paid by the three writes too. Each render counts
// its statements; a test fails when one comes back.
import { describe, expect, it, vi } from "vitest";
import { addComment } from "@/lib/mentoring/comments";
import { db } from "@/lib/server/db";
import { addDaysTo, fromDateOnly } from "@/lib/shared/dates";
import { currentWeekStart, previousWeekStart } from "@/lib/shared/week-dates";
import { withRequest } from "../support/next-request";
import { inRender } from "../support/render-cache";
import { listed, recordStatements, type SentStatement } from "../support/statements";
import { createMentor } from "../support/factories/mentors";
import { createStakeholder, createTouchpoint } from "../support/factories/stakeholders";
import { createUser, type TestUser } from "../support/factories/users";
import { createWeek } from "../support/factories/weeks";
import { browserHeaders, signInSession } from "../support/signed-in";

vi.mock("next/headers", () => import("../support/next-request").then((module) => module.nextHeaders));
vi.mock("next/cache", () => import("../support/next-request").then((module) => module.nextCache));
vi.mock("react", () => import("../support/render-cache").then((module) => module.reactWithRenderCache()));

const { default: SignedInLayout } = await import("@/app/(app)/layout");
const { default: WeekLayout } = await import("@/app/(app)/weeks/[startsOn]/layout");
const { default: WeekPage } = await import("@/app/(app)/weeks/[startsOn]/page");
const { default: MenteeLayout } = await import("@/app/(app)/mentees/[menteeId]/layout");
const { default: MenteeWeekLayout } = await import("@/app/(app)/mentees/[menteeId]/weeks/[startsOn]/layout");
const { default: MenteeWeekPage } = await import("@/app/(app)/mentees/[menteeId]/weeks/[startsOn]/page");
const { ReviewSection } = await import("@/app/(app)/reviews/review-section");
const { lastWeekToLog, placeWeek } = await import("@/lib/weeks");

const SESSION_AND_SHELL = 2;
const BASE_URL = "https://wheelhouse.example.test";

/** The statements of one render: the shell, the layouts, the page and the review thread under it (a server component of its own). */
function render(sessionToken: string, parts: () => Promise<unknown>[], thread: () => Promise<unknown>): Promise<SentStatement[]> {
  return recordStatements(() =>
    withRequest(browserHeaders(sessionToken), () =>
      inRender(async () => {
        await Promise.all([SignedInLayout({ children: null }), ...parts()]);
        await thread();
      }),
    ),
  );
}

const ownWeek = (sessionToken: string, leader: TestUser, startsOn: string) => {
  const params = Promise.resolve({ startsOn });
  return render(
    sessionToken,
    () => [WeekLayout({ children: null, params }), WeekPage({ params })],
    () => ReviewSection({ menteeId: leader.id, weekStartsOn: startsOn }),
  );
};

const menteeWeek = (sessionToken: string, leader: TestUser, startsOn: string) => {
  const params = Promise.resolve({ menteeId: leader.id, startsOn });
  return render(
    sessionToken,
    () => [MenteeLayout({ children: null, params }), MenteeWeekLayout({ children: null, params }), MenteeWeekPage({ params })],
    () => ReviewSection({ menteeId: leader.id, weekStartsOn: startsOn }),
  );
};

/** A leader with this week and a past week logged, a touchpoint with a stakeholder in each, and a mentor who commented on the past week. */
async function leaderWithWeeks() {
  const leader = await createUser();
  const thisWeek = currentWeekStart({ timeZone: "Europe/Berlin", weekStartsOn: 1 });
  const pastWeek = previousWeekStart(previousWeekStart(thisWeek));
  const stakeholder = await createStakeholder(leader.id);
  for (const startsOn of [thisWeek, pastWeek]) {
    await createWeek(leader.viewer, { startsOn });
    await createTouchpoint(leader.id, { occurredOn: startsOn, stakeholderId: stakeholder.id });
  }
  const mentor = await createMentor(leader, { reflections: true, stakeholders: true });
  await addComment(mentor.viewer, { menteeId: leader.id, weekStartsOn: pastWeek }, "What would you do differently?", { baseUrl: BASE_URL });
  const sessionToken = await signInSession(leader.id);
  // The leader has read the comment (opening its week marks its notification read, a write counted elsewhere).
  await ownWeek(sessionToken, leader, pastWeek);
  return { leader, sessionToken, mentor, thisWeek, pastWeek };
}

const weekReads = (sent: SentStatement[]) => sent.filter(({ text }) => /FROM "public"\."Week"/.test(text));

describe("a week's page", () => {
  it("reads this week in five statements of its own: the weeks around it, touchpoints with their stakeholders, the stakeholders to pick from, the thread and who would read it", async () => {
    const { leader, sessionToken, thisWeek } = await leaderWithWeeks();
    const sent = await ownWeek(sessionToken, leader, thisWeek);
    expect(sent, listed(sent)).toHaveLength(SESSION_AND_SHELL + 5);
  });

  it("knows whether last week is logged from the weeks around today, and asks the database only when none was logged lately", async () => {
    const { leader, thisWeek, pastWeek } = await leaderWithWeeks();
    const lastWeek = previousWeekStart(thisWeek);
    // As this week's page asks: after placing its week, in the same render.
    const inPage = () =>
      inRender(async () => {
        const place = await placeWeek(leader.viewer, thisWeek);
        return recordStatements(async () => expect(await lastWeekToLog(leader.viewer, place.settings)).toBe(outside));
      });
    // Outside a render (no place read first), as before: one statement of its own.
    let outside = await lastWeekToLog(leader.viewer, { timeZone: "Europe/Berlin", weekStartsOn: 1 });
    expect(outside).toBe(lastWeek);
    expect(await inPage()).toHaveLength(0);

    await createWeek(leader.viewer, { startsOn: lastWeek });
    outside = await lastWeekToLog(leader.viewer, { timeZone: "Europe/Berlin", weekStartsOn: 1 });
    expect(outside).toBeNull();
    expect(await inPage()).toHaveLength(0);

    // Only weeks long ago: the rows around today cannot tell, so it asks.
    await db.week.deleteMany({ where: { userId: leader.id, startsOn: { in: [lastWeek, pastWeek, thisWeek].map(fromDateOnly) } } });
    await createWeek(leader.viewer, { startsOn: addDaysTo(thisWeek, -10 * 7) });
    outside = await lastWeekToLog(leader.viewer, { timeZone: "Europe/Berlin", weekStartsOn: 1 });
    expect(outside).toBe(lastWeek);
    expect(await inPage()).toHaveLength(1);
  });

  it("reads a past week with a mentor's comment in four: the week with its neighbours, touchpoints, stakeholders and the thread with its authors", async () => {
    const { leader, sessionToken, pastWeek } = await leaderWithWeeks();
    const sent = await ownWeek(sessionToken, leader, pastWeek);
    expect(sent, listed(sent)).toHaveLength(SESSION_AND_SHELL + 4);
  });

  it("reads the week's own row once, with its neighbours, for the form and the review thread", async () => {
    const { leader, sessionToken, pastWeek } = await leaderWithWeeks();
    const sent = await ownWeek(sessionToken, leader, pastWeek);
    expect(weekReads(sent), listed(sent)).toHaveLength(1);
  });

  it("reads a mentee's week for their mentor in six: the access, the week with its neighbours, touchpoints, the review mark, the thread, and who is mentoring", async () => {
    const { leader, mentor, pastWeek } = await leaderWithWeeks();
    const sessionToken = await signInSession(mentor.id);
    const sent = await menteeWeek(sessionToken, leader, pastWeek);
    expect(weekReads(sent), listed(sent)).toHaveLength(1);
    expect(sent, listed(sent)).toHaveLength(SESSION_AND_SHELL + 6);
  });
});
