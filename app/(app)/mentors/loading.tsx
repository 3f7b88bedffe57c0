import { PageSkeleton, SkeletonBlock } from "@/components/ui/page-skeleton";

export default function Loading() {
  return (
    <PageSkeleton width="max-w-3xl" what="your mentors">
      <SkeletonBlock className="h-72" />
      <SkeletonBlock className="h-40" />
    </PageSkeleton>
  );
}
