// Vision note rules, shared by the form (instant feedback) and the server.
import { z } from "zod";
import { isDateOnly, type DateOnly } from "@/lib/shared/dates";
import { idSchema } from "@/lib/shared/form-schemas";
import { Horizon, VisionNoteStatus } from "@/lib/generated/prisma/enums";
import { pageNumberSchema } from "@/lib/shared/pagination";
import { REVISIT_PUSH_OPTIONS } from "@/lib/shared/vocabulary";

export const TITLE_MAX = 200;
export const BODY_MAX = 20_000;
export const TAG_MAX = 40;
export const TAGS_MAX = 10;
const SEARCH_MAX = 200;

/**
 * "Hiring,  #Platform , hiring" → ["hiring", "platform"]: lower case, inner
 * spaces collapsed, a leading # dropped (we show one), empties and repeats
 * dropped, first-seen order kept.
 */
export function normaliseTags(input: string): string[] {
  const tags = input
    .split(",")
    .map((tag) => tag.trim().replace(/^#+\s*/, "").replace(/\s+/g, " ").toLowerCase())
    .filter((tag) => tag.length > 0);
  return [...new Set(tags)];
}

/** One tag as typed in a filter, normalised like the tags on a note. */
export function normaliseTag(input: string): string {
  return normaliseTags(input.replaceAll(",", " "))[0] ?? "";
}

const tagsSchema = z
  .string({ error: "Enter tags separated by commas." })
  .max(2_000, "That is a lot of tags: keep it to 10 short ones.")
  .transform((input, ctx) => {
    const tags = normaliseTags(input);
    const long = tags.find((tag) => tag.length > TAG_MAX);
    if (long) {
      ctx.addIssue({ code: "custom", message: `Keep each tag under ${TAG_MAX} characters ("${long.slice(0, 20)}…" is longer).` });
      return z.NEVER;
    }
    if (tags.length > TAGS_MAX) {
      ctx.addIssue({ code: "custom", message: `Use at most ${TAGS_MAX} tags (you have ${tags.length}).` });
      return z.NEVER;
    }
    return tags;
  });

const optionalDateSchema = z
  .string({ error: "Enter a date (YYYY-MM-DD) or leave it empty." })
  .trim()
  .refine((value) => value === "" || isDateOnly(value), "Enter a real date (YYYY-MM-DD), or leave it empty.")
  .transform((value): DateOnly | null => (value === "" ? null : value));

export const visionNoteIdSchema = idSchema("That vision note could not be found.");

export const visionNoteSchema = z.object({
  title: z
    .string({ error: "Give the note a title." })
    .trim()
    .min(1, "Give the note a title.")
    .max(TITLE_MAX, `Keep the title under ${TITLE_MAX} characters.`),
  body: z
    .string({ error: "Write the note as text." })
    .max(BODY_MAX, `Keep the note under ${BODY_MAX.toLocaleString("en-GB")} characters; split it into two notes if you need more.`)
    .default(""),
  horizon: z.enum(Horizon, { error: "Choose a horizon from the list." }),
  status: z.enum(VisionNoteStatus, { error: "Choose a status from the list." }),
  tags: tagsSchema.default([]),
  revisitOn: optionalDateSchema.default(null),
});

export type VisionNoteInput = z.output<typeof visionNoteSchema>;

export const updateVisionNoteSchema = visionNoteSchema.extend({ id: visionNoteIdSchema });

export const revisitSchema = z.object({
  id: visionNoteIdSchema,
  pushBy: z
    .enum(Object.keys(REVISIT_PUSH_OPTIONS) as [keyof typeof REVISIT_PUSH_OPTIONS], { error: "Choose when to revisit next." })
    .transform((value) => (value === "none" ? null : Number(value))),
});

/**
 * The list's search and filters, read from the URL. A value that does not fit
 * (an old bookmark, a hand-edited link) is dropped rather than failing the page.
 */
export const visionNoteFiltersSchema = z.object({
  q: z
    .string()
    .trim()
    .transform((value) => value.slice(0, SEARCH_MAX) || undefined)
    .optional()
    .catch(undefined),
  horizon: z.enum(Horizon).optional().catch(undefined),
  status: z.enum(VisionNoteStatus).optional().catch(undefined),
  tag: z
    .string()
    .transform((value) => normaliseTag(value).slice(0, TAG_MAX) || undefined)
    .optional()
    .catch(undefined),
});

export type VisionNoteFilters = z.output<typeof visionNoteFiltersSchema>;

/** The list's address: its search and filters, and the page (/notes?q=pricing&page=2). */
export const visionNoteListQuerySchema = visionNoteFiltersSchema.extend({ page: pageNumberSchema });

/** Statuses that are finished: such a note is never due for a revisit. */
const SETTLED: ReadonlySet<VisionNoteStatus> = new Set([VisionNoteStatus.REALISED, VisionNoteStatus.DROPPED]);

/** Due when its revisit date is today or earlier and it is still open or in progress. */
export function isDueForRevisit(note: { revisitOn: DateOnly | null; status: VisionNoteStatus }, today: DateOnly): boolean {
  return note.revisitOn !== null && note.revisitOn <= today && !SETTLED.has(note.status);
}
