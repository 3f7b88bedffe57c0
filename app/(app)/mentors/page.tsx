import type { Metadata } from "next";
import { InviteForm } from "@/components/mentors/invite-form";
import { MentorshipList } from "@/components/mentors/mentorship-list";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listMentorships } from "@/lib/mentoring/mentorships";
import { getCalendarSettings } from "@/lib/users";
import { requireViewer } from "@/lib/server/viewer";
import { cancelInvitationAction, endMentorshipAction, inviteMentorAction, resendInvitationAction, updateSharingAction } from "./actions";

export const metadata: Metadata = { title: "Mentors" };

const rowActions = { end: endMentorshipAction, resend: resendInvitationAction, cancel: cancelInvitationAction, updateSharing: updateSharingAction };

export default async function MentorsPage() {
  const viewer = await requireViewer();
  const [mentorships, { timeZone }] = await Promise.all([listMentorships(viewer), getCalendarSettings(viewer)]);
  const live = mentorships.filter((m) => m.state === "accepted" || m.state === "pending" || m.state === "expired");
  const past = mentorships.filter((m) => m.state === "cancelled" || m.state === "ended");
  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <PageHeader
        title="Mentors"
        description="Invite a coach, your CEO or a former CTO to follow your progress and comment on your weeks, without a weekly status meeting."
      />
      <Card title="Invite a mentor">
        <InviteForm action={inviteMentorAction} />
      </Card>
      <section aria-labelledby="mentors-title" className="space-y-3">
        <h2 id="mentors-title" className="text-lg font-semibold">
          Your mentors and invitations
        </h2>
        {live.length === 0 ? (
          <p className="rounded-md border border-dashed border-border-strong px-4 py-6 text-center text-sm text-muted">
            No mentors yet. Invite one above: they get an email with a link that works once, for 7 days.
          </p>
        ) : (
          <MentorshipList mentorships={live} timeZone={timeZone} label="Mentors and invitations" actions={rowActions} />
        )}
      </section>
      {past.length > 0 ? (
        <section aria-labelledby="past-title" className="space-y-3">
          <h2 id="past-title" className="text-base font-semibold text-muted">
            Past
          </h2>
          <MentorshipList mentorships={past} timeZone={timeZone} label="Past mentors and invitations" actions={rowActions} />
        </section>
      ) : null}
    </div>
  );
}
