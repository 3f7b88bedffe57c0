import { PageSkeleton, SkeletonBlock } from "@/components/ui/page-skeleton";

export default function Loading() {
  return (
    <PageSkeleton width="max-w-2xl" what="the import">
      <SkeletonBlock className="h-96" />
    </PageSkeleton>
  );
}
