import { PageSkeleton, SkeletonBlock } from "@/components/ui/page-skeleton";

export default function Loading() {
  return (
    <PageSkeleton width="max-w-2xl" what="your calendar">
      <SkeletonBlock className="h-56" />
      <SkeletonBlock className="h-40" />
    </PageSkeleton>
  );
}
