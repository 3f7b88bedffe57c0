import Link from "next/link";
import { cn } from "@/components/ui/cn";
import type { NotificationItem } from "@/lib/mentoring/notifications";
import { zonedDateTimeFormat } from "@/lib/shared/dates";

/** New comments and reviews, newest first; unread ones stand out in words and weight, not colour alone. */
export function NotificationList({ items, timeZone }: { items: NotificationItem[]; timeZone: string }) {
  const format = zonedDateTimeFormat(timeZone, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
  return (
    <ul className="divide-y divide-border rounded-lg border border-border bg-surface" aria-label="Notifications">
      {items.map((item) => (
        <li key={item.id} className={cn("relative px-4 py-4 hover:bg-surface-muted sm:px-5", !item.readAt && "bg-accent-soft/40")}>
          <p className="text-sm text-muted">
            {item.readAt ? null : <span className="mr-2 rounded-full border border-border-strong px-2 py-0.5 text-xs font-medium text-text">New</span>}
            <time dateTime={item.createdAt.toISOString()}>{format.format(item.createdAt)}</time> · {item.on}
          </p>
          <Link href={item.href} className={cn("mt-1 block after:absolute after:inset-0 after:content-['']", !item.readAt && "font-medium")}>
            {item.author} {item.kind === "review" ? "marked this week reviewed" : "commented"}
          </Link>
          {item.kind === "comment" ? <p className="mt-1 line-clamp-2 text-sm break-words whitespace-pre-line">{item.body}</p> : null}
        </li>
      ))}
    </ul>
  );
}
