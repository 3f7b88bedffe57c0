import { MarkdownBody } from "@/components/notes/markdown";
import { hours, percent, splitOf } from "@/lib/dashboard/figures";
import { HABITS, RATING_MEANINGS } from "@/lib/shared/reflection-questions";
import { TIME_CATEGORIES } from "@/lib/shared/vocabulary";
import type { SavedWeek } from "@/lib/weeks";

const SWATCH = { firefighting: "bg-firefighting", strategy: "bg-strategy", other: "bg-other" } as const;

/** A logged week, read-only: the time split always, reflections and ratings when shared. */
export function MenteeWeekView({ week, showReflections }: { week: SavedWeek; showReflections: boolean }) {
  const split = splitOf({ firefighting: week.firefightingMinutes, strategy: week.strategyMinutes, other: week.otherMinutes });
  return (
    <div className="space-y-6">
      <section aria-labelledby="split-title">
        <h2 id="split-title" className="text-lg font-semibold">
          Time split
        </h2>
        <p className="mt-1 text-muted">
          Strategy share <strong className="tabular text-text">{percent(split.share)}</strong> of {hours(split.total)} logged.
        </p>
        <dl className="mt-3 grid grid-cols-3 gap-3">
          {(["firefighting", "strategy", "other"] as const).map((key) => (
            <div key={key} className="rounded-md border border-border p-3">
              <dt className="flex items-center gap-2 text-sm text-muted">
                <span aria-hidden="true" className={`inline-block size-2.5 rounded-sm ${SWATCH[key]}`} />
                {TIME_CATEGORIES[key]}
              </dt>
              <dd className="tabular mt-1 text-lg font-semibold">{hours(split[key])}</dd>
            </div>
          ))}
        </dl>
      </section>
      {showReflections ? (
        <section aria-labelledby="reflections-title" className="space-y-4">
          <h2 id="reflections-title" className="text-lg font-semibold">
            Reflections
          </h2>
          {HABITS.map((habit) => {
            const answer = week[habit.reflectionField];
            const rating = week[habit.ratingField];
            return (
              <div key={habit.key}>
                <h3 className="font-medium">{habit.name}</h3>
                <p className="text-sm text-muted">{habit.question}</p>
                <p className="mt-1 whitespace-pre-line break-words">{answer ?? <span className="text-muted">No answer this week.</span>}</p>
                <p className="mt-1 text-sm text-muted">
                  Self-rating:{" "}
                  {rating ? (
                    <span className="tabular text-text">
                      {rating} of 5 ({RATING_MEANINGS[rating as keyof typeof RATING_MEANINGS]})
                    </span>
                  ) : (
                    "none"
                  )}
                </p>
              </div>
            );
          })}
          {week.highlights ? (
            <div>
              <h3 className="font-medium">Highlights</h3>
              <MarkdownBody className="mt-1">{week.highlights}</MarkdownBody>
            </div>
          ) : null}
        </section>
      ) : (
        <p className="text-sm text-muted">Reflections and self-ratings are not shared with you.</p>
      )}
    </div>
  );
}
