// The accounts the fuzz runs against: an attacker (the signed-in user every
// call comes from), two strangers with data of their own, a leader who made
// the attacker their mentor, and the attacker's own mentor. Every id the
// attacker could try is kept in pools, and a digest of the other users' rows
// tells whether any of them changed.
import { randomBytes } from "node:crypto";
import { fromDateOnly, toDateOnly, type DateOnly } from "@/lib/shared/dates";
import { feedAddressDigest, sealFeedAddress } from "@/lib/calendar/feed-secret";
import { db } from "@/lib/server/db";
import { currentWeekStart, previousWeekStart } from "@/lib/shared/week-dates";
import { quarterOfWeek } from "@/lib/shared/quarters";
import { SHARE_EVERYTHING, createInvitation, createMentor } from "../factories/mentors";
import { createStakeholder, createTouchpoint } from "../factories/stakeholders";
import { createUser, type TestUser } from "../factories/users";
import { createVisionNote } from "../factories/vision-notes";
import { FEED_ATTENDEE } from "./feed-server";
import { createShareLink, revokeShareLink } from "@/lib/story/share-links";
import { currentQuarter } from "@/lib/shared/quarters";
import { SESSION_COOKIE as AUTH_SESSION_COOKIE } from "@/lib/config/session-cookies";
import { EMAIL_KINDS } from "@/lib/reminders/preferences.validation";
import { createUnsubscribeToken } from "@/lib/reminders/unsubscribe-token";

export const APP_URL = "https://wheelhouse.example.test";
/** Auth.js's session cookie on an https AUTH_URL. */
/** The session cookie on https, as the fuzzed calls send it. */
export const SESSION_COOKIE = AUTH_SESSION_COOKIE.secure;

/** Names of the id pools a generated call can draw from (resolved when the call runs). */
export const POOLS = [
  "attacker.user",
  "attacker.stakeholder",
  "attacker.deletedStakeholder",
  "attacker.touchpoint",
  "attacker.deletedTouchpoint",
  "attacker.note",
  "attacker.deletedNote",
  "attacker.comment",
  "attacker.mentorship",
  "attacker.week",
  "attacker.weekVersion",
  "attacker.shareLink",
  "attacker.shareToken",
  "attacker.calendarImport",
  "attacker.calendarFeed",
  "mentee.user",
  "mentee.note",
  "mentee.comment",
  "mentee.mentorship",
  "mentee.week",
  "victim.user",
  "victim.stakeholder",
  "victim.deletedStakeholder",
  "victim.touchpoint",
  "victim.deletedTouchpoint",
  "victim.note",
  "victim.deletedNote",
  "victim.comment",
  "victim.mentorship",
  "victim.inviteToken",
  "attacker.unsubscribeToken",
  "victim.unsubscribeToken",
  "victim.week",
  "victim.email",
  "victim.shareLink",
  "victim.deadShareToken",
  "victim.calendarImport",
  "victim.calendarFeed",
  "gone.id",
] as const;

export type Pool = (typeof POOLS)[number];
export type Pools = Record<Pool, string[]>;

export type World = {
  attacker: TestUser & { sessionToken: string };
  /** A leader the attacker mentors (accepted, sharing everything): the attacker may comment in their threads. */
  mentee: TestUser & { mentorshipId: string };
  /** The attacker's own mentor. */
  mentor: TestUser & { mentorshipId: string };
  /** Users the attacker has no business with. */
  victims: TestUser[];
  /** Every user but the attacker: none of their rows may change, bar the mentee's rows the attacker takes part in. */
  others: string[];
  pools: Pools;
  /** The loopback feed server's "host:port" (tests/support/fuzz/feed-server.ts), allowed for feeds. */
  feedHost: string;
};

/**
 * Unsubscribe links for other users that must be refused: expired ones
 * (signed, but more than 90 days old) and forged ones (the attacker's own
 * signature on another user's id, or on another kind).
 */
