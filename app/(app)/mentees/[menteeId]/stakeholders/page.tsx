import type { Metadata } from "next";
import Link from "next/link";
import { StakeholderList } from "@/components/stakeholders/stakeholder-list";
import { PageHeader } from "@/components/ui/page-header";
import { listMenteeStakeholders, menteeName } from "@/lib/mentoring/mentor-access";
import { requireViewer } from "@/lib/server/viewer";
import { accessEndedOrNotFound } from "../../access-ended";

export const metadata: Metadata = { title: "Mentee's stakeholders" };

export default async function MenteeStakeholdersPage({ params }: { params: Promise<{ menteeId: string }> }) {
  const { menteeId } = await params;
  const viewer = await requireViewer();
  const data = await listMenteeStakeholders(viewer, menteeId);
  if (!data) return accessEndedOrNotFound(viewer, menteeId);
  const name = menteeName(data.access);
  const { list } = data;
  return (
    <div className="mx-auto max-w-4xl">
      <p className="mb-4 text-sm">
        <Link href={`/mentees/${encodeURIComponent(menteeId)}`} className="text-accent underline-offset-2 hover:underline">
          ← {name}
        </Link>
      </p>
      <PageHeader
        title={`${name}'s stakeholders`}
        description={`${list.total} people outside engineering, ${list.overdueTotal} past their cadence. Touchpoints show on each week.`}
      />
      {list.stakeholders.length === 0 ? (
        <p className="text-muted">{name} has not added a stakeholder yet.</p>
      ) : (
        <StakeholderList stakeholders={list.stakeholders} readOnly />
      )}
    </div>
  );
}
