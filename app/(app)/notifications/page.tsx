import type { Metadata } from "next";
import { RowActionButton } from "@/components/mentors/row-action-button";
import { NotificationList } from "@/components/reviews/notification-list";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listNotifications } from "@/lib/mentoring/notifications";
import { getCalendarSettings } from "@/lib/users";
import { requireViewer } from "@/lib/server/viewer";
import { formatTimeZone } from "@/lib/shared/week-dates";
import { markAllReadAction } from "./actions";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const viewer = await requireViewer();
  const [{ unread, items }, { timeZone }] = await Promise.all([listNotifications(viewer), getCalendarSettings(viewer)]);
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title="Notifications"
        description={`${unread === 0 ? "Nothing unread" : `${unread} unread`} · times in ${formatTimeZone(timeZone)}. Opening a comment marks it read.`}
        action={unread > 0 ? <RowActionButton action={markAllReadAction} label="Mark all as read" pendingLabel="Marking…" /> : null}
      />
      {items.length === 0 ? (
        <EmptyState title="No comments yet">
          When a mentor comments on one of your weeks, or a leader you mentor replies, it shows here and you get an email (at most one an hour from each
          person).
        </EmptyState>
      ) : (
        <NotificationList items={items} timeZone={timeZone} />
      )}
    </div>
  );
}
