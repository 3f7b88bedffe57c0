import { PageSkeleton, SkeletonBlock } from "@/components/ui/page-skeleton";

export default function Loading() {
  return (
    <PageSkeleton width="max-w-6xl" what="your mentee's dashboard">
      <SkeletonBlock className="h-28" />
      <SkeletonBlock className="h-96" />
    </PageSkeleton>
  );
}
