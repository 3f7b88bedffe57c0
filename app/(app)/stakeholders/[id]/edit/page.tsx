import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StakeholderForm } from "@/components/stakeholders/stakeholder-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getStakeholder } from "@/lib/stakeholders";
import { requireViewer } from "@/lib/server/viewer";
import { updateStakeholderAction } from "../../actions";

export const metadata: Metadata = { title: "Edit stakeholder" };

export default async function EditStakeholderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireViewer();
  const stakeholder = await getStakeholder(viewer, id);
  if (!stakeholder) notFound();
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title={`Edit ${stakeholder.name}`} />
      <Card>
        <StakeholderForm
          action={updateStakeholderAction}
          id={stakeholder.id}
          defaults={{ name: stakeholder.name, role: stakeholder.role, department: stakeholder.department, cadenceDays: stakeholder.cadenceDays, notes: stakeholder.notes, email: stakeholder.email }}
          cancelHref={`/stakeholders/${stakeholder.id}`}
        />
      </Card>
    </div>
  );
}
