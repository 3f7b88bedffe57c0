import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";

/** A placeholder for a section that a later release fills. */
export function ComingSoon({ title, description }: { title: string; description: string }) {
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={title} />
      <EmptyState title="Coming soon">{description}</EmptyState>
    </div>
  );
}
