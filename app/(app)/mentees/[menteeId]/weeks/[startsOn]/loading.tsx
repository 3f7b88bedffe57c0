import { PageSkeleton, SkeletonBlock } from "@/components/ui/page-skeleton";

export default function Loading() {
  return (
    <PageSkeleton width="max-w-2xl" what="the week">
      <SkeletonBlock className="h-64" />
      <SkeletonBlock className="h-48" />
    </PageSkeleton>
  );
}
