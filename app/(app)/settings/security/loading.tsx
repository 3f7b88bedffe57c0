import { PageSkeleton, SkeletonBlock } from "@/components/ui/page-skeleton";

export default function Loading() {
  return (
    <PageSkeleton width="max-w-3xl" what="your security history">
      <SkeletonBlock className="h-96" />
    </PageSkeleton>
  );
}
