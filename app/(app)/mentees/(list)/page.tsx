import type { Metadata } from "next";
import { MenteeList } from "@/components/mentors/mentee-list";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { EndedMentees } from "@/components/mentors/access-ended";
import { endedAccessMessage, listEndedMentees, listMentees } from "@/lib/mentoring/mentor-access";
import { requireViewer } from "@/lib/server/viewer";

export const metadata: Metadata = { title: "Mentees" };

export default async function MenteesPage() {
  const viewer = await requireViewer();
  const [mentees, ended] = await Promise.all([listMentees(viewer), listEndedMentees(viewer)]);
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader title="Mentees" description="Leaders who share their progress with you. Weeks to review counts the last 12 weeks." />
      {mentees.length === 0 ? (
        <EmptyState title="Nobody shares with you yet">
          When a leader invites you to mentor them, open the link in their email and accept. They will show up here with their latest weeks.
        </EmptyState>
      ) : (
        <MenteeList mentees={mentees} />
      )}
      {ended.length > 0 ? <EndedMentees messages={ended.map((e) => ({ key: e.menteeId, message: endedAccessMessage(e) }))} /> : null}
    </div>
  );
}
