import type { Metadata } from "next";
import { SecurityHistory } from "@/components/settings/security-history";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkButton } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { listAuditEvents } from "@/lib/server/audit";
import { getCalendarSettings } from "@/lib/users";
import { requireViewer } from "@/lib/server/viewer";

export const metadata: Metadata = { title: "Security history" };

const SHOWN = 100;

export default async function SecurityHistoryPage() {
  const viewer = await requireViewer();
  const [events, { timeZone }] = await Promise.all([listAuditEvents(viewer, { limit: SHOWN }), getCalendarSettings(viewer)]);
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title="Security history"
        description={`Sign-ins, invitations, sharing changes and downloads on your account, newest first (times in ${timeZone.replaceAll("_", " ")}). Something you do not recognise? Sign out of all devices in Settings.`}
        action={
          <LinkButton href="/settings" variant="secondary">
            Back to settings
          </LinkButton>
        }
      />
      {events.length === 0 ? (
        <EmptyState title="Nothing here yet">Your next sign-in, invitation or download will show up here.</EmptyState>
      ) : (
        <SecurityHistory events={events} timeZone={timeZone} />
      )}
      {events.length === SHOWN ? <p className="mt-3 text-sm text-muted">Showing the latest {SHOWN} events.</p> : null}
    </div>
  );
}
