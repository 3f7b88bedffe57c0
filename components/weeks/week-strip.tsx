import { markup } from "@/components/charts/markup";
import { cn } from "@/components/ui/cn";
import { MarkupList } from "@/components/ui/markup-list";
import { formatDateOnly } from "@/lib/shared/dates";
import type { StripWeek } from "@/lib/shared/week-dates";

const STATES: Record<StripWeek["state"], { label: string; look: string }> = {
  // Told apart by shape as well as colour: filled, dashed, ringed, faint.
  logged: { label: "logged", look: "bg-accent" },
  missing: { label: "not logged", look: "border-2 border-dashed border-border-strong" },
  open: { label: "this week, not logged yet", look: "border-2 border-accent" },
  before: { label: "before your first logged week", look: "bg-border" },
};

const weekOf = (startsOn: string) => `Week of ${formatDateOnly(startsOn, { day: "numeric", month: "short", year: "numeric" })}`;

function Sample({ state }: { state: StripWeek["state"] }) {
  return <span aria-hidden="true" className={cn("inline-block size-3.5 rounded-sm", STATES[state].look)} />;
}

/**
 * The last 52 weeks at a glance, oldest first, a quarter to a row on phones:
 * each cell a link to its week, named with the week and its state. The cells
 * are one markup string (decision record 037).
 */
export function WeekStrip({ strip }: { strip: StripWeek[] }) {
  const logged = strip.filter((week) => week.state === "logged").length;
  const missing = strip.filter((week) => week.state === "missing").length;
  return (
    <section aria-labelledby="strip-title" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4">
        <h2 id="strip-title" className="text-lg font-semibold">
          The last {strip.length} weeks
        </h2>
        <p className="tabular text-sm text-muted">
          {logged} logged · {missing} not logged
        </p>
      </div>
      <MarkupList
        as="ol"
        links
        className="grid grid-cols-[repeat(13,minmax(0,1fr))] gap-1 sm:grid-cols-[repeat(26,minmax(0,1fr))]"
        markup={markup`${strip.map((week) => {
          const name = `${weekOf(week.startsOn)}: ${STATES[week.state].label}`;
          return markup`<li><a href="/weeks/${week.startsOn}" aria-label="${name}" title="${name}" class="${cn("block aspect-square rounded-sm hover:opacity-80", STATES[week.state].look)}"></a></li>`;
        })}`}
      />
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-muted" aria-label="Legend">
        {(Object.keys(STATES) as StripWeek["state"][]).map((state) => (
          <li key={state} className="flex items-center gap-1.5">
            <Sample state={state} />
            {STATES[state].label.charAt(0).toUpperCase() + STATES[state].label.slice(1)}
          </li>
        ))}
      </ul>
      <p className="text-sm text-muted">
        From {formatDateOnly(strip[0]!.startsOn)} to this week, oldest first.
      </p>
    </section>
  );
}
