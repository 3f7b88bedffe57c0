// The calendar import's forms (issue 15): the uploaded file, the per-week
// choices of a confirm, and the rules editor. Shared by the forms and the
// server actions; hours never come from the browser, only choices.
import { z } from "zod";
import { calendarCategorySchema, calendarRuleMatchSchema } from "@/lib/calendar/rules.validation";
import { dateOnlySchema, idSchema } from "@/lib/shared/form-schemas";

/** The largest calendar file taken; the parser's own limit is the same (lib/calendar/parse.ts). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const MAX_UPLOAD_MB = MAX_UPLOAD_BYTES / 1024 / 1024;

/** How many whole weeks before this one an upload reads (this week up to now comes on top). */
export const IMPORT_WEEKS_BACK = 12;

export const importIdSchema = idSchema("That calendar import could not be found.");

const CALENDAR_TYPES = new Set(["", "text/calendar", "application/ics", "text/x-vcalendar", "application/octet-stream", "text/plain"]);
const CHOOSE_FILE = "Choose the .ics file your calendar exported.";

/** The upload: one .ics file of at most 20 MB. What is inside is the parser's to judge. */
export const calendarFileSchema = z.object({
  file: z
    .instanceof(File, { error: CHOOSE_FILE })
    .refine((file) => file.size > 0, "That file is empty. Export your calendar again and choose the .ics file.")
    .refine((file) => file.size <= MAX_UPLOAD_BYTES, `That file is larger than ${MAX_UPLOAD_MB} MB. Export a shorter period of your calendar.`)
    .refine(
      (file) => /\.(ics|ical|ifb|icalendar)$/i.test(file.name) && CALENDAR_TYPES.has(file.type.split(";")[0]!.trim().toLowerCase()),
      "That is not a calendar file. Choose a file ending in .ics.",
    ),
});

export const WEEK_CHOICES = {
  fill: "Fill if empty",
  replace: "Replace what is logged",
  skip: "Skip",
} as const;
export type WeekChoice = keyof typeof WEEK_CHOICES;
const weekChoiceSchema = z.enum(Object.keys(WEEK_CHOICES) as [WeekChoice, ...WeekChoice[]], { error: "Choose fill, replace or skip." });

/** The field of a week's choice in the confirm form: `week-2026-11-30`. */
export const weekChoiceField = (startsOn: string) => `week-${startsOn}`;
const WEEK_FIELD = /^week-(\d{4}-\d{2}-\d{2})$/;

/**
 * The confirm: which import, and per week fill, replace or skip. A week the
 * form does not name is filled (the default); fields that are not weeks are
 * refused, so a crafted form cannot slip anything else in.
 */
export const confirmImportSchema = z.record(z.string(), z.unknown()).transform((values, context) => {
  const id = importIdSchema.safeParse(values.id);
  if (!id.success) context.addIssue({ code: "custom", path: ["id"], message: id.error.issues[0]!.message });
  const choices: Record<string, WeekChoice> = {};
  for (const [name, value] of Object.entries(values)) {
    if (name === "id") continue;
    const week = WEEK_FIELD.exec(name);
    const startsOn = week ? dateOnlySchema.safeParse(week[1]) : null;
    const choice = weekChoiceSchema.safeParse(value);
    if (!startsOn?.success) {
      context.addIssue({ code: "custom", path: ["form"], message: "This form holds a field we do not know. Reload the page and try again." });
    } else if (!choice.success) {
      context.addIssue({ code: "custom", path: [name], message: "Choose fill, replace or skip." });
    } else {
      choices[startsOn.data] = choice.data;
    }
  }
  return { id: id.data ?? "", choices };
});

export type ConfirmImportInput = z.output<typeof confirmImportSchema>;

// ── Reclassifying an event in the preview ────────────────────────────────────

/** One event only (kept with the pending import), or its whole series: every event titled the same, by a rule. */
export const RECLASSIFY_SCOPES = ["event", "series"] as const;
export type ReclassifyScope = (typeof RECLASSIFY_SCOPES)[number];

/** The preview's buttons send these: the import, one event's key (UID and start), its new category, and the scope. */
export const reclassifyEventSchema = z.object({
  id: importIdSchema,
  event: z.string().min(1).max(2_000),
  category: calendarCategorySchema,
  scope: z.enum(RECLASSIFY_SCOPES),
});
export type ReclassifyEventInput = z.output<typeof reclassifyEventSchema>;

/** One week of a pending import, whose events the review loads when the week is opened. */
export const importWeekSchema = z.object({ id: importIdSchema, week: dateOnlySchema });

// ── The rules editor ─────────────────────────────────────────────────────────

/** A rule's place in the list, as the form names it (0 is the first). */
const positionSchema = z.coerce.number({ error: "That rule could not be found." }).int("That rule could not be found.").min(0, "That rule could not be found.").max(1_000, "That rule could not be found.");

/**
 * One rule as the form sends it: what it matches (`on`) with the one field
 * that kind needs, and the category. Blank fields of the other kinds are dropped.
 */
export const ruleFormSchema = z
  .object({
    on: z.string({ error: "Choose what the rule matches." }),
    words: z.string().optional(),
    title: z.string().optional(),
    address: z.string().optional(),
    min: z.string().optional(),
    max: z.string().optional(),
    category: calendarCategorySchema,
    /** Set when editing: the rule's place. */
    position: z.preprocess((value) => (value === "" ? undefined : value), positionSchema.optional()),
  })
  .transform(({ on, words, title, address, min, max, category, position }, context) => {
    const candidate =
      on === "words" ? { on, words: words ?? "" } : on === "title" ? { on, title: title ?? "" } : on === "attendee" || on === "organiser" ? { on, address: address ?? "" } : { on, min: min ?? "", max: max?.trim() ? max : null };
    const match = calendarRuleMatchSchema.safeParse(candidate);
    if (!match.success) {
      for (const issue of match.error.issues) {
        // Errors land at the field that carries them: the words, the address, the counts.
        const field = issue.path[0] === "on" || issue.path.length === 0 ? "on" : String(issue.path[0]);
        context.addIssue({ code: "custom", path: [field], message: issue.message });
      }
      return z.NEVER;
    }
    return { match: match.data, category, position };
  });

export type RuleFormInput = z.output<typeof ruleFormSchema>;

export const moveRuleSchema = z.object({
  position: positionSchema,
  direction: z.enum(["up", "down"], { error: "Move the rule up or down." }),
});

export const deleteRuleSchema = z.object({ position: positionSchema });

export const defaultCategorySchema = z.object({ defaultCategory: calendarCategorySchema });
