// The full authorization matrix for mentors, on the real database through
// the real lib/ functions: every role × resource × action, asserting exactly
// which are allowed. Everything else must answer as if the resource did not
// exist: a read gives null, a write throws NotFoundError (or, for the APIs
// that can only ever write to the caller's own account, leaves the leader's
// data untouched). Any other error fails the test.
import { afterAll, describe, expect, it } from "vitest";
import { NotFoundError, VersionConflictError } from "@/lib/server/errors";
import { exportAccount, exportCsv } from "@/lib/account/export";
import { CSV_FILES } from "@/lib/account/account.validation";
import { addComment, deleteComment, editComment, getThread } from "@/lib/mentoring/comments";
import { getDashboard } from "@/lib/dashboard/dashboard";
import { fromDateOnly } from "@/lib/shared/dates";
import { db } from "@/lib/server/db";
import { updateGoals } from "@/lib/dashboard/goals";
import { stopJobs } from "@/lib/server/jobs";
import {
  getMenteeDashboard,
  getMenteeNote,
  getMenteeStakeholder,
  getMenteeStoryPack,
  getMenteeTouchpoint,
  getMenteeWeek,
  listMentorDigest,
  saveMentorStoryRatings,
} from "@/lib/mentoring/mentor-access";
import { MENTOR_RULES, SHARE_NONE, mentorMayRead, type MentorRowResource, type Share } from "@/lib/mentoring/mentorship-model";
import { cancelInvitation, endMentorship, inviteMentor, listMentorships, updateSharing } from "@/lib/mentoring/mentorships";
import { createStakeholder, deleteStakeholder, getStakeholder, updateStakeholder } from "@/lib/stakeholders";
import { createShareLink, listShareLinks, revokeShareLink } from "@/lib/story/share-links";
import { createTouchpoint, deleteTouchpoint, getTouchpoint, updateTouchpoint } from "@/lib/touchpoints";
import type { Viewer } from "@/lib/server/viewer";
import { confirmImport, getPendingImport, getPendingImportWeek, reclassifyEvent, undoImport } from "@/lib/calendar/imports";
import { feedAddressDigest, sealFeedAddress } from "@/lib/calendar/feed-secret";
import { listFeeds, refreshFeed, unsubscribeFeed } from "@/lib/calendar/feeds";
import { createVisionNote, deleteVisionNote, getVisionNote, updateVisionNote } from "@/lib/vision-notes";
import { getWeek, saveWeek } from "@/lib/weeks";
import { getStoryPack, noRatings } from "@/lib/story/pack";
import { saveNarrative, saveSelfAssessment } from "@/lib/story/story";
import { SHARE_EVERYTHING, createInvitation, createMentor } from "../support/factories/mentors";
import { createStakeholder as seedStakeholder, createTouchpoint as seedTouchpoint } from "../support/factories/stakeholders";
import { createUser, type TestUser } from "../support/factories/users";
import { createVisionNote as seedVisionNote } from "../support/factories/vision-notes";
import { createWeek, weekInput } from "../support/factories/weeks";

afterAll(stopJobs);

const baseUrl = "https://wheelhouse.example.test";
const WEEK = "2026-11-16";
const INVITEE_EMAIL = "invitee@example.test";
const NOTE_TITLE = "Platform bet";
const QUARTER = "2026-Q4";
const NARRATIVE = "The leader's quarter, in their words";
/** What the leader's rows say: in an export only as far as the role may read them. */
const LEADER_TEXTS = [WEEK, "Secret reflection", "Priya", "Roadmap", NOTE_TITLE, "The leader's own words"];

type Role =
  | "owner"
  | "mentor sharing nothing"
  | "mentor sharing reflections"
  | "mentor sharing stakeholders"
  | "mentor sharing notes"
  | "mentor sharing the story"
  | "mentor after revocation"
  | "invitee who has not accepted"
  | "another user"
  | "signed-out visitor";