function refusedUnsubscribeTokens(attackerId: string, victimIds: string[]): string[] {
  const longAgo = new Date(Date.now() - 100 * 86_400_000);
  return victimIds.flatMap((victimId) =>
    EMAIL_KINDS.flatMap((kind) => {
      const [version, , ownKind, expires, signature] = createUnsubscribeToken(attackerId, kind).split(".");
      const otherKind = EMAIL_KINDS.find((other) => other !== ownKind)!;
      return [createUnsubscribeToken(victimId, kind, longAgo), [version, victimId, kind, expires, signature].join("."), [version, attackerId, otherKind, expires, signature].join(".")];
    }),
  );
}

/** Week starts (Mondays, Europe/Berlin users) the attacker may log: this week and the three before. */
function recentWeeks(now = new Date()): DateOnly[] {
  const weeks = [currentWeekStart({ timeZone: "Europe/Berlin", weekStartsOn: 1 }, now)];
  while (weeks.length < 4) weeks.push(previousWeekStart(weeks.at(-1)!));
  return weeks;
}

async function fillLeader(user: TestUser, weeks: DateOnly[], feedHost: string) {
  for (const startsOn of weeks) {
    await db.week.create({
      data: { userId: user.id, startsOn: fromDateOnly(startsOn), strategyMinutes: 600, reflectionStory: `Reflection of ${user.email}`, ratingStory: 3 },
    });
  }
  // Among the attendees of the calendars imported and fetched: confirms and refreshes make touchpoints.
  const stakeholder = await createStakeholder(user.id, { name: "Priya Product", cadenceDays: 14, email: FEED_ATTENDEE });
  const deletedStakeholder = await createStakeholder(user.id, { name: "Gone Person", deletedAt: new Date() });
  const touchpoint = await createTouchpoint(user.id, { stakeholderId: stakeholder.id, occurredOn: weeks[0] });
  const deletedTouchpoint = await createTouchpoint(user.id, { stakeholderId: null, department: "FINANCE", deletedAt: new Date() });
  const note = await createVisionNote(user, { title: "Platform bet", tags: ["platform"] });
  const deletedNote = await createVisionNote(user, { title: "Dropped bet", deletedAt: new Date() });
  await db.visionNoteRevisit.create({ data: { userId: user.id, noteId: note.id } });
  // The running quarter's story: a narrative and a self-rating.
  const quarter = quarterOfWeek(weeks[0]!);
  await db.storyNarrative.create({ data: { userId: user.id, quarter, body: `Story of ${user.email}` } });
  await db.storyRating.create({ data: { userId: user.id, quarter, habit: "story", rater: "self", rating: 3, evidence: "Told it well" } });
  const calendarImports = await calendarImportsOf(user, weeks[0]!);
  return {
    calendarImport: calendarImports,
    calendarFeed: [await calendarFeedOf(user, feedHost), await calendarFeedOf(user, INTERNAL_FEED_HOST)],
    stakeholder: [stakeholder.id],
    deletedStakeholder: [deletedStakeholder.id],
    touchpoint: [touchpoint.id],
    deletedTouchpoint: [deletedTouchpoint.id],
    note: [note.id],
    deletedNote: [deletedNote.id],
  };
}

/** A calendar import waiting for review (a meeting with their stakeholder) and one confirmed earlier, with their rules. */
async function calendarImportsOf(user: TestUser, week: DateOnly): Promise<string[]> {
  await db.calendarRules.create({ data: { userId: user.id, rules: [{ match: { on: "words", words: ["incident"] }, category: "firefighting" }] } });
  const start = new Date(`${week}T09:00:00Z`);
  const occurrences = [
    { key: "fuzz-meeting", start: start.toISOString(), end: new Date(start.getTime() + 3_600_000).toISOString(), title: "Incident review", description: "", organizer: null, attendees: [FEED_ATTENDEE], attendeeCount: 2 },
  ];
  const window = { windowStart: new Date(start.getTime() - 84 * 86_400_000), windowEnd: new Date(start.getTime() + 7 * 86_400_000) };
  const pending = await db.calendarImport.create({ data: { userId: user.id, fileName: "work.ics", ...window, occurrences, warnings: [] } });
  const confirmed = await db.calendarImport.create({ data: { userId: user.id, fileName: "old.ics", status: "CONFIRMED", confirmedAt: new Date(), ...window } });
  return [pending.id, confirmed.id];
}

