import { markup } from "@/components/charts/markup";
import { cn } from "@/components/ui/cn";
import { MarkupList } from "@/components/ui/markup-list";
import type { NotificationItem } from "@/lib/mentoring/notifications";
import { zonedDateTimeFormat } from "@/lib/shared/dates";

/**
 * New comments and reviews, newest first; unread ones stand out in words and weight, not colour alone.
 * One markup string (decision record 037): the comments' text is escaped by `markup`.
 */
export function NotificationList({ items, timeZone }: { items: NotificationItem[]; timeZone: string }) {
  const format = zonedDateTimeFormat(timeZone, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
  const rows = items.map(
    (item) =>
      markup`<li class="${cn("relative px-4 py-4 hover:bg-surface-muted sm:px-5", !item.readAt && "bg-accent-soft/40")}"><p class="text-sm text-muted">${
        item.readAt ? "" : markup`<span class="mr-2 rounded-full border border-border-strong px-2 py-0.5 text-xs font-medium text-text">New</span>`
      }<time datetime="${item.createdAt.toISOString()}">${format.format(item.createdAt)}</time> · ${item.on}</p><a href="${item.href}" class="${cn(
        "mt-1 block after:absolute after:inset-0 after:content-['']",
        !item.readAt && "font-medium",
      )}">${item.author} ${item.kind === "review" ? "marked this week reviewed" : "commented"}</a>${
        item.kind === "comment" ? markup`<p class="mt-1 line-clamp-2 text-sm break-words whitespace-pre-line">${item.body}</p>` : ""
      }</li>`,
  );
  return <MarkupList links className="divide-y divide-border rounded-lg border border-border bg-surface" aria-label="Notifications" markup={markup`${rows}`} />;
}
