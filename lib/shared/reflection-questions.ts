// The four habits from the product brief, each with the week's reflection
// question and self-rating. One list drives the form, the conflict view, the
// dashboard's ratings, the CSV export and anything else that walks through a
// week habit by habit.

export const HABITS = [
  {
    key: "strategy",
    name: "Strategic over tactical time",
    /** On the dashboard's ratings chart and in its findings. */
    shortName: "Strategic time",
    /** In the CSV export's column headers. */
    csvName: "Strategy",
    question: "Did you lay groundwork this week, or mostly put out fires? What would make next week a little more strategic?",
    reflectionField: "reflectionStrategy",
    ratingField: "ratingStrategy",
  },
  {
    key: "story",
    name: "Owning the story",
    shortName: "Owning the story",
    csvName: "Story",
    question: "What did engineering do this week that matters to the business? Did you explain it in those terms to someone outside engineering?",
    reflectionField: "reflectionStory",
    ratingField: "ratingStory",
  },
  {
    key: "relationships",
    name: "Relationships across the company",
    shortName: "Relationships",
    csvName: "Relationships",
    question: "Who outside engineering did you learn from this week? Which of their problems could technology help solve?",
    reflectionField: "reflectionRelationships",
    ratingField: "ratingRelationships",
  },
  {
    key: "vision",
    name: "Vision",
    shortName: "Vision",
    csvName: "Vision",
    question: "Does this week's work move us toward where we want to be in five years? What did you see coming?",
    reflectionField: "reflectionVision",
    ratingField: "ratingVision",
  },
] as const;

export type Habit = (typeof HABITS)[number];
export type HabitKey = Habit["key"];
export type ReflectionField = Habit["reflectionField"];
export type RatingField = Habit["ratingField"];

/** What each self-rating means, so 1–5 is not a guess. */
export const RATING_MEANINGS = {
  1: "Hardly at all",
  2: "A little",
  3: "Some",
  4: "Mostly",
  5: "At my best",
} as const;

/** A week's answer and rating for every habit, and nothing else. */
export function reflectionsOf(week: Record<ReflectionField, string | null> & Record<RatingField, number | null>) {
  const fields = [...HABITS.map((habit) => habit.reflectionField), ...HABITS.map((habit) => habit.ratingField)];
  return Object.fromEntries(fields.map((field) => [field, week[field]])) as Record<ReflectionField, string | null> & Record<RatingField, number | null>;
}

/** A week with nothing reflected on: every habit's answer and rating empty, and no highlights. */
export const NO_REFLECTIONS = {
  ...(Object.fromEntries(HABITS.flatMap((habit) => [[habit.reflectionField, null], [habit.ratingField, null]])) as Record<ReflectionField | RatingField, null>),
  highlights: null,
};
