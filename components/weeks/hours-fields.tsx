"use client";

import { useEffect, useRef, useState } from "react";
import { TextField } from "@/components/ui/field";
import { useFormField } from "@/components/ui/form";
import { cn } from "@/components/ui/cn";
import { TIME_CATEGORIES, type TimeCategory } from "@/lib/shared/vocabulary";
import { formatHours, HOURS_FIELDS, hoursProblemAsTyped, MAX_WEEK_HOURS, parseHours, strategyShare } from "@/lib/shared/week-hours";

const CATEGORIES = Object.keys(HOURS_FIELDS) as TimeCategory[];

const HELP: Record<TimeCategory, string> = {
  firefighting: "Incidents, escalations, urgent fixes, unplanned work.",
  strategy: "Planning, architecture direction, org design, hiring strategy, vision work.",
  other: "Routine management, delivery meetings, admin.",
};

const SWATCH: Record<TimeCategory, string> = {
  firefighting: "bg-firefighting",
  strategy: "bg-strategy",
  other: "bg-other",
};

type Hours = Record<TimeCategory, string>;

/**
 * The three hour fields with a running total and the strategy share, updated
 * as the user types. The inputs stay uncontrolled (the form owns their values
 * and resets them after each save), so the totals re-read them after a reset.
 */
export function HoursFields({ defaults, autoFocus = false }: { defaults: Hours; autoFocus?: boolean }) {
  const typed = useTypedHours();
  const [hours, setHours] = useState<Hours>(() => ({
    firefighting: typed.firefighting ?? defaults.firefighting,
    strategy: typed.strategy ?? defaults.strategy,
    other: typed.other ?? defaults.other,
  }));
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const form = rootRef.current?.closest("form");
    if (!form) return;
    const read = () =>
      setHours(
        Object.fromEntries(
          CATEGORIES.map((category) => {
            const input = form.elements.namedItem(HOURS_FIELDS[category]);
            return [category, input instanceof HTMLInputElement ? input.value : ""];
          }),
        ) as Hours,
      );
    // The reset event fires before the fields change; read them once it is done.
    const afterReset = () => setTimeout(read, 0);
    form.addEventListener("input", read);
    form.addEventListener("reset", afterReset);
    return () => {
      form.removeEventListener("input", read);
      form.removeEventListener("reset", afterReset);
    };
  }, []);

  return (
    <div ref={rootRef} className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-3">
        {CATEGORIES.map((category, index) => {
          const problem = hoursProblemAsTyped(hours[category], category);
          return (
            <TextField
              key={category}
              name={HOURS_FIELDS[category]}
              label={`${TIME_CATEGORIES[category]} hours`}
              help={HELP[category]}
              defaultValue={defaults[category]}
              // Empty rather than "0", so typing gives "10.25", not "010.25".
              placeholder="0"
              errorsAsTyped={problem ? [problem] : undefined}
              // The page opened to log this week: its first field is where the user starts.
              autoFocus={autoFocus && index === 0}
              inputMode="decimal"
              autoComplete="off"
              className="tabular"
            />
          );
        })}
      </div>
      <HoursSummary hours={hours} />
    </div>
  );
}

function useTypedHours(): Partial<Hours> {
  return {
    firefighting: useFormField(HOURS_FIELDS.firefighting).typedValue,
    strategy: useFormField(HOURS_FIELDS.strategy).typedValue,
    other: useFormField(HOURS_FIELDS.other).typedValue,
  };
}

function HoursSummary({ hours }: { hours: Hours }) {
  // Anything not yet a number counts as nothing; the field itself says what is wrong on save.
  const minutes = Object.fromEntries(CATEGORIES.map((category) => [category, Math.round((parseHours(hours[category]) ?? 0) * 60)])) as Record<
    TimeCategory,
    number
  >;
  const total = minutes.firefighting + minutes.strategy + minutes.other;
  const share = strategyShare(minutes);
  const tooMany = total > MAX_WEEK_HOURS * 60;

  return (
    <div className="rounded-md bg-surface-muted px-4 py-3">
      <div aria-live="polite" aria-atomic="true" className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-1">
        <p>
          <span className="text-sm text-muted">Strategy share </span>
          <span className="tabular text-2xl font-semibold" data-testid="strategy-share">
            {share === null ? "–" : `${share}%`}
          </span>
        </p>
        <p className={cn("tabular text-sm", tooMany ? "font-medium text-danger" : "text-muted")} data-testid="hours-total">
          {formatHours(total)} of {MAX_WEEK_HOURS} hours logged
          {tooMany ? ` — that is more than a week has. Lower one of the numbers.` : null}
        </p>
      </div>
      {total > 0 ? (
        <>
          <div className="mt-3 flex h-2 overflow-hidden rounded-full bg-border" aria-hidden="true">
            {CATEGORIES.map((category) => (
              <div key={category} className={SWATCH[category]} style={{ width: `${(minutes[category] / total) * 100}%` }} />
            ))}
          </div>
          <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-muted">
            {CATEGORIES.map((category) => (
              <li key={category} className="flex items-center gap-1.5">
                <span className={cn("inline-block size-2.5 rounded-full", SWATCH[category])} aria-hidden="true" />
                {TIME_CATEGORIES[category]} <span className="tabular">{formatHours(minutes[category])} h</span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="mt-1 text-sm text-muted">Enter your hours to see how the week split.</p>
      )}
    </div>
  );
}