/** A host on a private network, not allowed: a refresh of a feed there is refused before any packet is sent. */
const INTERNAL_FEED_HOST = "10.20.30.40";

/**
 * A feed refreshed hourly, at `host`: the fuzz's loopback feed server (an
 * allowed host), whose calendar the attacker's own refreshes fetch and write
 * to their weeks and touchpoints, or INTERNAL_FEED_HOST (refused).
 */
async function calendarFeedOf(user: { id: string }, host: string): Promise<string> {
  const address = `${host === INTERNAL_FEED_HOST ? "https" : "http"}://${host}/calendar/${user.id}/basic.ics`;
  const feed = await db.calendarFeed.create({
    data: { userId: user.id, addressSealed: sealFeedAddress(address), addressDigest: feedAddressDigest(address), addressHint: host, activeSince: new Date() },
  });
  return feed.id;
}

async function comment(menteeId: string, authorId: string, where: { weekStartsOn: DateOnly } | { noteId: string }, body: string): Promise<string> {
  const week = "weekStartsOn" in where ? await db.week.findFirstOrThrow({ where: { userId: menteeId, startsOn: fromDateOnly(where.weekStartsOn) } }) : null;
  const row = await db.reviewComment.create({
    data: { menteeId, authorId, body, weekId: week?.id ?? null, noteId: "noteId" in where ? where.noteId : null },
  });
  return row.id;
}

/** Ids that existed once: rows created and then deleted for good. */
async function goneIds(owner: TestUser): Promise<string[]> {
  const stakeholder = await createStakeholder(owner.id, { name: "Deleted for good" });
  const note = await createVisionNote(owner, { title: "Deleted for good" });
  await db.stakeholder.delete({ where: { id: stakeholder.id } });
  await db.visionNote.delete({ where: { id: note.id } });
  return [stakeholder.id, note.id];
}

