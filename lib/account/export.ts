import "server-only";
import { type AccountExport, type CsvFile, EXPORT_FORMAT, EXPORT_VERSION } from "@/lib/account/account.validation";
import { toCsv, type CsvColumn } from "@/lib/account/csv";
import { db } from "@/lib/server/db";
import { SETTINGS_SELECT } from "@/lib/users";
import { toDateOnly } from "@/lib/shared/dates";
import { HABITS, reflectionsOf } from "@/lib/shared/reflection-questions";
import { DEPARTMENTS, HORIZONS, TOUCHPOINT_CHANNELS, VISION_NOTE_STATUSES } from "@/lib/shared/vocabulary";
import type { Viewer } from "@/lib/server/viewer";
import { listMentorshipsAsMentor, listOwnCommentsOnMentees, listOwnStoryRatingsOnMentees } from "@/lib/mentoring/mentor-access";
import type { QuarterKey } from "@/lib/shared/quarters";
import { SELF_RATER } from "@/lib/story/pack";
import { SHARE_SELECT, shareColumns, type ShareColumns } from "@/lib/mentoring/mentorship-model";
import { getCalendarRules } from "@/lib/calendar/user-rules";

// Your data in your hands: a complete JSON export that imports back into an
// empty account (lib/account/import.ts), and CSV files for spreadsheets. Of
// other people's rows only what mentor access lets you read now. What is in
// the file and why: docs/decisions/007-trust-rate-limits-audit-export.md.

const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

