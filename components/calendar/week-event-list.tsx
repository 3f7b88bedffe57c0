import type { ComponentProps } from "react";
import { ReclassifyEvent } from "@/components/calendar/reclassify-event";
import type { PreviewEvent } from "@/lib/calendar/preview";
import { zonedDateTimeFormat } from "@/lib/shared/dates";
import { TIME_CATEGORIES } from "@/lib/shared/vocabulary";
import { formatHours } from "@/lib/shared/week-hours";

type Props = {
  /** The events behind the week's hours, then its ignored ones. */
  events: readonly PreviewEvent[];
  ignored: readonly PreviewEvent[];
  timeZone: string;
  reclassify: ComponentProps<typeof ReclassifyEvent>["reclassify"];
};

/**
 * One week's events in an import's preview, each with its reclassify
 * control. Rendered on the server: the review loads it when its week is
 * opened (or shows it opened, for a browser without JavaScript).
 */
export function WeekEventList({ events, ignored, timeZone, reclassify }: Props) {
  if (events.length + ignored.length === 0) return <p className="mt-2 text-sm text-muted">No events in this week.</p>;
  const time = zonedDateTimeFormat(timeZone, { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
  return (
    <ul className="mt-2 space-y-1 text-sm">
      {[...events, ...ignored].map((event) => {
        const when = time.format(new Date(event.start));
        const chosen = event.chosen ? " (your choice)" : "";
        return (
          <li key={event.key} className="flex flex-wrap justify-between gap-x-3">
            <span className="min-w-0 break-words">
              {event.title || "(no title)"} <span className="text-muted">· {when}</span>
            </span>
            <span className="text-muted tabular">
              {event.category === "ignore" ? `Ignored${chosen}: counts in no week` : `${TIME_CATEGORIES[event.category]}${chosen}, ${formatHours(event.minutes)} h`}
            </span>
            <ReclassifyEvent event={event} when={when} reclassify={reclassify} />
          </li>
        );
      })}
    </ul>
  );
}