export async function seedWorld({ feedHost }: { feedHost: string }): Promise<World> {
  const weeks = recentWeeks();
  const attackerUser = await createUser({ name: "Mallory Attacker" });
  const attacker = { ...attackerUser, sessionToken: randomBytes(32).toString("hex") };
  const victims = [await createUser({ name: "Ada Victim" }), await createUser({ name: "Bo Victim" })];
  const [ada, bo] = victims as [TestUser, TestUser];

  const own = await fillLeader(attacker, weeks.slice(1), feedHost);
  const adaRows = await fillLeader(ada, weeks, feedHost);
  const boRows = await fillLeader(bo, weeks, feedHost);

  // Bo mentors Ada and comments in her threads; Ada has an invitation out.
  const boMentorsAda = await createMentor(ada, SHARE_EVERYTHING, bo);
  const victimComments = [
    await comment(ada.id, bo.id, { weekStartsOn: weeks[0]! }, "Bo's comment on Ada's week"),
    await comment(ada.id, ada.id, { noteId: adaRows.note[0]! }, "Ada's own comment"),
  ];
  await db.notification.create({ data: { userId: ada.id, commentId: victimComments[0]! } });
  const adaInvitation = await createInvitation(ada, { inviteEmail: "third.party@example.test", share: SHARE_EVERYTHING });
  const boInvitation = await createInvitation(bo, { inviteEmail: "fourth.party@example.test" });

  // The attacker mentors Mia; Nils mentors the attacker.
  const mia = await createUser({ name: "Mia Mentee" });
  const miaRows = await fillLeader(mia, weeks, feedHost);
  const { mentorshipId: miaMentorshipId } = await createMentor(mia, SHARE_EVERYTHING, attacker);
  const menteeComments = [
    await comment(mia.id, mia.id, { weekStartsOn: weeks[0]! }, "Mia's own comment"),
    await comment(mia.id, attacker.id, { noteId: miaRows.note[0]! }, "The attacker's comment as Mia's mentor"),
  ];
  const nils = await createMentor(attacker, SHARE_EVERYTHING);

  // Links to this quarter's story: the attacker's own (one live, one revoked), and the victims'. Of
  // the victims' tokens only dead ones are tried: a live one is anyone's to open, and opening counts.
  const quarter = currentQuarter({ timeZone: "Europe/Berlin", weekStartsOn: 1 });
  const shareLink = async (owner: TestUser, revoked: boolean) => {
    const made = await createShareLink(owner.viewer, { quarter, expiresInDays: 30, label: `Link of ${owner.email}` });
    if (revoked) await revokeShareLink(owner.viewer, made.link.id);
    return { id: made.link.id, token: made.token };
  };
  const ownLinks = [await shareLink(attacker, false), await shareLink(attacker, true)];
  const victimLinks = [await shareLink(ada, false), await shareLink(ada, true), await shareLink(bo, true)];
  const ownComment = await comment(attacker.id, attacker.id, { weekStartsOn: weeks[1]! }, "The attacker's own comment");
  const ownInvitation = await createInvitation(attacker, { inviteEmail: "would-be.mentor@example.test" });

  const world: World = {
    attacker,
    mentee: { ...mia, mentorshipId: miaMentorshipId },
    mentor: nils,
    victims,
    others: [ada.id, bo.id, mia.id, nils.id],
    feedHost,
    pools: {
      "attacker.user": [attacker.id],
      "attacker.stakeholder": own.stakeholder,
      "attacker.deletedStakeholder": own.deletedStakeholder,
      "attacker.touchpoint": own.touchpoint,
      "attacker.deletedTouchpoint": own.deletedTouchpoint,
      "attacker.note": own.note,
      "attacker.deletedNote": own.deletedNote,
      "attacker.comment": [ownComment, menteeComments[1]!],
      "attacker.mentorship": [nils.mentorshipId, ownInvitation.id],
      "attacker.week": weeks,
      "attacker.weekVersion": weeks.map(() => "0"),
      "attacker.shareLink": ownLinks.map((link) => link.id),
      "attacker.shareToken": ownLinks.map((link) => link.token),
      "attacker.calendarImport": own.calendarImport,
      "attacker.calendarFeed": own.calendarFeed,
      "mentee.user": [mia.id],
      "mentee.note": miaRows.note,
      "mentee.comment": [menteeComments[0]!],
      "mentee.mentorship": [miaMentorshipId],
      "mentee.week": weeks,
      "victim.user": [ada.id, bo.id, nils.id],
      "victim.stakeholder": [...adaRows.stakeholder, ...boRows.stakeholder, ...miaRows.stakeholder],
      "victim.deletedStakeholder": [...adaRows.deletedStakeholder, ...boRows.deletedStakeholder],
      "victim.touchpoint": [...adaRows.touchpoint, ...boRows.touchpoint, ...miaRows.touchpoint],
      "victim.deletedTouchpoint": [...adaRows.deletedTouchpoint, ...boRows.deletedTouchpoint],
      "victim.note": [...adaRows.note, ...boRows.note],
      "victim.deletedNote": [...adaRows.deletedNote, ...boRows.deletedNote, ...miaRows.deletedNote],
      "victim.comment": victimComments,
      "victim.mentorship": [boMentorsAda.mentorshipId, adaInvitation.id, boInvitation.id],
      "victim.inviteToken": [adaInvitation.token, boInvitation.token],
      "attacker.unsubscribeToken": EMAIL_KINDS.map((kind) => createUnsubscribeToken(attacker.id, kind)),
      "victim.unsubscribeToken": refusedUnsubscribeTokens(attacker.id, [ada.id, bo.id, nils.id]),
      "victim.week": weeks,
      "victim.email": [ada.email, bo.email, mia.email, nils.email],
      "victim.shareLink": victimLinks.map((link) => link.id),
      "victim.deadShareToken": victimLinks.slice(1).map((link) => link.token),
      "victim.calendarImport": [...adaRows.calendarImport, ...boRows.calendarImport, ...miaRows.calendarImport],
      "victim.calendarFeed": [...adaRows.calendarFeed, ...boRows.calendarFeed, ...miaRows.calendarFeed],
      "gone.id": await goneIds(ada),
    },
  };
  await ensureAttacker(world);
  return world;
}

