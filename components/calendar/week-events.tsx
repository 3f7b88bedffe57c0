"use client";

import { useEffect, useState, useTransition, type ReactNode } from "react";
import type { ButtonResult } from "@/lib/server/button-actions";

export type WeekEventsResult = ButtonResult & { events?: ReactNode };

type Props = {
  /** The disclosure's summary: how many events are behind the week's hours. */
  summary: string;
  /** Changes whenever the week's events do (a reclassify, a rule): an opened list loads again. */
  revision: string;
  /** Server action bound to the import and the week: the list, rendered on the server. */
  load: () => Promise<WeekEventsResult>;
  /** The list already rendered (the page was asked for this week), shown opened. */
  initial?: ReactNode;
  /** Shown until the list is loaded: a link to the page with this week opened, for a browser without JavaScript. */
  children: ReactNode;
};

/**
 * A week's events in the import review, loaded when the week is opened: the
 * page itself carries only the weeks' sums, however busy the calendar.
 */
export function WeekEvents({ summary, revision, load, initial, children }: Props) {
  const [open, setOpen] = useState(initial !== undefined);
  const [loaded, setLoaded] = useState<{ revision: string; events: ReactNode } | null>(initial === undefined ? null : { revision, events: initial });
  const [failed, setFailed] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    if (!open || loaded?.revision === revision) return;
    let current = true;
    startTransition(async () => {
      const result: WeekEventsResult = await load().catch(() => ({ ok: false, message: "The events could not be loaded. Please try again." }));
      if (!current) return;
      if (result.ok) setLoaded({ revision, events: result.events });
      setFailed(result.ok ? null : result.message);
    });
    return () => {
      current = false;
    };
  }, [open, revision, loaded?.revision, load]);

  return (
    <details className="mt-3" open={open} onToggle={(toggle) => setOpen(toggle.currentTarget.open)}>
      <summary className="cursor-pointer text-sm font-medium">{summary}</summary>
      <div aria-busy={pending}>
        {loaded ? (
          loaded.events
        ) : failed ? (
          <>
            <p role="alert" className="mt-2 text-sm">
              {failed}
            </p>
            {children}
          </>
        ) : pending ? (
          <p className="mt-2 text-sm text-muted">Loading the events…</p>
        ) : (
          children
        )}
      </div>
    </details>
  );
}