const CELLS = [
  "dashboard:read",
  "dashboard:update",
  "week:read",
  "week:create",
  "week:update",
  "reflection:read",
  "reflection:update",
  "touchpoint:read",
  "touchpoint:create",
  "touchpoint:update",
  "touchpoint:delete",
  "stakeholder:read",
  "stakeholder:create",
  "stakeholder:update",
  "stakeholder:delete",
  "visionNote:read",
  "visionNote:create",
  "visionNote:update",
  // The thread of a vision note: only where notes are shared (before the note is deleted).
  "noteComment:read",
  "noteComment:create",
  "visionNote:delete",
  // The thread of a week.
  "weekComment:read",
  "weekComment:create",
  // On a comment the role wrote itself (for roles that never could, the leader's).
  "weekComment:update",
  "weekComment:delete",
  // On someone else's comment in the thread.
  "weekComment:updateOthers",
  "weekComment:deleteOthers",
  // The role's own data export (JSON and CSV): anything of the leader's rows in it, and the note's title.
  "export:read",
  "export:readNote",
  // The role's weekly mentor digest: anything of the leader's in it, and the note's title.
  "digest:read",
  "digest:readNote",
  // The quarterly story: its narrative (a mentor never writes the leader's), and the ratings beside it
  // (the leader's own, or the role's own as a mentor).
  "story:read",
  "story:update",
  "storyRating:read",
  "storyRating:create",
  "invitation:read",
  "invitation:create",
  "invitation:update",
  "invitation:delete",
  // Read-only links to the leader's story of a quarter, for people without an account.
  "shareLink:read",
  "shareLink:create",
  "shareLink:delete",
  // The calendar import: the owner's alone, mentors included (they see only the weeks and touchpoints it wrote).
  "calendarImport:read",
  // One week's events in the preview, loaded when the week is opened.
  "calendarImport:readWeek",
  // One event of a pending import given another category in its preview.
  "calendarImport:reclassify",
  "calendarImport:update",
  "calendarImport:delete",
  // Calendar feeds (their addresses are secrets): the owner's alone. Update is "Refresh now".
  "calendarFeed:read",
  "calendarFeed:update",
  "calendarFeed:delete",
] as const;
// Not in the table: a dashboard is computed, so it has no create or delete for
// anyone; weeks and reflections are never deleted (a week is edited instead).

type Cell = (typeof CELLS)[number];

const MENTOR_BASE: Cell[] = ["dashboard:read", "week:read", "weekComment:read", "weekComment:create", "weekComment:update", "weekComment:delete", "export:read", "digest:read"];

const ALLOWED: Record<Role, Cell[]> = {
  // A mentor digest is about the leaders one mentors: the owner's own rows are never in theirs.
  owner: CELLS.filter((cell) => !cell.endsWith("Others") && !cell.startsWith("digest:")),
  "mentor sharing nothing": MENTOR_BASE,
  "mentor sharing reflections": [...MENTOR_BASE, "reflection:read"],
  "mentor sharing stakeholders": [...MENTOR_BASE, "touchpoint:read", "stakeholder:read"],
  "mentor sharing notes": [...MENTOR_BASE, "visionNote:read", "noteComment:read", "noteComment:create", "export:readNote", "digest:readNote"],
  "mentor sharing the story": [...MENTOR_BASE, "story:read", "storyRating:read", "storyRating:create"],
  "mentor after revocation": [],
  "invitee who has not accepted": [],
  "another user": [],
  "signed-out visitor": [],
};

const SHARES: Partial<Record<Role, Partial<Share>>> = {
  "mentor sharing nothing": {},
  "mentor sharing reflections": { reflections: true },
  "mentor sharing stakeholders": { stakeholders: true },
  "mentor sharing notes": { notes: true },
  "mentor sharing the story": { story: true },
};

type World = {
  leader: TestUser;
  viewer: Viewer | null;
  stakeholderId: string;
  touchpointId: string;
  noteId: string;
  leaderCommentId: string;
  othersCommentId: string;
  ownCommentId: string;
  invitationId: string;
  shareLinkId: string;
  /** A calendar import waiting for review, and one confirmed. */
  pendingImportId: string;
  confirmedImportId: string;
  /** A calendar feed refreshed hourly, on a private address: a refresh is refused before any packet leaves. */
  feedId: string;
  /** The role's own export, taken before anything is tried: the JSON file and every CSV file. */
  export: string;
  /** What the role's weekly mentor digest would hold, everything since ever, taken before anything is tried. */
  digest: string;
};