/**
 * Puts back what the attacker may legitimately undo between batches: their
 * session (signed out everywhere), their account (deleted, with its
 * mentorships), their place as Mia's mentor (left or ended), and a calendar
 * feed (removed), so removing and refreshing one keep succeeding too.
 */
export async function ensureAttacker(world: World): Promise<void> {
  const { attacker, mentee, mentor } = world;
  const [{ intact }] = await db.$queryRaw<[{ intact: boolean }]>`
    SELECT EXISTS (SELECT 1 FROM "Session" WHERE "sessionToken" = ${attacker.sessionToken})
       AND EXISTS (SELECT 1 FROM "Mentorship" WHERE id = ${mentee.mentorshipId} AND "mentorId" = ${attacker.id} AND status = 'ACCEPTED'
                   AND "shareReflections" AND "shareStakeholders" AND "shareNotes" AND "shareStory")
       AND EXISTS (SELECT 1 FROM "Mentorship" WHERE id = ${mentor.mentorshipId})
       AND EXISTS (SELECT 1 FROM "CalendarFeed" WHERE "userId" = ${attacker.id}) AS intact`;
  if (intact) return;
  await db.user.upsert({
    where: { id: attacker.id },
    create: { id: attacker.id, email: attacker.email, name: "Mallory Attacker", timeZone: "Europe/Berlin", emailVerified: new Date() },
    update: {},
  });
  await db.session.upsert({
    where: { sessionToken: attacker.sessionToken },
    create: { sessionToken: attacker.sessionToken, userId: attacker.id, expires: new Date(Date.now() + 86_400_000) },
    update: {},
  });
  await db.mentorship.update({
    where: { id: mentee.mentorshipId },
    data: { status: "ACCEPTED", mentorId: attacker.id, endedAt: null, shareReflections: true, shareStakeholders: true, shareNotes: true, shareStory: true },
  });
  await db.mentorship.upsert({
    where: { id: mentor.mentorshipId },
    create: { id: mentor.mentorshipId, menteeId: attacker.id, mentorId: mentor.id, inviteEmail: mentor.email, status: "ACCEPTED", acceptedAt: new Date() },
    update: {},
  });
  if ((await db.calendarFeed.count({ where: { userId: attacker.id } })) === 0) await calendarFeedOf(attacker, world.feedHost);
}