/** Everything the viewer owns, as one JSON-ready object (trash, i.e. soft-deleted rows, left out). */
export async function exportAccount(viewer: Viewer, now = new Date()): Promise<AccountExport> {
  const userId = viewer.userId;
  const [user, weeks, stakeholders, touchpoints, visionNotes, mentorships, mentoring, comments, commentsOnMentees, storyNarratives, storyRatings, ratingsOnMentees, storyShareLinks] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: userId },
      select: {
        ...SETTINGS_SELECT,
        emailWeekReminder: true,
        emailMentorDigest: true,
        emailCommentDigest: true,
        weeklyEmailDay: true,
        weeklyEmailMinute: true,
        createdAt: true,
      },
    }),
    db.week.findMany({ where: { userId }, orderBy: { startsOn: "asc" } }),
    db.stakeholder.findMany({ where: { userId, deletedAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.touchpoint.findMany({ where: { userId, deletedAt: null }, orderBy: [{ occurredOn: "asc" }, { createdAt: "asc" }, { id: "asc" }] }),
    db.visionNote.findMany({
      where: { userId, deletedAt: null },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: { revisits: { where: { userId }, orderBy: { revisitedAt: "asc" }, select: { revisitedAt: true } } },
    }),
    db.mentorship.findMany({
      where: { menteeId: userId },
      orderBy: [{ invitedAt: "asc" }, { id: "asc" }],
      // Never the invitation token hash.
      select: {
        inviteEmail: true,
        message: true,
        status: true,
        ...SHARE_SELECT,
        invitedAt: true,
        acceptedAt: true,
        endedAt: true,
        mentor: { select: { email: true } },
      },
    }),
    // Where the viewer mentors someone: only what mentor access lets them read now.
    listMentorshipsAsMentor(viewer),
    db.reviewComment.findMany({
      where: { menteeId: userId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        authorId: true,
        body: true,
        createdAt: true,
        editedAt: true,
        author: { select: { email: true } },
        week: { select: { startsOn: true } },
        note: { select: { title: true } },
      },
    }),
    listOwnCommentsOnMentees(viewer),
    db.storyNarrative.findMany({ where: { userId }, orderBy: { quarter: "asc" }, select: { quarter: true, body: true, createdAt: true, updatedAt: true } }),
    db.storyRating.findMany({
      where: { userId },
      orderBy: [{ quarter: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      select: {
        rater: true,
        quarter: true,
        habit: true,
        rating: true,
        evidence: true,
        createdAt: true,
        updatedAt: true,
        mentorship: { select: { inviteEmail: true, mentor: { select: { email: true } } } },
      },
    }),
    listOwnStoryRatingsOnMentees(viewer),
    db.storyShareLink.findMany({
      where: { userId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      // Never the token hash.
      select: { quarter: true, label: true, createdAt: true, expiresAt: true, revokedAt: true, viewCount: true, lastViewedAt: true },
    }),
  ]);
  const { starter, ...calendarRules } = await getCalendarRules(viewer);
  // Never the sealed address or its digest: the hint says which calendar it was.
  const calendarFeeds = await db.calendarFeed.findMany({
    where: { userId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { addressHint: true, createdAt: true, activeSince: true, lastRefreshedAt: true, lastError: true },
  });

  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: iso(now),
    account: {
      email: user.email,
      name: user.name,
      timeZone: user.timeZone,
      weekStartsOn: user.weekStartsOn,
      goals: { strategySharePercent: user.goalStrategySharePercent, touchpointsPerWeek: user.goalTouchpointsPerWeek, departments: user.goalDepartments },
      emails: {
        weekReminder: user.emailWeekReminder,
        mentorDigest: user.emailMentorDigest,
        commentDigest: user.emailCommentDigest,
        weeklyEmailDay: user.weeklyEmailDay,
        weeklyEmailMinute: user.weeklyEmailMinute,
      },
      createdAt: iso(user.createdAt),
    },
    weeks: weeks.map((week) => ({
      startsOn: toDateOnly(week.startsOn),
      firefightingMinutes: week.firefightingMinutes,
      strategyMinutes: week.strategyMinutes,
      otherMinutes: week.otherMinutes,
      ...reflectionsOf(week),
      highlights: week.highlights,
      createdAt: iso(week.createdAt),
      updatedAt: iso(week.updatedAt),
    })),
    stakeholders: stakeholders.map((row) => ({
      id: row.id,
      name: row.name,
      role: row.role,
      department: row.department,
      cadenceDays: row.cadenceDays,
      notes: row.notes,
      email: row.email,
      createdAt: iso(row.createdAt),
      updatedAt: iso(row.updatedAt),
    })),
    touchpoints: touchpoints.map((row) => ({
      id: row.id,
      stakeholderId: row.stakeholderId,
      department: row.department,
      occurredOn: toDateOnly(row.occurredOn),
      channel: row.channel,
      topic: row.topic,
      outcome: row.outcome,
      notable: row.notable,
      createdAt: iso(row.createdAt),
      updatedAt: iso(row.updatedAt),
    })),
    visionNotes: visionNotes.map((row) => ({
      id: row.id,
      title: row.title,
      body: row.body,
      horizon: row.horizon,
      tags: row.tags,
      status: row.status,
      statusChangedAt: isoOrNull(row.statusChangedAt),
      revisitOn: row.revisitOn ? toDateOnly(row.revisitOn) : null,
      revisits: row.revisits.map((revisit) => iso(revisit.revisitedAt)),
      createdAt: iso(row.createdAt),
      updatedAt: iso(row.updatedAt),
    })),
    mentorships: [
      ...mentorships.map((row) => ({ role: "mentee" as const, otherPerson: row.mentor?.email ?? row.inviteEmail, ...mentorshipRecord(row) })),
      ...mentoring.map((row) => ({ role: "mentor" as const, otherPerson: row.mentee, ...mentorshipRecord({ ...row, ...shareColumns(row.share) }) })),
    ].sort((a, b) => a.invitedAt.localeCompare(b.invitedAt)),
    comments: [
      ...comments.map((row) => ({
        thread: "yours" as const,
        menteeEmail: null,
        author: row.authorId === userId ? "you" : row.author.email,
        weekStartsOn: row.week ? toDateOnly(row.week.startsOn) : null,
        noteTitle: row.note?.title ?? null,
        body: row.body,
        createdAt: iso(row.createdAt),
        editedAt: isoOrNull(row.editedAt),
      })),
      ...commentsOnMentees.map(({ createdAt, editedAt, ...row }) => ({
        thread: "mentee" as const,
        author: "you",
        ...row,
        createdAt: iso(createdAt),
        editedAt: isoOrNull(editedAt),
      })),
    ].sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    storyNarratives: storyNarratives.map((row) => ({ quarter: row.quarter as QuarterKey, body: row.body, createdAt: iso(row.createdAt), updatedAt: iso(row.updatedAt) })),
    storyRatings: [
      ...storyRatings.map(({ rater, mentorship, quarter, createdAt, updatedAt, ...row }) => ({
        by: rater === SELF_RATER ? ("you" as const) : ("your mentor" as const),
        otherPerson: rater === SELF_RATER ? null : (mentorship?.mentor?.email ?? mentorship?.inviteEmail ?? null),
        quarter: quarter as QuarterKey,
        ...row,
        createdAt: iso(createdAt),
        updatedAt: iso(updatedAt),
      })),
      ...ratingsOnMentees.map(({ createdAt, updatedAt, ...row }) => ({ by: "you as mentor" as const, ...row, createdAt: iso(createdAt), updatedAt: iso(updatedAt) })),
    ],
    storyShareLinks: storyShareLinks.map((row) => ({
      quarter: row.quarter,
      label: row.label,
      createdAt: iso(row.createdAt),
      expiresAt: iso(row.expiresAt),
      revokedAt: isoOrNull(row.revokedAt),
      viewCount: row.viewCount,
      lastViewedAt: isoOrNull(row.lastViewedAt),
    })),
    // The rules, not the imports: imported events are not kept, and their weeks and touchpoints are above.
    calendarRules: starter ? null : calendarRules,
    calendarFeeds: calendarFeeds.map((feed) => ({
      address: feed.addressHint,
      addressExcluded: true as const,
      subscribedAt: iso(feed.createdAt),
      refreshedHourlySince: isoOrNull(feed.activeSince),
      lastRefreshedAt: isoOrNull(feed.lastRefreshedAt),
      lastError: feed.lastError,
    })),
  };
}

function mentorshipRecord(row: ShareColumns & { status: string; message: string | null; invitedAt: Date; acceptedAt: Date | null; endedAt: Date | null }) {
  return {
    status: row.status,
    message: row.message,
    shareReflections: row.shareReflections,
    shareStakeholders: row.shareStakeholders,
    shareNotes: row.shareNotes,
    shareStory: row.shareStory,
    invitedAt: iso(row.invitedAt),
    acceptedAt: isoOrNull(row.acceptedAt),
    endedAt: isoOrNull(row.endedAt),
  };
}

type Column<Row> = CsvColumn<Row>;
const hours = (minutes: number) => minutes / 60;

type ExportedWeek = AccountExport["weeks"][number];

const weekColumns: Column<ExportedWeek>[] = [
  { header: "Week starting", value: (week) => week.startsOn },
  { header: "Firefighting hours", value: (week) => hours(week.firefightingMinutes) },
  { header: "Strategy hours", value: (week) => hours(week.strategyMinutes) },
  { header: "Other hours", value: (week) => hours(week.otherMinutes) },
  ...HABITS.map((habit) => ({ header: `${habit.csvName} rating`, value: (week: ExportedWeek) => week[habit.ratingField] })),
  ...HABITS.map((habit) => ({ header: `${habit.csvName} reflection`, value: (week: ExportedWeek) => week[habit.reflectionField] })),
  { header: "Highlights", value: (week) => week.highlights },
];

const stakeholderColumns: Column<AccountExport["stakeholders"][number]>[] = [
  { header: "Name", value: (row) => row.name },
  { header: "Role", value: (row) => row.role },
  { header: "Department", value: (row) => DEPARTMENTS[row.department] },
  { header: "Cadence (days)", value: (row) => row.cadenceDays },
  { header: "Notes", value: (row) => row.notes },
  { header: "Added", instant: (row) => row.createdAt },
];

const noteColumns: Column<AccountExport["visionNotes"][number]>[] = [
  { header: "Title", value: (row) => row.title },
  { header: "Horizon", value: (row) => HORIZONS[row.horizon] },
  { header: "Status", value: (row) => VISION_NOTE_STATUSES[row.status] },
  { header: "Tags", value: (row) => row.tags.join(", ") },
  { header: "Revisit on", value: (row) => row.revisitOn },
  { header: "Times revisited", value: (row) => row.revisits.length },
  { header: "Note", value: (row) => row.body },
  { header: "Written", instant: (row) => row.createdAt },
];

/** One spreadsheet-safe CSV file of the viewer's data. */
export async function exportCsv(viewer: Viewer, file: CsvFile): Promise<string> {
  const data = await exportAccount(viewer);
  // Times in the user's own zone, as the app shows them.
  const zone = { timeZone: data.account.timeZone ?? "UTC" };
  switch (file) {
    case "weeks.csv":
      return toCsv(weekColumns, data.weeks, zone);
    case "stakeholders.csv":
      return toCsv(stakeholderColumns, data.stakeholders, zone);
    case "notes.csv":
      return toCsv(noteColumns, data.visionNotes, zone);
    case "touchpoints.csv": {
      const names = new Map(data.stakeholders.map((row) => [row.id, row.name]));
      const touchpointColumns: Column<AccountExport["touchpoints"][number]>[] = [
        { header: "Date", value: (row) => row.occurredOn },
        { header: "Stakeholder", value: (row) => (row.stakeholderId ? (names.get(row.stakeholderId) ?? "") : "Group meeting") },
        { header: "Department", value: (row) => DEPARTMENTS[row.department] },
        { header: "Channel", value: (row) => TOUCHPOINT_CHANNELS[row.channel] },
        { header: "Topic", value: (row) => row.topic },
        { header: "Outcome", value: (row) => row.outcome },
        { header: "Notable", value: (row) => (row.notable ? "Yes" : "") },
      ];
      return toCsv(touchpointColumns, data.touchpoints, zone);
    }
  }
}

