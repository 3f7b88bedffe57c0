import type { Metadata } from "next";
import { StakeholderForm } from "@/components/stakeholders/stakeholder-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/server/viewer";
import { createStakeholderAction } from "../actions";

export const metadata: Metadata = { title: "Add a stakeholder" };

export default async function NewStakeholderPage() {
  await requireViewer();
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title="Add a stakeholder" description="Someone outside engineering you want a relationship with." />
      <Card>
        <StakeholderForm action={createStakeholderAction} cancelHref="/stakeholders" />
      </Card>
    </div>
  );
}