/** The attacker's own ids as they are now (the fuzz creates and deletes them as it goes), newest first. */
export async function refreshAttackerPools(world: World): Promise<void> {
  const userId = world.attacker.id;
  const rows = await db.$queryRaw<Array<{ pool: Pool; id: string }>>`
    (SELECT CASE WHEN "deletedAt" IS NULL THEN 'attacker.stakeholder' ELSE 'attacker.deletedStakeholder' END AS pool, id
      FROM "Stakeholder" WHERE "userId" = ${userId} ORDER BY "createdAt" DESC LIMIT 20)
    UNION ALL (SELECT CASE WHEN "deletedAt" IS NULL THEN 'attacker.touchpoint' ELSE 'attacker.deletedTouchpoint' END, id
      FROM "Touchpoint" WHERE "userId" = ${userId} ORDER BY "createdAt" DESC LIMIT 20)
    UNION ALL (SELECT CASE WHEN "deletedAt" IS NULL THEN 'attacker.note' ELSE 'attacker.deletedNote' END, id
      FROM "VisionNote" WHERE "userId" = ${userId} ORDER BY "createdAt" DESC LIMIT 20)
    UNION ALL (SELECT 'attacker.comment', id FROM "ReviewComment" WHERE "authorId" = ${userId} ORDER BY "createdAt" DESC LIMIT 20)
    UNION ALL (SELECT 'attacker.mentorship', id FROM "Mentorship" WHERE "menteeId" = ${userId} ORDER BY "createdAt" DESC LIMIT 20)
    UNION ALL (SELECT 'attacker.shareLink', id FROM "StoryShareLink" WHERE "userId" = ${userId} ORDER BY "createdAt" DESC LIMIT 20)
    UNION ALL (SELECT 'attacker.calendarImport', id FROM "CalendarImport" WHERE "userId" = ${userId} ORDER BY "createdAt" DESC LIMIT 20)
    UNION ALL (SELECT 'attacker.calendarFeed', id FROM "CalendarFeed" WHERE "userId" = ${userId} ORDER BY "createdAt" DESC LIMIT 20)
  `;
  const refreshed: Pool[] = [
    "attacker.stakeholder",
    "attacker.deletedStakeholder",
    "attacker.touchpoint",
    "attacker.deletedTouchpoint",
    "attacker.note",
    "attacker.deletedNote",
    "attacker.comment",
    "attacker.mentorship",
    "attacker.shareLink",
    "attacker.calendarImport",
    "attacker.calendarFeed",
  ];
  for (const pool of refreshed) world.pools[pool] = rows.filter((row) => row.pool === pool).map((row) => row.id);
  // The version each of "attacker.week" is at, in the same order (0: never saved), so a save can be current.
  const versions = await db.week.findMany({ where: { userId, startsOn: { in: world.pools["attacker.week"].map(fromDateOnly) } }, select: { startsOn: true, version: true } });
  world.pools["attacker.weekVersion"] = world.pools["attacker.week"].map((week) => String(versions.find((row) => toDateOnly(row.startsOn) === week)?.version ?? 0));
}

/**
 * One line per row the other users own: "Table owner key md5(row)". Left
 * out are the rows the attacker legitimately takes part in as Mia's mentor
 * (their mentorship, its week reviews, the attacker's comments in her
 * threads and the notifications about them, their ratings of her quarters) and notifications about the
 * attacker's own threads (their mentor Nils hears of new comments there).
 */
