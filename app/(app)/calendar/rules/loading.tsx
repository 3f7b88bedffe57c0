import { PageSkeleton, SkeletonBlock } from "@/components/ui/page-skeleton";

export default function Loading() {
  return (
    <PageSkeleton width="max-w-2xl" what="your calendar rules">
      <SkeletonBlock className="h-72" />
    </PageSkeleton>
  );
}
