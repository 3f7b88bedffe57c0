import type { AuditEventView } from "@/lib/server/audit";
import { zonedDateTimeFormat } from "@/lib/shared/dates";

/** "Firefox on macOS": enough to recognise a device, without the whole user-agent string. */
function describeDevice(userAgent: string | null): string {
  if (!userAgent) return "Unknown device";
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /Chrome\/|Chromium\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : "A browser";
  const system = /iPhone|iPad/.test(userAgent)
    ? "iOS"
    : /Android/.test(userAgent)
      ? "Android"
      : /Mac OS X|Macintosh/.test(userAgent)
        ? "macOS"
        : /Windows/.test(userAgent)
          ? "Windows"
          : /Linux/.test(userAgent)
            ? "Linux"
            : null;
  return system ? `${browser} on ${system}` : browser;
}

/** A run of the same event from the same device, one after the other: shown as one line. */
export type SecurityHistoryEntry = { first: AuditEventView; last: AuditEventView; count: number };

/**
 * Groups repeats: events in a row (newest first) with the same label, device and IP
 * become one entry, so three downloads of one file read as one line, "3 times".
 */
export function groupRepeats(events: readonly AuditEventView[]): SecurityHistoryEntry[] {
  const entries: SecurityHistoryEntry[] = [];
  for (const event of events) {
    const previous = entries.at(-1);
    if (previous && previous.last.label === event.label && previous.last.userAgent === event.userAgent && previous.last.ip === event.ip) {
      previous.first = event;
      previous.count += 1;
    } else {
      entries.push({ first: event, last: event, count: 1 });
    }
  }
  return entries;
}

export function SecurityHistory({ events, timeZone }: { events: AuditEventView[]; timeZone: string }) {
  const when = zonedDateTimeFormat(timeZone, { dateStyle: "medium", timeStyle: "short" });
  return (
    <ol className="divide-y divide-border rounded-lg border border-border bg-surface">
      {groupRepeats(events).map(({ first, last, count }) => (
        <li key={last.id} className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-baseline sm:justify-between sm:gap-6">
          <div className="min-w-0">
            <p className="font-medium break-words">
              {last.label}
              {count > 1 ? ` ${count} times` : null}
            </p>
            <p className="text-sm text-muted">
              {describeDevice(last.userAgent)}
              {last.ip ? <span className="tabular"> · {last.ip}</span> : null}
              {count > 1 ? (
                <>
                  {" · first at "}
                  <time dateTime={first.createdAt.toISOString()} className="tabular">
                    {when.format(first.createdAt)}
                  </time>
                </>
              ) : null}
            </p>
          </div>
          <p className="tabular shrink-0 text-sm text-muted">
            {count > 1 ? "last at " : null}
            <time dateTime={last.createdAt.toISOString()}>{when.format(last.createdAt)}</time>
          </p>
        </li>
      ))}
    </ol>
  );
}
