// The classification rules of a calendar import (issue 15, point 3): an ordered
// list, the first rule that matches an event decides its category. Shared by
// the rules form (instant feedback) and the server.
import { z } from "zod";
import { TIME_CATEGORIES } from "@/lib/shared/vocabulary";

export const CALENDAR_CATEGORIES = { ...TIME_CATEGORIES, ignore: "Ignore" } as const;
export type CalendarCategory = keyof typeof CALENDAR_CATEGORIES;

export const MAX_RULES = 100;
export const MAX_RULE_WORDS = 20;
const MAX_WORD_LENGTH = 60;
const MAX_ATTENDEES = 1_000;

export const calendarCategorySchema = z.enum(Object.keys(CALENDAR_CATEGORIES) as [CalendarCategory, ...CalendarCategory[]], {
  error: "Choose firefighting, strategy, other or ignore.",
});

const wordSchema = z
  .string()
  .transform((word) => word.normalize("NFKC").trim().replaceAll(/\s+/g, " ").toLowerCase())
  .pipe(
    z
      .string()
      .min(1, "Leave no word empty.")
      .max(MAX_WORD_LENGTH, `Keep each word or phrase under ${MAX_WORD_LENGTH} characters.`)
      .regex(/[\p{L}\p{N}]/u, "Each word needs a letter or a digit."),
  );

/** Words as a list, or as typed in one field: "incident, outage, on-call". */
const wordsSchema = z.preprocess(
  (value) => (typeof value === "string" ? value.split(",").filter((word) => word.trim() !== "") : value),
  z.array(wordSchema).min(1, "Enter at least one word or phrase.").max(MAX_RULE_WORDS, `Use at most ${MAX_RULE_WORDS} words in one rule.`),
);

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const ADDRESS = /^[^\s@]{1,64}@([^\s@]+)$/;

/** "ana@example.com" for one person, "example.com" (or "@example.com") for everyone at a domain; stored in lower case, a domain without "@". */
const addressOrDomainSchema = z
  .string({ error: "Enter an email address or a domain." })
  .transform((value) => value.trim().toLowerCase().replace(/^mailto:/, "").replace(/^@/, ""))
  .refine((value) => {
    const address = ADDRESS.exec(value);
    return DOMAIN.test(address ? address[1]! : value);
  }, "Enter an email address (ana@example.com) or a domain (example.com).");

const MAX_TITLE_LENGTH = 200;

/** An event's title as rules compare it: NFKC, spaces collapsed, in any case (see `titleKey`). */
export const normalizeTitle = (title: string) => title.normalize("NFKC").trim().replaceAll(/\s+/g, " ");
export const titleKey = (title: string) => normalizeTitle(title).toLowerCase();

const titleSchema = z
  .string({ error: "Enter the event’s title." })
  .transform(normalizeTitle)
  .pipe(z.string().min(1, "Enter the event’s title.").max(MAX_TITLE_LENGTH, `Keep the title under ${MAX_TITLE_LENGTH} characters.`));

const countSchema = z.coerce
  .number({ error: "Enter a whole number." })
  .int("Enter a whole number.")
  .min(0, "Enter 0 or more.")
  .max(MAX_ATTENDEES, `Enter ${MAX_ATTENDEES} or less.`);

export const calendarRuleMatchSchema = z.discriminatedUnion(
  "on",
  [
    /** Words or phrases in the title or the description, each matched at the start of a word, in any case. */
    z.object({ on: z.literal("words"), words: wordsSchema }),
    /** The whole title, as written in any case: every event of a series (and any other event titled the same). */
    z.object({ on: z.literal("title"), title: titleSchema }),
    /** One attendee's address, or any attendee at a domain. */
    z.object({ on: z.literal("attendee"), address: addressOrDomainSchema }),
    /** The organiser's address or domain. */
    z.object({ on: z.literal("organiser"), address: addressOrDomainSchema }),
    /** How many people are on the invitation (attendees and organiser, not rooms), between min and max inclusive. */
    z
      .object({ on: z.literal("attendeeCount"), min: countSchema, max: countSchema.nullable().default(null) })
      .refine((match) => match.max === null || match.max >= match.min, { message: "The most must be at least the fewest.", path: ["max"] }),
  ],
  { error: "Choose what the rule matches: words, the title, an attendee, the organiser or the number of people." },
);

export const calendarRuleSchema = z.object({ match: calendarRuleMatchSchema, category: calendarCategorySchema });

export const calendarRulesSchema = z.object({
  rules: z.array(calendarRuleSchema).max(MAX_RULES, `Keep at most ${MAX_RULES} rules.`),
  /** Where events no rule matches go. */
  defaultCategory: calendarCategorySchema.default("other"),
});

export type CalendarRuleMatch = z.output<typeof calendarRuleMatchSchema>;
export type CalendarRule = z.output<typeof calendarRuleSchema>;
export type CalendarRules = z.output<typeof calendarRulesSchema>;

/** The rules a new user starts with (and may edit): firefighting words before strategy words. */
export const STARTER_RULES: CalendarRules = {
  rules: [
    { match: { on: "words", words: ["incident", "outage", "postmortem", "post-mortem", "escalation"] }, category: "firefighting" },
    { match: { on: "words", words: ["planning", "strategy", "roadmap", "offsite", "off-site", "hiring plan"] }, category: "strategy" },
  ],
  defaultCategory: "other",
};