async function buildWorld(role: Role): Promise<World> {
  const leader = await createUser({ name: "Ada Leader" });
  await createWeek(leader.viewer, { startsOn: WEEK, reflectionStory: "Secret reflection", ratingStory: 4 });
  const stakeholder = await seedStakeholder(leader.id, { name: "Priya" });
  const touchpoint = await seedTouchpoint(leader.id, { stakeholderId: stakeholder.id, occurredOn: "2026-11-17" });
  const note = await seedVisionNote(leader, { title: NOTE_TITLE });
  const thread = { menteeId: leader.id, weekStartsOn: WEEK };
  const leaderComment = await addComment(leader.viewer, thread, "The leader's own words", { baseUrl });
  const bystander = await createMentor(leader, SHARE_EVERYTHING);
  const bystanderComment = await addComment(bystander.viewer, thread, "Another mentor's comment", { baseUrl });
  const invitation = await createInvitation(leader, { inviteEmail: INVITEE_EMAIL, share: SHARE_EVERYTHING });
  await saveNarrative(leader.viewer, { quarter: QUARTER, version: 0, body: NARRATIVE });
  await saveSelfAssessment(leader.viewer, { quarter: QUARTER, ratings: { ...noRatings(), story: { rating: 3, evidence: "Told the billing story" } } });
  const shareLink = await createShareLink(leader.viewer, { quarter: QUARTER, expiresInDays: 30, label: "Dana, CEO" });
  const window = { windowStart: new Date("2026-08-31T00:00:00Z"), windowEnd: new Date("2026-11-26T12:00:00Z") };
  const pendingImport = await db.calendarImport.create({ data: { userId: leader.id, fileName: "work.ics", ...window, occurrences: [IMPORTED_EVENT] } });
  const confirmedImport = await db.calendarImport.create({ data: { userId: leader.id, fileName: "old.ics", status: "CONFIRMED", confirmedAt: new Date(), ...window } });
  const feedAddress = `https://10.9.8.7/calendar/${leader.id}/basic.ics`;
  const feed = await db.calendarFeed.create({
    data: { userId: leader.id, addressSealed: sealFeedAddress(feedAddress), addressDigest: feedAddressDigest(feedAddress), addressHint: "10.9.8.7", activeSince: new Date() },
  });

  let viewer: Viewer | null = null;
  let ownCommentId = leaderComment.id;
  let othersCommentId = leaderComment.id;
  if (role === "owner") {
    viewer = leader.viewer;
    othersCommentId = bystanderComment.id;
  } else if (role in SHARES) {
    const mentor = await createMentor(leader, SHARES[role]);
    viewer = mentor.viewer;
    ownCommentId = (await addComment(mentor.viewer, thread, "My own comment", { baseUrl })).id;
    if (SHARES[role]?.notes) await addComment(mentor.viewer, { menteeId: leader.id, noteId: note.id }, "On the note", { baseUrl });
  } else if (role === "mentor after revocation") {
    const mentor = await createMentor(leader, SHARE_EVERYTHING);
    viewer = mentor.viewer;
    ownCommentId = (await addComment(mentor.viewer, thread, "Written before the end", { baseUrl })).id;
    await addComment(mentor.viewer, { menteeId: leader.id, noteId: note.id }, "On the note, before the end", { baseUrl });
    await endMentorship(leader.viewer, mentor.mentorshipId);
  } else if (role === "invitee who has not accepted") {
    viewer = (await createUser({ email: INVITEE_EMAIL })).viewer;
  } else if (role === "another user") {
    viewer = (await createUser()).viewer;
  }
  return {
    leader,
    viewer,
    stakeholderId: stakeholder.id,
    touchpointId: touchpoint.id,
    noteId: note.id,
    leaderCommentId: leaderComment.id,
    othersCommentId,
    ownCommentId,
    invitationId: invitation.id,
    shareLinkId: shareLink.link.id,
    pendingImportId: pendingImport.id,
    confirmedImportId: confirmedImport.id,
    feedId: feed.id,
    export: viewer ? await exportText(viewer) : "",
    digest: viewer ? JSON.stringify(await listMentorDigest(viewer, new Date(0))) : "",
  };
}

async function exportText(viewer: Viewer): Promise<string> {
  const files = await Promise.all(CSV_FILES.map((file) => exportCsv(viewer, file)));
  return [JSON.stringify(await exportAccount(viewer)), ...files].join("\n");
}

/** Runs a write; "not found" (or the caller's own empty week in a conflict) counts as refused, anything else fails. */
async function refusedAsMissing(run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (error instanceof NotFoundError) return;
    if (error instanceof VersionConflictError && (error.saved as { version: number }).version === 0) return;
    throw error;
  }
}

