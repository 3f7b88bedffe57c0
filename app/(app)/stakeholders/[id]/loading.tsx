import { PageSkeleton, SkeletonBlock } from "@/components/ui/page-skeleton";

export default function Loading() {
  return (
    <PageSkeleton width="max-w-3xl" what="the stakeholder" action>
      <SkeletonBlock className="h-32" />
      <SkeletonBlock className="h-96" />
    </PageSkeleton>
  );
}
