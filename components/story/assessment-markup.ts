// The quarter's self-assessment as read (the leader's ratings, the change since last quarter, and the
// mentors' beside them) as one markup string, put on the page by one element, as the lists of sources are
// (decision record 033). Every interpolated value is escaped by `markup`.
import { markup, type Markup } from "@/components/charts/markup";
import { HABITS } from "@/lib/shared/reflection-questions";
import type { StoryPack } from "@/lib/story/pack";

function change(now: number, before: number): string {
  const delta = now - before;
  return delta === 0 ? "same as last quarter" : `${delta > 0 ? "+" : "−"}${Math.abs(delta)} since last quarter`;
}

const evidenceOf = (evidence: string | null) => (evidence ? markup`<p class="mt-1 whitespace-pre-line break-words">${evidence}</p>` : "");

export function assessmentMarkup({ self, previousSelf, mentors }: StoryPack["assessment"]): Markup {
  const habits = HABITS.map((habit) => {
    const mine = self[habit.key];
    const before = previousSelf[habit.key];
    const theirs = mentors.flatMap((mentor) => {
      const rating = mentor.ratings[habit.key];
      return rating
        ? [
            markup`<div class="mt-2 border-t border-border pt-2" data-mentor-rating="true"><p><span class="text-muted">${mentor.name}: </span><span class="tabular font-semibold">${String(rating.rating)} of 5</span></p>${evidenceOf(rating.evidence)}</div>`,
          ]
        : [];
    });
    return markup`<li class="rounded-md border border-border p-3 text-sm" data-habit="${habit.key}"><p class="font-medium">${habit.name}</p><p class="mt-1"><span class="tabular font-semibold">${mine ? `${mine.rating} of 5` : "Not rated"}</span>${
      mine && before ? markup`<span class="text-muted"> · ${change(mine.rating, before.rating)}</span>` : ""
    }</p>${evidenceOf(mine?.evidence ?? null)}${theirs}</li>`;
  });
  return markup`<h3 class="font-medium">Quarterly self-assessment</h3><ul class="mt-3 grid gap-3 sm:grid-cols-2" data-testid="story-assessment">${habits}</ul>`;
}
