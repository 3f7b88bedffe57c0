import { RowActionButton } from "@/components/mentors/row-action-button";
import { LinkButton } from "@/components/ui/button";
import type { CalendarFeedSummary } from "@/lib/calendar/feeds";
import type { ButtonResult } from "@/lib/server/button-actions";
import { zonedDateTimeFormat } from "@/lib/shared/dates";

type Props = {
  feeds: CalendarFeedSummary[];
  timeZone: string;
  /** Server actions bound to one feed's id here. */
  refresh: (id: string) => Promise<ButtonResult>;
  remove: (id: string) => Promise<ButtonResult>;
};

/** The calendars the user subscribes to: when each was last refreshed, its last error, and what waits for review. */
export function FeedList({ feeds, timeZone, refresh, remove }: Props) {
  const when = zonedDateTimeFormat(timeZone, { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });
  return (
    <ul className="divide-y divide-border" aria-label="Your calendar feeds">
      {feeds.map((feed) => {
        const failed = feed.lastError !== null;
        return (
          <li key={feed.id} className="space-y-2 py-3">
            <p className="font-medium break-words">{feed.name}</p>
            <p className="text-sm text-muted">
              {feed.activeSince
                ? `Refreshed every hour. Last refreshed ${feed.lastRefreshedAt ? when.format(feed.lastRefreshedAt) : "never"}.`
                : feed.pendingImportId
                  ? "Waiting for you to review its first import: hourly refreshes start once you confirm it."
                  : "Paused: refresh it to review its next import; hourly refreshes start again once you confirm it."}
            </p>
            {failed ? (
              <p className="text-sm font-medium text-danger">
                Last refresh failed{feed.lastAttemptAt ? ` (${when.format(feed.lastAttemptAt)})` : ""}: {feed.lastError}
              </p>
            ) : null}
            <div className="flex flex-wrap gap-2">
              {feed.pendingImportId ? (
                <LinkButton href={`/calendar/imports/${feed.pendingImportId}`} variant="secondary">
                  Review<span className="sr-only"> the import of {feed.name}</span>
                </LinkButton>
              ) : null}
              <RowActionButton action={refresh.bind(null, feed.id)} label="Refresh now" what={feed.name} pendingLabel="Refreshing…" />
              <RowActionButton
                action={remove.bind(null, feed.id)}
                label="Remove"
                what={`the feed ${feed.name}`}
                pendingLabel="Removing…"
                variant="danger"
                confirm="Remove this calendar feed? The weeks it wrote stay; you can undo its imports from the list below."
              />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
