import { PageSkeleton, SkeletonBlock } from "@/components/ui/page-skeleton";

export default function Loading() {
  return (
    <PageSkeleton width="max-w-4xl" what="your mentee's quarterly story">
      <SkeletonBlock className="h-48" />
      <SkeletonBlock className="h-96" />
    </PageSkeleton>
  );
}