const isOwner = (w: World) => w.viewer?.userId === w.leader.id;
/** A save of the leader's week as it is now (the same version), to change one thing. */
function savedValues(week: NonNullable<Awaited<ReturnType<typeof leaderWeek>>>) {
  const { version, strategyMinutes, firefightingMinutes, otherMinutes, reflectionStory, ratingStory } = week;
  return { startsOn: WEEK, version, strategyMinutes, firefightingMinutes, otherMinutes, reflectionStory, ratingStory };
}

const leaderWeek = (w: World) => db.week.findFirst({ where: { userId: w.leader.id, startsOn: fromDateOnly(WEEK) } });
const stakeholderInput = { name: "Renamed", role: null, department: "FINANCE" as const, cadenceDays: null, notes: null };
const noteInput = { title: "Renamed bet", body: "", horizon: "FIVE_YEARS" as const, status: "OPEN" as const, tags: [], revisitOn: null };
const touchpointInput = (stakeholderId: string) => ({
  occurredOn: "2026-11-18",
  channel: "CALL" as const,
  topic: "Changed topic",
  outcome: null,
  notable: false,
  with: { kind: "stakeholder" as const, stakeholderId },
});

const IMPORTED_EVENT = {
  key: "board-prep",
  start: "2026-11-16T09:00:00.000Z",
  end: "2026-11-16T10:00:00.000Z",
  title: "Board prep",
  description: "",
  organizer: null,
  attendees: [],
  attendeeCount: 0,
};
/** The leader's week (Monday) holding IMPORTED_EVENT. */
const IMPORTED_EVENT_WEEK = "2026-11-16";
const importedEventCategory = async (id: string) => {
  const { occurrences } = await db.calendarImport.findUniqueOrThrow({ where: { id }, select: { occurrences: true } });
  return (occurrences as Array<{ category?: string }>)[0]?.category;
};
const importStatus = async (id: string) => (await db.calendarImport.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;

/** Each cell: try it as the role; true when it read or changed the leader's data. */
const ATTEMPTS: Record<Cell, (w: World) => Promise<boolean>> = {
  "dashboard:read": async (w) =>
    isOwner(w) ? (await getDashboard(w.viewer!, "12w")).headline.last12.loggedWeeks > 0 : (await getMenteeDashboard(w.viewer, w.leader.id, "12w")) !== null,
  "dashboard:update": async (w) => {
    if (w.viewer) await updateGoals(w.viewer, { goalStrategySharePercent: 55, goalTouchpointsPerWeek: null, goalDepartments: [] });
    return (await db.user.findUniqueOrThrow({ where: { id: w.leader.id } })).goalStrategySharePercent === 55;
  },
  "week:read": async (w) => (isOwner(w) ? (await getWeek(w.viewer!, WEEK)) !== null : (await getMenteeWeek(w.viewer, w.leader.id, WEEK))?.week != null),
  "week:create": async (w) => {
    if (w.viewer) await refusedAsMissing(() => saveWeek(w.viewer!, weekInput({ startsOn: "2026-11-09" })));
    return (await db.week.count({ where: { userId: w.leader.id, startsOn: fromDateOnly("2026-11-09") } })) === 1;
  },
  "week:update": async (w) => {
    const before = (await leaderWeek(w))!;
    if (w.viewer) await refusedAsMissing(() => saveWeek(w.viewer!, weekInput({ ...savedValues(before), strategyMinutes: 30 * 60 })));
    return (await leaderWeek(w))!.strategyMinutes === 30 * 60;
  },
  "reflection:read": async (w) =>
    (isOwner(w) ? await getWeek(w.viewer!, WEEK) : (await getMenteeWeek(w.viewer, w.leader.id, WEEK))?.week)?.reflectionStory === "Secret reflection",
  "reflection:update": async (w) => {
    const before = (await leaderWeek(w))!;
    const input = weekInput({ ...savedValues(before), reflectionStory: "Rewritten" });
    if (w.viewer) await refusedAsMissing(() => saveWeek(w.viewer!, input));
    return (await leaderWeek(w))!.reflectionStory === "Rewritten";
  },
  "touchpoint:read": async (w) =>
    isOwner(w) ? (await getTouchpoint(w.viewer!, w.touchpointId)) !== null : (await getMenteeTouchpoint(w.viewer, w.leader.id, w.touchpointId)) !== null,
  "touchpoint:create": async (w) => {
    const before = await db.touchpoint.count({ where: { userId: w.leader.id } });
    if (w.viewer) await refusedAsMissing(() => createTouchpoint(w.viewer!, touchpointInput(w.stakeholderId)));
    return (await db.touchpoint.count({ where: { userId: w.leader.id } })) > before;
  },
  "touchpoint:update": async (w) => {
    if (w.viewer) await refusedAsMissing(() => updateTouchpoint(w.viewer!, w.touchpointId, touchpointInput(w.stakeholderId)));
    return (await db.touchpoint.findUniqueOrThrow({ where: { id: w.touchpointId } })).topic === "Changed topic";
  },
  "touchpoint:delete": async (w) => {
    if (w.viewer) await refusedAsMissing(() => deleteTouchpoint(w.viewer!, w.touchpointId));
    return (await db.touchpoint.findUniqueOrThrow({ where: { id: w.touchpointId } })).deletedAt !== null;
  },
  "stakeholder:read": async (w) =>
    isOwner(w) ? (await getStakeholder(w.viewer!, w.stakeholderId)) !== null : (await getMenteeStakeholder(w.viewer, w.leader.id, w.stakeholderId)) !== null,
  "stakeholder:create": async (w) => {
    const before = await db.stakeholder.count({ where: { userId: w.leader.id } });
    if (w.viewer) await createStakeholder(w.viewer, stakeholderInput);
    return (await db.stakeholder.count({ where: { userId: w.leader.id } })) > before;
  },
  "stakeholder:update": async (w) => {
    if (w.viewer) await refusedAsMissing(() => updateStakeholder(w.viewer!, w.stakeholderId, stakeholderInput));
    return (await db.stakeholder.findUniqueOrThrow({ where: { id: w.stakeholderId } })).name === "Renamed";
  },
  "stakeholder:delete": async (w) => {
    if (w.viewer) await refusedAsMissing(() => deleteStakeholder(w.viewer!, w.stakeholderId));
    return (await db.stakeholder.findUniqueOrThrow({ where: { id: w.stakeholderId } })).deletedAt !== null;
  },
  "visionNote:read": async (w) =>
    isOwner(w) ? (await getVisionNote(w.viewer!, w.noteId)) !== null : (await getMenteeNote(w.viewer, w.leader.id, w.noteId)) !== null,
  "visionNote:create": async (w) => {
    const before = await db.visionNote.count({ where: { userId: w.leader.id } });
    if (w.viewer) await createVisionNote(w.viewer, noteInput);
    return (await db.visionNote.count({ where: { userId: w.leader.id } })) > before;
  },
  "visionNote:update": async (w) => {
    if (w.viewer) await refusedAsMissing(() => updateVisionNote(w.viewer!, w.noteId, noteInput));
    return (await db.visionNote.findUniqueOrThrow({ where: { id: w.noteId } })).title === "Renamed bet";
  },
  "visionNote:delete": async (w) => {
    if (w.viewer) await refusedAsMissing(() => deleteVisionNote(w.viewer!, w.noteId));
    return (await db.visionNote.findUniqueOrThrow({ where: { id: w.noteId } })).deletedAt !== null;
  },
  "weekComment:read": async (w) => ((await getThread(w.viewer, { menteeId: w.leader.id, weekStartsOn: WEEK }))?.comments.length ?? 0) > 0,
  "weekComment:create": async (w) => {
    const before = await db.reviewComment.count({ where: { menteeId: w.leader.id } });
    if (w.viewer) await refusedAsMissing(() => addComment(w.viewer!, { menteeId: w.leader.id, weekStartsOn: WEEK }, "New comment", { baseUrl }));
    return (await db.reviewComment.count({ where: { menteeId: w.leader.id } })) > before;
  },
  "weekComment:update": async (w) => {
    if (w.viewer) await refusedAsMissing(() => editComment(w.viewer!, w.ownCommentId, "Edited"));
    return (await db.reviewComment.findUniqueOrThrow({ where: { id: w.ownCommentId } })).body === "Edited";
  },
  "weekComment:delete": async (w) => {
    if (w.viewer) await refusedAsMissing(() => deleteComment(w.viewer!, w.ownCommentId));
    return (await db.reviewComment.count({ where: { id: w.ownCommentId } })) === 0;
  },
  "weekComment:updateOthers": async (w) => {
    if (w.viewer) await refusedAsMissing(() => editComment(w.viewer!, w.othersCommentId, "Edited by someone else"));
    return (await db.reviewComment.findUnique({ where: { id: w.othersCommentId } }))?.body === "Edited by someone else";
  },
  "weekComment:deleteOthers": async (w) => {
    if (w.viewer) await refusedAsMissing(() => deleteComment(w.viewer!, w.othersCommentId));
    return (await db.reviewComment.count({ where: { id: w.othersCommentId } })) === 0;
  },
  "noteComment:read": async (w) => (await getThread(w.viewer, { menteeId: w.leader.id, noteId: w.noteId })) !== null,
  "noteComment:create": async (w) => {
    const before = await db.reviewComment.count({ where: { noteId: w.noteId } });
    if (w.viewer) await refusedAsMissing(() => addComment(w.viewer!, { menteeId: w.leader.id, noteId: w.noteId }, "New on the note", { baseUrl }));
    return (await db.reviewComment.count({ where: { noteId: w.noteId } })) > before;
  },
  "story:read": async (w) =>
    (isOwner(w) ? await getStoryPack(w.viewer!, QUARTER) : (await getMenteeStoryPack(w.viewer, w.leader.id, QUARTER))?.pack)?.narrative?.body === NARRATIVE,
  "story:update": async (w) => {
    if (w.viewer) await refusedAsMissing(() => saveNarrative(w.viewer!, { quarter: QUARTER, version: 1, body: "Rewritten story" }));
    return (await db.storyNarrative.findUniqueOrThrow({ where: { userId_quarter: { userId: w.leader.id, quarter: QUARTER } } })).body === "Rewritten story";
  },
  "storyRating:read": async (w) =>
    (isOwner(w) ? await getStoryPack(w.viewer!, QUARTER) : (await getMenteeStoryPack(w.viewer, w.leader.id, QUARTER))?.pack)?.assessment.self.story?.evidence ===
    "Told the billing story",
  "storyRating:create": async (w) => {
    const before = await db.storyRating.count({ where: { userId: w.leader.id } });
    const ratings = { ...noRatings(), vision: { rating: 5, evidence: null } };
    if (isOwner(w)) await saveSelfAssessment(w.viewer!, { quarter: QUARTER, ratings: { ...ratings, story: { rating: 3, evidence: "Told the billing story" } } });
    else await refusedAsMissing(() => saveMentorStoryRatings(w.viewer, { menteeId: w.leader.id, quarter: QUARTER, ratings }));
    return (await db.storyRating.count({ where: { userId: w.leader.id } })) > before;
  },
  "export:read": async (w) => LEADER_TEXTS.some((text) => w.export.includes(text)),
  "export:readNote": async (w) => w.export.includes(NOTE_TITLE),
  "digest:read": async (w) => [w.leader.id, ...LEADER_TEXTS].some((text) => w.digest.includes(text)),
  "digest:readNote": async (w) => w.digest.includes(NOTE_TITLE),
  "invitation:read": async (w) => (w.viewer ? (await listMentorships(w.viewer)).some((m) => m.id === w.invitationId) : false),
  "invitation:create": async (w) => {
    const before = await db.mentorship.count({ where: { menteeId: w.leader.id } });
    if (w.viewer) await inviteMentor(w.viewer, { email: "new.mentor@example.test", message: null, shareReflections: false, shareStakeholders: false, shareNotes: false, shareStory: false }, { baseUrl });
    return (await db.mentorship.count({ where: { menteeId: w.leader.id } })) > before;
  },
  "invitation:update": async (w) => {
    if (w.viewer) await refusedAsMissing(() => updateSharing(w.viewer!, w.invitationId, { shareReflections: false, shareStakeholders: false, shareNotes: false, shareStory: false }));
    return !(await db.mentorship.findUniqueOrThrow({ where: { id: w.invitationId } })).shareNotes;
  },
  "invitation:delete": async (w) => {
    if (w.viewer) await refusedAsMissing(() => cancelInvitation(w.viewer!, w.invitationId));
    return (await db.mentorship.findUniqueOrThrow({ where: { id: w.invitationId } })).status === "CANCELLED";
  },
  "shareLink:read": async (w) => (w.viewer ? (await listShareLinks(w.viewer, QUARTER)).some((link) => link.id === w.shareLinkId) : false),
  "shareLink:create": async (w) => {
    const before = await db.storyShareLink.count({ where: { userId: w.leader.id } });
    if (w.viewer) await createShareLink(w.viewer, { quarter: QUARTER, expiresInDays: 7, label: null });
    return (await db.storyShareLink.count({ where: { userId: w.leader.id } })) > before;
  },
  "shareLink:delete": async (w) => {
    if (w.viewer) await refusedAsMissing(() => revokeShareLink(w.viewer!, w.shareLinkId));
    return (await db.storyShareLink.findUniqueOrThrow({ where: { id: w.shareLinkId } })).revokedAt !== null;
  },
  "calendarImport:read": async (w) => (w.viewer ? (await getPendingImport(w.viewer, w.pendingImportId)) !== null : false),
  "calendarImport:readWeek": async (w) =>
    w.viewer ? ((await getPendingImportWeek(w.viewer, w.pendingImportId, IMPORTED_EVENT_WEEK))?.events.some((event) => event.key === IMPORTED_EVENT.key) ?? false) : false,
  "calendarImport:reclassify": async (w) => {
    if (w.viewer) await refusedAsMissing(() => reclassifyEvent(w.viewer!, { id: w.pendingImportId, event: IMPORTED_EVENT.key, category: "strategy", scope: "event" }));
    return (await importedEventCategory(w.pendingImportId)) === "strategy";
  },
  "calendarImport:update": async (w) => {
    if (w.viewer) await refusedAsMissing(() => confirmImport(w.viewer!, { id: w.pendingImportId, choices: {} }));
    return (await importStatus(w.pendingImportId)) === "CONFIRMED";
  },
  "calendarImport:delete": async (w) => {
    if (w.viewer) await refusedAsMissing(() => undoImport(w.viewer!, w.confirmedImportId));
    return (await importStatus(w.confirmedImportId)) === "UNDONE";
  },
  "calendarFeed:read": async (w) => (w.viewer ? (await listFeeds(w.viewer)).some((feed) => feed.id === w.feedId) : false),
  "calendarFeed:update": async (w) => {
    if (w.viewer) await refusedAsMissing(() => refreshFeed(w.viewer!, w.feedId));
    return (await db.calendarFeed.findUniqueOrThrow({ where: { id: w.feedId } })).lastAttemptAt !== null;
  },
  "calendarFeed:delete": async (w) => {
    if (w.viewer) await refusedAsMissing(() => unsubscribeFeed(w.viewer!, w.feedId));
    return (await db.calendarFeed.count({ where: { id: w.feedId } })) === 0;
  },
};

describe("authorization matrix", () => {
  for (const role of Object.keys(ALLOWED) as Role[]) {
    it(`${role}: exactly ${ALLOWED[role].length === 0 ? "nothing" : ALLOWED[role].join(", ")}`, async () => {
      const world = await buildWorld(role);
      const outcome: Record<string, boolean> = {};
      // Reads first, then writes; deletes last (a touchpoint before its stakeholder).
      for (const cell of CELLS) outcome[cell] = await ATTEMPTS[cell](world);
      const allowed = CELLS.filter((cell) => outcome[cell]);
      expect(allowed).toEqual(CELLS.filter((cell) => ALLOWED[role].includes(cell)));
    });
  }
});

describe("mentor rules", () => {
  const kinds = [...new Set(CELLS.map((cell) => cell.split(":")[0]!))];

  it("has a mentor rule in lib/mentoring/mentorship-model.ts for every kind of resource in the matrix", () => {
    expect(kinds.filter((kind) => !(kind in MENTOR_RULES))).toEqual([]);
  });

  it("expects of each mentor exactly the reads the rules grant", () => {
    const rules: Record<string, string> = MENTOR_RULES;
    const rowKinds = kinds.filter((kind): kind is MentorRowResource => kind in rules && rules[kind] !== "each item");
    for (const [role, share] of Object.entries(SHARES) as Array<[Role, Partial<Share>]>) {
      const full: Share = { ...SHARE_NONE, ...share };
      const expected = rowKinds.filter((kind) => mentorMayRead(full, kind));
      expect(rowKinds.filter((kind) => ALLOWED[role].includes(`${kind}:read` as Cell)), role).toEqual(expected);
    }
  });
});
