// The export file format (JSON), and the rules an import must pass. An import
// is parsed with exactly this schema, so a hand-edited or foreign file is
// refused with a message before anything is written.
import { z } from "zod";
import { dateOnlySchema } from "@/lib/shared/form-schemas";
import { isStorable } from "@/lib/shared/forms";
import { Department, Horizon, TouchpointChannel, VisionNoteStatus } from "@/lib/generated/prisma/enums";
import { NAME_MAX, NOTES_MAX, ROLE_MAX, CADENCE_MAX, CADENCE_MIN, EMAIL_MAX } from "@/lib/stakeholders.validation";
import { calendarRulesSchema } from "@/lib/calendar/rules.validation";
import { OUTCOME_MAX, TOPIC_MAX } from "@/lib/touchpoints.validation";
import { timeZoneSchema } from "@/lib/users.validation";
import { BODY_MAX, TAG_MAX, TAGS_MAX, TITLE_MAX } from "@/lib/vision-notes.validation";
import { MAX_WEEK_HOURS } from "@/lib/shared/week-hours";
import { MAX_WEEK_TEXT } from "@/lib/weeks.validation";
import { quarterKeySchema } from "@/lib/shared/quarters";
import { HABITS } from "@/lib/shared/reflection-questions";
import { EVIDENCE_MAX, NARRATIVE_MAX } from "@/lib/story/story.validation";

export const EXPORT_FORMAT = "wheelhouse-export";
export const EXPORT_VERSION = 1;
/** The biggest import file we take (the export of years of heavy use is well under this). */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

// Text PostgreSQL cannot hold (see isStorable): say so instead of failing on insert.
const plain = (max: number) => z.string().max(max).refine(isStorable, "Text cannot contain NUL characters or half characters.");
const id = plain(64).min(1);
const timestamp = z.iso.datetime({ offset: true });
const text = (max: number) => plain(max).nullable();
const minutes = z.number().int().min(0).max(MAX_WEEK_HOURS * 60);
const rating = z.number().int().min(1).max(5).nullable();

const accountSchema = z.object({
  email: plain(254),
  name: text(80),
  timeZone: timeZoneSchema.nullable(),
  weekStartsOn: z.number().int().min(0).max(6),
  goals: z.object({
    strategySharePercent: z.number().int().min(1).max(100).nullable(),
    touchpointsPerWeek: z.number().int().min(1).max(50).nullable(),
    departments: z.array(z.enum(Department)).max(Object.keys(Department).length),
  }),
  // Which emails the user gets and when; missing from files exported before there were weekly emails.
  emails: z
    .object({
      weekReminder: z.boolean(),
      mentorDigest: z.boolean(),
      commentDigest: z.boolean(),
      weeklyEmailDay: z.number().int().min(0).max(6),
      weeklyEmailMinute: z.number().int().min(0).max(24 * 60 - 1),
    })
    .optional(),
  createdAt: timestamp,
});

const weekSchema = z.object({
  startsOn: dateOnlySchema,
  firefightingMinutes: minutes,
  strategyMinutes: minutes,
  otherMinutes: minutes,
  reflectionStrategy: text(MAX_WEEK_TEXT),
  reflectionStory: text(MAX_WEEK_TEXT),
  reflectionRelationships: text(MAX_WEEK_TEXT),
  reflectionVision: text(MAX_WEEK_TEXT),
  ratingStrategy: rating,
  ratingStory: rating,
  ratingRelationships: rating,
  ratingVision: rating,
  highlights: text(MAX_WEEK_TEXT),
  createdAt: timestamp,
  updatedAt: timestamp,
});

const stakeholderSchema = z.object({
  id,
  name: plain(NAME_MAX).min(1),
  role: text(ROLE_MAX),
  department: z.enum(Department),
  cadenceDays: z.number().int().min(CADENCE_MIN).max(CADENCE_MAX).nullable(),
  notes: text(NOTES_MAX),
  // Added with the calendar import; files exported before it have none.
  email: text(EMAIL_MAX).optional().default(null),
  createdAt: timestamp,
  updatedAt: timestamp,
});

const touchpointSchema = z.object({
  id,
  stakeholderId: id.nullable(),
  department: z.enum(Department),
  occurredOn: dateOnlySchema,
  channel: z.enum(TouchpointChannel),
  topic: plain(TOPIC_MAX).min(1),
  outcome: text(OUTCOME_MAX),
  // Absent from files exported before the quarterly story.
  notable: z.boolean().default(false),
  createdAt: timestamp,
  updatedAt: timestamp,
});

const visionNoteSchema = z.object({
  id,
  title: plain(TITLE_MAX).min(1),
  body: plain(BODY_MAX),
  horizon: z.enum(Horizon),
  tags: z.array(plain(TAG_MAX).min(1)).max(TAGS_MAX),
  status: z.enum(VisionNoteStatus),
  // Absent from files exported before the quarterly story.
  statusChangedAt: timestamp.nullable().default(null),
  revisitOn: dateOnlySchema.nullable(),
  revisits: z.array(timestamp).max(10_000),
  createdAt: timestamp,
  updatedAt: timestamp,
});

/** Kept for the record; mentorships involve someone else and are not imported. */
const mentorshipSchema = z.object({
  role: z.enum(["mentee", "mentor"]),
  otherPerson: text(254),
  status: plain(20),
  message: text(5_000),
  shareReflections: z.boolean(),
  shareStakeholders: z.boolean(),
  shareNotes: z.boolean(),
  // Absent from files exported before the quarterly story.
  shareStory: z.boolean().default(false),
  invitedAt: timestamp,
  acceptedAt: timestamp.nullable(),
  endedAt: timestamp.nullable(),
});

