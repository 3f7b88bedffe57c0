import { PageSkeleton, SkeletonBlock } from "@/components/ui/page-skeleton";

export default function Loading() {
  return (
    <PageSkeleton width="max-w-3xl" what="your notifications">
      <SkeletonBlock className="h-64" />
    </PageSkeleton>
  );
}
