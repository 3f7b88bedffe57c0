// The four habits from the product brief, each with the week's reflection
// question and self-rating. One list drives the form, the conflict view and
// anything else that walks through a week habit by habit.

export const HABITS = [
  {
    key: "strategy",
    name: "Strategic over tactical time",
    question: "Did you lay groundwork this week, or mostly put out fires? What would make next week a little more strategic?",
    reflectionField: "reflectionStrategy",
    ratingField: "ratingStrategy",
  },
  {
    key: "story",
    name: "Owning the story",
    question: "What did engineering do this week that matters to the business? Did you explain it in those terms to someone outside engineering?",
    reflectionField: "reflectionStory",
    ratingField: "ratingStory",
  },
  {
    key: "relationships",
    name: "Relationships across the company",
    question: "Who outside engineering did you learn from this week? Which of their problems could technology help solve?",
    reflectionField: "reflectionRelationships",
    ratingField: "ratingRelationships",
  },
  {
    key: "vision",
    name: "Vision",
    question: "Does this week's work move us toward where we want to be in five years? What did you see coming?",
    reflectionField: "reflectionVision",
    ratingField: "ratingVision",
  },
] as const;

export type Habit = (typeof HABITS)[number];
export type ReflectionField = Habit["reflectionField"];
export type RatingField = Habit["ratingField"];

/** What each self-rating means, so 1–5 is not a guess. */
export const RATING_LABELS = {
  1: "Hardly at all",
  2: "A little",
  3: "Some",
  4: "Mostly",
  5: "At my best",
} as const;

/** A week with nothing reflected on: every habit's answer and rating empty, and no highlights. */
export const NO_REFLECTIONS = {
  ...(Object.fromEntries(HABITS.flatMap((habit) => [[habit.reflectionField, null], [habit.ratingField, null]])) as Record<ReflectionField | RatingField, null>),
  highlights: null,
};
