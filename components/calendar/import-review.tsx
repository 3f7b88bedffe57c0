import type { ReactNode } from "react";
import { WeekEvents, type WeekEventsResult } from "@/components/calendar/week-events";
import { LinkButton } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { ActionForm } from "@/components/ui/form";
import { WEEK_CHOICES, weekChoiceField } from "@/lib/calendar/imports.validation";
import { weekEventsRevision, type ImportPreview, type PreviewEvent, type PreviewWeek, type WeekOrigin } from "@/lib/calendar/preview";
import { formatDateOnly, type DateOnly } from "@/lib/shared/dates";
import type { FormState } from "@/lib/shared/forms";
import { optionsOf, TIME_CATEGORIES, TOUCHPOINT_CHANNELS, type TimeCategory } from "@/lib/shared/vocabulary";
import { formatWeekRange } from "@/lib/shared/week-dates";
import { formatHours } from "@/lib/shared/week-hours";

const CATEGORIES = Object.keys(TIME_CATEGORIES) as TimeCategory[];
const choiceOptions = optionsOf(WEEK_CHOICES);

const ORIGIN: Record<WeekOrigin, string> = {
  empty: "No hours logged yet: filled unless you skip it.",
  imported: "Hours from an earlier import: updated unless you skip it.",
  hand: "You logged this week by hand: kept unless you choose “Replace”.",
};

const hours = (minutes: number) => `${formatHours(minutes)} h`;

const HOURS_TABLE =
  "mt-3 w-full text-sm tabular [&_th]:py-1 [&_td]:py-1 [&_th]:text-left [&_thead]:text-muted [&_thead_th]:font-medium [&_tbody_th]:font-normal [&_td]:text-right [&_thead_th+th]:text-right [&_tbody_tr]:border-t [&_tbody_tr]:border-border";
const count = (events: readonly PreviewEvent[], one: string, many: string) => (events.length === 1 ? one : many.replace("N", String(events.length)));

type Props = {
  id: string;
  preview: ImportPreview;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** Loads one week's events, rendered on the server (bound to the import). */
  loadWeek: (week: DateOnly) => Promise<WeekEventsResult>;
  /** The week the page was asked to show opened (without JavaScript, its link does), with its events. */
  opened?: { startsOn: DateOnly; events: ReactNode };
};

type EventsProps = Pick<Props, "loadWeek" | "opened"> & { week: Pick<PreviewWeek, "startsOn" | "events" | "ignored">; summary: string };

/** A week's events, behind a disclosure: loaded when it opens, or a plain link to the page with it opened. */
function Events({ week, summary, loadWeek, opened }: EventsProps) {
  const initial = opened?.startsOn === week.startsOn ? opened.events : undefined;
  return <WeekEvents summary={summary} revision={weekEventsRevision(week)} week={week.startsOn} load={loadWeek} initial={initial} />;
}

function WeekHeading({ startsOn }: { startsOn: DateOnly }) {
  return (
    <h3 id={`week-${startsOn}-title`} className="font-semibold">
      {formatWeekRange(startsOn)}
    </h3>
  );
}

function WeekCard({ week, ...events }: { week: PreviewWeek } & Pick<Props, "loadWeek" | "opened">) {
  const summary = `${count(week.events, "The event", "The N events")} behind these hours${week.ignored.length > 0 ? `, and ${week.ignored.length} ignored` : ""}`;
  return (
    <li className="rounded-md border border-border p-4" aria-labelledby={`week-${week.startsOn}-title`}>
      <WeekHeading startsOn={week.startsOn} />
      <p className="mt-1 text-sm text-muted">{week.same ? "The calendar’s hours are what is logged already: nothing to change." : ORIGIN[week.origin]}</p>
      {/* Cells styled from the table: thirteen weeks of repeated classes were a tenth of the page. */}
      <table className={HOURS_TABLE}>
        <caption className="sr-only">Hours in the week of {formatDateOnly(week.startsOn)}: from the calendar and logged now</caption>
        <thead>
          <tr>
            <th scope="col">Category</th>
            <th scope="col">Calendar</th>
            <th scope="col">Logged now</th>
          </tr>
        </thead>
        <tbody>
          {CATEGORIES.map((category) => (
            <tr key={category}>
              <th scope="row">{TIME_CATEGORIES[category]}</th>
              <td>{hours(week.calendar[category])}</td>
              <td>{hours(week.logged[category])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Events week={week} summary={summary} {...events} />
      {week.same ? null : (
        <div className="mt-3 sm:max-w-64">
          <SelectField name={weekChoiceField(week.startsOn)} label="This week" defaultValue="fill" options={choiceOptions} />
        </div>
      )}
    </li>
  );
}

/** A week whose every event is ignored: nothing to write, but its events can be reclassified back. */
function IgnoredWeekCard({ week, ...events }: { week: ImportPreview["ignoredWeeks"][number] } & Pick<Props, "loadWeek" | "opened">) {
  return (
    <li className="rounded-md border border-border p-4" aria-labelledby={`week-${week.startsOn}-title`}>
      <WeekHeading startsOn={week.startsOn} />
      <p className="mt-1 text-sm text-muted">Every event of this week is ignored: it changes nothing.</p>
      <Events week={{ ...week, events: [] }} summary={count(week.ignored, "The ignored event", "The N ignored events")} {...events} />
    </li>
  );
}

/**
 * The preview of a pending import, with a choice per week; confirming applies
 * it all at once. Rendered on the server: only the form, the choices and each
 * week's disclosure of its events run in the browser.
 */
export function ImportReview({ id, preview, action, ...events }: Props) {
  const touchpoints = preview.touchpoints.filter((touchpoint) => touchpoint.state === "new" || touchpoint.state === "update");
  const weeks = [
    ...preview.weeks.map((week) => ({ startsOn: week.startsOn, card: <WeekCard key={week.startsOn} week={week} {...events} /> })),
    ...preview.ignoredWeeks.map((week) => ({ startsOn: week.startsOn, card: <IgnoredWeekCard key={week.startsOn} week={week} {...events} /> })),
  ].sort((a, b) => (a.startsOn < b.startsOn ? -1 : 1));
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
        {weeks.length === 0 ? (
          <p className="mt-1 text-muted">No events in the weeks imported count as hours.</p>
        ) : (
          <ul className="mt-3 space-y-4">{weeks.map((week) => week.card)}</ul>
        )}
        {preview.ignoredEvents > 0 ? (
          <p className="mt-3 text-sm text-muted">
            {preview.ignoredEvents === 1
              ? "One event is ignored and counts in no week; it is listed in its week, where you can change that."
              : `${preview.ignoredEvents} events are ignored and count in no week; each is listed in its week, where you can change that.`}
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
