import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TouchpointEditForm } from "@/components/touchpoints/touchpoint-edit-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { safeCallbackPath } from "@/lib/shared/safe-redirect";
import { listStakeholderOptions } from "@/lib/stakeholders";
import { getTouchpoint } from "@/lib/touchpoints";
import { requireViewer } from "@/lib/server/viewer";
import { updateTouchpointAction } from "../../actions";

export const metadata: Metadata = { title: "Edit touchpoint" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ returnTo?: string | string[] }> };

export default async function EditTouchpointPage({ params, searchParams }: Props) {
  const [{ id }, { returnTo }] = await Promise.all([params, searchParams]);
  const viewer = await requireViewer();
  const [touchpoint, stakeholders] = await Promise.all([getTouchpoint(viewer, id), listStakeholderOptions(viewer)]);
  if (!touchpoint) notFound();
  // Back to where the edit started, else the week the touchpoint is in.
  const back = typeof returnTo === "string" ? safeCallbackPath(returnTo) : `/weeks/${touchpoint.occurredOn}`;

  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title="Edit touchpoint" description={touchpoint.stakeholder ? `With ${touchpoint.stakeholder.name}` : "A group meeting"} />
      <Card>
        <TouchpointEditForm
          action={updateTouchpointAction}
          id={touchpoint.id}
          stakeholders={stakeholders}
          returnTo={back}
          defaults={{
            occurredOn: touchpoint.occurredOn,
            stakeholderId: touchpoint.stakeholder?.id ?? null,
            department: touchpoint.stakeholder ? null : touchpoint.department,
            channel: touchpoint.channel,
            topic: touchpoint.topic,
            outcome: touchpoint.outcome,
            notable: touchpoint.notable,
          }}
        />
      </Card>
    </div>
  );
}
