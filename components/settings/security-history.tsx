import type { AuditEventView } from "@/lib/server/audit";

/** "Firefox on macOS": enough to recognise a device, without the whole user-agent string. */
export function describeDevice(userAgent: string | null): string {
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

export function SecurityHistory({ events, timeZone }: { events: AuditEventView[]; timeZone: string }) {
  const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone });
  return (
    <ol className="divide-y divide-border rounded-lg border border-border bg-surface">
      {events.map((event) => (
        <li key={event.id} className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-baseline sm:justify-between sm:gap-6">
          <div className="min-w-0">
            <p className="font-medium">{event.label}</p>
            <p className="text-sm text-muted">
              {describeDevice(event.userAgent)}
              {event.ip ? <span className="tabular"> · {event.ip}</span> : null}
            </p>
          </div>
          <time dateTime={event.createdAt.toISOString()} className="tabular shrink-0 text-sm text-muted">
            {when.format(event.createdAt)}
          </time>
        </li>
      ))}
    </ol>
  );
}
