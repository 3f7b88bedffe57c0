// A well-filled account for export / import / deletion tests: every kind of
// row the export covers, with the awkward values (unicode, quotes, formulas,
// line breaks, nulls) written straight to the database.
import { fromDateOnly } from "@/lib/shared/dates";
import { db } from "@/lib/server/db";
import { createStakeholder, createTouchpoint } from "./stakeholders";
import { createUser, type TestUser } from "./users";

export const AWKWARD_TEXT = '=HYPERLINK("http://evil.example","click") — "quoted", comma\nnew line ✨ 日本語';

export async function fillAccount(user: TestUser): Promise<{ stakeholderId: string; noteId: string }> {
  await db.user.update({
    where: { id: user.id },
    data: {
      goalStrategySharePercent: 40,
      goalTouchpointsPerWeek: 5,
      goalDepartments: ["SALES", "FINANCE"],
      // Not the defaults, so the round trip shows they travel: Tuesday 08:30, every email off.
      emailWeekReminder: false,
      emailMentorDigest: false,
      emailCommentDigest: false,
      weeklyEmailDay: 2,
      weeklyEmailMinute: 510,
    },
  });
  await db.week.create({
    data: {
      userId: user.id,
      startsOn: fromDateOnly("2026-11-02"),
      firefightingMinutes: 600,
      strategyMinutes: 900,
      otherMinutes: 45,
      reflectionStrategy: AWKWARD_TEXT,
      reflectionStory: null,
      ratingStrategy: 4,
      ratingVision: 2,
      highlights: "+1 from the board; @channel shout-out",
      version: 3,
    },
  });
  await db.week.create({
    data: {
      userId: user.id,
      startsOn: fromDateOnly("2026-11-09"),
      strategyMinutes: 120,
      reflectionStory: "Told the roadmap story twice",
      reflectionRelationships: "Lunch with finance",
      reflectionVision: "Drafted the two-year bet",
      ratingStory: 3,
      ratingRelationships: 5,
    },
  });

  const sam = await createStakeholder(user.id, { name: "Sam Seller", notes: "-prefers mornings", cadenceDays: 14, email: "sam@sales.example" });
  const fin = await createStakeholder(user.id, { name: "Fay Finance", role: null, department: "FINANCE" });
  await createStakeholder(user.id, { name: "Gone Person", deletedAt: new Date() });
  const pipeline = await createTouchpoint(user.id, { stakeholderId: sam.id, occurredOn: "2026-11-03", topic: "Pipeline review", outcome: AWKWARD_TEXT, notable: true });
  await createTouchpoint(user.id, { stakeholderId: fin.id, occurredOn: "2026-11-04", channel: "CALL", topic: "Budget" });
  await createTouchpoint(user.id, { stakeholderId: null, department: "OPERATIONS", occurredOn: "2026-11-05", channel: "MEETING", topic: "Ops sync" });
  await createTouchpoint(user.id, { stakeholderId: sam.id, topic: "In the trash", deletedAt: new Date() });

  const note = await db.visionNote.create({
    data: {
      userId: user.id,
      title: "Platform team by Q3",
      body: "# Why\n\n<script>alert(1)</script> and **markdown**",
      horizon: "ONE_YEAR",
      tags: ["hiring", "platform"],
      status: "IN_PROGRESS",
      statusChangedAt: new Date("2026-10-15T09:00:00.000Z"),
      revisitOn: fromDateOnly("2027-01-15"),
    },
  });
  await db.visionNoteRevisit.createMany({
    data: [
      { userId: user.id, noteId: note.id, revisitedAt: new Date("2026-10-01T09:00:00.000Z") },
      { userId: user.id, noteId: note.id, revisitedAt: new Date("2026-11-01T09:00:00.000Z") },
    ],
  });
  await db.visionNote.create({ data: { userId: user.id, title: "Bare note", horizon: "FIVE_YEARS" } });
  await db.storyNarrative.create({ data: { userId: user.id, quarter: "2026-Q4", body: `## Wins\n\n${AWKWARD_TEXT}`, version: 2 } });
  await db.storyRating.createMany({
    data: [
      { userId: user.id, quarter: "2026-Q4", habit: "story", rater: "self", rating: 4, evidence: AWKWARD_TEXT },
      { userId: user.id, quarter: "2026-Q3", habit: "vision", rater: "self", rating: 2, evidence: null },
    ],
  });

  // The calendar import: edited rules, and a confirmed import that wrote a week and a touchpoint.
  await db.calendarRules.create({
    data: { userId: user.id, rules: [{ match: { on: "words", words: ["incident"] }, category: "firefighting" }], defaultCategory: "ignore" },
  });
  const calendarImport = await db.calendarImport.create({
    data: { userId: user.id, fileName: "calendar.ics", status: "CONFIRMED", windowStart: new Date("2026-08-31T00:00:00Z"), windowEnd: new Date("2026-11-26T12:00:00Z"), confirmedAt: new Date() },
  });
  await db.calendarImportWeek.create({
    data: {
      importId: calendarImport.id,
      userId: user.id,
      startsOn: fromDateOnly("2026-11-09"),
      created: false,
      previousFirefightingMinutes: 0,
      previousStrategyMinutes: 60,
      previousOtherMinutes: 0,
      firefightingMinutes: 0,
      strategyMinutes: 120,
      otherMinutes: 0,
    },
  });
  await db.calendarImportTouchpoint.create({
    data: { importId: calendarImport.id, userId: user.id, eventKey: "pipeline", stakeholderId: sam.id, touchpointId: pipeline.id, created: true },
  });
  // A calendar feed (its address sealed, as the app keeps it).
  await db.calendarFeed.create({
    data: { userId: user.id, addressSealed: "v1.sealed", addressDigest: `digest-${user.id}`, addressHint: "calendar.example.com …9f3a", activeSince: new Date() },
  });
  return { stakeholderId: sam.id, noteId: note.id };
}

/** An accepted mentorship between two users, with a comment from the mentor on the mentee's note. */
export async function createMentorship(mentee: TestUser, mentor: TestUser, noteId?: string): Promise<{ id: string }> {
  const mentorship = await db.mentorship.create({
    data: {
      menteeId: mentee.id,
      mentorId: mentor.id,
      inviteEmail: mentor.email,
      status: "ACCEPTED",
      acceptedAt: new Date(),
      inviteTokenHash: `hash-${mentee.id}-${mentor.id}`,
      shareNotes: true,
    },
    select: { id: true },
  });
  if (noteId) await db.reviewComment.create({ data: { menteeId: mentee.id, authorId: mentor.id, noteId, body: "Good direction." } });
  return mentorship;
}

export { createUser };
