"use client";

import type { ComponentProps } from "react";
import { ReclassifyEvent } from "@/components/calendar/reclassify-event";
import { LinkButton } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { ActionForm } from "@/components/ui/form";
import { WEEK_CHOICES, weekChoiceField } from "@/lib/calendar/imports.validation";
import type { ImportPreview, PreviewWeek, WeekOrigin } from "@/lib/calendar/preview";
import { formatDateOnly } from "@/lib/shared/dates";
import type { FormState } from "@/lib/shared/forms";
import { optionsOf, TIME_CATEGORIES, TOUCHPOINT_CHANNELS, type TimeCategory } from "@/lib/shared/vocabulary";
import { formatWeekRange } from "@/lib/shared/week-dates";
import { formatHours } from "@/lib/weeks.validation";

const CATEGORIES = Object.keys(TIME_CATEGORIES) as TimeCategory[];
const choiceOptions = optionsOf(WEEK_CHOICES);

const ORIGIN: Record<WeekOrigin, string> = {
  empty: "No hours logged yet: filled unless you skip it.",
  imported: "Hours from an earlier import: updated unless you skip it.",
  hand: "You logged this week by hand: kept unless you choose “Replace”.",
};

const hours = (minutes: number) => `${formatHours(minutes)} h`;

type Reclassify = ComponentProps<typeof ReclassifyEvent>["reclassify"];

function WeekCard({ week, timeZone, reclassify }: { week: PreviewWeek; timeZone: string; reclassify: Reclassify }) {
  const time = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone });
  const headingId = `week-${week.startsOn}-title`;
  return (
    <li className="rounded-md border border-border p-4" aria-labelledby={headingId}>
      <h3 id={headingId} className="font-semibold">
        {formatWeekRange(week.startsOn)}
      </h3>
      <p className="mt-1 text-sm text-muted">{week.same ? "The calendar’s hours are what is logged already: nothing to change." : ORIGIN[week.origin]}</p>
      <table className="mt-3 w-full text-sm tabular">
        <caption className="sr-only">Hours in the week of {formatDateOnly(week.startsOn)}: from the calendar and logged now</caption>
        <thead>
          <tr className="text-left text-muted">
            <th scope="col" className="py-1 font-medium">
              Category
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              Calendar
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              Logged now
            </th>
          </tr>
        </thead>
        <tbody>
          {CATEGORIES.map((category) => (
            <tr key={category} className="border-t border-border">
              <th scope="row" className="py-1 text-left font-normal">
                {TIME_CATEGORIES[category]}
              </th>
              <td className="py-1 text-right">{hours(week.calendar[category])}</td>
              <td className="py-1 text-right">{hours(week.logged[category])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <details className="mt-3">
        <summary className="cursor-pointer text-sm font-medium">
          The {week.events.length === 1 ? "event" : `${week.events.length} events`} behind these hours
        </summary>
        <ul className="mt-2 space-y-1 text-sm">
          {week.events.map((event) => {
            const when = time.format(new Date(event.start));
            return (
              <li key={event.key} className="flex flex-wrap justify-between gap-x-3">
                <span className="min-w-0 break-words">
                  {event.title || "(no title)"} <span className="text-muted">· {when}</span>
                </span>
                <span className="text-muted tabular">
                  {TIME_CATEGORIES[event.category]}
                  {event.chosen ? " (your choice)" : ""}, {hours(event.minutes)}
                </span>
                <ReclassifyEvent event={event} when={when} reclassify={reclassify} />
              </li>
            );
          })}
        </ul>
      </details>
      {week.same ? null : (
        <div className="mt-3 sm:max-w-64">
          <SelectField name={weekChoiceField(week.startsOn)} label="This week" defaultValue="fill" options={choiceOptions} />
        </div>
      )}
    </li>
  );
}

type Props = {
  id: string;
  preview: ImportPreview;
  timeZone: string;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** Changes one event's category, or its series' (bound to the import). */
  reclassify: Reclassify;
};

/** The preview of a pending import, with a choice per week; confirming applies it all at once. */
export function ImportReview({ id, preview, timeZone, action, reclassify }: Props) {
  const touchpoints = preview.touchpoints.filter((touchpoint) => touchpoint.state === "new" || touchpoint.state === "update");
  return (
    <ActionForm
      action={action}
      submitLabel="Confirm import"
      pendingLabel="Importing…"
      aria-label="Review and confirm the import"
      extraActions={
        <LinkButton href="/calendar" variant="ghost">
          Cancel
        </LinkButton>
      }
    >
      <input type="hidden" name="id" value={id} />
      <section aria-labelledby="weeks-title">
        <h2 id="weeks-title" className="text-lg font-semibold">
          Weeks
        </h2>
        {preview.weeks.length === 0 ? (
          <p className="mt-1 text-muted">No events in the weeks imported count as hours.</p>
        ) : (
          <ul className="mt-3 space-y-4">
            {preview.weeks.map((week) => (
              <WeekCard key={week.startsOn} week={week} timeZone={timeZone} reclassify={reclassify} />
            ))}
          </ul>
        )}
        {preview.ignoredEvents > 0 ? (
          <p className="mt-3 text-sm text-muted">
            {preview.ignoredEvents === 1 ? "One event matches" : `${preview.ignoredEvents} events match`} an “Ignore” rule and count in no week.
          </p>
        ) : null}
      </section>
      <section aria-labelledby="touchpoints-title">
        <h2 id="touchpoints-title" className="text-lg font-semibold">
          Touchpoints
        </h2>
        {touchpoints.length === 0 ? (
          <p className="mt-1 text-muted">
            No new touchpoints: no past meeting had a stakeholder’s email address among its attendees, or they are imported already.
          </p>
        ) : (
          <ul className="mt-2 space-y-1">
            {touchpoints.map((touchpoint) => (
              <li key={`${touchpoint.eventKey} ${touchpoint.stakeholderId}`} className="break-words">
                {formatDateOnly(touchpoint.occurredOn)}: {TOUCHPOINT_CHANNELS[touchpoint.channel]} with {touchpoint.stakeholderName}, “{touchpoint.topic}”
                {touchpoint.state === "update" ? <span className="text-muted"> (the event changed: updates the touchpoint)</span> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </ActionForm>
  );
}
