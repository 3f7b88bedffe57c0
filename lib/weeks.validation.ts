// The week form's contract, shared by the browser (instant feedback, loaded on
// the form's first input: decision record 040) and the server action. The form
// speaks hours; the database stores minutes (lib/shared/week-hours.ts).
import { z } from "zod";
import { dateOnlySchema } from "@/lib/shared/form-schemas";
import { TIME_CATEGORIES, type TimeCategory } from "@/lib/shared/vocabulary";
import { formatHours, HOURS_FIELDS, hoursProblemAsTyped, MAX_WEEK_HOURS, parseHours } from "@/lib/shared/week-hours";
import { pageNumberSchema } from "@/lib/shared/pagination";

export const MAX_WEEK_TEXT = 5_000;

function hoursSchema(category: TimeCategory) {
  const label = TIME_CATEGORIES[category].toLowerCase();
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const text = (raw ?? "").trim();
      const hours = parseHours(text);
      const issue = (message: string) => {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      };
      const typedProblem = hoursProblemAsTyped(text, category);
      if (typedProblem) return issue(typedProblem);
      if (hours === null) return issue(`Enter ${label} hours as a number, like 6 or 7.5.`);
      if (hours > MAX_WEEK_HOURS) return issue(`A week has ${MAX_WEEK_HOURS} hours: enter ${MAX_WEEK_HOURS} or less.`);
      if (!Number.isInteger(hours * 4)) return issue("Use quarter hours: whole hours, or .25, .5 or .75.");
      return Math.round(hours * 60);
    });
}

/** Optional free text; blank becomes null. Browsers send line breaks as CRLF, so count them as one character. */
function textSchema(what: string) {
  return z
    .string()
    .optional()
    .transform((raw) => (raw ?? "").replaceAll("\r\n", "\n").trim())
    .pipe(z.string().max(MAX_WEEK_TEXT, `Keep ${what} under ${MAX_WEEK_TEXT.toLocaleString("en-GB")} characters.`))
    .transform((text) => (text === "" ? null : text));
}

/** Optional 1–5; blank (or no choice at all) is no rating. */
const ratingSchema = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    const text = (raw ?? "").trim();
    if (text === "") return null;
    if (/^[1-5]$/.test(text)) return Number(text);
    ctx.addIssue({ code: "custom", message: "Choose a rating from 1 to 5, or leave it blank." });
    return z.NEVER;
  });

export const weekSchema = z
  .object({
    startsOn: dateOnlySchema,
    // The version the form was loaded with; 0 for a week never saved.
    // At most what PostgreSQL's integer holds: a bigger one was never loaded.
    version: z.coerce.number({ error: "Reload the page and try again." }).int().min(0, "Reload the page and try again.").max(2_147_483_647, "Reload the page and try again."),
    firefightingHours: hoursSchema("firefighting"),
    strategyHours: hoursSchema("strategy"),
    otherHours: hoursSchema("other"),
    reflectionStrategy: textSchema("this answer"),
    reflectionStory: textSchema("this answer"),
    reflectionRelationships: textSchema("this answer"),
    reflectionVision: textSchema("this answer"),
    ratingStrategy: ratingSchema,
    ratingStory: ratingSchema,
    ratingRelationships: ratingSchema,
    ratingVision: ratingSchema,
    highlights: textSchema("highlights"),
  })
  .superRefine((week, ctx) => {
    const totalMinutes = week.firefightingHours + week.strategyHours + week.otherHours;
    if (totalMinutes <= MAX_WEEK_HOURS * 60) return;
    // Every category that contributes is where the fix can happen; one sentence names them all,
    // so the form's summary lists it once.
    const contributing = (Object.keys(HOURS_FIELDS) as TimeCategory[]).filter((category) => week[HOURS_FIELDS[category]] > 0);
    const names = listInWords(contributing.map((category) => TIME_CATEGORIES[category].toLowerCase()));
    const message = `${names.charAt(0).toUpperCase()}${names.slice(1)} hours add up to ${formatHours(totalMinutes)}, but a week has ${MAX_WEEK_HOURS}. Lower one of them.`;
    for (const category of contributing) ctx.addIssue({ code: "custom", path: [HOURS_FIELDS[category]], message });
  })
  .transform(({ firefightingHours, strategyHours, otherHours, ...rest }) => ({
    ...rest,
    firefightingMinutes: firefightingHours,
    strategyMinutes: strategyHours,
    otherMinutes: otherHours,
  }));

export type WeekInput = z.output<typeof weekSchema>;

/** The list of weeks' address (/weeks?page=2): anything but a page number is the first page. */
export const weekListQuerySchema = z.object({ page: pageNumberSchema });

/** "a", "a and b", "a, b and c". */
function listInWords(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}
