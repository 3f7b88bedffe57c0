"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState, useTransition, type ReactNode } from "react";
import type { ButtonResult } from "@/lib/server/button-actions";

export type WeekEventsResult = ButtonResult & { events?: ReactNode };

type Props = {
  /** The disclosure's summary: how many events are behind the week's hours. */
  summary: string;
  /** Changes whenever the week's events do (a reclassify, a rule): an opened list loads again. */
  revision: string;
  /** The week's first day. */
  week: string;
  /** Server action bound to the import (one for every week: sent once): the week's list, rendered on the server. */
  load: (week: string) => Promise<WeekEventsResult>;
  /** The list already rendered (the page was asked for this week), shown opened. */
  initial?: ReactNode;
};

/**
 * A week's events in the import review, loaded when the week is opened: the
 * page itself carries only the weeks' sums, however busy the calendar.
 */
export function WeekEvents({ summary, revision, week, load, initial }: Props) {
  // Until the list is loaded: a link to this page with the week opened, for a browser without JavaScript.
  const fallback = (
    <Link href={`${usePathname()}?week=${week}#week-${week}-title`} className="mt-2 inline-block text-sm text-accent underline-offset-2 hover:underline">
      Show the events of this week
    </Link>
  );
  const [open, setOpen] = useState(initial !== undefined);
  const [loaded, setLoaded] = useState<{ revision: string; events: ReactNode } | null>(initial === undefined ? null : { revision, events: initial });
  const [failed, setFailed] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    if (!open || loaded?.revision === revision) return;
    let current = true;
    startTransition(async () => {
      const result: WeekEventsResult = await load(week).catch(() => ({ ok: false, message: "The events could not be loaded. Please try again." }));
      if (!current) return;
      if (result.ok) setLoaded({ revision, events: result.events });
      setFailed(result.ok ? null : result.message);
    });
    return () => {
      current = false;
    };
  }, [open, revision, loaded?.revision, load, week]);

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
            {fallback}
          </>
        ) : pending ? (
          <p className="mt-2 text-sm text-muted">Loading the events…</p>
        ) : (
          fallback
        )}
      </div>
    </details>
  );
}
