"use client";

import type { ReactNode } from "react";
import { TextAreaField } from "@/components/ui/field";
import { ActionForm } from "@/components/ui/form";
import { RatingField } from "@/components/weeks/rating-field";
import type { FormState } from "@/lib/shared/forms";
import { HABITS } from "@/lib/shared/reflection-questions";
import type { HabitRatings } from "@/lib/story/pack";
import { assessmentSchema, evidenceFieldOf, mentorAssessmentSchema, ratingFieldOf, EVIDENCE_MAX } from "@/lib/story/story.validation";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  quarter: string;
  ratings: HabitRatings;
  /** Set for a mentor rating a mentee's quarter; absent for the leader's own self-assessment. */
  mentee?: { id: string; name: string };
  /** Beside the save button: the link that closes the form. */
  extraActions?: ReactNode;
};

/** The habits rated 1–5 for the quarter, each with a short evidence note: the leader's self-assessment, or a mentor's ratings beside it. */
export function RatingsForm({ action, quarter, ratings, mentee, extraActions }: Props) {
  const title = mentee ? `Your ratings of ${mentee.name}'s quarter` : "Rate your quarter";
  return (
    <section aria-labelledby="ratings-form-title" className="mt-6 border-t border-border pt-5">
      <h3 id="ratings-form-title" className="font-medium">
        {title}
      </h3>
      <p className="mt-1 text-sm text-muted">
        {mentee
          ? `Rate each habit as you saw it this quarter; ${mentee.name} sees your ratings and notes beside their own.`
          : "Rate each habit for the whole quarter, with a line of evidence: what you did, or did not. Skip any you are unsure of."}
      </p>
      <ActionForm action={action} schema={mentee ? mentorAssessmentSchema : assessmentSchema} submitLabel="Save ratings" extraActions={extraActions} className="mt-4" aria-label={title}>
        <input type="hidden" name="quarter" value={quarter} readOnly />
        {mentee ? <input type="hidden" name="menteeId" value={mentee.id} readOnly /> : null}
        {HABITS.map((habit) => {
          const value = ratings[habit.key];
          return (
            <div key={habit.key} className="space-y-3 border-t border-border pt-4 first-of-type:border-t-0 first-of-type:pt-0">
              <h4 className="text-sm font-medium">{habit.name}</h4>
              <RatingField
                name={ratingFieldOf(habit.key)}
                habitName={habit.name}
                defaultValue={value ? String(value.rating) : ""}
                legend={mentee ? "Your rating" : "Self-rating for the quarter"}
              />
              <TextAreaField
                name={evidenceFieldOf(habit.key)}
                label={mentee ? "Your note" : "Evidence"}
                help={`Optional, up to ${EVIDENCE_MAX.toLocaleString("en-GB")} characters.`}
                defaultValue={value?.evidence ?? ""}
                rows={2}
              />
            </div>
          );
        })}
      </ActionForm>
    </section>
  );
}