/** Your quarterly stories' narratives (lib/story/). */
const storyNarrativeSchema = z.object({
  quarter: quarterKeySchema,
  body: plain(NARRATIVE_MAX).min(1),
  createdAt: timestamp,
  updatedAt: timestamp,
});

/**
 * Habit ratings of a quarter: your own (imported), your mentors' of your quarters, and yours of a
 * mentee's (kept for the record, not imported: they involve someone else).
 */
const storyRatingSchema = z.object({
  by: z.enum(["you", "your mentor", "you as mentor"]),
  /** The mentor, for their ratings of yours; the mentee, for yours of theirs while shared with you. */
  otherPerson: text(254),
  quarter: quarterKeySchema,
  habit: z.enum(HABITS.map((habit) => habit.key) as [string, ...string[]]),
  rating: z.number().int().min(1).max(5),
  evidence: text(EVIDENCE_MAX),
  createdAt: timestamp,
  updatedAt: timestamp,
});

/** Comments in your threads and the ones you wrote in others'; kept for the record, not imported. */
const commentSchema = z.object({
  thread: z.enum(["yours", "mentee"]),
  menteeEmail: text(254),
  author: plain(254),
  weekStartsOn: dateOnlySchema.nullable(),
  noteTitle: text(TITLE_MAX),
  /** Your comment on an item of a leader's that is no longer shared with you: only your words are kept. */
  onItemNoLongerShared: z.boolean().optional(),
  body: plain(20_000),
  createdAt: timestamp,
  editedAt: timestamp.nullable(),
});

/** Links to a quarter's story made for people without an account; kept for the record (never the token), not imported. */
const storyShareLinkSchema = z.object({
  quarter: plain(7),
  label: text(80),
  createdAt: timestamp,
  expiresAt: timestamp,
  revokedAt: timestamp.nullable(),
  viewCount: z.number().int().min(0),
  lastViewedAt: timestamp.nullable(),
});

/**
 * A calendar feed, without its address: the address is a secret that reads the
 * calendar, so the export holds only its hint (host and last 4 characters).
 * Not imported back: a feed needs its address again.
 */
const calendarFeedSchema = z.object({
  address: z.string(),
  addressExcluded: z.literal(true),
  subscribedAt: timestamp,
  refreshedHourlySince: timestamp.nullable(),
  lastRefreshedAt: timestamp.nullable(),
  lastError: z.string().nullable(),
});

export const accountExportSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION),
    exportedAt: timestamp,
    account: accountSchema,
    weeks: z.array(weekSchema).max(10_000),
    stakeholders: z.array(stakeholderSchema).max(10_000),
    touchpoints: z.array(touchpointSchema).max(100_000),
    visionNotes: z.array(visionNoteSchema).max(10_000),
    mentorships: z.array(mentorshipSchema).max(10_000),
    comments: z.array(commentSchema).max(100_000),
    // Absent from files exported before the quarterly story.
    storyNarratives: z.array(storyNarrativeSchema).max(10_000).default([]),
    storyRatings: z.array(storyRatingSchema).max(100_000).default([]),
    storyShareLinks: z.array(storyShareLinkSchema).max(10_000).default([]),
    /** The calendar import's classification rules; null when the user never changed the starter rules. Absent from older files. */
    calendarRules: calendarRulesSchema.nullable().optional().default(null),
    /** The calendar feeds, their secret addresses excluded. Absent from older files. */
    calendarFeeds: z.array(calendarFeedSchema).max(1_000).default([]),
  })
  .superRefine((file, context) => {
    const seen = (values: string[]) => new Set(values).size === values.length;
    if (!seen(file.weeks.map((week) => week.startsOn))) context.addIssue({ code: "custom", path: ["weeks"], message: "Two weeks start on the same day." });
    if (!seen(file.stakeholders.map((row) => row.id))) context.addIssue({ code: "custom", path: ["stakeholders"], message: "Two stakeholders share an id." });
    if (!seen(file.touchpoints.map((row) => row.id))) context.addIssue({ code: "custom", path: ["touchpoints"], message: "Two touchpoints share an id." });
    if (!seen(file.visionNotes.map((row) => row.id))) context.addIssue({ code: "custom", path: ["visionNotes"], message: "Two vision notes share an id." });
    if (!seen(file.storyNarratives.map((row) => row.quarter))) context.addIssue({ code: "custom", path: ["storyNarratives"], message: "Two narratives are for the same quarter." });
    const own = file.storyRatings.filter((row) => row.by === "you").map((row) => `${row.quarter} ${row.habit}`);
    if (!seen(own)) context.addIssue({ code: "custom", path: ["storyRatings"], message: "Two of your ratings are for the same habit and quarter." });
    const stakeholders = new Map(file.stakeholders.map((row) => [row.id, row.department]));
    file.touchpoints.forEach((touchpoint, index) => {
      if (touchpoint.stakeholderId !== null && !stakeholders.has(touchpoint.stakeholderId)) {
        context.addIssue({ code: "custom", path: ["touchpoints", index, "stakeholderId"], message: "A touchpoint names a stakeholder that is not in the file." });
      }
    });
  });

export type AccountExport = z.output<typeof accountExportSchema>;

/** The account deletion form: type your email to confirm. */
export const deleteAccountSchema = z.object({
  confirmEmail: z.string().trim().toLowerCase().min(1, "Type your email address to confirm.").max(254),
});

export const CSV_FILES = ["weeks.csv", "touchpoints.csv", "stakeholders.csv", "notes.csv"] as const;
export type CsvFile = (typeof CSV_FILES)[number];
export const csvFileSchema = z.enum(CSV_FILES);
