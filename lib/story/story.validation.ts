// The quarterly story's rules, shared by its forms (instant feedback) and the server.
import { z } from "zod";
import { HABITS, type HabitKey } from "@/lib/shared/reflection-questions";
import { quarterKeySchema } from "@/lib/shared/quarters";
import { idSchema } from "@/lib/shared/form-schemas";

export const NARRATIVE_MAX = 20_000;
export const EVIDENCE_MAX = 1_000;

/** The narrative's sections, in order: each a Markdown heading of the draft. */
export const NARRATIVE_SECTIONS = ["Wins", "What changed", "What's next", "Where I need help"] as const;

export type NarrativeSection = (typeof NARRATIVE_SECTIONS)[number];

export const narrativeSchema = z.object({
  quarter: quarterKeySchema,
  // The version the form was loaded with: 0 when the narrative was never saved.
  version: z.coerce.number({ error: "Reload the page and save again." }).int().min(0).max(2_147_483_647),
  body: z
    .string({ error: "Write your narrative, or keep the draft." })
    .trim()
    .min(1, "Write your narrative, or keep the draft.")
    .max(NARRATIVE_MAX, `Keep the narrative under ${NARRATIVE_MAX.toLocaleString("en-GB")} characters.`),
});

export type NarrativeInput = z.output<typeof narrativeSchema>;

/** A habit's rating field in the self-assessment form ("rating-strategy"), and its evidence note's. */
export function ratingFieldOf(habit: HabitKey): `rating-${HabitKey}` {
  return `rating-${habit}`;
}

export function evidenceFieldOf(habit: HabitKey): `evidence-${HabitKey}` {
  return `evidence-${habit}`;
}

/** Empty means "not rated": a habit may be left out. */
const rating = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? null : value),
  z.coerce.number({ error: "Choose a rating from 1 to 5." }).int("Choose a rating from 1 to 5.").min(1, "Choose a rating from 1 to 5.").max(5, "Choose a rating from 1 to 5.").nullable().default(null),
);

const evidence = z
  .string()
  .trim()
  .max(EVIDENCE_MAX, `Keep the note under ${EVIDENCE_MAX.toLocaleString("en-GB")} characters.`)
  .transform((value) => (value === "" ? null : value))
  .default(null);

const habitFields = Object.fromEntries(HABITS.flatMap((habit) => [[ratingFieldOf(habit.key), rating], [evidenceFieldOf(habit.key), evidence]])) as Record<
  `rating-${HabitKey}`,
  typeof rating
> &
  Record<`evidence-${HabitKey}`, typeof evidence>;

/** A note needs the rating it explains. */
function checkEvidence(input: Record<string, unknown>, ctx: z.RefinementCtx) {
  for (const habit of HABITS) {
    if (input[evidenceFieldOf(habit.key)] !== null && input[ratingFieldOf(habit.key)] === null) {
      ctx.addIssue({ code: "custom", path: [ratingFieldOf(habit.key)], message: `Rate ${habit.shortName.toLowerCase()} to keep your note on it.` });
    }
  }
}

/** One habit's rating for the quarter, with its evidence note; null when not rated. */
export type HabitRating = { rating: number; evidence: string | null };

export type AssessmentInput = { quarter: z.output<typeof quarterKeySchema>; ratings: Record<HabitKey, HabitRating | null> };

function toAssessment(input: Record<string, unknown> & { quarter: z.output<typeof quarterKeySchema> }): AssessmentInput {
  const ratings = Object.fromEntries(
    HABITS.map((habit) => {
      const value = input[ratingFieldOf(habit.key)] as number | null;
      return [habit.key, value === null ? null : { rating: value, evidence: input[evidenceFieldOf(habit.key)] as string | null }];
    }),
  ) as Record<HabitKey, HabitRating | null>;
  return { quarter: input.quarter, ratings };
}

/** The leader's self-assessment of a quarter: each habit 1–5 with a short evidence note. */
export const assessmentSchema = z.object({ quarter: quarterKeySchema, ...habitFields }).superRefine(checkEvidence).transform(toAssessment);

/** A mentor's ratings of a mentee's quarter: the same fields, and whose quarter it is. */
export const mentorAssessmentSchema = z
  .object({ quarter: quarterKeySchema, menteeId: idSchema("That mentee could not be found."), ...habitFields })
  .superRefine(checkEvidence)
  .transform((input) => ({ ...toAssessment(input), menteeId: input.menteeId }));

export type MentorAssessmentInput = z.output<typeof mentorAssessmentSchema>;

/** The forms the leader's story page opens, one at a time, from its address (`?edit=narrative`). */
export const STORY_FORMS = ["narrative", "ratings", "link"] as const;

export type StoryForm = (typeof STORY_FORMS)[number];

/** `?edit=` on the leader's story page: anything else opens no form. */
export const storyFormSchema = z.enum(STORY_FORMS).nullable().catch(null);