export async function othersRows(world: World): Promise<Map<string, string>> {
  const others = world.others;
  const attacker = world.attacker.id;
  const mentee = world.mentee.id;
  const excludedMentorship = world.mentee.mentorshipId;
  const rows = await db.$queryRaw<Array<{ line: string; digest: string }>>`
    SELECT 'User ' || t.id AS line, md5(row_to_json(t)::text) AS digest FROM "User" t WHERE t.id = ANY(${others})
    UNION ALL SELECT 'Account ' || t."userId" || ' ' || t."providerAccountId", md5(row_to_json(t)::text) FROM "Account" t WHERE t."userId" = ANY(${others})
    UNION ALL SELECT 'Session ' || t."userId" || ' ' || md5(t."sessionToken"), md5(row_to_json(t)::text) FROM "Session" t WHERE t."userId" = ANY(${others})
    UNION ALL SELECT 'Week ' || t."userId" || ' ' || t.id, md5(row_to_json(t)::text) FROM "Week" t WHERE t."userId" = ANY(${others})
    UNION ALL SELECT 'Stakeholder ' || t."userId" || ' ' || t.id, md5(row_to_json(t)::text) FROM "Stakeholder" t WHERE t."userId" = ANY(${others})
    UNION ALL SELECT 'Touchpoint ' || t."userId" || ' ' || t.id, md5(row_to_json(t)::text) FROM "Touchpoint" t WHERE t."userId" = ANY(${others})
    UNION ALL SELECT 'VisionNote ' || t."userId" || ' ' || t.id, md5(row_to_json(t)::text) FROM "VisionNote" t WHERE t."userId" = ANY(${others})
    UNION ALL SELECT 'VisionNoteRevisit ' || t."userId" || ' ' || t.id, md5(row_to_json(t)::text) FROM "VisionNoteRevisit" t WHERE t."userId" = ANY(${others})
    UNION ALL SELECT 'Mentorship ' || t."menteeId" || ' ' || t.id, md5(row_to_json(t)::text) FROM "Mentorship" t
      WHERE t."menteeId" = ANY(${others}) AND t.id <> ${excludedMentorship}
    UNION ALL SELECT 'WeekReview ' || m."menteeId" || ' ' || t."mentorshipId" || ' ' || t."weekId", md5(row_to_json(t)::text)
      FROM "WeekReview" t JOIN "Mentorship" m ON m.id = t."mentorshipId" WHERE m."menteeId" = ANY(${others}) AND m.id <> ${excludedMentorship}
    UNION ALL SELECT 'ReviewComment ' || t."menteeId" || ' ' || t.id, md5(row_to_json(t)::text) FROM "ReviewComment" t
      WHERE t."menteeId" = ANY(${others}) AND NOT (t."menteeId" = ${mentee} AND t."authorId" = ${attacker})
    UNION ALL SELECT 'Notification ' || t."userId" || ' ' || t.id, md5(row_to_json(t)::text)
      FROM "Notification" t JOIN "ReviewComment" c ON c.id = t."commentId"
      WHERE t."userId" = ANY(${others}) AND c."menteeId" <> ${attacker} AND NOT (c."menteeId" = ${mentee} AND c."authorId" = ${attacker})
    UNION ALL SELECT 'StoryNarrative ' || t."userId" || ' ' || t.id, md5(row_to_json(t)::text) FROM "StoryNarrative" t WHERE t."userId" = ANY(${others})
    UNION ALL SELECT 'StoryRating ' || t."userId" || ' ' || t.id, md5(row_to_json(t)::text) FROM "StoryRating" t
      WHERE t."userId" = ANY(${others}) AND t."mentorshipId" IS DISTINCT FROM ${excludedMentorship}
    UNION ALL SELECT 'CalendarRules ' || t."userId", md5(row_to_json(t)::text) FROM "CalendarRules" t WHERE t."userId" = ANY(${others})
    UNION ALL SELECT 'CalendarImport ' || t."userId" || ' ' || t.id, md5(row_to_json(t)::text) FROM "CalendarImport" t WHERE t."userId" = ANY(${others})
    UNION ALL SELECT 'CalendarImportWeek ' || t."userId" || ' ' || t."importId" || ' ' || t."startsOn", md5(row_to_json(t)::text) FROM "CalendarImportWeek" t WHERE t."userId" = ANY(${others})
    UNION ALL SELECT 'CalendarFeed ' || t."userId" || ' ' || t.id, md5(row_to_json(t)::text) FROM "CalendarFeed" t WHERE t."userId" = ANY(${others})
    UNION ALL SELECT 'CalendarImportTouchpoint ' || t."userId" || ' ' || t.id, md5(row_to_json(t)::text) FROM "CalendarImportTouchpoint" t WHERE t."userId" = ANY(${others})
    UNION ALL SELECT 'AuditEvent ' || t."userId" || ' ' || t.id, md5(row_to_json(t)::text) FROM "AuditEvent" t WHERE t."userId" = ANY(${others})
    UNION ALL SELECT 'StoryShareLink ' || t."userId" || ' ' || t.id, md5(row_to_json(t)::text) FROM "StoryShareLink" t WHERE t."userId" = ANY(${others})
  `;
  return new Map(rows.map((row) => [row.line, row.digest]));
}

/** What differs between two digests, one line each; empty when nothing changed. */
export function changedRows(before: Map<string, string>, after: Map<string, string>): string[] {
  const changes: string[] = [];
  for (const [line, digest] of before) {
    if (!after.has(line)) changes.push(`deleted: ${line}`);
    else if (after.get(line) !== digest) changes.push(`changed: ${line}`);
  }
  for (const line of after.keys()) if (!before.has(line)) changes.push(`added: ${line}`);
  return changes;
}
